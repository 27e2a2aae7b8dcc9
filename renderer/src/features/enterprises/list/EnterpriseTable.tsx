/**
 * The virtualized enterprise table: only the rows on screen are in the DOM. Rows not loaded yet
 * show a grey placeholder until their page arrives. Arrow keys move the selection, Enter opens.
 */
import { useEffect, useRef, type KeyboardEvent } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useTranslation } from 'react-i18next';
import type { EnterpriseListRow } from '../../../../../shared/domain/enterprise';
import { useApiQuery } from '../../../api/hooks';
import { EnterpriseTableRow, PlaceholderRow } from './EnterpriseTableRow';

export const ROW_HEIGHT = 44;

interface Props {
  total: number;
  rowAt: (index: number) => EnterpriseListRow | undefined;
  showRange: (first: number, last: number) => void;
  selected: number;
  onSelect: (index: number) => void;
  onOpen: (row: EnterpriseListRow) => void;
  onKeyDown: (event: KeyboardEvent<HTMLElement>) => void;
}

export function EnterpriseTable({ total, rowAt, showRange, selected, onSelect, onOpen, onKeyDown }: Props) {
  const { t } = useTranslation();
  const scrollRef = useRef<HTMLDivElement>(null);
  const plans = useApiQuery('catalog.current', {}).data?.plans;
  // eslint-disable-next-line react-hooks/incompatible-library -- no React Compiler here; the virtualizer re-renders this component itself
  const virtualizer = useVirtualizer({
    count: total,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
  });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items.at(-1)?.index ?? 0;

  useEffect(() => showRange(first, last), [first, last, showRange]);
  useEffect(() => {
    if (selected >= 0 && selected < total) virtualizer.scrollToIndex(selected, { align: 'auto' });
  }, [selected, total, virtualizer]);

  return (
    <div className="ecw-etable" role="grid" aria-rowcount={total} aria-label={t('enterprises.list.title')}>
      <div className="ecw-etable-row ecw-etable-head" role="row">
        <span role="columnheader">{t('enterprises.field.name')}</span>
        <span role="columnheader">{t('enterprises.field.creditCode')}</span>
        <span role="columnheader">{t('enterprises.field.contact')}</span>
        <span role="columnheader">{t('enterprises.field.region')}</span>
        <span role="columnheader">{t('enterprises.list.managerChannel')}</span>
        <span role="columnheader">{t('enterprises.list.planStatus')}</span>
        <span role="columnheader">{t('enterprises.field.updatedAt')}</span>
      </div>
      <div ref={scrollRef} className="ecw-etable-body" role="rowgroup" tabIndex={0} onKeyDown={onKeyDown} data-testid="enterprise-table">
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {items.map((item) => {
            const row = rowAt(item.index);
            const style = { transform: `translateY(${item.start}px)`, height: ROW_HEIGHT };
            return row ? (
              <EnterpriseTableRow
                key={row.id}
                row={row}
                planName={row.planCode ? (plans?.find((p) => p.code === row.planCode)?.name ?? row.planCode) : null}
                index={item.index}
                style={style}
                selected={item.index === selected}
                onClick={() => {
                  onSelect(item.index);
                  onOpen(row);
                }}
              />
            ) : (
              <PlaceholderRow key={`placeholder-${item.index}`} style={style} />
            );
          })}
        </div>
      </div>
    </div>
  );
}
