/**
 * Which enterprise a queued op or a conflict is about: the row itself for enterprises, the order's
 * or the site's enterprise otherwise. Looked up once per row and kept for the window's lifetime.
 */
import { useEffect, useState } from 'react';
import { call } from '../../../api/client';

export interface RowRef {
  tbl: string;
  rowId: string;
  label: string | null;
}

const cache = new Map<string, { id: string; name: string } | null>();
const keyOf = (r: RowRef) => `${r.tbl}:${r.rowId}`;

async function enterpriseIdOf(row: RowRef): Promise<string | null> {
  if (row.tbl === 'service_order') return (await call('orders.get', { id: row.rowId })).enterpriseId;
  if (row.tbl === 'site') return (await call('sites.get', { siteId: row.rowId })).enterpriseId;
  return null;
}

async function resolve(row: RowRef): Promise<{ id: string; name: string } | null> {
  try {
    const id = await enterpriseIdOf(row);
    if (!id) return null;
    return { id, name: (await call('enterprises.get', { id })).name };
  } catch {
    return null; // gone from this device (deleted, out of scope): the op's own label stays
  }
}

export function useEnterpriseNames(rows: RowRef[]): Map<string, { id: string; name: string } | null> {
  const [, setTick] = useState(0);
  const wanted = rows.filter((r) => r.tbl !== 'enterprise' && !cache.has(keyOf(r)));
  const key = wanted.map(keyOf).join(',');
  useEffect(() => {
    if (!key) return;
    let live = true;
    void Promise.all(wanted.map(async (r) => cache.set(keyOf(r), await resolve(r)))).then(() => live && setTick((n) => n + 1));
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `key` names exactly the rows in `wanted`
  }, [key]);
  // An enterprise row names itself (its label is read fresh with every list).
  return new Map(rows.map((r) => [keyOf(r), r.tbl === 'enterprise' ? { id: r.rowId, name: r.label ?? '' } : (cache.get(keyOf(r)) ?? null)]));
}

export const rowKey = keyOf;
