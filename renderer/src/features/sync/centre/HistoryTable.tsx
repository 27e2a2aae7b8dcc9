/** The last sync runs: when, why, what moved, how it ended. */
import { Empty, Table, Tag, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Output } from '../../../../../shared/api';
import { fileSize, fullTime, shortTime } from '../state/format';
import { lastErrorText } from './lastErrorText';

type Entry = Output<'sync.history'>[number];

// Preset colours rather than status ones: their text reads on the tag (app/theme.ts).
const OUTCOME_COLOR: Record<string, string> = {
  ok: 'green',
  offline: 'default',
  retrying: 'gold',
  needs_attention: 'error',
  signed_out: 'default',
};

const seconds = (e: Entry) => Math.max(0, (Date.parse(e.finishedAt) - Date.parse(e.startedAt)) / 1000).toFixed(1);

export function HistoryTable({ history }: { history: Entry[] }) {
  const { t } = useTranslation();
  if (history.length === 0) return <Empty description={t('sync.history.empty')} />;
  return (
    <Table<Entry>
      size="small"
      rowKey="id"
      data-testid="sync-history"
      dataSource={history}
      pagination={history.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
      columns={[
        {
          key: 'at',
          title: t('sync.history.at'),
          width: 130,
          render: (_, e) => <Tooltip title={fullTime(e.startedAt)}>{shortTime(e.startedAt)}</Tooltip>,
        },
        {
          key: 'trigger',
          title: t('sync.history.trigger'),
          width: 110,
          render: (_, e) => t(`sync.trigger.${e.trigger}`, { defaultValue: e.trigger }),
        },
        {
          key: 'outcome',
          title: t('sync.history.outcome'),
          width: 110,
          render: (_, e) => <Tag color={OUTCOME_COLOR[e.outcome]}>{t(`sync.outcome.${e.outcome}`, { defaultValue: e.outcome })}</Tag>,
        },
        {
          key: 'moved',
          title: t('sync.history.moved'),
          render: (_, e) =>
            t('sync.history.movedText', { pushed: e.pushed, pulled: e.pulled, conflicts: e.conflicts, bytes: fileSize(e.uploadedBytes) }),
        },
        { key: 'took', title: t('sync.history.took'), width: 80, align: 'right', render: (_, e) => `${seconds(e)} s` },
        {
          key: 'error',
          title: t('sync.queue.lastError'),
          render: (_, e) => (e.error ? <Typography.Text type="warning">{lastErrorText(t, e.error)}</Typography.Text> : '—'),
        },
      ]}
    />
  );
}
