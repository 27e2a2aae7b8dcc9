/**
 * Tells the backend what only the window can see: the network went away or came back, the window
 * came to the front again. The engine schedules a (jittered) attempt; it never waits for one.
 */
import { useEffect } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { call } from '../../../api/client';
import { retryOnlineSignIn } from '../account/offlineSignIn';

type Reason = 'online' | 'offline' | 'resume' | 'focus';

const nudge = (reason: Reason) => void call('sync.nudge', { reason }).catch(() => undefined);
const OFFLINE_RETRY_MS = 30_000;

export function useNetworkNudges(): void {
  const client = useQueryClient();
  useEffect(() => {
    const online = () => {
      nudge('online');
      void retryOnlineSignIn(client);
    };
    const offline = () => nudge('offline');
    const focus = () => {
      nudge('focus');
      void retryOnlineSignIn(client);
    };
    const visible = () => {
      if (document.visibilityState === 'visible') focus();
    };
    window.addEventListener('online', online);
    window.addEventListener('offline', offline);
    window.addEventListener('focus', focus);
    document.addEventListener('visibilitychange', visible);
    const timer = window.setInterval(() => void retryOnlineSignIn(client), OFFLINE_RETRY_MS);
    if (!navigator.onLine) offline();
    return () => {
      window.removeEventListener('online', online);
      window.removeEventListener('offline', offline);
      window.removeEventListener('focus', focus);
      document.removeEventListener('visibilitychange', visible);
      window.clearInterval(timer);
    };
  }, [client]);
}
