/**
 * Synced rows (enterprise, site, service_order, subscription): one generic shape with version,
 * per-field versions, last_seq and a JSON body, plus a few indexed columns per table. Every write
 * of a row, by a client op or by the platform itself, goes through `insertRow`/`updateRow` in a
 * `Writer` (writer.ts): read locked, written at the end of the transaction.
 */
import type { Kysely } from 'kysely';
import type { SyncedTable } from '../../../shared/platform-api/tables';
import type { DB } from '../db/schema';
import { BASE_COLUMNS, flush, journaled, rowKey, type StoredRow, type Writer } from './writer';

export { commitWrites, inWriteTx, newWriter, type StoredRow, type Writer } from './writer';

// The four tables share their base columns; kysely's types follow the literal name, so use one of them.
const T = (tbl: SyncedTable) => tbl as 'enterprise';

export async function currentSeq(db: Kysely<DB>): Promise<{ seq: number; minRetainedSeq: number }> {
  const row = await db.selectFrom('sync_meta').select(['seq', 'min_retained_seq']).where('id', '=', 1).executeTakeFirstOrThrow();
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
  updated_by_client: string | null;
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
  updatedByClient: r.updated_by_client,
});

/**
 * Reads and locks rows of one table for the rest of the transaction, in id order (so two
 * transactions locking overlapping rows cannot deadlock), with one query; reading them again costs nothing.
 */
export async function lockRows(w: Writer, tbl: SyncedTable, ids: string[]): Promise<void> {
  const wanted = [...new Set(ids)].filter((id) => !w.rows.has(rowKey(tbl, id))).sort();
  if (wanted.length === 0) return;
  let q = w.trx.selectFrom(T(tbl)).select(BASE_COLUMNS).where('id', 'in', wanted).orderBy('id');
  if (w.dialect === 'postgres') q = q.forUpdate();
  const found = new Map((await q.execute()).map((r) => [r.id, fromDb(tbl, r)]));
  for (const id of wanted) journaled(w, w.rows, rowKey(tbl, id), found.get(id) ?? null);
}

/** The row as it is now in this transaction, locked. */
export async function loadRow(w: Writer, tbl: SyncedTable, id: string): Promise<StoredRow | undefined> {
  await lockRows(w, tbl, [id]);
  return w.rows.get(rowKey(tbl, id)) ?? undefined;
}

/** Rows of a child table matching `where`, as they are now, locked (what this transaction wrote is flushed first). */
export async function childRows(
  w: Writer,
  tbl: Exclude<SyncedTable, 'enterprise'>,
  enterpriseId: string,
  statuses?: string[],
): Promise<StoredRow[]> {
  await flush(w);
  let q = w.trx
    .selectFrom(tbl as 'service_order')
    .select(BASE_COLUMNS)
    .where('enterprise_id', '=', enterpriseId)
    .orderBy('id');
  if (statuses) q = q.where('status', 'in', statuses);
  if (w.dialect === 'postgres') q = q.forUpdate();
  return (await q.execute()).map((r) => {
    const row = fromDb(tbl, r);
    journaled(w, w.rows, rowKey(tbl, row.id), row);
    return row;
  });
}

/** The enterprise's opening or active subscription, as this transaction sees it (at most one exists). */
export async function activeSubscription(w: Writer, enterpriseId: string): Promise<StoredRow | undefined> {
  return (await childRows(w, 'subscription', enterpriseId, ['opening', 'active']))[0];
}

/** Reads ahead which enterprises hold these credit codes in the database, in one query. */
export async function readStoredCodes(w: Writer, creditCodes: string[]): Promise<void> {
  const wanted = [...new Set(creditCodes)].filter((c) => !w.storedCodes.has(c));
  if (wanted.length === 0) return;
  const rows = await w.trx.selectFrom('enterprise').select(['id', 'scope_id', 'credit_code']).where('credit_code', 'in', wanted).execute();
  for (const c of wanted) w.storedCodes.set(c, null);
  for (const r of rows) w.storedCodes.set(r.credit_code!, { id: r.id, scopeId: r.scope_id });
}

/** The enterprise holding a credit code now (other than `exceptId`), as this transaction sees it. */
export async function creditCodeHolder(
  w: Writer,
  creditCode: string,
  exceptId: string,
): Promise<{ id: string; scopeId: string } | undefined> {
  const holds = (row: StoredRow | null | undefined): row is StoredRow =>
    !!row && row.tbl === 'enterprise' && !row.deleted && row.data.creditCode === creditCode && row.id !== exceptId;
  // Rows this transaction read or wrote, as they are now; then the database for the rest.
  for (const row of w.rows.values()) if (holds(row)) return { id: row.id, scopeId: row.scopeId };
  await readStoredCodes(w, [creditCode]);
  const stored = w.storedCodes.get(creditCode);
  if (!stored || stored.id === exceptId) return undefined;
  const key = rowKey('enterprise', stored.id);
  return !w.rows.has(key) || holds(w.rows.get(key)) ? stored : undefined;
}

/** The row as it goes on the wire (null for a tombstone). */
export const toWire = (row: StoredRow): Record<string, unknown> | null =>
  row.deleted ? null : { id: row.id, ...row.data, createdAt: row.createdAt, updatedAt: row.updatedAt };

export interface WriteBy {
  clientId: string | null;
  at: string;
}

const creditCodeOf = (row: StoredRow | null | undefined) =>
  row?.tbl === 'enterprise' && !row.deleted ? (row.data.creditCode as string) : null;

/** Keeps a written row for the flush. */
function write(w: Writer, row: StoredRow, isNew: boolean): StoredRow {
  const key = rowKey(row.tbl, row.id);
  const kept = w.dirty.get(key);
  const before = creditCodeOf(w.rows.get(key));
  const releasesCode = !isNew && !kept?.isNew && (kept?.releasesCode === true || (before !== null && before !== creditCodeOf(row)));
  journaled(w, w.rows, key, row);
  journaled(w, w.dirty, key, { row, isNew: isNew || kept?.isNew === true, releasesCode });
  return row;
}

export function insertRow(w: Writer, tbl: SyncedTable, id: string, scopeId: string, data: Record<string, unknown>, by: WriteBy): StoredRow {
  const fieldVersions = Object.fromEntries(Object.keys(data).map((f) => [f, 1]));
  if (tbl === 'site') setSiteImages(w, id, data.images);
  return write(
    w,
    {
      tbl,
      id,
      scopeId,
      version: 1,
      lastSeq: w.seqs.forRow(),
      fieldVersions,
      deleted: false,
      data,
      createdAt: by.at,
      updatedAt: by.at,
      createdByClient: by.clientId,
      updatedByClient: by.clientId,
    },
    true,
  );
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
export function updateRow(w: Writer, row: StoredRow, update: RowUpdate, by: WriteBy): StoredRow {
  const version = row.version + 1;
  const changes = update.changes ?? {};
  const fieldVersions = { ...row.fieldVersions };
  for (const f of Object.keys(changes)) fieldVersions[f] = version;
  const deleted = update.deleted ?? row.deleted;
  if (deleted !== row.deleted) fieldVersions._deleted = version;
  const scopeId = update.scopeId ?? row.scopeId;
  if (scopeId !== row.scopeId) w.seqs.exit(row.scopeId, row.tbl, row.id);
  if (row.tbl === 'site' && 'images' in changes) setSiteImages(w, row.id, changes.images);
  return write(
    w,
    {
      ...row,
      scopeId,
      version,
      lastSeq: w.seqs.forRow(),
      fieldVersions,
      deleted,
      data: { ...row.data, ...changes },
      updatedAt: by.at,
      updatedByClient: by.clientId,
    },
    false,
  );
}

/** Keeps site_image (who may read which blob, assets/store.ts) in step with a site's `images`. */
function setSiteImages(w: Writer, siteId: string, images: unknown): void {
  journaled(w, w.dirtyImages, siteId, [...new Set(Array.isArray(images) ? (images as string[]) : [])]);
}

/** Moves an enterprise's children along with it (their scope is the enterprise's). */
export async function moveChildren(w: Writer, enterpriseId: string, scopeId: string, by: WriteBy): Promise<void> {
  for (const tbl of ['site', 'service_order', 'subscription', 'roster_order', 'roster_member', 'member_report'] as const) {
    for (const child of await childRows(w, tbl, enterpriseId)) {
      if (child.scopeId === scopeId) continue;
      w.seqs.exit(child.scopeId, tbl, child.id);
      write(w, { ...child, scopeId, lastSeq: w.seqs.forRow(), updatedAt: by.at }, false);
    }
  }
}
