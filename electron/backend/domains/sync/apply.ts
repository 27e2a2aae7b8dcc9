/**
 * Applying what the platform says to the local rows (SYNC.md §3.6): push results (`applyResult`)
 * and pulled changes (`applyChange`). The local row is always the server's row overlaid with this
 * device's still-unacked ops, field by field, in op order — so an edit is never hidden by an
 * older server state, and a server change is never hidden by an edit that did not touch it.
 * Callers run these inside one transaction per response or page.
 */
import type Database from 'better-sqlite3';
import type { Entity } from '../../../../shared/api';
import type { Change, OpResult } from '../../../../shared/platform-api';
import { recordConflict, rejectionKind, type ConflictDetail, type ConflictKind } from './conflicts';
import type { OutboxOp } from './outbox';
import { hasUnacked, rebaseFollowing, settleOp, unackedOps } from './queue';
import { localTable, type Fields, type LocalTable } from './tables';
import { perDatabase } from '../../infra/db/perDatabase';

export interface ApplyContext {
  db: Database.Database;
  now: () => Date;
  newId: () => string;
  /** Collects the tables whose rows changed (the engine tells the UI). */
  touched?: Set<Entity>;
  /** Rows with unacked ops (`tbl\u0000id`), when known for the whole page: saves a query per row. */
  unackedRows?: Set<string>;
}

const rowKey = (tbl: string, id: string) => `${tbl}\u0000${id}`;

/** Every row that has unacked ops, for a page of changes applied in one go. */
export function unackedRowSet(db: Database.Database): Set<string> {
  const rows = db.prepare<[], { tbl: string; row_id: string }>(`SELECT DISTINCT tbl, row_id FROM outbox WHERE status IN ('pending', 'sent')`).all();
  return new Set(rows.map((r) => rowKey(r.tbl, r.row_id)));
}

const unackedFor = (ctx: ApplyContext, tbl: string, id: string): OutboxOp[] =>
  ctx.unackedRows && !ctx.unackedRows.has(rowKey(tbl, id)) ? [] : unackedOps(ctx.db, tbl, id);

const patchOf = (op: OutboxOp) => JSON.parse(op.patch_json) as Fields;

/** The server row with this device's unacked ops on top; null when one of them deletes the row. */
export function overlay(base: Fields | null, ops: OutboxOp[]): Fields | null {
  let fields: Fields | null = base ? { ...base } : null;
  for (const op of ops) {
    if (op.kind === 'command') continue;
    if (op.kind === 'delete') fields = null;
    else fields = { ...(fields ?? {}), ...patchOf(op) };
  }
  return fields;
}

/**
 * Sets a row's base to a server state and recomputes what the device shows. A base older than the
 * one held is ignored (unless `force`: a resync trusts the server even if it went back in time),
 * but the shown fields are still recomputed, since the set of unacked ops may have changed.
 */
function rebase(
  ctx: ApplyContext,
  table: LocalTable,
  id: string,
  version: number | undefined,
  row: Fields | null | undefined,
  force = false,
  local = table.load(ctx.db, id),
): void {
  const { db } = ctx;
  ctx.touched?.add(table.tbl);
  const ops = unackedFor(ctx, table.tbl, id);
  const stale = !force && local?.baseVersion != null && (version === undefined || version <= local.baseVersion);
  if (row === null && !stale) {
    if (ops.length > 0) table.markServerDeleted(db, id, version);
    else table.remove(db, id);
    return;
  }
  const fresh = !stale && row !== undefined && row !== null;
  if (!fresh && local?.serverDeleted && ops.length === 0) {
    table.remove(db, id); // the platform deleted it or it left our scope; our last op about it is settled
    return;
  }
  const baseRow = fresh ? row : local?.baseJson ?? null;
  const baseVersion = fresh ? version ?? null : local?.baseVersion ?? null;
  if (baseRow === null || baseVersion === null) return; // never synced: the device's own row stays as it is
  const fields = overlay(baseRow, ops);
  if (fields === null) return; // deleted here; the delete op is still on its way
  table.save(db, id, fields, { version: baseVersion, row: baseRow }, ops.length > 0);
}

function conflictDetail(op: OutboxOp, result: OpResult, base: Fields | null): ConflictDetail {
  const fields = result.fields
    ? Object.fromEntries(Object.entries(result.fields).map(([f, v]) => [f, { mine: v.mine, theirs: v.theirs, ...(base && f in base ? { base: base[f] } : {}) }]))
    : undefined;
  return {
    ...(fields ? { fields } : {}),
    op: { kind: op.kind, name: op.name, patch: patchOf(op), baseVersion: op.base_version, mutationId: op.mutation_id, createdAt: op.created_at },
    ...(result.code ? { code: result.code } : {}),
    ...(result.message ? { message: result.message } : {}),
    ...(result.existingId ? { existingId: result.existingId } : {}),
    ...(result.row !== undefined ? { theirs: result.row } : {}),
  };
}

export type Outcome = 'acked' | 'conflict' | 'rejected';

/** One op's result from a push response (`duplicate` replays the stored outcome of the first delivery). */
export function applyResult(ctx: ApplyContext, op: OutboxOp, result: OpResult): Outcome {
  const { db } = ctx;
  const status = result.status === 'duplicate' ? (result.originalStatus ?? 'applied') : result.status;
  const outcome: Outcome = status === 'conflict' ? 'conflict' : status === 'rejected' ? 'rejected' : 'acked';
  if (op.status !== 'pending' && op.status !== 'sent') return outcome; // settled by an earlier copy of this response
  const table = localTable(op.tbl);
  const at = ctx.now().toISOString();
  const localBase = table?.load(db, op.row_id)?.baseJson ?? null;
  settleOp(db, op.op_seq, outcome, at, outcome === 'acked' ? undefined : result.code ?? result.kind);
  // A replayed result carries the row's current version, not the one the op produced: no rebase then.
  if (outcome === 'acked' && result.status !== 'duplicate' && result.version !== undefined) rebaseFollowing(db, op, result.version, result.autoMerged ?? []);
  if (outcome !== 'acked') {
    const kind: ConflictKind = outcome === 'conflict' ? (result.kind ?? 'field') : rejectionKind(result.code);
    recordConflict(db, {
      id: ctx.newId(), tbl: op.tbl, rowId: op.row_id, opSeq: op.op_seq, kind,
      detail: conflictDetail(op, result, localBase), ...(result.version !== undefined ? { serverVersion: result.version } : {}), at,
    });
  }
  if (!table) return outcome;
  const rowId = typeof result.row?.id === 'string' ? result.row.id : op.row_id;
  if (rowId === op.row_id) {
    rebase(ctx, table, op.row_id, result.version, result.deleted ? null : result.row);
  } else {
    // duplicate_key: the row returned is the one that already holds the key, not ours.
    rebase(ctx, table, op.row_id, undefined, undefined);
    rebase(ctx, table, rowId, result.version, result.row);
  }
  return outcome;
}

/** One pulled change. Returns false when it was an echo or older than what the device holds. */
export function applyChange(ctx: ApplyContext, change: Change, resync: boolean): boolean {
  const { db } = ctx;
  const table = localTable(change.tbl);
  if (!table) return false;
  if (resync) markSeen(db, change.tbl, change.id);
  if (change.scopeExit) {
    leaveScope(ctx, table, change.id);
    return true;
  }
  const local = table.load(db, change.id);
  if (!resync && local?.baseVersion != null && change.version !== undefined && change.version <= local.baseVersion) return false;
  rebase(ctx, table, change.id, change.version, change.deleted ? null : (change.row ?? null), resync, local);
  return true;
}

/** The row left this user's scope: purge it and its children, except what still has unacked ops. */
function leaveScope(ctx: ApplyContext, table: LocalTable, id: string): void {
  const { db } = ctx;
  ctx.touched?.add(table.tbl);
  for (const child of table.children(db, id)) {
    const childTable = localTable(child.tbl);
    if (!childTable || childTable.load(db, child.id)?.baseVersion == null) continue; // never synced: this device's own work stays
    if (hasUnacked(db, child.tbl, child.id)) childTable.markServerDeleted(db, child.id, undefined);
    else childTable.remove(db, child.id);
  }
  if (hasUnacked(db, table.tbl, id)) table.markServerDeleted(db, id, undefined);
  else table.remove(db, id);
}

/* ---------- full resync bookkeeping (SYNC.md §3.6) ---------- */

const seenStatements = perDatabase((db: Database.Database) => ({
  mark: db.prepare('INSERT OR IGNORE INTO resync_seen (tbl, row_id) VALUES (?, ?)'),
  ofTable: db.prepare<[string], { row_id: string }>('SELECT row_id FROM resync_seen WHERE tbl = ?'),
}));

export function markSeen(db: Database.Database, tbl: string, id: string): void {
  seenStatements(db).mark.run(tbl, id);
}

export function clearSeen(db: Database.Database): void {
  db.prepare('DELETE FROM resync_seen').run();
}

/** Rows the platform no longer sends (after a complete resync) that hold no unacked edits, and how many synced rows there are. */
function unseenOf(db: Database.Database, table: LocalTable): { ids: string[]; total: number } {
  if (table.unseen) return table.unseen(db);
  const seen = new Set(seenStatements(db).ofTable.all(table.tbl).map((r) => r.row_id));
  const synced = table.syncedIds(db);
  return { ids: synced.filter((id) => !seen.has(id)), total: synced.length };
}

export function sweepCandidates(db: Database.Database, tables: LocalTable[]): { candidates: { tbl: string; id: string }[]; total: number } {
  const unacked = unackedRowSet(db);
  let total = 0;
  const candidates = tables.flatMap((t) => {
    const { ids, total: count } = unseenOf(db, t);
    total += count;
    return ids.filter((id) => !unacked.has(rowKey(t.tbl, id))).map((id) => ({ tbl: t.tbl, id }));
  });
  return { candidates, total };
}
