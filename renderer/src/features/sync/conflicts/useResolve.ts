/** Sending a resolution (a new op the next sync takes along) and exporting my side of a conflict. */
import { useState } from 'react';
import { App as AntApp } from 'antd';
import { useTranslation } from 'react-i18next';
import type { SyncConflict } from '../../../../../shared/api/sync';
import { useApiMutation } from '../../../api/hooks';
import { useShowError } from '../../../ui/apiErrors';
import { useRefreshSyncStatus } from '../state/syncStore';
import { downloadJson } from '../state/download';

type Resolution = 'mine' | 'theirs' | 'edit';

export function useResolve(conflict: SyncConflict, onResolved: () => void) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const showError = useShowError();
  const [busy, setBusy] = useState<string | null>(null);
  const refreshStatus = useRefreshSyncStatus();
  const resolveConflict = useApiMutation('sync.resolveConflict');
  const exportConflict = useApiMutation('sync.exportConflict');

  const resolve = async (resolution: Resolution, values?: Record<string, unknown>) => {
    setBusy(resolution);
    try {
      await resolveConflict.mutateAsync({ id: conflict.id, resolution, ...(values ? { values } : {}) });
      void message.success(t(resolution === 'theirs' ? 'sync.conflict.resolvedTheirs' : 'sync.conflict.resolved'));
      onResolved();
      void refreshStatus();
    } catch (error) {
      showError(error);
    } finally {
      setBusy(null);
    }
  };

  const exportMine = async () => {
    setBusy('export');
    try {
      const file = await exportConflict.mutateAsync({ id: conflict.id });
      downloadJson(file.fileName, file.json);
      void message.success(t('sync.conflict.exported', { file: file.fileName }));
    } catch (error) {
      showError(error);
    } finally {
      setBusy(null);
    }
  };

  return { busy, resolve, exportMine };
}
