/**
 * The sync status the header, the sync centre and the enterprise page share: read once, then kept
 * live by the backend's `sync.status` event. An offline sign-in (no tokens, password checked against
 * the verifier kept on this device) is remembered here for the session.
 */
import { create } from 'zustand';
import type { SyncStatus } from '../../../../../shared/api/sync';
import { call, subscribe } from '../../../api/client';

export interface OfflineAccount {
  server: string;
  login: string;
}

interface SyncStore {
  status: SyncStatus | null;
  /** Set after an offline sign-in, until an online one succeeds or the user signs out. */
  offlineAccount: OfflineAccount | null;
  setStatus: (status: SyncStatus) => void;
  setOfflineAccount: (account: OfflineAccount | null) => void;
}

export const useSyncStore = create<SyncStore>((set) => ({
  status: null,
  offlineAccount: null,
  setStatus: (status) => set({ status }),
  setOfflineAccount: (offlineAccount) => set({ offlineAccount }),
}));

let started = false;

/** Reads the status now (after a sign-in, a resolution …); the event keeps it current between reads. */
export async function refreshSyncStatus(): Promise<SyncStatus | null> {
  try {
    const status = await call('sync.status', {});
    useSyncStore.getState().setStatus(status);
    return status;
  } catch {
    return null; // the backend is restarting; the event brings the next status
  }
}

/** Called once by the header: the first read and the live subscription. */
export function startSyncStatus(): void {
  if (started) return;
  started = true;
  subscribe('sync.status', (status) => useSyncStore.getState().setStatus(status));
  void refreshSyncStatus();
}

export const useSyncStatus = () => useSyncStore((s) => s.status);
