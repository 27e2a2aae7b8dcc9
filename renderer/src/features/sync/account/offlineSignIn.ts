/**
 * After an offline sign-in the device has no platform session yet. The credentials stay in memory
 * (never on disk) for this window's lifetime, and the online sign-in is tried again when the network
 * comes back, the window regains focus, or the user presses 立即同步.
 */
import type { QueryClient } from '@tanstack/react-query';
import { call } from '../../../api/client';
import { refreshSyncStatus, useSyncStore } from '../state/syncStore';

interface Credentials {
  server: string;
  user: string;
  password: string;
}

let pending: Credentials | null = null;
let trying: Promise<boolean> | null = null;

export function rememberOfflineSignIn(credentials: Credentials, login: string, server: string): void {
  pending = credentials;
  useSyncStore.getState().setOfflineAccount({ server, login });
}

export function forgetOfflineSignIn(): void {
  pending = null;
  useSyncStore.getState().setOfflineAccount(null);
}

/** True when an online sign-in succeeded now. */
export function retryOnlineSignIn(client: QueryClient): Promise<boolean> {
  if (!pending) return Promise.resolve(false);
  trying ??= (async () => {
    try {
      const result = await call('sync.signIn', pending!);
      if (result.mode !== 'online') return false;
      forgetOfflineSignIn();
      await refreshSyncStatus(client);
      return true;
    } catch {
      return false; // a wrong password now would surface on the next manual sign-in
    } finally {
      trying = null;
    }
  })();
  return trying;
}
