/** One conflict: what it is about (enterprise, table, when), the side-by-side view, export of my side. */
import type { Ref } from 'react';
import { Button, Card, Space, Tag, Tooltip } from 'antd';
import { ExportOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { SyncConflict } from '../../../../../shared/api/sync';
import { EnterpriseLink } from '../centre/EnterpriseLink';
import { conflictTextKey, fullTime, shortTime, tableLabel } from '../state/format';
import { FieldConflict } from './FieldConflict';
import { RowConflict } from './RowConflict';
import { useResolve } from './useResolve';

interface Props {
  conflict: SyncConflict;
  enterprise: { id: string; name: string } | null | undefined;
  highlighted: boolean;
  onResolved: () => void;
  ref?: Ref<HTMLDivElement>;
}

const KIND_COLOR: Record<string, string> = { field: 'orange', forbidden: 'red', invalid: 'red', rejected: 'red', duplicate_key: 'purple' };

export function ConflictCard({ conflict, enterprise, highlighted, onResolved, ref }: Props) {
  const { t } = useTranslation();
  const { busy, resolve, exportMine } = useResolve(conflict, onResolved);
  const title = (
    <Space wrap size={8}>
      <Tag color={KIND_COLOR[conflict.kind] ?? 'gold'} data-testid="conflict-kind">
        {t(`sync.conflict.kind.${conflictTextKey(conflict)}`)}
      </Tag>
      <span>{tableLabel(t, conflict.tbl)}</span>
      <EnterpriseLink enterprise={enterprise} fallback={conflict.label} />
    </Space>
  );
  const extra = (
    <Space size={12}>
      <Tooltip title={fullTime(conflict.createdAt)}>
        <span className="ecw-muted">{shortTime(conflict.createdAt)}</span>
      </Tooltip>
      <Button
        size="small"
        icon={<ExportOutlined />}
        loading={busy === 'export'}
        onClick={() => void exportMine()}
        data-testid="conflict-export"
      >
        {t('sync.conflict.export')}
      </Button>
    </Space>
  );
  return (
    <div ref={ref}>
      <Card
        size="small"
        title={title}
        extra={extra}
        className={`ecw-sync-conflict${highlighted ? ' is-highlighted' : ''}`}
        data-testid="conflict"
        data-kind={conflict.kind}
        data-row={conflict.rowId}
      >
        {conflict.kind === 'field' ? (
          <FieldConflict conflict={conflict} busy={busy} resolve={resolve} />
        ) : (
          <RowConflict conflict={conflict} busy={busy} resolve={resolve} />
        )}
      </Card>
    </div>
  );
}
