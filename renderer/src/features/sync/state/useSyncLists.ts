/**
 * The sync centre's lists (queue, uploads, history, conflicts), read again whenever the status
 * says something moved. One read at a time; a change during a read triggers one more.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Output } from '../../../../../shared/api';
import type { SyncStatus } from '../../../../../shared/api/sync';
import { call, subscribe } from '../../../api/client';

export interface SyncLists {
  queue: Output<'sync.queue'> | null;
  uploads: Output<'sync.uploads'> | null;
  history: Output<'sync.history'> | null;
  conflicts: Output<'sync.conflicts'> | null;
  error: unknown;
}

const EMPTY: SyncLists = { queue: null, uploads: null, history: null, conflicts: null, error: null };

async function readLists(): Promise<SyncLists> {
  const [queue, uploads, history, conflicts] = await Promise.all([
    call('sync.queue', { limit: 200 }),
    call('sync.uploads', {}),
    call('sync.history', { limit: 50 }),
    call('sync.conflicts', {}),
  ]);
  return { queue, uploads, history, conflicts, error: null };
}

const signatureOf = (s: SyncStatus | null) =>
  s ? [s.state, s.pendingOps, s.pendingUploads, s.failedUploads, s.conflicts, s.lastSyncAt, s.progress?.phase ?? '', s.resyncGuard?.rows ?? ''].join('|') : '';

export function useSyncLists(status: SyncStatus | null): SyncLists & { reload: () => void } {
  const [lists, setLists] = useState<SyncLists>(EMPTY);
  const running = useRef(false);
  const again = useRef(false);
  const live = useRef(true);

  const reload = useCallback(() => {
    if (running.current) {
      again.current = true;
      return;
    }
    running.current = true;
    void (async () => {
      do {
        again.current = false;
        try {
          const next = await readLists();
          if (live.current) setLists(next);
        } catch (error) {
          if (live.current) setLists((l) => ({ ...l, error }));
        }
      } while (again.current && live.current);
      running.current = false;
    })();
  }, []);

  useEffect(() => {
    live.current = true;
    return () => {
      live.current = false;
    };
  }, []);
  const signature = signatureOf(status);
  useEffect(reload, [signature, reload]);
  useEffect(() => subscribe('data.changed', ({ entity }) => entity === 'sync' && reload()), [reload]);
  return { ...lists, reload };
}
