/**
 * The sync status the header, the sync centre and the enterprise page share: one cached
 * `sync.status` answer, kept live by the backend's `sync.status` event (the query cache takes it
 * in). An offline sign-in (no tokens, password checked against the verifier kept on this device)
 * is remembered here for the session.
 */
import { useCallback } from 'react';
import { create } from 'zustand';
import { useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { SyncStatus } from '../../../../../shared/api/sync';
import { useApiQuery } from '../../../api/hooks';
import { apiQueryKey } from '../../../api/queryCache';

export interface OfflineAccount {
  server: string;
  login: string;
}

interface SyncStore {
  /** Set after an offline sign-in, until an online one succeeds or the user signs out. */
  offlineAccount: OfflineAccount | null;
  setOfflineAccount: (account: OfflineAccount | null) => void;
}

export const useSyncStore = create<SyncStore>((set) => ({
  offlineAccount: null,
  setOfflineAccount: (offlineAccount) => set({ offlineAccount }),
}));

export const useSyncStatus = (): SyncStatus | null => useApiQuery('sync.status', {}).data ?? null;

/** Reads the status now (after a sign-in, a resolution …); the event keeps it current between reads. */
export const refreshSyncStatus = (client: QueryClient): Promise<void> =>
  client.refetchQueries({ queryKey: apiQueryKey('sync.status', {}), exact: true });

export function useRefreshSyncStatus(): () => Promise<void> {
  const client = useQueryClient();
  return useCallback(() => refreshSyncStatus(client), [client]);
}
