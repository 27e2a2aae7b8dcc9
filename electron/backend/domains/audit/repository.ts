/** The audit trail: who did what, when — written by the unit of work, in the same transaction as the change. */
import type { Entity } from '../../../../shared/api';
import type { AuditAction } from '../../../../shared/domain/audit';
import type { AuditEntry } from '../../../../shared/domain/order';
import type { ReadableDB, WritableDB } from '../../infra/db/handles';
import { perDatabase } from '../../infra/db/perDatabase';

export interface NewAuditEntry {
  id: string;
  at: string;
  actor: string;
  entity: Entity;
  entityId: string;
  action: AuditAction;
  detail?: Record<string, unknown>;
}

const reads = perDatabase((db: ReadableDB) => ({
  trail: db.prepare<[string, string], { at: string; actor: string; action: string; detail_json: string | null }>(
    'SELECT at, actor, action, detail_json FROM audit_log WHERE entity = ? AND entity_id = ? ORDER BY at, rowid',
  ),
}));

const writes = perDatabase((db: WritableDB) => ({
  insert: db.prepare('INSERT INTO audit_log (id, at, actor, entity, entity_id, action, detail_json) VALUES (?, ?, ?, ?, ?, ?, ?)'),
}));

export function writeAudit(db: WritableDB, entry: NewAuditEntry): void {
  writes(db).insert.run(
    entry.id,
    entry.at,
    entry.actor,
    entry.entity,
    entry.entityId,
    entry.action,
    entry.detail ? JSON.stringify(entry.detail) : null,
  );
}

export function auditTrail(db: ReadableDB, entity: Entity, entityId: string): AuditEntry[] {
  return reads(db)
    .trail.all(entity, entityId)
    .map((r) => ({
      at: r.at,
      actor: r.actor,
      action: r.action,
      ...(r.detail_json ? { detail: JSON.parse(r.detail_json) as Record<string, unknown> } : {}),
    }));
}
