/**
 * Sites: one content document per enterprise. Every change goes through the unit of work — the
 * row, its outbox op (tbl 'site', the wire fields of syncAdapter.ts) and an audit entry, in one
 * transaction — and the content is checked against the model's schema before anything is written.
 */
import type { IntakeState, Site } from '../../../../shared/api/sites';
import type { AuditAction } from '../../../../shared/domain/audit';
import { ITEM_KIND_OF_COLUMN, siteContentSchema, type SiteContent } from '../../../../shared/sites/model';
import type { ReadContext, WriteContext } from '../../app/context';
import { AppError } from '../../app/errors';
import { commitChanges, type SyncedRecordChange } from '../../app/unitOfWork';
import type { ReadableDB, WritableDB } from '../../infra/db/handles';
import { perDatabase } from '../../infra/db/perDatabase';
import { getEnterprise } from '../enterprises/service';
import { newSiteContent } from './defaults';
import {
  findSite,
  imagesOfContent,
  insertSite,
  parseContent,
  parseIntake,
  siteOfEnterprise,
  siteStamp,
  updateSiteContent,
  type SiteRecord,
} from './repository';
import { siteWireFields } from './syncAdapter';

const EMPTY_INTAKE: IntakeState = { guesses: [], problems: [] };

export const siteNotFound = (id: string) => new AppError('site.not_found', `No site with id ${id}.`, { details: { id } });

/** Everything of a site but its content and intake state. */
function toSiteMeta(row: SiteRecord): Omit<Site, 'content' | 'intake'> {
  return {
    id: row.id,
    enterpriseId: row.enterprise_id,
    revision: row.revision,
    ...(row.signed_off_revision !== null ? { signedOffRevision: row.signed_off_revision } : {}),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export const toSite = (row: SiteRecord): Site => ({ ...toSiteMeta(row), content: parseContent(row), intake: parseIntake(row) });

export function loadSiteRow(db: ReadableDB, siteId: string): SiteRecord {
  const row = findSite(db, siteId);
  if (!row || row.server_deleted) throw siteNotFound(siteId);
  return row;
}

export const getSite = (ctx: Pick<ReadContext, 'db'>, siteId: string): Site => toSite(loadSiteRow(ctx.db, siteId));

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

export function getSiteForBuild(ctx: Pick<ReadContext, 'db'>, siteId: string): SiteForBuild {
  const stamp = siteStamp(ctx.db, siteId);
  if (!stamp || stamp.server_deleted) throw siteNotFound(siteId);
  const key = `${stamp.revision}|${stamp.updated_at}`;
  const cache = buildCache(ctx.db);
  const cached = cache.get(siteId);
  if (cached?.stamp === key) return cached.value;
  const row = loadSiteRow(ctx.db, siteId);
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

export function getSiteForEnterprise(ctx: ReadContext, enterpriseId: string): Site | null {
  const row = siteOfEnterprise(ctx.db, enterpriseId);
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
      if (item.kind !== ITEM_KIND_OF_COLUMN[column.type])
        issues.push({ field: `columns.${c}.items.${i}.kind`, code: 'site.item.kind_mismatch', message: 'site.item.kind_mismatch' });
    });
  });
  if (issues.length)
    throw new AppError('site.invalid', `The site content is not valid: ${issues.map((i) => `${i.field}: ${i.code}`).join('; ')}`, {
      field: issues[0]!.field,
      issues,
    });
  return content;
}

/**
 * The change that creates a site (for a unit of work's plan). One site per enterprise; the
 * content is checked against the whole schema first.
 */
export function siteCreation(
  ctx: WriteContext,
  site: { enterpriseId: string; content: SiteContent; intake?: IntakeState; alsoWrite?: (db: WritableDB) => void },
): SyncedRecordChange {
  const { enterpriseId, intake = EMPTY_INTAKE } = site;
  if (siteOfEnterprise(ctx.db, enterpriseId))
    throw new AppError('site.exists', `Enterprise ${enterpriseId} already has a site.`, { details: { enterpriseId } });
  const id = ctx.newId();
  const at = ctx.now().toISOString();
  const valid = validContent(site.content);
  return {
    entity: 'site',
    id,
    write: (db) => {
      site.alsoWrite?.(db);
      insertSite(db, { id, enterpriseId, content: valid, intake, at });
    },
    outbox: { op: 'create', patch: siteWireFields(enterpriseId, valid) },
    audit: { action: 'site.created', detail: { enterpriseId } },
  };
}

export function createSite(ctx: WriteContext, enterpriseId: string): Site {
  const enterprise = getEnterprise(ctx, enterpriseId);
  const id = commitChanges(ctx, () => {
    const creation = siteCreation(ctx, {
      enterpriseId,
      content: newSiteContent(enterprise, { newId: ctx.newId, withTemplateColumns: true }),
    });
    return { changes: [creation], result: creation.id };
  });
  return getSite(ctx, id);
}

export interface SiteChange {
  content: SiteContent;
  intake: IntakeState;
  /** For the audit trail: what was done to what. */
  detail?: Record<string, unknown>;
  /** Rows the edit brings along (the import's pictures), written in the same transaction. */
  alsoWrite?: (db: WritableDB) => void;
}

/**
 * Applies one edit: loads the site, checks the revision the editor worked on, lets `edit` change a
 * copy, validates it, and commits row + outbox op + audit entry together.
 */
export function changeSite(
  ctx: WriteContext,
  siteId: string,
  expectedRevision: number | undefined,
  action: AuditAction,
  edit: (current: SiteChange) => SiteChange,
  /** 'invariants' when the procedure's input schema has checked every new part already. */
  validation: 'full' | 'invariants' = 'full',
): Site {
  return commitChanges(ctx, (db) => {
    const row = loadSiteRow(db, siteId);
    if (expectedRevision !== undefined && expectedRevision !== row.revision)
      throw new AppError(
        'site.stale',
        `The site was saved by someone else since revision ${expectedRevision} (now ${row.revision}); reload it and edit again.`,
        {
          details: { expected: expectedRevision, actual: row.revision },
        },
      );
    const current = parseContent(row);
    const before = { name: current.profile.name, images: imagesOfContent(current) };
    const changed = edit({ content: current, intake: parseIntake(row) });
    const content = validation === 'full' ? validContent(changed.content) : checkInvariants(changed.content);
    const contentJson = JSON.stringify(content);
    const at = ctx.now().toISOString();
    const change: SyncedRecordChange = {
      entity: 'site',
      id: siteId,
      revision: row.revision + 1,
      write: (db) => {
        changed.alsoWrite?.(db);
        updateSiteContent(db, siteId, contentJson, changed.intake, at);
      },
      outbox: {
        op: 'update',
        patch: contentJson === row.content_json ? {} : changedFields(before, content),
        baseVersion: row.base_version,
      },
      audit: { action, ...(changed.detail ? { detail: changed.detail } : {}) },
    };
    return {
      changes: [change],
      result: { ...toSiteMeta(row), revision: row.revision + 1, updatedAt: at, content, intake: changed.intake },
    };
  });
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
