/**
 * Applying what the platform says to the local rows (SYNC.md §3.6): push results (`applyResult`)
 * and pulled changes (`applyChange`). The local row is always the server's row overlaid with this
 * device's still-unacked ops, field by field, in op order — so an edit is never hidden by an
 * older server state, and a server change is never hidden by an edit that did not touch it.
 * Every row from the platform is parsed by its table's adapter first: a malformed one is refused
 * (listed in `sync_refused_row`), never stored, and the rest of the page goes on.
 * Callers run these inside one write transaction per response or page.
 */
import type { Entity } from '../../../../shared/api';
import type { ConflictKind } from '../../../../shared/api/sync';
import type { Change, OpResult } from '../../../../shared/platform-api';
import type { WritableDB } from '../../infra/db/handles';
import { storedFields, type Fields, type SyncAdapter, type SyncAdapters } from './adapters';
import { recordConflict, rejectionKind, type ConflictDetail } from './db/conflicts';
import type { OutboxOp } from './db/outbox';
import { hasUnacked, rebaseFollowing, rowKey, settleOp, unackedOps, unackedRowKeys } from './db/queue';
import { clearRefusedRow, recordRefusedRow } from './db/refusedRows';
import { markSeen, seenIds } from './db/resyncSeen';

export interface ApplyContext {
  db: WritableDB;
  adapters: SyncAdapters;
  now: () => Date;
  newId: () => string;
  /** Collects the tables whose rows changed (the engine tells the UI). */
  touched?: Set<Entity>;
  /** Rows with unacked ops (`rowKey`), when known for the whole page: saves a query per row. */
  unackedRows?: Set<string>;
  /** Rows refused earlier (`rowKey`): a valid version takes them off the list. */
  refusedRows?: Set<string>;
}

const unackedFor = (ctx: ApplyContext, tbl: string, id: string): OutboxOp[] =>
  ctx.unackedRows && !ctx.unackedRows.has(rowKey(tbl, id)) ? [] : unackedOps(ctx.db, tbl, id);

const patchOf = (op: OutboxOp) => storedFields(op.patch_json);

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
 * A row from the platform, parsed by its adapter. A malformed one is listed as refused and comes
 * back as `undefined`: it is as if the platform had sent no row.
 */
function parsedRow(ctx: ApplyContext, adapter: SyncAdapter, id: string, version: number | undefined, row: unknown): Fields | undefined {
  const parsed = adapter.parse(row);
  if (!parsed.ok) {
    recordRefusedRow(ctx.db, { tbl: adapter.tbl, rowId: id, version: version ?? null, problems: parsed.problems, row, at: ctx.now() });
    ctx.touched?.add('sync');
    return undefined;
  }
  if (ctx.refusedRows?.has(rowKey(adapter.tbl, id))) clearRefusedRow(ctx.db, adapter.tbl, id);
  return parsed.row;
}

/**
 * Sets a row's base to a server state and recomputes what the device shows. A base older than the
 * one held is ignored (unless `force`: a resync trusts the server even if it went back in time),
 * but the shown fields are still recomputed, since the set of unacked ops may have changed.
 * `row` has been parsed (or is null for a tombstone, undefined for "no row").
 */
function rebase(
  ctx: ApplyContext,
  adapter: SyncAdapter,
  id: string,
  version: number | undefined,
  row: Fields | null | undefined,
  force = false,
  local = adapter.load(ctx.db, id),
): void {
  const { db } = ctx;
  ctx.touched?.add(adapter.tbl);
  const ops = unackedFor(ctx, adapter.tbl, id);
  const stale = !force && local?.baseVersion != null && (version === undefined || version <= local.baseVersion);
  if (row === null && !stale) {
    if (ops.length > 0) adapter.markServerDeleted(db, id, version);
    else adapter.remove(db, id);
    return;
  }
  const fresh = !stale && row !== undefined && row !== null;
  if (!fresh && local?.serverDeleted && ops.length === 0) {
    adapter.remove(db, id); // the platform deleted it or it left our scope; our last op about it is settled
    return;
  }
  const baseRow = fresh ? row : (local?.baseJson ?? null);
  const baseVersion = fresh ? (version ?? null) : (local?.baseVersion ?? null);
  if (baseRow === null || baseVersion === null) return; // never synced: the device's own row stays as it is
  const fields = overlay(baseRow, ops);
  if (fields === null) return; // deleted here; the delete op is still on its way
  const shown = ops.length === 0 && fresh ? { ok: true as const, row: fields } : adapter.parse(fields);
  // Our own pending edit does not fit the table (an old or hand-made op): the row stays as it is until the platform answers it.
  if (!shown.ok) return;
  adapter.save(db, id, shown.row, { version: baseVersion, row: baseRow }, ops.length > 0);
}

function conflictDetail(op: OutboxOp, result: OpResult, base: Fields | null): ConflictDetail {
  const fields = result.fields
    ? Object.fromEntries(
        Object.entries(result.fields).map(([f, v]) => [
          f,
          { mine: v.mine, theirs: v.theirs, ...(base && f in base ? { base: base[f] } : {}) },
        ]),
      )
    : undefined;
  return {
    ...(fields ? { fields } : {}),
    op: {
      kind: op.kind,
      name: op.name,
      patch: patchOf(op),
      baseVersion: op.base_version,
      mutationId: op.mutation_id,
      createdAt: op.created_at,
    },
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
  const adapter = ctx.adapters.get(op.tbl);
  const at = ctx.now().toISOString();
  const localBase = adapter?.load(db, op.row_id)?.baseJson ?? null;
  settleOp(db, op.op_seq, outcome, at, outcome === 'acked' ? undefined : (result.code ?? result.kind));
  // A replayed result carries the row's current version, not the one the op produced: no rebase then.
  if (outcome === 'acked' && result.status !== 'duplicate' && result.version !== undefined)
    rebaseFollowing(db, op, result.version, result.autoMerged ?? []);
  if (outcome !== 'acked') {
    const kind: ConflictKind = outcome === 'conflict' ? (result.kind ?? 'field') : rejectionKind(result.code);
    recordConflict(db, {
      id: ctx.newId(),
      tbl: op.tbl,
      rowId: op.row_id,
      opSeq: op.op_seq,
      kind,
      detail: conflictDetail(op, result, localBase),
      ...(result.version !== undefined ? { serverVersion: result.version } : {}),
      at,
    });
  }
  if (!adapter) return outcome;
  const rowId = typeof result.row?.id === 'string' ? result.row.id : op.row_id;
  const row =
    result.deleted || result.row === null
      ? null
      : result.row === undefined
        ? undefined
        : parsedRow(ctx, adapter, rowId, result.version, result.row);
  if (rowId === op.row_id) {
    rebase(ctx, adapter, op.row_id, result.version, row);
  } else {
    // duplicate_key: the row returned is the one that already holds the key, not ours.
    rebase(ctx, adapter, op.row_id, undefined, undefined);
    rebase(ctx, adapter, rowId, result.version, row);
  }
  return outcome;
}

/** One pulled change. Returns false when it was an echo, older than what the device holds, or refused. */
export function applyChange(ctx: ApplyContext, change: Change, resync: boolean): boolean {
  const { db } = ctx;
  const adapter = ctx.adapters.get(change.tbl);
  if (!adapter) return false;
  if (resync) markSeen(db, change.tbl, change.id);
  if (change.scopeExit) {
    leaveScope(ctx, adapter, change.id);
    return true;
  }
  const local = adapter.load(db, change.id);
  if (!resync && local?.baseVersion != null && change.version !== undefined && change.version <= local.baseVersion) return false;
  let row: Fields | null = null;
  if (!change.deleted && change.row !== undefined) {
    const parsed = parsedRow(ctx, adapter, change.id, change.version, change.row);
    if (!parsed) return false;
    row = parsed;
  }
  rebase(ctx, adapter, change.id, change.version, row, resync, local);
  return true;
}

/** The row left this user's scope: purge it and what belongs to it, except what still has unacked ops. */
function leaveScope(ctx: ApplyContext, adapter: SyncAdapter, id: string): void {
  const { db } = ctx;
  ctx.touched?.add(adapter.tbl);
  if (adapter.tbl === 'enterprise') {
    for (const childAdapter of ctx.adapters.all()) {
      for (const childId of childAdapter.idsOfEnterprise?.(db, id) ?? []) {
        if (childAdapter.load(db, childId)?.baseVersion == null) continue; // never synced: this device's own work stays
        if (hasUnacked(db, childAdapter.tbl, childId)) childAdapter.markServerDeleted(db, childId, undefined);
        else childAdapter.remove(db, childId);
      }
    }
  }
  if (hasUnacked(db, adapter.tbl, id)) adapter.markServerDeleted(db, id, undefined);
  else adapter.remove(db, id);
}

/** Synced rows the platform did not send in a complete resync and that hold no unacked edits, and how many synced rows there are. */
export function sweepCandidates(db: WritableDB, adapters: SyncAdapters): { candidates: { tbl: string; id: string }[]; total: number } {
  const unacked = unackedRowKeys(db);
  let total = 0;
  const candidates = adapters.all().flatMap((adapter) => {
    const seen = seenIds(db, adapter.tbl);
    const synced = adapter.syncedIds(db);
    total += synced.length;
    return synced.filter((id) => !seen.has(id) && !unacked.has(rowKey(adapter.tbl, id))).map((id) => ({ tbl: adapter.tbl, id }));
  });
  return { candidates, total };
}
