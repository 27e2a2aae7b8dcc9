/**
 * How pages read and change data: `useApiQuery` (a cached answer, refreshed when what it reads
 * changes) and `useApiMutation` (one change with its busy state; the backend's change events then
 * refresh the answers that depend on it).
 */
import { keepPreviousData, useMutation, useQuery, type UseMutationOptions } from '@tanstack/react-query';
import type { Input, Output, ProcedureName, QueryName } from '../../../shared/api';
import { call } from './client';
import { apiQuery } from './queryCache';

export interface ApiQueryOptions {
  /** False: nothing is read yet (an input still missing). */
  enabled?: boolean;
  /** While a new input's answer loads, keep showing the previous one. */
  keepPrevious?: boolean;
  /** How long an answer is trusted without a change event (ms); the cache's default otherwise. */
  staleTime?: number;
  /** Read when the page opens and forgotten when it closes (what no change event announces, like a form's draft). */
  onlyWhileShown?: boolean;
}

export function useApiQuery<N extends QueryName>(name: N, input: Input<N>, options: ApiQueryOptions = {}) {
  return useQuery<Output<N>>({
    ...apiQuery(name, input),
    ...(options.enabled !== undefined ? { enabled: options.enabled } : {}),
    ...(options.keepPrevious ? { placeholderData: keepPreviousData } : {}),
    ...(options.staleTime !== undefined ? { staleTime: options.staleTime } : {}),
    ...(options.onlyWhileShown ? { staleTime: Infinity, gcTime: 0 } : {}),
  });
}

export type ApiMutationOptions<N extends ProcedureName> = Omit<UseMutationOptions<Output<N>, unknown, Input<N>>, 'mutationFn'>;

/** A change the user makes (or an action like `sync.now`, which the contract runs as a query so it never waits behind edits). */
export function useApiMutation<N extends ProcedureName>(name: N, options: ApiMutationOptions<N> = {}) {
  return useMutation<Output<N>, unknown, Input<N>>({ mutationFn: (input) => call(name, input), ...options });
}
