/**
 * Records the platform will not take from this account (out of its region, or its role), handled
 * together: one file with all of them to hand to the colleague responsible, then all discarded —
 * or, for the new records made here, all kept on this computer as local drafts.
 */
import { Alert, App as AntApp, Button, Popconfirm, Space } from 'antd';
import { DeleteOutlined, ExportOutlined, LaptopOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { SyncConflict } from '../../../../../shared/api/sync';
import { useApiMutation } from '../../../api/hooks';
import { useBusy } from '../../../ui/useBusy';
import { downloadJson } from '../state/download';
import { useRefreshSyncStatus } from '../state/syncStore';

export function BulkActions({ conflicts, onResolved }: { conflicts: SyncConflict[]; onResolved: () => void }) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const refreshStatus = useRefreshSyncStatus();
  const { busy, run } = useBusy<'export' | 'discard' | 'keep'>();
  const exportAll = useApiMutation('sync.exportConflicts');
  const resolveAll = useApiMutation('sync.resolveConflicts');
  const refused = conflicts.filter((c) => c.kind === 'forbidden');
  if (refused.length < 2) return null;
  const ids = refused.map((c) => c.id);
  // New records made here can stay as local drafts; changes to records now out of scope cannot.
  const keepable = refused.filter((c) => c.actions.includes('keep')).map((c) => c.id);

  const exportThem = () =>
    run('export', async () => {
      const file = await exportAll.mutateAsync({ ids });
      downloadJson(file.fileName, file.json);
      void message.success(t('sync.conflict.exported', { file: file.fileName }));
    });
  const discardThem = () =>
    run('discard', async () => {
      const { resolved } = await resolveAll.mutateAsync({ ids, resolution: 'theirs' });
      void message.success(t('sync.bulk.discarded', { count: resolved }));
      onResolved();
      void refreshStatus();
    });

  const keepThem = () =>
    run('keep', async () => {
      const { resolved } = await resolveAll.mutateAsync({ ids: keepable, resolution: 'keep' });
      void message.success(t('sync.bulk.kept', { count: resolved }));
      onResolved();
      void refreshStatus();
    });

  return (
    <Alert
      type="warning"
      showIcon
      className="ecw-sync-gap"
      title={t('sync.bulk.title', { count: refused.length })}
      description={t('sync.bulk.explain')}
      data-testid="conflicts-bulk"
      action={
        <Space orientation="vertical">
          <Button
            size="small"
            icon={<ExportOutlined />}
            loading={busy === 'export'}
            onClick={() => void exportThem()}
            data-testid="conflicts-export-all"
          >
            {t('sync.bulk.export')}
          </Button>
          {keepable.length > 0 && (
            <Button
              size="small"
              icon={<LaptopOutlined />}
              loading={busy === 'keep'}
              onClick={() => void keepThem()}
              data-testid="conflicts-keep-all"
            >
              {t('sync.bulk.keep')}
            </Button>
          )}
          <Popconfirm
            title={t('sync.bulk.confirm', { count: refused.length })}
            okText={t('common.confirm')}
            cancelText={t('common.cancel')}
            onConfirm={() => void discardThem()}
          >
            <Button size="small" danger icon={<DeleteOutlined />} loading={busy === 'discard'} data-testid="conflicts-discard-all">
              {t('sync.bulk.discard')}
            </Button>
          </Popconfirm>
        </Space>
      }
    />
  );
}
