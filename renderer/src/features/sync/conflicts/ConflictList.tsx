/** Every open conflict, oldest first; the one an enterprise page linked to is scrolled to and marked. */
import { useEffect, useRef } from 'react';
import { Empty } from 'antd';
import { useTranslation } from 'react-i18next';
import type { SyncConflict } from '../../../../../shared/api/sync';
import { rowKey, useEnterpriseNames } from '../state/useEnterpriseNames';
import { BulkActions } from './BulkActions';
import { ConflictCard } from './ConflictCard';

export function ConflictList({
  conflicts,
  focusRow,
  onResolved,
}: {
  conflicts: SyncConflict[];
  focusRow: string | null;
  onResolved: () => void;
}) {
  const { t } = useTranslation();
  const names = useEnterpriseNames(conflicts);
  const focused = useRef<HTMLDivElement | null>(null);
  const hasFocus = Boolean(focusRow && conflicts.some((c) => c.rowId === focusRow));
  useEffect(() => {
    if (hasFocus) focused.current?.scrollIntoView({ block: 'start', behavior: 'smooth' });
  }, [hasFocus]);
  if (conflicts.length === 0) return <Empty description={t('sync.conflict.none')} data-testid="sync-conflicts-empty" />;
  const focusId = conflicts.find((c) => c.rowId === focusRow)?.id;
  return (
    <div className="ecw-sync-conflicts" data-testid="sync-conflicts">
      <BulkActions conflicts={conflicts} onResolved={onResolved} />
      {conflicts.map((c) => {
        const mark = c.rowId === focusRow;
        return (
          <ConflictCard
            key={c.id}
            ref={c.id === focusId ? focused : undefined}
            conflict={c}
            enterprise={names.get(rowKey(c))}
            highlighted={mark}
            onResolved={onResolved}
          />
        );
      })}
    </div>
  );
}
