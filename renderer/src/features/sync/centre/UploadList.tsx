/** Images waiting to reach the platform: per image its progress (live, from the sync status), attempts, error and a retry. */
import { useMemo } from 'react';
import { App as AntApp, Button, Empty, Progress, Table, Tag, Typography } from 'antd';
import { RedoOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { Output } from '../../../../../shared/api';
import { useApiMutation } from '../../../api/hooks';
import { useShowError } from '../../../ui/apiErrors';
import { fileSize, percent } from '../state/format';
import { useSyncStatus } from '../state/syncStore';
import { UploadThumb } from './UploadThumb';

type Upload = Output<'sync.uploads'>[number];

// Preset colours rather than status ones: their text reads on the tag (app/theme.ts).
const STATE_COLOR: Record<string, string> = { pending_upload: 'default', uploading: 'processing', failed: 'error', uploaded: 'green' };

/** Bytes sent per image on its way, as the engine reports them in its status while it uploads. */
function useLiveProgress(): Map<string, number> {
  const uploading = useSyncStatus()?.uploading;
  return useMemo(() => new Map((uploading ?? []).map((u) => [u.sha256, u.sentBytes])), [uploading]);
}

export function UploadList({ uploads, onChanged }: { uploads: Upload[]; onChanged: () => void }) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const showError = useShowError();
  const live = useLiveProgress();
  const retryUpload = useApiMutation('sync.retryUpload', {
    onSuccess: () => {
      void message.success(t('sync.uploads.retried'));
      onChanged();
    },
    onError: showError,
  });
  const busy = retryUpload.isPending ? retryUpload.variables.sha256 : null;
  const retry = (sha256: string) => retryUpload.mutate({ sha256 });

  if (uploads.length === 0) return <Empty description={t('sync.uploads.empty')} />;
  return (
    <Table<Upload>
      size="small"
      rowKey="sha256"
      data-testid="sync-uploads"
      dataSource={uploads}
      pagination={uploads.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
      columns={[
        { key: 'thumb', width: 64, render: (_, u) => <UploadThumb sha256={u.sha256} mime={u.mime} /> },
        {
          key: 'file',
          title: t('sync.uploads.file'),
          render: (_, u) => (
            <>
              <Typography.Text className="ecw-mono">{u.sha256.slice(0, 12)}</Typography.Text>
              <div className="ecw-muted">{`${u.mime} · ${fileSize(u.size)}`}</div>
            </>
          ),
        },
        {
          key: 'state',
          title: t('sync.uploads.state'),
          width: 110,
          render: (_, u) => <Tag color={STATE_COLOR[u.state]}>{t(`sync.uploads.stateName.${u.state}`, { defaultValue: u.state })}</Tag>,
        },
        {
          key: 'progress',
          title: t('sync.uploads.progress'),
          width: 220,
          render: (_, u) => {
            const done = Math.max(u.uploadedBytes, live.get(u.sha256) ?? 0);
            return (
              <Progress
                size="small"
                aria-label={t('sync.uploads.progress')}
                percent={percent(done, u.size)}
                status={u.state === 'failed' ? 'exception' : u.state === 'uploading' ? 'active' : 'normal'}
              />
            );
          },
        },
        { key: 'attempts', title: t('sync.queue.attempts'), width: 80, align: 'right', render: (_, u) => u.attempts },
        {
          key: 'error',
          title: t('sync.queue.lastError'),
          render: (_, u) => (u.lastError ? <Typography.Text type="danger">{u.lastError}</Typography.Text> : '—'),
        },
        {
          key: 'actions',
          width: 100,
          render: (_, u) =>
            u.state === 'failed' && (
              <Button size="small" icon={<RedoOutlined />} loading={busy === u.sha256} onClick={() => void retry(u.sha256)}>
                {t('sync.uploads.retry')}
              </Button>
            ),
        },
      ]}
    />
  );
}
