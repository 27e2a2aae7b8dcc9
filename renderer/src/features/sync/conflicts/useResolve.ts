/** Sending a resolution (a new op the next sync takes along) and exporting my side of a conflict. */
import { App as AntApp } from 'antd';
import { useTranslation } from 'react-i18next';
import type { SyncConflict } from '../../../../../shared/api/sync';
import { useApiMutation } from '../../../api/hooks';
import { useBusy } from '../../../ui/useBusy';
import { useRefreshSyncStatus } from '../state/syncStore';
import { downloadJson } from '../state/download';

type Resolution = 'mine' | 'theirs' | 'edit' | 'keep';

const RESOLVED_MESSAGE: Partial<Record<Resolution, string>> = { theirs: 'sync.conflict.resolvedTheirs', keep: 'sync.conflict.keptDraft' };

export function useResolve(conflict: SyncConflict, onResolved: () => void) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const { busy, run } = useBusy<Resolution | 'export'>();
  const refreshStatus = useRefreshSyncStatus();
  const resolveConflict = useApiMutation('sync.resolveConflict');
  const exportConflict = useApiMutation('sync.exportConflict');

  const resolve = (resolution: Resolution, values?: Record<string, unknown>) =>
    run(resolution, async () => {
      await resolveConflict.mutateAsync({ id: conflict.id, resolution, ...(values ? { values } : {}) });
      void message.success(t(RESOLVED_MESSAGE[resolution] ?? 'sync.conflict.resolved'));
      onResolved();
      void refreshStatus();
    });

  const exportMine = () =>
    run('export', async () => {
      const file = await exportConflict.mutateAsync({ id: conflict.id });
      downloadJson(file.fileName, file.json);
      void message.success(t('sync.conflict.exported', { file: file.fileName }));
    });

  return { busy, resolve, exportMine };
}
