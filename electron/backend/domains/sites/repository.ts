/** SQL for sites: the only place that knows the `site` table. */
import type { IntakeState } from '../../../../shared/api/sites';
import { imagesIn, type SiteContent } from '../../../../shared/sites/model';
import type { ReadableDB, WritableDB } from '../../infra/db/handles';
import { perDatabase } from '../../infra/db/perDatabase';

/** A `site` row as SQLite holds it. */
export interface SiteRecord {
  id: string;
  enterprise_id: string;
  content_json: string;
  revision: number;
  intake_json: string;
  signed_off_revision: number | null;
  created_at: string;
  updated_at: string;
  base_version: number | null;
  base_json: string | null;
  server_deleted: number;
}

/** What a pulled site sets (sync adapter). */
export interface SyncedSiteColumns {
  id: string;
  enterprise_id: string;
  content_json: string;
  created_at: string;
  updated_at: string;
  base_version: number | null;
  base_json: string | null;
}

const reads = perDatabase((db: ReadableDB) => ({
  byId: db.prepare<[string], SiteRecord>('SELECT * FROM site WHERE id = ?'),
  /** What changes with every write of a site's content, without reading the document itself. */
  stampById: db.prepare<[string], Pick<SiteRecord, 'revision' | 'updated_at' | 'server_deleted'>>(
    'SELECT revision, updated_at, server_deleted FROM site WHERE id = ?',
  ),
  /** The enterprise's site; should two have arrived from other devices, the first made. */
  byEnterprise: db.prepare<[string], SiteRecord>(
    'SELECT * FROM site WHERE enterprise_id = ? AND server_deleted = 0 ORDER BY created_at, id LIMIT 1',
  ),
  synced: db.prepare<[], string>('SELECT id FROM site WHERE base_version IS NOT NULL').pluck(),
}));

const writes = perDatabase((db: WritableDB) => ({
  insert: db.prepare(
    `INSERT INTO site (id, enterprise_id, content_json, revision, intake_json, created_at, updated_at)
     VALUES (@id, @enterprise_id, @content_json, 1, @intake_json, @created_at, @updated_at)`,
  ),
  update: db.prepare<[{ id: string; content_json: string; intake_json: string; updated_at: string }]>(
    'UPDATE site SET content_json = @content_json, intake_json = @intake_json, revision = revision + 1, updated_at = @updated_at WHERE id = @id',
  ),
  markSignedOff: db.prepare<[number, string]>('UPDATE site SET signed_off_revision = ? WHERE id = ?'),
  upsertSynced: db.prepare<[SyncedSiteColumns]>(
    `INSERT INTO site (id, enterprise_id, content_json, revision, created_at, updated_at, base_version, base_json, server_deleted)
     VALUES (@id, @enterprise_id, @content_json, 1, @created_at, @updated_at, @base_version, @base_json, 0)
     ON CONFLICT(id) DO UPDATE SET content_json = excluded.content_json, revision = site.revision + 1, updated_at = excluded.updated_at,
       base_version = excluded.base_version, base_json = excluded.base_json, server_deleted = 0`,
  ),
  markDeleted: db.prepare('UPDATE site SET server_deleted = 1 WHERE id = ?'),
  remove: db.prepare('DELETE FROM site WHERE id = ?'),
}));

export const findSite = (db: ReadableDB, id: string): SiteRecord | undefined => reads(db).byId.get(id);
export const siteStamp = (db: ReadableDB, id: string) => reads(db).stampById.get(id);
export const siteOfEnterprise = (db: ReadableDB, enterpriseId: string): SiteRecord | undefined => reads(db).byEnterprise.get(enterpriseId);

export function insertSite(
  db: WritableDB,
  site: { id: string; enterpriseId: string; content: SiteContent; intake: IntakeState; at: string },
): void {
  writes(db).insert.run({
    id: site.id,
    enterprise_id: site.enterpriseId,
    content_json: JSON.stringify(site.content),
    intake_json: JSON.stringify(site.intake),
    created_at: site.at,
    updated_at: site.at,
  });
}

/** Saves a new content (already serialized) and intake state; the revision goes up by one. */
export const updateSiteContent = (db: WritableDB, id: string, contentJson: string, intake: IntakeState, at: string) =>
  void writes(db).update.run({ id, content_json: contentJson, intake_json: JSON.stringify(intake), updated_at: at });

export const markSiteSignedOff = (db: WritableDB, id: string, revision: number) => void writes(db).markSignedOff.run(revision, id);

export const parseContent = (row: SiteRecord): SiteContent => JSON.parse(row.content_json) as SiteContent;
export const parseIntake = (row: SiteRecord): IntakeState => JSON.parse(row.intake_json) as IntakeState;

/* ---------- the sync adapter's side (syncAdapter.ts) ---------- */

export const upsertSyncedSite = (db: WritableDB, columns: SyncedSiteColumns) => void writes(db).upsertSynced.run(columns);
export const markSiteServerDeleted = (db: WritableDB, id: string) => void writes(db).markDeleted.run(id);
export const deleteSite = (db: WritableDB, id: string) => void writes(db).remove.run(id);
export const syncedSiteIds = (db: ReadableDB): string[] => reads(db).synced.all();

/** Every picture the content shows (logo, item images, images inside rich text, tray), sorted and unique. */
export function imagesOfContent(content: SiteContent): string[] {
  const hashes = new Set<string>();
  const add = (sha256: string | undefined) => sha256 && hashes.add(sha256);
  add(content.profile.logo?.sha256);
  for (const column of content.columns) {
    imagesIn(column.body).forEach((i) => add(i.sha256));
    for (const item of column.items) {
      if (item.kind === 'article' || item.kind === 'product') item.images.forEach((i) => add(i.sha256));
      if (item.kind === 'staff') add(item.photo?.sha256);
      const text =
        item.kind === 'article'
          ? item.body
          : item.kind === 'product'
            ? item.description
            : item.kind === 'job'
              ? item.requirements
              : item.kind === 'post'
                ? item.text
                : [];
      imagesIn(text).forEach((i) => add(i.sha256));
    }
  }
  for (const entry of content.unsorted) {
    entry.images.forEach((i) => add(i.sha256));
    imagesIn(entry.blocks).forEach((i) => add(i.sha256));
  }
  return [...hashes].sort();
}
