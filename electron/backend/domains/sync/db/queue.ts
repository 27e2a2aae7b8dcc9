/**
 * The outbox as the engine sees it (SYNC.md §3.2): pending → sent → acked | conflict | rejected.
 * `sent` ops are immutable; a retry resends them byte for byte. (Ops are written by outbox.ts.)
 */
import type { ReadableDB, WritableDB } from '../../../infra/db/handles';
import { perDatabase } from '../../../infra/db/perDatabase';
import type { OpStatus, OutboxOp } from './outbox';

const reads = perDatabase((db: ReadableDB) => ({
  unackedForRow: db.prepare<[string, string], OutboxOp>(
    `SELECT * FROM outbox WHERE tbl = ? AND row_id = ? AND status IN ('pending', 'sent') ORDER BY op_seq`,
  ),
  unackedRows: db.prepare<[], { tbl: string; row_id: string }>(
    `SELECT DISTINCT tbl, row_id FROM outbox WHERE status IN ('pending', 'sent')`,
  ),
  batch: db.prepare<[number], OutboxOp>(`SELECT * FROM outbox WHERE status IN ('pending', 'sent') ORDER BY op_seq LIMIT ?`),
  unacked: db.prepare<[number], UnackedOp>(`SELECT * FROM outbox WHERE status IN ('pending', 'sent') ORDER BY op_seq LIMIT ?`),
  byOpSeq: db.prepare<[number], OutboxOp>('SELECT * FROM outbox WHERE op_seq = ?'),
  maxWire: db.prepare<[], { n: number | null }>('SELECT max(wire_seq) AS n FROM outbox'),
  byWire: db.prepare<[number], { op_seq: number }>('SELECT op_seq FROM outbox WHERE wire_seq = ?'),
  countUnacked: db.prepare<[], { n: number }>(`SELECT count(*) AS n FROM outbox WHERE status IN ('pending', 'sent')`),
  firstUnacked: db.prepare<[], { op_seq: number }>(`SELECT min(op_seq) AS op_seq FROM outbox WHERE status IN ('pending', 'sent')`),
  minRetained: db.prepare<[], { op_seq: number | null }>('SELECT min(op_seq) AS op_seq FROM outbox'),
  lastOpSeq: db.prepare<[], { seq: number | null }>(`SELECT seq FROM sqlite_sequence WHERE name = 'outbox'`),
}));

const writes = perDatabase((db: WritableDB) => ({
  markSent: db.prepare(
    `UPDATE outbox SET status = 'sent', attempts = attempts + 1, wire_seq = coalesce(wire_seq, ?) WHERE op_seq = ? AND status IN ('pending', 'sent')`,
  ),
  setBase: db.prepare(`UPDATE outbox SET base_version = ? WHERE op_seq = ? AND status = 'pending'`),
  forgetWire: db.prepare('UPDATE outbox SET wire_seq = NULL WHERE wire_seq IS NOT NULL'),
  settle: db.prepare(`UPDATE outbox SET status = ?, last_error = ?, acked_at = ? WHERE op_seq = ?`),
  requeueFrom: db.prepare(
    `UPDATE outbox SET status = 'sent', acked_at = NULL WHERE wire_seq >= ? AND status IN ('acked', 'conflict', 'rejected')`,
  ),
  prune: db.prepare(
    `DELETE FROM outbox WHERE status = 'acked' AND acked_at < ? AND op_seq < (SELECT coalesce(max(op_seq), 0) - ? FROM outbox)`,
  ),
}));

export const rowKey = (tbl: string, id: string) => `${tbl}\u0000${id}`;

export const unackedOps = (db: ReadableDB, tbl: string, rowId: string): OutboxOp[] => reads(db).unackedForRow.all(tbl, rowId);
export const hasUnacked = (db: ReadableDB, tbl: string, rowId: string): boolean => unackedOps(db, tbl, rowId).length > 0;
/** Every row that has unacked ops (`rowKey`), for a page of changes applied in one go. */
export const unackedRowKeys = (db: ReadableDB): Set<string> =>
  new Set(
    reads(db)
      .unackedRows.all()
      .map((r) => rowKey(r.tbl, r.row_id)),
  );
export const opBySeq = (db: ReadableDB, opSeq: number): OutboxOp | undefined => reads(db).byOpSeq.get(opSeq);
export const countUnacked = (db: ReadableDB): number => reads(db).countUnacked.get()!.n;
export const firstUnacked = (db: ReadableDB): number | null => reads(db).firstUnacked.get()?.op_seq ?? null;
export const oldestRetained = (db: ReadableDB): number | null => reads(db).minRetained.get()?.op_seq ?? null;
export const lastOpSeq = (db: ReadableDB): number => reads(db).lastOpSeq.get()?.seq ?? 0;
/** Ops not acked yet, oldest first. */
export type UnackedOp = OutboxOp & { status: 'pending' | 'sent' };
export const listUnacked = (db: ReadableDB, limit: number): UnackedOp[] => reads(db).unacked.all(limit);

/**
 * The next ops to push, in order: at most `maxOps`, and at most `maxBytes` of patches (at least one
 * op). A never-sent op of a row that already has an op in the batch waits for the next request:
 * once the earlier op's result is in, its base moves past our own change (rebaseFollowing), else
 * the platform would see our own earlier edit as someone else's and report a false conflict.
 */
export function nextBatch(db: ReadableDB, maxOps: number, maxBytes: number): OutboxOp[] {
  const ops = reads(db).batch.all(maxOps);
  const batch: OutboxOp[] = [];
  const rows = new Set<string>();
  let bytes = 0;
  for (const op of ops) {
    bytes += op.patch_json.length * 3 + 300; // worst-case UTF-8 size plus the op's envelope
    if (batch.length > 0 && bytes > maxBytes) break;
    const row = rowKey(op.tbl, op.row_id);
    if (op.status === 'pending' && rows.has(row)) break;
    rows.add(row);
    batch.push(op);
  }
  return batch;
}

/**
 * After an op was applied at `version`, later never-sent ops of the row that derived from the same
 * base now derive from `version` — unless they set a field someone else changed meanwhile
 * (`autoMerged`), which must still be checked against the older base.
 */
export function rebaseFollowing(db: WritableDB, op: OutboxOp, version: number, autoMerged: string[]): void {
  for (const later of unackedOps(db, op.tbl, op.row_id)) {
    if (later.op_seq <= op.op_seq || later.status !== 'pending' || later.kind === 'command' || later.base_version !== op.base_version)
      continue;
    const fields = Object.keys(JSON.parse(later.patch_json));
    if (fields.some((f) => autoMerged.includes(f))) continue;
    writes(db).setBase.run(version, later.op_seq);
  }
}

/**
 * Marks ops sent (from now on immutable) and gives each its wire opSeq, contiguous after the
 * highest one this clientId has used. Returns the ops as they will go on the wire.
 */
export function markSent(db: WritableDB, ops: OutboxOp[], lastWireSeq: number): OutboxOp[] {
  let next = Math.max(lastWireSeq, reads(db).maxWire.get()?.n ?? 0);
  for (const op of ops) writes(db).markSent.run(op.wire_seq ?? ++next, op.op_seq);
  return ops.map((op) => reads(db).byOpSeq.get(op.op_seq)!);
}

/** Whether the op with this wire opSeq is still on the device (pruned acked ops cannot be re-sent). */
export const hasWireSeq = (db: ReadableDB, wireSeq: number): boolean => reads(db).byWire.get(wireSeq) !== undefined;

/** A new clientId starts at opSeq 1: every op forgets its old wire number (unacked ones get new ones when sent). */
export const forgetWireSeqs = (db: WritableDB): void => void writes(db).forgetWire.run();

export function settleOp(db: WritableDB, opSeq: number, status: Exclude<OpStatus, 'pending' | 'sent'>, at: string, error?: string): void {
  writes(db).settle.run(status, error ?? null, status === 'acked' ? at : null, opSeq);
}

/** After a server restore: ops it lost (wire opSeq ≥ `wireSeq`) are sent again, unchanged. */
export function requeueAckedFrom(db: WritableDB, wireSeq: number): number {
  return writes(db).requeueFrom.run(wireSeq).changes;
}

/** Acked ops are kept 30 days (re-push after a server restore, "what did this laptop send"); the latest 2,000 always. */
export function pruneAcked(db: WritableDB, now: Date): number {
  const cutoff = new Date(now.getTime() - 30 * 86_400_000).toISOString();
  return writes(db).prune.run(cutoff, 2000).changes;
}
