/**
 * The renderer's server state: one TanStack Query cache of procedure answers, keyed by
 * `[procedure, input]`. The contract says which entities each query reads (`reads`), so one
 * `data.changed` handler marks exactly the dependent answers stale and refetches those on screen;
 * no page listens to change events itself.
 */
import { QueryClient, type Query } from '@tanstack/react-query';
import type { Entity, EventPayload, Input, Output, QueryName } from '../../../shared/api';
import type { SyncStatus } from '../../../shared/api/sync';
import { call, subscribe } from './client';

export type ApiQueryKey<N extends QueryName = QueryName> = readonly [N, Input<N>];

export const apiQueryKey = <N extends QueryName>(name: N, input: Input<N>): ApiQueryKey<N> => [name, input];

/** The cache entry of one procedure call: its key and how to read it (for `useQuery`, `useQueries`, `prefetchQuery`). */
export const apiQuery = <N extends QueryName>(name: N, input: Input<N>) => ({
  queryKey: apiQueryKey(name, input),
  queryFn: (): Promise<Output<N>> => call(name, input),
});

/**
 * An answer is trusted this long without a change event (a page opened again at once shows it
 * without another read); a change event makes it stale at any age.
 */
const TRUSTED_MS = 5_000;
/** Events of a burst (a sync pulling many rows, a script) are handled together once this long after the first. */
const COALESCE_MS = 60;

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      // The backend is local: "offline" (no network) must never pause a query or a mutation.
      queries: { networkMode: 'always', retry: false, refetchOnWindowFocus: false, staleTime: TRUSTED_MS },
      mutations: { networkMode: 'always', retry: false },
    },
  });
}

type ReadsOf = (query: Query) => readonly Entity[];
let readsTable: Promise<ReadsOf> | null = null;

/** The contract holds every schema and is large: it is loaded beside the first screen, not before it. */
function loadReads(): Promise<ReadsOf> {
  readsTable ??= import('../../../shared/api').then(({ contract }) => (query: Query) => {
    const name = query.queryKey[0];
    return typeof name === 'string' && Object.hasOwn(contract, name) ? (contract[name as QueryName].reads ?? []) : [];
  });
  return readsTable;
}

type Change = EventPayload<'data.changed'>;

/** An answer that already holds the record at (or after) the revision a change made: the screen's own edit, answered. */
function holds(data: unknown, change: Change): boolean {
  if (change.id === undefined || change.revision === undefined || typeof data !== 'object' || data === null) return false;
  if (!('id' in data) || !('revision' in data)) return false;
  return data.id === change.id && typeof data.revision === 'number' && data.revision >= change.revision;
}

/**
 * Marks stale every cached answer that reads an entity one of these changes touched (unless it
 * already holds the revision the change made); the ones on screen are read again.
 */
async function invalidateChanges(client: QueryClient, changes: readonly Change[]): Promise<void> {
  const readsOf = await loadReads();
  await client.invalidateQueries({
    predicate: (query) => {
      const reads = readsOf(query);
      return changes.some((change) => reads.includes(change.entity) && !holds(query.state.data, change));
    },
  });
}

/** What in a sync status means the queue, uploads, conflicts or history moved. */
const movementOf = (s: SyncStatus | undefined) =>
  s
    ? [
        s.state,
        s.pendingOps,
        s.pendingUploads,
        s.failedUploads,
        s.conflicts,
        s.lastSyncAt,
        s.progress?.phase ?? '',
        s.resyncGuard?.rows ?? '',
      ].join('|')
    : '';

/**
 * Keeps the cache true to the backend: `data.changed` invalidates by entity (an answer already
 * holding the revision a change made stays: the editor puts its own edits' answers in), `sync.status` is
 * the status' answer itself (and a moved status makes the sync lists stale), `backend.restarted`
 * makes everything stale. Returns the unsubscribe.
 */
export function connectCacheToEvents(client: QueryClient): () => void {
  void loadReads();
  const pending = new Map<string, Change>();
  let timer: ReturnType<typeof setTimeout> | null = null;
  const changed = (change: Change) => {
    pending.set(`${change.entity}|${change.id ?? ''}|${change.revision ?? ''}`, change);
    timer ??= setTimeout(() => {
      timer = null;
      const changes = [...pending.values()];
      pending.clear();
      void invalidateChanges(client, changes);
    }, COALESCE_MS);
  };
  const statusKey = apiQueryKey('sync.status', {});
  const stops = [
    subscribe('data.changed', changed),
    subscribe('sync.status', (status) => {
      const before = client.getQueryData<Output<'sync.status'>>(statusKey);
      // A read still on its way started before this event: its answer would be older.
      void client.cancelQueries({ queryKey: statusKey, exact: true });
      client.setQueryData(statusKey, status);
      if (movementOf(before) !== movementOf(status)) changed({ entity: 'sync' });
    }),
    subscribe('backend.restarted', () => void client.invalidateQueries()),
  ];
  return () => {
    stops.forEach((stop) => stop());
    if (timer) clearTimeout(timer);
  };
}
