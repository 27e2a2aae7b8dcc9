/** The ops waiting to reach the platform: what, which enterprise, since when, attempts, last error. */
import { Empty, Table, Tag, Tooltip, Typography } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { Output } from '../../../../../shared/api';
import type { SyncStatus } from '../../../../../shared/api/sync';
import { fieldLabel, fullTime, shortTime, tableLabel } from '../state/format';
import { rowKey, useEnterpriseNames } from '../state/useEnterpriseNames';
import { lastErrorText } from './lastErrorText';
import { EnterpriseLink } from './EnterpriseLink';

type Op = Output<'sync.queue'>['ops'][number];

function whatText(t: TFunction, op: Op): string {
  if (op.kind === 'command') return t(`sync.command.${(op.name ?? '').replace(/\./g, '_')}`, { defaultValue: op.name ?? '' });
  const what = `${t(`sync.opKind.${op.kind}`)}${tableLabel(t, op.tbl)}`;
  if (op.kind !== 'update' || op.fields.length === 0) return what;
  return `${what}：${op.fields.map((f) => fieldLabel(t, f)).join('、')}`;
}

export function QueueTable({ queue, status }: { queue: Output<'sync.queue'>; status: SyncStatus }) {
  const { t } = useTranslation();
  const names = useEnterpriseNames(queue.ops);
  if (queue.ops.length === 0) return <Empty description={t('sync.queue.empty')} data-testid="sync-queue-empty" />;
  const error = status.lastError ? lastErrorText(t, status.lastError) : null;
  return (
    <Table<Op>
      size="small"
      rowKey="opSeq"
      data-testid="sync-queue"
      dataSource={queue.ops}
      pagination={queue.ops.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
      footer={queue.total > queue.ops.length ? () => t('sync.queue.more', { total: queue.total, shown: queue.ops.length }) : undefined}
      onRow={() => ({ 'data-testid': 'sync-queue-row' }) as React.HTMLAttributes<HTMLElement>}
      columns={[
        { key: 'what', title: t('sync.queue.what'), render: (_, op) => whatText(t, op) },
        {
          key: 'enterprise',
          title: t('sync.queue.enterprise'),
          render: (_, op) => <EnterpriseLink enterprise={names.get(rowKey(op))} fallback={op.label} />,
        },
        {
          key: 'since',
          title: t('sync.queue.since'),
          width: 120,
          render: (_, op) => <Tooltip title={fullTime(op.createdAt)}>{shortTime(op.createdAt)}</Tooltip>,
        },
        {
          key: 'status',
          title: t('sync.queue.status'),
          width: 120,
          render: (_, op) => <Tag color={op.status === 'sent' ? 'processing' : 'default'}>{t(`sync.queue.state.${op.status}`)}</Tag>,
        },
        { key: 'attempts', title: t('sync.queue.attempts'), width: 90, align: 'right', render: (_, op) => op.attempts },
        {
          key: 'error',
          title: t('sync.queue.lastError'),
          render: (_, op) => (op.attempts > 0 && error ? <Typography.Text type="warning">{error}</Typography.Text> : '—'),
        },
      ]}
    />
  );
}
