/**
 * Sites: one content document per enterprise. Every change is the row, its outbox op (tbl 'site',
 * the wire fields of shared/platform-api/tables.ts) and an audit entry, in one transaction; the
 * content is checked against the model's schema before anything is written.
 */
import type { IntakeState, Site } from '../../../../shared/api/sites';
import { ITEM_KIND_OF_COLUMN, siteContentSchema, type SiteContent } from '../../../../shared/sites/model';
import { writeAudit } from '../audit/repository';
import type { BackendContext } from '../../app/context';
import { getEnterprise } from '../enterprises/service';
import { perDatabase } from '../../infra/db/perDatabase';
import { AppError } from '../../app/errors';
import { recordChange } from '../sync/outbox';
import { newSiteContent } from './defaults';
import { imagesOfContent, parseContent, parseIntake, siteStatements, syncFieldsOf, type SiteRow } from './repository';

export const SITE_ENTITY = 'site';
const EMPTY_INTAKE: IntakeState = { guesses: [], problems: [] };

export const siteNotFound = (id: string) => new AppError('site.not_found', `No site with id ${id}.`, { details: { id } });

/** Everything of a site but its content and intake state. */
function toSiteMeta(row: SiteRow): Omit<Site, 'content' | 'intake'> {
  return {
    id: row.id,
    enterpriseId: row.enterprise_id,
    revision: row.revision,
    ...(row.signed_off_revision !== null ? { signedOffRevision: row.signed_off_revision } : {}),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export const toSite = (row: SiteRow): Site => ({ ...toSiteMeta(row), content: parseContent(row), intake: parseIntake(row) });

export function loadSiteRow(ctx: BackendContext, siteId: string): SiteRow {
  const row = siteStatements(ctx.db).byId.get(siteId);
  if (!row || row.server_deleted) throw siteNotFound(siteId);
  return row;
}

export const getSite = (ctx: BackendContext, siteId: string): Site => toSite(loadSiteRow(ctx, siteId));

export interface SiteForBuild {
  site: Omit<Site, 'content' | 'intake'>;
  /** Frozen: builds only read it. */
  content: SiteContent;
  /** The stored JSON, handed to the compile worker as it is. */
  contentJson: string;
}

/**
 * The site as builds, previews and exports read it, kept per revision: a preview of each page, or a
 * rebuild after an edit, does not read and parse a large site's document again.
 */
const buildCache = perDatabase(() => new Map<string, { stamp: string; value: SiteForBuild }>());
const BUILD_CACHE_SITES = 4;

export function getSiteForBuild(ctx: BackendContext, siteId: string): SiteForBuild {
  const stamp = siteStatements(ctx.db).stampById.get(siteId);
  if (!stamp || stamp.server_deleted) throw siteNotFound(siteId);
  const key = `${stamp.revision}|${stamp.updated_at}`;
  const cache = buildCache(ctx.db);
  const cached = cache.get(siteId);
  if (cached?.stamp === key) return cached.value;
  const row = loadSiteRow(ctx, siteId);
  const value = { site: toSiteMeta(row), content: deepFreeze(parseContent(row)), contentJson: row.content_json };
  cache.delete(siteId);
  cache.set(siteId, { stamp: `${row.revision}|${row.updated_at}`, value });
  if (cache.size > BUILD_CACHE_SITES) cache.delete(cache.keys().next().value!);
  return value;
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

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

/**
 * The site-wide rules of the schema (ids unique, items of their column's kind), for edits whose new
 * parts the procedure's input schema has already checked: a 1,000-item site is not parsed again.
 */
export function checkInvariants(content: SiteContent): SiteContent {
  const seen = new Set<string>();
  const issues: { field: string; code: string; message: string }[] = [];
  const unique = (id: string, field: string) => {
    if (seen.has(id)) issues.push({ field, code: 'site.id.duplicate', message: 'site.id.duplicate' });
    seen.add(id);
  };
  content.columns.forEach((column, c) => {
    unique(column.id, `columns.${c}.id`);
    column.items.forEach((item, i) => {
      unique(item.id, `columns.${c}.items.${i}.id`);
      if (item.kind !== ITEM_KIND_OF_COLUMN[column.type]) issues.push({ field: `columns.${c}.items.${i}.kind`, code: 'site.item.kind_mismatch', message: 'site.item.kind_mismatch' });
    });
  });
  if (issues.length) throw new AppError('site.invalid', `The site content is not valid: ${issues.map((i) => `${i.field}: ${i.code}`).join('; ')}`, { field: issues[0]!.field, issues });
  return content;
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
  /** 'invariants' when the procedure's input schema has checked every new part already. */
  validation: 'full' | 'invariants' = 'full',
): Site {
  let saved: Site | undefined;
  ctx.db.transaction(() => {
    const row = loadSiteRow(ctx, siteId);
    if (expectedRevision !== undefined && expectedRevision !== row.revision)
      throw new AppError('site.stale', `The site was saved by someone else since revision ${expectedRevision} (now ${row.revision}); reload it and edit again.`, {
        details: { expected: expectedRevision, actual: row.revision },
      });
    const current = parseContent(row);
    const before = { name: current.profile.name, images: imagesOfContent(current) };
    const changed = edit({ content: current, intake: parseIntake(row) });
    const content = validation === 'full' ? validContent(changed.content) : checkInvariants(changed.content);
    const contentJson = JSON.stringify(content);
    const at = ctx.now().toISOString();
    siteStatements(ctx.db).update.run({ id: siteId, content_json: contentJson, intake_json: JSON.stringify(changed.intake), updated_at: at });
    const patch = contentJson === row.content_json ? {} : changedFields(before, content);
    if (Object.keys(patch).length) recordChange(ctx, { tbl: 'site', rowId: siteId, kind: 'update', patch, baseVersion: row.base_version });
    writeAudit(ctx, { entity: SITE_ENTITY, entityId: siteId, action, ...(changed.detail ? { detail: changed.detail } : {}) });
    saved = { ...toSiteMeta(row), revision: row.revision + 1, updatedAt: at, content, intake: changed.intake };
  })();
  ctx.emit('data.changed', { entity: SITE_ENTITY, id: siteId });
  return saved!;
}

/** The wire fields (name, content, images) that changed; content is known to have changed. */
function changedFields(before: { name: string; images: string[] }, content: SiteContent): Record<string, unknown> {
  const images = imagesOfContent(content);
  return {
    content,
    ...(content.profile.name !== before.name ? { name: content.profile.name } : {}),
    ...(images.join() !== before.images.join() ? { images } : {}),
  };
}
