/** The audit trail: who did what, when — written in the same transaction as the action. */
import type { BackendContext } from '../../app/context';
import type { AuditEntry } from '../../../../shared/domain/order';

export function writeAudit(
  ctx: Pick<BackendContext, 'db' | 'newId' | 'now' | 'actor'>,
  entry: { entity: string; entityId: string; action: string; detail?: Record<string, unknown> },
): void {
  ctx.db
    .prepare('INSERT INTO audit_log (id, at, actor, entity, entity_id, action, detail_json) VALUES (?, ?, ?, ?, ?, ?, ?)')
    .run(ctx.newId(), ctx.now().toISOString(), ctx.actor(), entry.entity, entry.entityId, entry.action, entry.detail ? JSON.stringify(entry.detail) : null);
}

export function auditTrail(ctx: Pick<BackendContext, 'db'>, entity: string, entityId: string): AuditEntry[] {
  const rows = ctx.db
    .prepare<[string, string], { at: string; actor: string; action: string; detail_json: string | null }>(
      'SELECT at, actor, action, detail_json FROM audit_log WHERE entity = ? AND entity_id = ? ORDER BY at, rowid',
    )
    .all(entity, entityId);
  return rows.map((r) => ({ at: r.at, actor: r.actor, action: r.action, ...(r.detail_json ? { detail: JSON.parse(r.detail_json) } : {}) }));
}
