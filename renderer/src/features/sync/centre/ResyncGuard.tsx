/**
 * The mass-delete guard (SYNC.md §3.6): after a full resync, many rows on this device are no longer
 * on the platform. Nothing is deleted until a person says so.
 */
import { Alert, App as AntApp, Button, Popconfirm, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { useApiMutation } from '../../../api/hooks';
import { useBusy } from '../../../ui/useBusy';
import { useRefreshSyncStatus } from '../state/syncStore';

export function ResyncGuard({ rows, total, onDone }: { rows: number; total: number; onDone: () => void }) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const { busy, run } = useBusy<'delete' | 'keep'>();
  const refreshStatus = useRefreshSyncStatus();
  const resolveGuard = useApiMutation('sync.resolveResyncGuard');

  const decide = (action: 'delete' | 'keep') =>
    run(action, async () => {
      const { removed } = await resolveGuard.mutateAsync({ action });
      void message.success(action === 'delete' ? t('sync.guard.deleted', { count: removed }) : t('sync.guard.kept'));
      await refreshStatus();
      onDone();
    });

  return (
    <Alert
      type="warning"
      showIcon
      data-testid="sync-resync-guard"
      title={t('sync.guard.title', { rows, total })}
      description={
        <>
          <p className="ecw-sync-guard-text">{t('sync.guard.why')}</p>
          <p className="ecw-sync-guard-text">{t('sync.guard.choose')}</p>
          <Space>
            <Button type="primary" loading={busy === 'keep'} onClick={() => void decide('keep')} data-testid="sync-guard-keep">
              {t('sync.guard.keep')}
            </Button>
            <Popconfirm
              title={t('sync.guard.deleteConfirm', { rows })}
              okText={t('sync.guard.delete')}
              okButtonProps={{ danger: true }}
              cancelText={t('common.cancel')}
              onConfirm={() => void decide('delete')}
            >
              <Button danger loading={busy === 'delete'} data-testid="sync-guard-delete">
                {t('sync.guard.delete')}
              </Button>
            </Popconfirm>
          </Space>
        </>
      }
    />
  );
}
