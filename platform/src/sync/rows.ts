/**
 * Storage of synced rows (enterprise, site, service_order, subscription): one generic shape with
 * version, per-field versions, last_seq and a JSON body, plus a few indexed columns per table.
 * Every write of a row, by a client op or by the platform itself, goes through `insertRow`/`updateRow`.
 */
import { sql } from 'kysely';
import type { SyncedTable } from '../../../shared/platform-api/tables';
import type { Tx } from '../db/database';

export interface StoredRow {
  tbl: SyncedTable;
  id: string;
  scopeId: string;
  version: number;
  lastSeq: number;
  fieldVersions: Record<string, number>;
  deleted: boolean;
  data: Record<string, unknown>;
  createdAt: string;
  updatedAt: string;
  createdByClient: string | null;
}

// The four tables share their base columns; kysely's types follow the literal name, so use one of them.
const T = (tbl: SyncedTable) => tbl as 'enterprise';

/** Allocates the next server seq inside the write transaction; on Postgres its row lock orders commits. */
export async function nextSeq(trx: Tx): Promise<number> {
  const row = await trx
    .updateTable('sync_meta')
    .set({ seq: sql`seq + 1` })
    .where('id', '=', 1)
    .returning('seq')
    .executeTakeFirstOrThrow();
  return Number(row.seq);
}

export async function currentSeq(trx: Tx): Promise<{ seq: number; minRetainedSeq: number }> {
  const row = await trx.selectFrom('sync_meta').select(['seq', 'min_retained_seq']).where('id', '=', 1).executeTakeFirstOrThrow();
  return { seq: Number(row.seq), minRetainedSeq: Number(row.min_retained_seq) };
}

interface DbRow {
  id: string;
  scope_id: string;
  version: number;
  last_seq: number;
  field_versions: string;
  deleted: number;
  data: string;
  created_at: string;
  updated_at: string;
  created_by_client: string | null;
}

export const fromDb = (tbl: SyncedTable, r: DbRow): StoredRow => ({
  tbl,
  id: r.id,
  scopeId: r.scope_id,
  version: Number(r.version),
  lastSeq: Number(r.last_seq),
  fieldVersions: JSON.parse(r.field_versions) as Record<string, number>,
  deleted: Boolean(r.deleted),
  data: JSON.parse(r.data) as Record<string, unknown>,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
  createdByClient: r.created_by_client,
});

const BASE_COLUMNS = ['id', 'scope_id', 'version', 'last_seq', 'field_versions', 'deleted', 'data', 'created_at', 'updated_at', 'created_by_client'] as const;

export async function loadRow(trx: Tx, tbl: SyncedTable, id: string): Promise<StoredRow | undefined> {
  const r = await trx.selectFrom(T(tbl)).select(BASE_COLUMNS).where('id', '=', id).executeTakeFirst();
  return r ? fromDb(tbl, r) : undefined;
}

export async function loadRowsWhere(trx: Tx, tbl: 'site' | 'service_order' | 'subscription', enterpriseId: string): Promise<StoredRow[]> {
  const rows = await trx.selectFrom(tbl as 'site').select(BASE_COLUMNS).where('enterprise_id', '=', enterpriseId).execute();
  return rows.map((r) => fromDb(tbl, r));
}

/** The row as it goes on the wire (null for a tombstone). */
export const toWire = (row: StoredRow): Record<string, unknown> | null =>
  row.deleted ? null : { id: row.id, ...row.data, createdAt: row.createdAt, updatedAt: row.updatedAt };

/** Indexed columns derived from the body. */
function extraColumns(tbl: SyncedTable, data: Record<string, unknown>, deleted: boolean): Record<string, unknown> {
  switch (tbl) {
    case 'enterprise':
      // A tombstone releases its credit code, so the enterprise can be registered again.
      return { credit_code: deleted ? null : data.creditCode };
    case 'site':
      return { enterprise_id: data.enterpriseId };
    default:
      return { enterprise_id: data.enterpriseId, status: data.status };
  }
}

export interface WriteBy {
  clientId: string | null;
  at: string;
}

export async function insertRow(trx: Tx, tbl: SyncedTable, id: string, scopeId: string, data: Record<string, unknown>, by: WriteBy) {
  const seq = await nextSeq(trx);
  const fieldVersions = Object.fromEntries(Object.keys(data).map((f) => [f, 1]));
  const row: StoredRow = {
    tbl, id, scopeId, version: 1, lastSeq: seq, fieldVersions, deleted: false, data,
    createdAt: by.at, updatedAt: by.at, createdByClient: by.clientId,
  };
  await trx
    .insertInto(T(tbl))
    .values({
      id, scope_id: scopeId, version: 1, last_seq: seq, field_versions: JSON.stringify(fieldVersions), deleted: 0,
      data: JSON.stringify(data), created_at: by.at, updated_at: by.at, created_by_client: by.clientId, updated_by_client: by.clientId,
      ...extraColumns(tbl, data, false),
    } as never)
    .execute();
  if (tbl === 'site') await setSiteImages(trx, id, data.images);
  return row;
}

export interface RowUpdate {
  changes?: Record<string, unknown>;
  deleted?: boolean;
  scopeId?: string;
}

/**
 * Writes changed fields (bumping version, their field versions and last_seq). Moving a row to another
 * scope records a scope_exit for the old one, with its own seq, so devices there purge it.
 */
export async function updateRow(trx: Tx, row: StoredRow, update: RowUpdate, by: WriteBy): Promise<StoredRow> {
  const version = row.version + 1;
  const changes = update.changes ?? {};
  const fieldVersions = { ...row.fieldVersions };
  for (const f of Object.keys(changes)) fieldVersions[f] = version;
  const deleted = update.deleted ?? row.deleted;
  if (deleted !== row.deleted) fieldVersions._deleted = version;
  const scopeId = update.scopeId ?? row.scopeId;
  if (scopeId !== row.scopeId) await recordScopeExit(trx, row, row.scopeId);
  const seq = await nextSeq(trx);
  const data = { ...row.data, ...changes };
  await trx
    .updateTable(T(row.tbl))
    .set({
      scope_id: scopeId, version, last_seq: seq, field_versions: JSON.stringify(fieldVersions), deleted: deleted ? 1 : 0,
      data: JSON.stringify(data), updated_at: by.at, updated_by_client: by.clientId,
      ...extraColumns(row.tbl, data, deleted),
    } as never)
    .where('id', '=', row.id)
    .execute();
  if (row.tbl === 'site' && 'images' in changes) await setSiteImages(trx, row.id, changes.images);
  return { ...row, scopeId, version, lastSeq: seq, fieldVersions, deleted, data, updatedAt: by.at };
}

/** Keeps site_image (who may read which blob, assets/store.ts) in step with a site's `images`. */
async function setSiteImages(trx: Tx, siteId: string, images: unknown): Promise<void> {
  await trx.deleteFrom('site_image').where('site_id', '=', siteId).execute();
  const hashes = [...new Set(Array.isArray(images) ? (images as string[]) : [])];
  if (hashes.length) await trx.insertInto('site_image').values(hashes.map((sha256) => ({ site_id: siteId, sha256 }))).execute();
}

export async function recordScopeExit(trx: Tx, row: StoredRow, fromScope: string): Promise<void> {
  const seq = await nextSeq(trx);
  await trx.insertInto('scope_exit').values({ seq, scope_id: fromScope, tbl: row.tbl, row_id: row.id }).execute();
}

/** Moves an enterprise's children along with it (their scope is the enterprise's). */
export async function moveChildren(trx: Tx, enterpriseId: string, scopeId: string, by: WriteBy): Promise<void> {
  for (const tbl of ['site', 'service_order', 'subscription'] as const) {
    for (const child of await loadRowsWhere(trx, tbl, enterpriseId)) {
      if (child.scopeId === scopeId) continue;
      await recordScopeExit(trx, child, child.scopeId);
      const seq = await nextSeq(trx);
      await trx.updateTable(tbl as 'site').set({ scope_id: scopeId, last_seq: seq, updated_at: by.at }).where('id', '=', child.id).execute();
    }
  }
}
