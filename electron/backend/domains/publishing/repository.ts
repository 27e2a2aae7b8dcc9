/** SQL for what the platform reports about each site's publication (one row per site, id = the site id). */
import type { ReadableDB, WritableDB } from '../../infra/db/handles';
import { perDatabase } from '../../infra/db/perDatabase';

export interface SitePublicationRecord {
  id: string;
  enterprise_id: string;
  status: string;
  live_revision: number | null;
  published_at: string | null;
  requested_revision: number | null;
  failure_json: string | null;
  host: string | null;
  urls_json: string | null;
  revisions_json: string;
  offline_at: string | null;
  created_at: string;
  updated_at: string;
  base_version: number | null;
  base_json: string | null;
  server_deleted: number;
}

export type SyncedPublicationColumns = Omit<SitePublicationRecord, 'server_deleted'>;

const reads = perDatabase((db: ReadableDB) => ({
  byId: db.prepare<[string], SitePublicationRecord>('SELECT * FROM site_publication WHERE id = ?'),
  synced: db.prepare<[], string>('SELECT id FROM site_publication WHERE base_version IS NOT NULL').pluck(),
  ofEnterprise: db.prepare<[string], string>('SELECT id FROM site_publication WHERE enterprise_id = ?').pluck(),
}));

const writes = perDatabase((db: WritableDB) => ({
  upsert: db.prepare(
    `INSERT INTO site_publication (id, enterprise_id, status, live_revision, published_at, requested_revision, failure_json, host, urls_json, revisions_json,
       offline_at, created_at, updated_at, base_version, base_json, server_deleted)
     VALUES (@id, @enterprise_id, @status, @live_revision, @published_at, @requested_revision, @failure_json, @host, @urls_json, @revisions_json,
       @offline_at, @created_at, @updated_at, @base_version, @base_json, 0)
     ON CONFLICT(id) DO UPDATE SET enterprise_id = excluded.enterprise_id, status = excluded.status, live_revision = excluded.live_revision,
       published_at = excluded.published_at, requested_revision = excluded.requested_revision, failure_json = excluded.failure_json, host = excluded.host,
       urls_json = excluded.urls_json, revisions_json = excluded.revisions_json, offline_at = excluded.offline_at, created_at = excluded.created_at,
       updated_at = excluded.updated_at, base_version = excluded.base_version, base_json = excluded.base_json, server_deleted = 0`,
  ),
  markDeleted: db.prepare('UPDATE site_publication SET server_deleted = 1, base_version = coalesce(?, base_version) WHERE id = ?'),
  remove: db.prepare('DELETE FROM site_publication WHERE id = ?'),
}));

export const findSitePublication = (db: ReadableDB, siteId: string): SitePublicationRecord | undefined => reads(db).byId.get(siteId);
export const syncedPublicationIds = (db: ReadableDB): string[] => reads(db).synced.all();
export const publicationIdsOfEnterprise = (db: ReadableDB, enterpriseId: string): string[] => reads(db).ofEnterprise.all(enterpriseId);

export const upsertSyncedPublication = (db: WritableDB, columns: SyncedPublicationColumns) => void writes(db).upsert.run(columns);
export const markPublicationServerDeleted = (db: WritableDB, id: string, version: number | undefined) =>
  void writes(db).markDeleted.run(version ?? null, id);
export const deletePublication = (db: WritableDB, id: string) => void writes(db).remove.run(id);
