/**
 * One user-visible change, in one transaction — the spirit of Actual's `db.update` → sync messages.
 * A domain describes what changes (`RecordChange`s); this module writes each row through the
 * domain's `write`, records the outbox op of every synced record, writes the audit entries, and
 * after the commit tells the UI (`data.changed`). It is the only caller of the raw outbox writers,
 * and a synced record's change does not compile without its outbox step, so no domain can forget it.
 */
import type { Entity } from '../../../shared/api';
import type { AuditAction } from '../../../shared/domain/audit';
import { SYNCED_TABLES, type CommandName, type SyncedTable } from '../../../shared/platform-api';
import type { WritableDB } from '../infra/db/handles';
import { writeAudit } from '../domains/audit/repository';
import { isHeldRow, releaseRow } from '../domains/sync/db/heldRows';
import { recordChange, recordCommand, type ChangeKind } from '../domains/sync/db/outbox';
import type { WriteContext } from './context';

type Fields = Record<string, unknown>;

/**
 * What the platform must learn about a synced record's change: a field op (absolute values of the
 * changed fields; an update with an empty patch records nothing), a command, or — said out loud —
 * nothing, because the change touches only what never leaves this device.
 */
export type OutboxStep =
  { op: ChangeKind; patch: Fields; baseVersion?: number | null } | { command: CommandName; args: Fields } | { localOnly: LocalOnlyReason };

/** Why a change of a synced record sends nothing. */
export type LocalOnlyReason =
  /** Draft and signed orders stay on this device until submitted (one command carries them). */
  | 'unsubmitted_order'
  /** Columns the platform does not hold (who signed off which revision, the import's guesses). */
  | 'device_only_fields'
  /** A conflict settled the platform's way: this device drops its own copy, the platform keeps its version. */
  | 'platform_decided'
  /** A VPMN roster's working copy: its changes reach the platform in roster orders (`roster.submit.v1`), never as field ops. */
  | 'roster_working_copy'
  /** A record the platform refused from this account, kept on this device as a local draft (sync/db/heldRows.ts). */
  | 'local_draft';

export interface AuditNote {
  action: AuditAction;
  detail?: Fields;
}

type LocalEntity = Exclude<Entity, SyncedTable>;

export interface SyncedRecordChange {
  entity: SyncedTable;
  id: string;
  /** The record's revision after this change, if it counts its saves (told to the UI with the change). */
  revision?: number;
  /** Writes the row through the domain's repository (absent when only the op is new: a conflict resolution). */
  write?: (db: WritableDB) => void;
  outbox: OutboxStep;
  audit?: AuditNote;
}

export interface LocalRecordChange {
  entity: LocalEntity;
  id: string;
  write: (db: WritableDB) => void;
  audit?: AuditNote;
}

export type RecordChange = SyncedRecordChange | LocalRecordChange;

export interface ChangeSet<T> {
  changes: RecordChange[];
  result: T;
}

const SYNCED = new Set<string>(SYNCED_TABLES);
const isSynced = (change: RecordChange): change is SyncedRecordChange => SYNCED.has(change.entity);

/**
 * Runs `plan` in one transaction (it reads and checks what it needs, then describes the change),
 * applies what it describes, and emits `data.changed` for each record after the commit. Nothing is
 * written, and nothing emitted, when a step throws.
 */
export function commitChanges<T>(ctx: WriteContext, plan: (db: WritableDB) => ChangeSet<T>): T {
  const { changes, result } = ctx.db.transaction(() => {
    const planned = plan(ctx.db);
    for (const change of planned.changes) apply(ctx, change);
    return planned;
  })();
  const seen = new Set<string>();
  for (const change of changes) {
    const { entity, id } = change;
    const key = `${entity}\u0000${id}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const revision = isSynced(change) ? change.revision : undefined;
    ctx.emit('data.changed', { entity, id, ...(revision !== undefined ? { revision } : {}) });
  }
  return result;
}

function apply(ctx: WriteContext, change: RecordChange): void {
  change.write?.(ctx.db);
  if (isSynced(change)) recordOutbox(ctx, change);
  else if ('outbox' in change) throw new Error(`${change.entity} is not synced; its change has no outbox step`);
  if (change.audit)
    writeAudit(ctx.db, {
      id: ctx.newId(),
      at: ctx.now().toISOString(),
      actor: ctx.actor(),
      entity: change.entity,
      entityId: change.id,
      action: change.audit.action,
      ...(change.audit.detail ? { detail: change.audit.detail } : {}),
    });
}

function recordOutbox(ctx: WriteContext, change: SyncedRecordChange): void {
  const step: OutboxStep | undefined = change.outbox;
  // The type requires the step; this catches callers that got past it (JavaScript, casts).
  if (!step) throw new Error(`the change of ${change.entity} ${change.id} has no outbox step`);
  if ('localOnly' in step) return;
  // A local draft's edits stay here; deleting it also ends its hold.
  if (isHeldRow(ctx.db, change.entity, change.id)) {
    if ('op' in step && step.op === 'delete') releaseRow(ctx.db, change.entity, change.id);
    return;
  }
  if ('command' in step) {
    recordCommand(ctx, { tbl: change.entity, rowId: change.id, name: step.command, args: step.args });
    return;
  }
  if (step.op === 'update' && Object.keys(step.patch).length === 0) return;
  recordChange(ctx, {
    tbl: change.entity,
    rowId: change.id,
    kind: step.op,
    patch: step.patch,
    ...(step.baseVersion !== undefined ? { baseVersion: step.baseVersion } : {}),
  });
}
