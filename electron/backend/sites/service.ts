/**
 * Sites: one content document per enterprise. Every change is the row, its outbox op (tbl 'site',
 * the wire fields of shared/platform-api/tables.ts) and an audit entry, in one transaction; the
 * content is checked against the model's schema before anything is written.
 */
import type { IntakeState, Site } from '../../../shared/api/sites';
import { siteContentSchema, type SiteContent } from '../../../shared/sites/model';
import { writeAudit } from '../audit';
import type { BackendContext } from '../context';
import { getEnterprise } from '../enterprises/service';
import { AppError } from '../errors';
import { recordChange } from '../sync/outbox';
import { newSiteContent } from './defaults';
import { parseContent, parseIntake, siteStatements, syncFieldsOf, type SiteRow } from './repository';

export const SITE_ENTITY = 'site';
const EMPTY_INTAKE: IntakeState = { guesses: [], problems: [] };

export const siteNotFound = (id: string) => new AppError('site.not_found', `No site with id ${id}.`, { details: { id } });

export function toSite(row: SiteRow): Site {
  return {
    id: row.id,
    enterpriseId: row.enterprise_id,
    revision: row.revision,
    content: parseContent(row),
    intake: parseIntake(row),
    ...(row.signed_off_revision !== null ? { signedOffRevision: row.signed_off_revision } : {}),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export function loadSiteRow(ctx: BackendContext, siteId: string): SiteRow {
  const row = siteStatements(ctx.db).byId.get(siteId);
  if (!row || row.server_deleted) throw siteNotFound(siteId);
  return row;
}

export const getSite = (ctx: BackendContext, siteId: string): Site => toSite(loadSiteRow(ctx, siteId));

export function getSiteForEnterprise(ctx: BackendContext, enterpriseId: string): Site | null {
  const row = siteStatements(ctx.db).byEnterprise.get(enterpriseId);
  return row && !row.server_deleted ? toSite(row) : null;
}

/** The content as the schema accepts it, or `site.invalid` with the schema's issues. */
export function validContent(content: SiteContent): SiteContent {
  const parsed = siteContentSchema.safeParse(content);
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues.map((i) => ({ field: i.path.join('.'), code: i.message, message: i.message }));
  throw new AppError('site.invalid', `The site content is not valid: ${issues.map((i) => `${i.field}: ${i.code}`).join('; ')}`, {
    ...(issues[0] ? { field: issues[0].field } : {}),
    issues,
  });
}

/** Inserts a new site; call inside a transaction. */
export function insertSite(ctx: BackendContext, enterpriseId: string, content: SiteContent, intake: IntakeState = EMPTY_INTAKE): string {
  if (siteStatements(ctx.db).byEnterprise.get(enterpriseId))
    throw new AppError('site.exists', `Enterprise ${enterpriseId} already has a site.`, { details: { enterpriseId } });
  const id = ctx.newId();
  const at = ctx.now().toISOString();
  const valid = validContent(content);
  siteStatements(ctx.db).insert.run({ id, enterprise_id: enterpriseId, content_json: JSON.stringify(valid), intake_json: JSON.stringify(intake), created_at: at, updated_at: at });
  recordChange(ctx, { tbl: 'site', rowId: id, kind: 'create', patch: syncFieldsOf(enterpriseId, valid) });
  writeAudit(ctx, { entity: SITE_ENTITY, entityId: id, action: 'site.created', detail: { enterpriseId } });
  return id;
}

export function createSite(ctx: BackendContext, enterpriseId: string): Site {
  const enterprise = getEnterprise(ctx, enterpriseId);
  let id = '';
  ctx.db.transaction(() => {
    id = insertSite(ctx, enterpriseId, newSiteContent(enterprise, { newId: ctx.newId, withTemplateColumns: true }));
  })();
  ctx.emit('data.changed', { entity: SITE_ENTITY, id });
  return getSite(ctx, id);
}

export interface SiteChange {
  content: SiteContent;
  intake: IntakeState;
  /** For the audit trail: what was done to what. */
  detail?: Record<string, unknown>;
}

/**
 * Applies one edit: loads the site, checks the revision the editor worked on, lets `edit` change a
 * copy, validates it, and writes row + outbox op + audit entry together.
 */
export function changeSite(
  ctx: BackendContext,
  siteId: string,
  expectedRevision: number | undefined,
  action: string,
  edit: (current: SiteChange) => SiteChange,
): Site {
  ctx.db.transaction(() => {
    const row = loadSiteRow(ctx, siteId);
    if (expectedRevision !== undefined && expectedRevision !== row.revision)
      throw new AppError('site.stale', `The site was saved by someone else since revision ${expectedRevision} (now ${row.revision}); reload it and edit again.`, {
        details: { expected: expectedRevision, actual: row.revision },
      });
    const before = parseContent(row);
    const changed = edit({ content: structuredClone(before), intake: parseIntake(row) });
    const content = validContent(changed.content);
    siteStatements(ctx.db).update.run({ id: siteId, content_json: JSON.stringify(content), intake_json: JSON.stringify(changed.intake), updated_at: ctx.now().toISOString() });
    const patch = changedFields(syncFieldsOf(row.enterprise_id, before), syncFieldsOf(row.enterprise_id, content));
    if (Object.keys(patch).length) recordChange(ctx, { tbl: 'site', rowId: siteId, kind: 'update', patch, baseVersion: row.base_version });
    writeAudit(ctx, { entity: SITE_ENTITY, entityId: siteId, action, ...(changed.detail ? { detail: changed.detail } : {}) });
  })();
  ctx.emit('data.changed', { entity: SITE_ENTITY, id: siteId });
  return getSite(ctx, siteId);
}

function changedFields(before: Record<string, unknown>, after: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(after).filter(([key, value]) => key !== 'enterpriseId' && JSON.stringify(value) !== JSON.stringify(before[key])));
}
