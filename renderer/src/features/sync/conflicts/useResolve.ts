/** Sending a resolution (a new op the next sync takes along) and exporting my side of a conflict. */
import { useState } from 'react';
import { App as AntApp } from 'antd';
import { useTranslation } from 'react-i18next';
import type { SyncConflict } from '../../../../../shared/api/sync';
import { call } from '../../../api/client';
import { useShowError } from '../../../app/apiErrors';
import { refreshSyncStatus } from '../state/syncStore';
import { downloadJson } from '../state/download';

type Resolution = 'mine' | 'theirs' | 'edit';

export function useResolve(conflict: SyncConflict, onResolved: () => void) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const showError = useShowError();
  const [busy, setBusy] = useState<string | null>(null);

  const resolve = async (resolution: Resolution, values?: Record<string, unknown>) => {
    setBusy(resolution);
    try {
      await call('sync.resolveConflict', { id: conflict.id, resolution, ...(values ? { values } : {}) });
      void message.success(t(resolution === 'theirs' ? 'sync.conflict.resolvedTheirs' : 'sync.conflict.resolved'));
      onResolved();
      void refreshSyncStatus();
    } catch (error) {
      showError(error);
    } finally {
      setBusy(null);
    }
  };

  const exportMine = async () => {
    setBusy('export');
    try {
      const file = await call('sync.exportConflict', { id: conflict.id });
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
