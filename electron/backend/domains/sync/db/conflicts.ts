/**
 * The conflict list (SYNC.md §3.2 `conflict`): every op the platform did not take as sent —
 * field conflicts with both values, deletes against edits, duplicates, rejections — stays visible
 * here until a person resolves it. Nothing is dropped silently.
 */
import type { ConflictKind } from '../../../../../shared/api/sync';
import type { ReadableDB, WritableDB } from '../../../infra/db/handles';
import { perDatabase } from '../../../infra/db/perDatabase';

export interface ConflictDetail {
  /** kind=field: per field (or group) mine, theirs and the value both started from (when known). */
  fields?: Record<string, { mine: unknown; theirs: unknown; base?: unknown }>;
  /** What this device sent: the op, so the change can be re-applied or exported. */
  op: {
    kind: string;
    name: string | null;
    patch: Record<string, unknown>;
    baseVersion: number | null;
    mutationId: string;
    createdAt: string;
  };
  /** Rejections: the platform's code and sentence. */
  code?: string;
  message?: string;
  /** duplicate_key: the row that already holds the natural key. */
  existingId?: string;
  /** The row as the platform has it, when it has one. */
  theirs?: Record<string, unknown> | null;
}

export interface ConflictRecord {
  id: string;
  tbl: string;
  row_id: string;
  op_seq: number | null;
  kind: ConflictKind;
  detail_json: string;
  server_version: number | null;
  created_at: string;
  resolved_at: string | null;
}

const reads = perDatabase((db: ReadableDB) => ({
  byId: db.prepare<[string], ConflictRecord>('SELECT * FROM conflict WHERE id = ?'),
  byOp: db.prepare<[number], { id: string }>('SELECT id FROM conflict WHERE op_seq = ?'),
  open: db.prepare<[number], ConflictRecord>('SELECT * FROM conflict WHERE resolved_at IS NULL ORDER BY created_at, id LIMIT ?'),
  openForRow: db.prepare<[string, string], ConflictRecord>(
    'SELECT * FROM conflict WHERE tbl = ? AND row_id = ? AND resolved_at IS NULL ORDER BY created_at',
  ),
  countOpen: db.prepare<[], { n: number }>('SELECT count(*) AS n FROM conflict WHERE resolved_at IS NULL'),
}));

const writes = perDatabase((db: WritableDB) => ({
  insert: db.prepare(
    'INSERT INTO conflict (id, tbl, row_id, op_seq, kind, detail_json, server_version, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
  ),
  resolve: db.prepare('UPDATE conflict SET resolved_at = ? WHERE id = ? AND resolved_at IS NULL'),
}));

export function recordConflict(
  db: WritableDB,
  conflict: {
    id: string;
    tbl: string;
    rowId: string;
    opSeq: number;
    kind: ConflictKind;
    detail: ConflictDetail;
    serverVersion?: number;
    at: string;
  },
): void {
  if (reads(db).byOp.get(conflict.opSeq)) return; // the same op's result applied twice (a replayed response)
  writes(db).insert.run(
    conflict.id,
    conflict.tbl,
    conflict.rowId,
    conflict.opSeq,
    conflict.kind,
    JSON.stringify(conflict.detail),
    conflict.serverVersion ?? null,
    conflict.at,
  );
}

export const conflictById = (db: ReadableDB, id: string) => reads(db).byId.get(id);
export const conflictDetailOf = (row: ConflictRecord): ConflictDetail => JSON.parse(row.detail_json) as ConflictDetail;
export const openConflicts = (db: ReadableDB, limit = 500) => reads(db).open.all(limit);
export const openConflictsForRow = (db: ReadableDB, tbl: string, rowId: string) => reads(db).openForRow.all(tbl, rowId);
export const countOpenConflicts = (db: ReadableDB) => reads(db).countOpen.get()!.n;
export const markResolved = (db: WritableDB, id: string, at: string) => writes(db).resolve.run(at, id).changes === 1;

/** Maps a per-op rejection code of the platform to the kind the conflict list shows. */
export function rejectionKind(code: string | undefined): ConflictKind {
  if (code === 'forbidden') return 'forbidden';
  if (code === 'invalid') return 'invalid';
  return 'rejected';
}
