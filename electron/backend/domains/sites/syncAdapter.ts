/**
 * The `site` table as the sync engine sees it: rows on the wire are { enterpriseId, name, content,
 * images }, and the content must pass the site model's schema before it is stored — its ids become
 * file names in a build, so a pulled item id like `../../index` is refused here, as is content the
 * compiler cannot read. Pulled sites land in the editor's own table, so it shows them like any other.
 */
import { siteRowSchema, type SiteWireRow } from '../../../../shared/platform-api';
import { siteContentSchema, type SiteContent } from '../../../../shared/sites/model';
import { baseColumns, localCopyOf, parseWith, problemsOf, type Fields, type SyncAdapter } from '../sync/adapters';
import {
  deleteSite,
  findSite,
  imagesOfContent,
  markSiteServerDeleted,
  parseContent,
  syncedSiteIds,
  upsertSyncedSite,
  type SiteRecord,
} from './repository';

/** A site row whose content passed the model's schema. */
export type SiteRow = Omit<SiteWireRow, 'content'> & { content: SiteContent };

/** The site's fields on the wire (shared/platform-api/tables.ts siteFieldSchemas). */
export function siteWireFields(enterpriseId: string, content: SiteContent): Fields {
  return { enterpriseId, name: content.profile.name, content, images: imagesOfContent(content) };
}

function wireRowOf(row: SiteRecord): Fields {
  return { id: row.id, ...siteWireFields(row.enterprise_id, parseContent(row)), createdAt: row.created_at, updatedAt: row.updated_at };
}

const parseRow = parseWith(siteRowSchema);

export const siteSyncAdapter: SyncAdapter<SiteRow> = {
  tbl: 'site',
  parse(row) {
    const parsed = parseRow(row);
    if (!parsed.ok) return parsed;
    const content = siteContentSchema.safeParse(parsed.row.content);
    if (!content.success)
      return { ok: false, problems: problemsOf(content.error.issues.map((i) => ({ ...i, path: ['content', ...i.path] }))) };
    return { ok: true, row: { ...parsed.row, content: content.data } };
  },
  load(db, id) {
    const row = findSite(db, id);
    return row && localCopyOf(wireRowOf(row), row);
  },
  save(db, id, row, base) {
    upsertSyncedSite(db, {
      id,
      enterprise_id: row.enterpriseId,
      content_json: JSON.stringify(row.content),
      created_at: row.createdAt,
      updated_at: row.updatedAt,
      ...baseColumns(base),
    });
  },
  markServerDeleted: (db, id) => markSiteServerDeleted(db, id),
  remove: (db, id) => deleteSite(db, id),
  syncedIds: (db) => syncedSiteIds(db),
};
