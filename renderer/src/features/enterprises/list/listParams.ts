/** What the list shows: the search words, the filters and the order — one set per screen of the list. */
import type { Input } from '../../../../../shared/api';
import type { ENTERPRISE_LIST_STATUSES } from '../../../../../shared/api/enterprises';

export type ListStatus = (typeof ENTERPRISE_LIST_STATUSES)[number];
export type ListSort = 'updated' | 'name' | 'created';

export interface ListParams {
  query: string;
  status?: ListStatus | undefined;
  /** A plan code, or `none`. */
  planCode?: string | undefined;
  /** "province/city". */
  region?: string | undefined;
  sort: ListSort;
}

export const DEFAULT_PARAMS: ListParams = { query: '', sort: 'updated' };

/** True when the list shows less than everything (the count says 找到, not 共). */
export const isNarrowed = (p: ListParams): boolean => Boolean(p.query || p.status || p.planCode || p.region);

/** The procedure's input for one page: only what is set, so equal lists share their cache entries. */
export function listInput(p: ListParams, offset: number, limit: number): Input<'enterprises.list'> {
  return {
    ...(p.query ? { query: p.query } : {}),
    ...(p.status ? { status: p.status } : {}),
    ...(p.planCode ? { planCode: p.planCode } : {}),
    ...(p.region ? { region: p.region } : {}),
    sort: p.sort,
    offset,
    limit,
  };
}
