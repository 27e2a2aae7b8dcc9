/**
 * The outbox as the engine sees it (SYNC.md §3.2): pending → sent → acked | conflict | rejected.
 * `sent` ops are immutable; a retry resends them byte for byte.
 */
import type Database from 'better-sqlite3';
import { perDatabase } from '../../infra/db/perDatabase';
import type { OpStatus, OutboxOp } from './outbox';

const statements = perDatabase((db: Database.Database) => ({
  unackedForRow: db.prepare<[string, string], OutboxOp>(
    `SELECT * FROM outbox WHERE tbl = ? AND row_id = ? AND status IN ('pending', 'sent') ORDER BY op_seq`,
  ),
  batch: db.prepare<[number], OutboxOp>(`SELECT * FROM outbox WHERE status IN ('pending', 'sent') ORDER BY op_seq LIMIT ?`),
  byOpSeq: db.prepare<[number], OutboxOp>('SELECT * FROM outbox WHERE op_seq = ?'),
  markSent: db.prepare(`UPDATE outbox SET status = 'sent', attempts = attempts + 1, wire_seq = coalesce(wire_seq, ?) WHERE op_seq = ? AND status IN ('pending', 'sent')`),
  setBase: db.prepare(`UPDATE outbox SET base_version = ? WHERE op_seq = ? AND status = 'pending'`),
  maxWire: db.prepare<[], { n: number | null }>('SELECT max(wire_seq) AS n FROM outbox'),
  byWire: db.prepare<[number], { op_seq: number }>('SELECT op_seq FROM outbox WHERE wire_seq = ?'),
  forgetWire: db.prepare('UPDATE outbox SET wire_seq = NULL WHERE wire_seq IS NOT NULL'),
  settle: db.prepare(`UPDATE outbox SET status = ?, last_error = ?, acked_at = ? WHERE op_seq = ?`),
  requeueFrom: db.prepare(`UPDATE outbox SET status = 'sent', acked_at = NULL WHERE wire_seq >= ? AND status IN ('acked', 'conflict', 'rejected')`),
  countUnacked: db.prepare<[], { n: number }>(`SELECT count(*) AS n FROM outbox WHERE status IN ('pending', 'sent')`),
  firstUnacked: db.prepare<[], { op_seq: number }>(`SELECT min(op_seq) AS op_seq FROM outbox WHERE status IN ('pending', 'sent')`),
  minRetained: db.prepare<[], { op_seq: number | null }>('SELECT min(op_seq) AS op_seq FROM outbox'),
  lastOpSeq: db.prepare<[], { seq: number | null }>(`SELECT seq FROM sqlite_sequence WHERE name = 'outbox'`),
  prune: db.prepare(`DELETE FROM outbox WHERE status = 'acked' AND acked_at < ? AND op_seq < (SELECT coalesce(max(op_seq), 0) - ? FROM outbox)`),
  list: db.prepare<[number], OutboxOp>(`SELECT * FROM outbox WHERE status IN ('pending', 'sent') ORDER BY op_seq LIMIT ?`),
}));

export const unackedOps = (db: Database.Database, tbl: string, rowId: string): OutboxOp[] => statements(db).unackedForRow.all(tbl, rowId);
export const hasUnacked = (db: Database.Database, tbl: string, rowId: string): boolean => unackedOps(db, tbl, rowId).length > 0;
export const opBySeq = (db: Database.Database, opSeq: number): OutboxOp | undefined => statements(db).byOpSeq.get(opSeq);
export const countUnacked = (db: Database.Database): number => statements(db).countUnacked.get()!.n;
export const firstUnacked = (db: Database.Database): number | null => statements(db).firstUnacked.get()?.op_seq ?? null;
export const oldestRetained = (db: Database.Database): number | null => statements(db).minRetained.get()?.op_seq ?? null;
export const lastOpSeq = (db: Database.Database): number => statements(db).lastOpSeq.get()?.seq ?? 0;
export const listUnacked = (db: Database.Database, limit: number): OutboxOp[] => statements(db).list.all(limit);

/**
 * The next ops to push, in order: at most `maxOps`, and at most `maxBytes` of patches (at least one
 * op). A never-sent op of a row that already has an op in the batch waits for the next request:
 * once the earlier op's result is in, its base moves past our own change (rebaseFollowing), else
 * the platform would see our own earlier edit as someone else's and report a false conflict.
 */
export function nextBatch(db: Database.Database, maxOps: number, maxBytes: number): OutboxOp[] {
  const ops = statements(db).batch.all(maxOps);
  const batch: OutboxOp[] = [];
  const rows = new Set<string>();
  let bytes = 0;
  for (const op of ops) {
    bytes += op.patch_json.length * 3 + 300; // worst-case UTF-8 size plus the op's envelope
    if (batch.length > 0 && bytes > maxBytes) break;
    const row = `${op.tbl}\u0000${op.row_id}`;
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
export function rebaseFollowing(db: Database.Database, op: OutboxOp, version: number, autoMerged: string[]): void {
  for (const later of statements(db).unackedForRow.all(op.tbl, op.row_id)) {
    if (later.op_seq <= op.op_seq || later.status !== 'pending' || later.kind === 'command' || later.base_version !== op.base_version) continue;
    const fields = Object.keys(JSON.parse(later.patch_json) as Record<string, unknown>);
    if (fields.some((f) => autoMerged.includes(f))) continue;
    statements(db).setBase.run(version, later.op_seq);
  }
}

/**
 * Marks ops sent (from now on immutable) and gives each its wire opSeq, contiguous after the
 * highest one this clientId has used. Returns the ops as they will go on the wire.
 */
export function markSent(db: Database.Database, ops: OutboxOp[], lastWireSeq: number): OutboxOp[] {
  const s = statements(db);
  return db
    .transaction(() => {
      let next = Math.max(lastWireSeq, s.maxWire.get()?.n ?? 0);
      for (const op of ops) s.markSent.run(op.wire_seq ?? ++next, op.op_seq);
      return ops.map((op) => s.byOpSeq.get(op.op_seq)!);
    })
    .immediate();
}

/** Whether the op with this wire opSeq is still on the device (pruned acked ops cannot be re-sent). */
export const hasWireSeq = (db: Database.Database, wireSeq: number): boolean => statements(db).byWire.get(wireSeq) !== undefined;

/** A new clientId starts at opSeq 1: every op forgets its old wire number (unacked ones get new ones when sent). */
export const forgetWireSeqs = (db: Database.Database): void => void statements(db).forgetWire.run();

export function settleOp(db: Database.Database, opSeq: number, status: Exclude<OpStatus, 'pending' | 'sent'>, at: string, error?: string): void {
  statements(db).settle.run(status, error ?? null, status === 'acked' ? at : null, opSeq);
}

/** After a server restore: ops it lost (wire opSeq ≥ `wireSeq`) are sent again, unchanged. */
export function requeueAckedFrom(db: Database.Database, wireSeq: number): number {
  return statements(db).requeueFrom.run(wireSeq).changes;
}

/** Acked ops are kept 30 days (re-push after a server restore, "what did this laptop send"); the latest 2,000 always. */
export function pruneAcked(db: Database.Database, now: Date): number {
  const cutoff = new Date(now.getTime() - 30 * 86_400_000).toISOString();
  return statements(db).prune.run(cutoff, 2000).changes;
}
