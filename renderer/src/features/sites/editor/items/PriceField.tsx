/** 价格: an amount in yuan (stored in fen) with an optional unit, or 面议, or none. */
import { Input, InputNumber, Radio, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Price } from '../../../../../../shared/sites/model';

export function PriceField({ value, onChange }: { value: Price | undefined; onChange: (p: Price | undefined) => void }) {
  const { t } = useTranslation();
  const kind = value?.kind ?? 'none';
  return (
    <Space wrap>
      <Radio.Group
        value={kind}
        onChange={(e) => {
          const next = e.target.value as string;
          onChange(next === 'amount' ? { kind: 'amount', fen: 0 } : next === 'negotiable' ? { kind: 'negotiable' } : undefined);
        }}
        options={[
          { value: 'amount', label: t('sites.item.priceAmount') },
          { value: 'negotiable', label: t('sites.item.priceNegotiable') },
          { value: 'none', label: t('sites.item.priceNone') },
        ]}
      />
      {value?.kind === 'amount' ? (
        <Space.Compact>
          <InputNumber
            min={0}
            max={100_000_000}
            precision={2}
            value={value.fen / 100}
            onChange={(yuan) => onChange({ ...value, fen: Math.round(Number(yuan ?? 0) * 100) })}
            addonAfter={t('common.yuan')}
            aria-label={t('sites.item.price')}
            data-testid="item-price"
            style={{ width: 160 }}
          />
          <Input
            value={value.unit ?? ''}
            maxLength={20}
            placeholder={t('sites.item.unitPlaceholder')}
            onChange={(e) => onChange({ ...value, unit: e.target.value || undefined })}
            aria-label={t('sites.item.unit')}
            style={{ width: 110 }}
          />
        </Space.Compact>
      ) : null}
    </Space>
  );
}
