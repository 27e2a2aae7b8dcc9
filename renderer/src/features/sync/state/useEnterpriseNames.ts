/**
 * Which enterprise a queued op or a conflict is about: the row itself for enterprises, the order's
 * or the site's enterprise otherwise — read through the query cache, so a renamed enterprise is
 * shown by its new name.
 */
import { useQueries } from '@tanstack/react-query';
import { apiQuery } from '../../../api/queryCache';

export interface RowRef {
  tbl: string;
  rowId: string;
  label: string | null;
}

type Named = { id: string; name: string } | null;

const keyOf = (r: RowRef) => `${r.tbl}:${r.rowId}`;

/** The query that names a row's enterprise, for the rows that are not enterprises themselves. */
const ownerQuery = (row: RowRef) =>
  row.tbl === 'service_order'
    ? apiQuery('orders.get', { id: row.rowId })
    : row.tbl === 'site'
      ? apiQuery('sites.get', { siteId: row.rowId })
      : null;

export function useEnterpriseNames(rows: RowRef[]): Map<string, Named> {
  const owned = [...new Map(rows.filter((r) => ownerQuery(r)).map((r) => [keyOf(r), r])).values()];
  const owners = useQueries({ queries: owned.map((r) => ownerQuery(r)!) });
  const ownerOf = new Map(owned.map((r, i) => [keyOf(r), owners[i]?.data?.enterpriseId]));
  const ids = [...new Set([...ownerOf.values()].filter((id): id is string => Boolean(id)))];
  const enterprises = useQueries({ queries: ids.map((id) => apiQuery('enterprises.get', { id })) });
  const nameOf = new Map(ids.map((id, i) => [id, enterprises[i]?.data?.name]));

  // Gone from this device (deleted, out of scope): null, and the op's own label stays.
  const named = (r: RowRef): Named => {
    if (r.tbl === 'enterprise') return { id: r.rowId, name: r.label ?? '' };
    const id = ownerOf.get(keyOf(r));
    const name = id ? nameOf.get(id) : undefined;
    return id && name !== undefined ? { id, name } : null;
  };
  return new Map(rows.map((r) => [keyOf(r), named(r)]));
}

export const rowKey = keyOf;
