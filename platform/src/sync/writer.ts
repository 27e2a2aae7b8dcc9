/**
 * A write transaction of synced rows as a unit of work, so a push of 200 ops costs a few queries
 * instead of a few per op:
 *  - rows are read once and locked (PostgreSQL: FOR UPDATE, in id order; SQLite has one writer at a
 *    time), so every write decides against the row's current version (issue 8, item 21);
 *  - writes are kept here and flushed in one statement per table — before a query that could see
 *    them, and at the end;
 *  - seqs are placeholders until `commitWrites` takes real ones, just before the commit (seqs.ts).
 * Each change is journaled, so an op's work can be undone in memory (`mark`/`undo`); an op that
 * flushed is also rolled back in the database, to a savepoint taken just before its first flush.
 */
import type { SyncedTable } from '../../../shared/platform-api/tables';
import type { Database, Dialect, Tx } from '../db/database';
import { PendingSeqs } from './seqs';

/** A synced row as this transaction holds it (rows.ts reads and writes them). */
export interface StoredRow {
  tbl: SyncedTable;
  id: string;
  scopeId: string;
  version: number;
  /** A placeholder (negative) until the transaction that wrote it assigns seqs. */
  lastSeq: number;
  fieldVersions: Record<string, number>;
  deleted: boolean;
  data: Record<string, unknown>;
  createdAt: string;
  updatedAt: string;
  createdByClient: string | null;
  updatedByClient: string | null;
}

export interface Writer {
  trx: Tx;
  dialect: Dialect;
  seqs: PendingSeqs;
  /** Rows this transaction has read (locked) or written, as they are now; null = known not to exist. */
  rows: Map<string, StoredRow | null>;
  /** Written rows not yet in the database. */
  dirty: Map<string, Dirty>;
  /** Sites whose `images` changed (site_image) and are not yet in the database. */
  dirtyImages: Map<string, string[]>;
  /** Credit code → the enterprise holding it in the database when the transaction began (read ahead for a push). */
  storedCodes: Map<string, { id: string; scopeId: string } | null>;
  /** Undo steps of the current op, newest last. */
  journal: (() => void)[];
  /** Called before a flush (an op takes its savepoint there). */
  beforeFlush?: () => Promise<void>;
  /** Called once the transaction committed (never after a rollback). */
  afterCommit: (() => void)[];
}

export interface Dirty {
  row: StoredRow;
  /** To be inserted rather than updated. */
  isNew: boolean;
  /** An enterprise that gives up the credit code it holds in the database (deleted, or its code changed). */
  releasesCode: boolean;
}

export const rowKey = (tbl: SyncedTable, id: string) => `${tbl}:${id}`;

export const newWriter = (trx: Tx, dialect: Dialect): Writer => ({
  trx,
  dialect,
  seqs: new PendingSeqs(),
  rows: new Map(),
  dirty: new Map(),
  dirtyImages: new Map(),
  storedCodes: new Map(),
  journal: [],
  afterCommit: [],
});

/** Sets a map entry, journaling how to put it back. */
export function journaled<K, V>(w: Writer, map: Map<K, V>, key: K, value: V | undefined): void {
  const had = map.has(key);
  const previous = map.get(key);
  w.journal.push(() => (had ? map.set(key, previous as V) : map.delete(key)));
  if (value === undefined) map.delete(key);
  else map.set(key, value);
}

export interface Mark {
  journal: number;
  exits: number;
}

export const mark = (w: Writer): Mark => ({ journal: w.journal.length, exits: w.seqs.mark() });

/** Forgets what was done since `m` (the database side is the caller's savepoint). */
export function undo(w: Writer, m: Mark): void {
  while (w.journal.length > m.journal) w.journal.pop()!();
  w.seqs.rollbackTo(m.exits);
}

/** Keeps what was done: nothing before this point will be undone. */
export function keep(w: Writer): void {
  w.journal.length = 0;
}

// Columns written (and read) for every synced table; the indexed extras depend on the table.
export const BASE_COLUMNS = [
  'id',
  'scope_id',
  'version',
  'last_seq',
  'field_versions',
  'deleted',
  'data',
  'created_at',
  'updated_at',
  'created_by_client',
  'updated_by_client',
] as const;
const EXTRA: Record<SyncedTable, string[]> = {
  enterprise: ['credit_code'],
  site: ['enterprise_id'],
  service_order: ['enterprise_id', 'status'],
  subscription: ['enterprise_id', 'status'],
  site_publication: ['enterprise_id'],
  lead: ['enterprise_id'],
  site_visit_day: ['enterprise_id'],
  sms_usage: ['enterprise_id'],
  roster_order: ['enterprise_id', 'status'],
  roster_member: ['enterprise_id', 'mobile', 'short_number'],
  sms_activity: ['enterprise_id'],
  member_report: ['enterprise_id'],
};
/** Every transaction locks (and writes) synced rows table by table in this order, by id within one, so none waits on another in a cycle. */
export const LOCK_ORDER: SyncedTable[] = [
  'enterprise',
  'site',
  'service_order',
  'subscription',
  'site_publication',
  'lead',
  'site_visit_day',
  'sms_usage',
  'roster_order',
  'roster_member',
  'sms_activity',
  'member_report',
];
// Rows per statement, well under both databases' limits on bound parameters.
const ROWS_PER_STATEMENT = 500;

function columnsOf(row: StoredRow, seq: number): Record<string, unknown> {
  const { data, deleted } = row;
  const extra: Record<SyncedTable, Record<string, unknown>> = {
    // A tombstone releases its credit code, so the enterprise can be registered again.
    enterprise: { credit_code: deleted ? null : data.creditCode },
    site: { enterprise_id: data.enterpriseId },
    service_order: { enterprise_id: data.enterpriseId, status: data.status },
    subscription: { enterprise_id: data.enterpriseId, status: data.status },
    site_publication: { enterprise_id: data.enterpriseId },
    lead: { enterprise_id: data.enterpriseId },
    site_visit_day: { enterprise_id: data.enterpriseId },
    sms_usage: { enterprise_id: data.enterpriseId },
    roster_order: { enterprise_id: data.enterpriseId, status: data.status },
    // A removed member gives up its mobile and number.
    roster_member: {
      enterprise_id: data.enterpriseId,
      mobile: deleted ? null : data.mobile,
      short_number: deleted ? null : data.shortNumber,
    },
    sms_activity: { enterprise_id: data.enterpriseId },
    member_report: { enterprise_id: data.enterpriseId },
  };
  return {
    id: row.id,
    scope_id: row.scopeId,
    version: row.version,
    last_seq: seq,
    field_versions: JSON.stringify(row.fieldVersions),
    deleted: deleted ? 1 : 0,
    data: JSON.stringify(data),
    created_at: row.createdAt,
    updated_at: row.updatedAt,
    created_by_client: row.createdByClient,
    updated_by_client: row.updatedByClient,
    ...extra[row.tbl],
  };
}

const chunks = <T>(items: T[]): T[][] =>
  Array.from({ length: Math.ceil(items.length / ROWS_PER_STATEMENT) }, (_, i) =>
    items.slice(i * ROWS_PER_STATEMENT, (i + 1) * ROWS_PER_STATEMENT),
  );

/**
 * Writes the kept rows, one statement per table and kind, so that no step meets a unique key the
 * ops' order would not: credit codes given up are released first (two enterprises may have swapped
 * theirs), then existing rows are updated (an upsert that always updates: they are locked), then new
 * rows inserted (a concurrent insert of the same id or credit code fails there, a transient error).
 * Seqs go through `real`; without it they stay placeholders until `commitWrites`.
 */
export async function flush(w: Writer, real?: (seq: number) => number): Promise<void> {
  if (w.dirty.size === 0 && w.dirtyImages.size === 0) return;
  await w.beforeFlush?.();
  const written = [...w.dirty.values()];
  for (const tbl of LOCK_ORDER) {
    const mine = written.filter((d) => d.row.tbl === tbl);
    if (!real && mine.length) w.seqs.placeholdersIn(tbl);
    const values = (d: Dirty) => columnsOf(d.row, real ? real(d.row.lastSeq) : d.row.lastSeq);
    const releasing = mine.filter((d) => d.releasesCode).map((d) => d.row.id);
    if (releasing.length) await w.trx.updateTable('enterprise').set({ credit_code: null }).where('id', 'in', releasing).execute();
    const updated = [...BASE_COLUMNS.filter((c) => c !== 'id' && c !== 'created_at' && c !== 'created_by_client'), ...EXTRA[tbl]];
    for (const part of chunks(mine.filter((d) => !d.isNew))) {
      await w.trx
        .insertInto(tbl as 'enterprise')
        .values(part.map(values) as never)
        .onConflict((oc) =>
          oc
            .column('id')
            .doUpdateSet((eb) => Object.fromEntries(updated.map((c) => [c, eb.ref(`excluded.${c}` as 'excluded.id')])) as never),
        )
        .execute();
    }
    for (const part of chunks(mine.filter((d) => d.isNew)))
      await w.trx
        .insertInto(tbl as 'enterprise')
        .values(part.map(values) as never)
        .execute();
  }
  const sites = [...w.dirtyImages.keys()];
  if (sites.length) {
    await w.trx.deleteFrom('site_image').where('site_id', 'in', sites).execute();
    const images = [...w.dirtyImages].flatMap(([siteId, hashes]) => hashes.map((sha256) => ({ site_id: siteId, sha256 })));
    for (const part of chunks(images)) await w.trx.insertInto('site_image').values(part).execute();
  }
  for (const k of [...w.dirty.keys()]) journaled(w, w.dirty, k, undefined);
  for (const siteId of sites) journaled(w, w.dirtyImages, siteId, undefined);
}

/** Ends the work before the commit: real seqs (sync_meta locked from here to the commit), then the remaining rows. */
export async function commitWrites(w: Writer): Promise<(seq: number) => number> {
  w.beforeFlush = undefined;
  const real = await w.seqs.assign(w.trx);
  await flush(w, real);
  return real;
}

/** Runs `fn` in a write transaction of its own (the BOSS simulation). */
export async function inWriteTx<T>(database: Database, fn: (w: Writer) => Promise<T>): Promise<T> {
  let committed: Writer | undefined;
  const result = await database.db.transaction().execute(async (trx) => {
    const w = newWriter(trx, database.dialect);
    const value = await fn(w);
    await commitWrites(w);
    committed = w;
    return value;
  });
  for (const done of committed!.afterCommit) done();
  return result;
}
