/**
 * Writing the outbox (SYNC.md §3.2): every user-visible change records its op here, in the same
 * transaction as the change itself. Only the unit of work (app/unitOfWork.ts) calls these: a
 * domain describes its change there and cannot forget this step.
 */
import type { Statement } from 'better-sqlite3';
import type { SyncedTable } from '../../../../../shared/platform-api';
import type { WritableDB } from '../../../infra/db/handles';
import { perDatabase } from '../../../infra/db/perDatabase';

export type ChangeKind = 'create' | 'update' | 'delete';

export interface FieldChange {
  tbl: SyncedTable;
  rowId: string;
  kind: ChangeKind;
  /** Changed fields only, absolute values. */
  patch: Record<string, unknown>;
  baseVersion?: number | null;
}

export interface OutboxWriter {
  db: WritableDB;
  newId(): string;
  now(): Date;
}

export type OpStatus = 'pending' | 'sent' | 'acked' | 'conflict' | 'rejected';

export interface OutboxOp {
  op_seq: number;
  mutation_id: string;
  tbl: string;
  row_id: string;
  kind: ChangeKind | 'command';
  name: string | null;
  patch_json: string;
  base_version: number | null;
  status: OpStatus;
  attempts: number;
  last_error: string | null;
  created_at: string;
  acked_at: string | null;
  /** opSeq on the wire, assigned when first sent (queue.ts). */
  wire_seq: number | null;
}

interface PendingOp {
  op_seq: number;
  kind: string;
  base_version: number | null;
}

const statements = perDatabase((db: WritableDB) => ({
  latestPending: db.prepare<[string, string], PendingOp>(
    `SELECT op_seq, kind, base_version FROM outbox WHERE tbl = ? AND row_id = ? AND status = 'pending' AND kind != 'command' ORDER BY op_seq DESC LIMIT 1`,
  ),
  insert: db.prepare(
    `INSERT INTO outbox (mutation_id, tbl, row_id, kind, name, patch_json, base_version, created_at) VALUES (@mutationId, @tbl, @rowId, @kind, @name, @patch, @baseVersion, @createdAt)`,
  ),
}));

/**
 * Records a field change. A change to a row whose latest op was never sent is folded into that op
 * (create + update stays a create); once an op has been sent it is immutable. An op is folded only
 * while the row still derives from the same server version: after a pull moved the row on, the
 * new edit was made against the new version and gets its own op (else it would report a conflict
 * against a value the user had already seen).
 */
export function recordChange(writer: OutboxWriter, change: FieldChange): void {
  const s = statements(writer.db);
  const pending = s.latestPending.get(change.tbl, change.rowId);
  const sameBase = pending !== undefined && (pending.kind === 'create' || pending.base_version === (change.baseVersion ?? null));
  if (pending && sameBase && change.kind !== 'delete' && pending.kind !== 'delete') {
    foldIntoPending(writer.db, pending.op_seq, change.patch);
    return;
  }
  s.insert.run({
    mutationId: writer.newId(),
    tbl: change.tbl,
    rowId: change.rowId,
    kind: change.kind,
    name: null,
    patch: JSON.stringify(change.patch),
    baseVersion: change.baseVersion ?? null,
    createdAt: writer.now().toISOString(),
  });
}

/**
 * Sets each changed field in the pending op's patch, whole (field groups are absolute values, never
 * merged deeper). SQLite's json_set does it in place, so a large pending patch — a site's whole
 * content document — is not parsed and re-serialized in JavaScript on every edit.
 */
const foldStatements = perDatabase((_db: WritableDB) => new Map<string, Statement>());
function foldIntoPending(db: WritableDB, opSeq: number, patch: Record<string, unknown>): void {
  const keys = Object.keys(patch).filter((k) => patch[k] !== undefined);
  if (keys.length === 0) return;
  const shape = keys.join('\u0000');
  const cached = foldStatements(db);
  let statement = cached.get(shape);
  if (!statement) {
    const paths = keys.map((k) => `${sqlString(`$.${JSON.stringify(k)}`)}, json(?)`).join(', ');
    cached.set(shape, (statement = db.prepare(`UPDATE outbox SET patch_json = json_set(patch_json, ${paths}) WHERE op_seq = ?`)));
  }
  statement.run(...keys.map((k) => JSON.stringify(patch[k])), opSeq);
}

const sqlString = (text: string) => `'${text.replace(/'/g, "''")}'`;

/** Records a command (`order.submit.v1` …): applied by the platform's state machine, never merged. */
export function recordCommand(
  writer: OutboxWriter,
  command: { tbl: SyncedTable; rowId: string; name: string; args: Record<string, unknown> },
): void {
  statements(writer.db).insert.run({
    mutationId: writer.newId(),
    tbl: command.tbl,
    rowId: command.rowId,
    kind: 'command',
    name: command.name,
    patch: JSON.stringify(command.args),
    baseVersion: null,
    createdAt: writer.now().toISOString(),
  });
}
