/** Creating and changing enterprises: row + outbox op + audit entry in one transaction. */
import type { Enterprise, EnterpriseFields } from '../../../../shared/domain/enterprise';
import { writeAudit } from '../audit/repository';
import type { BackendContext } from '../../app/context';
import { perDatabase } from '../../infra/db/perDatabase';
import { AppError, notFound } from '../../app/errors';
import { recordChange } from '../sync/outbox';
import { enterpriseStatements, insertParams, syncFieldsOf, toEnterprise, updateParams } from './repository';
import { EnterpriseSearchIndex } from './searchIndex';

export const statements = perDatabase(enterpriseStatements);
export const searchIndex = perDatabase((db) => new EnterpriseSearchIndex(db));

function refuseDuplicate(ctx: BackendContext, creditCode: string, exceptId?: string): void {
  const existing = statements(ctx.db).byCreditCode.get(creditCode);
  if (existing && existing.id !== exceptId)
    throw new AppError('enterprise.duplicate_credit_code', `Credit code ${creditCode} is already registered to "${existing.name}".`, {
      field: 'creditCode',
      details: { existingId: existing.id, existingName: existing.name },
    });
}

export function getEnterprise(ctx: BackendContext, id: string): Enterprise {
  const row = statements(ctx.db).byId.get(id);
  if (!row) throw notFound('enterprise', id);
  return toEnterprise(row);
}

export function createEnterprise(ctx: BackendContext, fields: EnterpriseFields): Enterprise {
  const id = ctx.newId();
  const at = ctx.now().toISOString();
  ctx.db.transaction(() => {
    refuseDuplicate(ctx, fields.creditCode);
    statements(ctx.db).insert.run(insertParams(id, fields, at));
    recordChange(ctx, { tbl: 'enterprise', rowId: id, kind: 'create', patch: syncFieldsOf(fields) });
    writeAudit(ctx, { entity: 'enterprise', entityId: id, action: 'enterprise.created', detail: { name: fields.name } });
  })();
  searchIndex(ctx.db).upsert(id, at, fields.name, fields.creditCode, fields.contact.mobile);
  ctx.emit('data.changed', { entity: 'enterprise', id });
  return getEnterprise(ctx, id);
}

export function updateEnterprise(ctx: BackendContext, id: string, fields: EnterpriseFields): Enterprise {
  const at = ctx.now().toISOString();
  const changed = ctx.db.transaction(() => {
    const existingRow = statements(ctx.db).byId.get(id);
    if (!existingRow) throw notFound('enterprise', id);
    refuseDuplicate(ctx, fields.creditCode, id);
    const before = syncFieldsOf(toEnterpriseFields(toEnterprise(existingRow)));
    const after = syncFieldsOf(fields);
    const patch = Object.fromEntries(Object.entries(after).filter(([k, v]) => JSON.stringify(v) !== JSON.stringify(before[k])));
    if (Object.keys(patch).length === 0) return false;
    statements(ctx.db).update.run(updateParams(id, fields, at));
    recordChange(ctx, { tbl: 'enterprise', rowId: id, kind: 'update', patch, baseVersion: existingRow.base_version });
    writeAudit(ctx, { entity: 'enterprise', entityId: id, action: 'enterprise.updated', detail: { fields: Object.keys(patch) } });
    return true;
  })();
  const saved = getEnterprise(ctx, id);
  if (!changed) return saved;
  searchIndex(ctx.db).upsert(id, saved.updatedAt, saved.name, saved.creditCode, saved.contact.mobile);
  ctx.emit('data.changed', { entity: 'enterprise', id });
  return saved;
}

export function toEnterpriseFields(e: Enterprise): EnterpriseFields {
  return {
    name: e.name, creditCode: e.creditCode, industrySection: e.industrySection, industryDivision: e.industryDivision,
    region: e.region, address: e.address, contact: { name: e.contact.name, mobile: e.contact.mobile, email: e.contact.email },
    manager: e.manager, channel: e.channel, note: e.note,
  };
}

/** Loads the search index a moment after start-up, so the first search does not pay for it. */
export function warmSearchIndexSoon(backend: { database(): import('better-sqlite3').Database | null }, delayMs = 1500): void {
  setTimeout(() => {
    const db = backend.database();
    if (db?.open) searchIndex(db).warm();
  }, delayMs).unref();
}
