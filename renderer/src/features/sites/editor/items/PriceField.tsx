/**
 * 价格: typed as people write it ("16.8万元", "200-400元/颗", "180元起", "面议", "时价") and read by the
 * same parser the importer uses (shared/sites/price.ts). The line under the box always says what will
 * be saved; text the parser cannot read is named, and the price saved stays what it was.
 */
import { useState } from 'react';
import { Input, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatPrice, type Price } from '../../../../../../shared/sites/model';
import { groupedYuan, readPrice } from '../../../../../../shared/sites/price';

/** The understood price with its digits grouped: "168,000元", "200–400元/颗", "180元起", "时价". */
function understood(price: Price): string {
  if (price.kind === 'negotiable') return price.text || '面议';
  const amount =
    price.maxFen !== undefined && price.maxFen > price.fen
      ? `${groupedYuan(price.fen)}–${groupedYuan(price.maxFen)}`
      : groupedYuan(price.fen);
  return `${amount}元${price.unit ? `/${price.unit}` : ''}${price.from ? '起' : ''}`;
}

const samePrice = (a: Price | undefined, b: Price | undefined) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

export function PriceField({ value, onChange }: { value: Price | undefined; onChange: (p: Price | undefined) => void }) {
  const { t } = useTranslation();
  const [text, setText] = useState(() => formatPrice(value));
  const [shown, setShown] = useState(value);
  // The price changed elsewhere (undo, another save): show it.
  if (!samePrice(value, shown)) {
    setShown(value);
    const reading = readPrice(text);
    if (!(reading.ok && samePrice(reading.price, value))) setText(formatPrice(value));
  }
  const reading = readPrice(text);
  const change = (next: string) => {
    setText(next);
    const read = readPrice(next);
    if (!next.trim()) onChange(undefined);
    else if (read.ok) onChange(read.price);
  };
  const note = !text.trim()
    ? { type: 'secondary' as const, text: t('sites.item.priceNone') }
    : reading.ok
      ? {
          type: 'secondary' as const,
          text: t(reading.price.kind === 'negotiable' ? 'sites.item.priceUnderstoodNoAmount' : 'sites.item.priceUnderstood', {
            value: understood(reading.price),
          }),
        }
      : {
          type: 'danger' as const,
          text: t(`sites.item.priceProblem.${reading.reason}`, { kept: value ? understood(value) : t('sites.item.priceNone') }),
        };
  return (
    <div className="ecw-price-field">
      <Input
        value={text}
        maxLength={40}
        placeholder={t('sites.item.pricePlaceholder')}
        onChange={(e) => change(e.target.value)}
        aria-label={t('sites.item.price')}
        status={reading.ok || !text.trim() ? undefined : 'error'}
        data-testid="item-price"
        style={{ maxWidth: 260 }}
      />
      <Typography.Text type={note.type} className="ecw-small" data-testid="item-price-understood">
        {note.text}
      </Typography.Text>
    </div>
  );
}
