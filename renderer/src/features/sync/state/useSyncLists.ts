/**
 * The sync centre's lists (queue, uploads, history, conflicts), from the query cache: read again
 * whenever the status says something moved or a change event is about sync.
 */
import type { Output } from '../../../../../shared/api';
import { useApiQuery } from '../../../api/hooks';

export interface SyncLists {
  queue: Output<'sync.queue'> | null;
  uploads: Output<'sync.uploads'> | null;
  history: Output<'sync.history'> | null;
  conflicts: Output<'sync.conflicts'> | null;
  error: unknown;
}

export function useSyncLists(): SyncLists & { reload: () => void } {
  const queue = useApiQuery('sync.queue', { limit: 200 });
  const uploads = useApiQuery('sync.uploads', {});
  const history = useApiQuery('sync.history', { limit: 50 });
  const conflicts = useApiQuery('sync.conflicts', {});
  const all = [queue, uploads, history, conflicts];
  return {
    queue: queue.data ?? null,
    uploads: uploads.data ?? null,
    history: history.data ?? null,
    conflicts: conflicts.data ?? null,
    error: all.find((q) => q.error)?.error ?? null,
    reload: () => all.forEach((q) => void q.refetch()),
  };
}
