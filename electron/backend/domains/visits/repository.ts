/** SQL for the platform's per-day visit aggregates of each site and channel (PV, UV). */
import type { ReadableDB, WritableDB } from '../../infra/db/handles';
import { perDatabase } from '../../infra/db/perDatabase';

export interface SiteVisitDayRecord {
  id: string;
  site_id: string;
  enterprise_id: string;
  date: string;
  channel: string;
  pv: number;
  uv: number;
  created_at: string;
  updated_at: string;
  base_version: number | null;
  base_json: string | null;
  server_deleted: number;
}

export type SyncedVisitDayColumns = Omit<SiteVisitDayRecord, 'server_deleted'>;

const reads = perDatabase((db: ReadableDB) => ({
  byId: db.prepare<[string], SiteVisitDayRecord>('SELECT * FROM site_visit_day WHERE id = ?'),
  ofSiteSince: db.prepare<[string, string], SiteVisitDayRecord>(
    'SELECT * FROM site_visit_day WHERE site_id = ? AND date >= ? ORDER BY date, channel',
  ),
  ofEnterpriseSince: db.prepare<[string, string], SiteVisitDayRecord>(
    'SELECT * FROM site_visit_day WHERE enterprise_id = ? AND date >= ? ORDER BY date, channel',
  ),
  synced: db.prepare<[], string>('SELECT id FROM site_visit_day WHERE base_version IS NOT NULL').pluck(),
  ofEnterprise: db.prepare<[string], string>('SELECT id FROM site_visit_day WHERE enterprise_id = ?').pluck(),
}));

const writes = perDatabase((db: WritableDB) => ({
  upsert: db.prepare(
    `INSERT INTO site_visit_day (id, site_id, enterprise_id, date, channel, pv, uv, created_at, updated_at, base_version, base_json, server_deleted)
     VALUES (@id, @site_id, @enterprise_id, @date, @channel, @pv, @uv, @created_at, @updated_at, @base_version, @base_json, 0)
     ON CONFLICT(id) DO UPDATE SET site_id = excluded.site_id, enterprise_id = excluded.enterprise_id, date = excluded.date, channel = excluded.channel,
       pv = excluded.pv, uv = excluded.uv, created_at = excluded.created_at, updated_at = excluded.updated_at,
       base_version = excluded.base_version, base_json = excluded.base_json, server_deleted = 0`,
  ),
  markDeleted: db.prepare('UPDATE site_visit_day SET server_deleted = 1, base_version = coalesce(?, base_version) WHERE id = ?'),
  remove: db.prepare('DELETE FROM site_visit_day WHERE id = ?'),
}));

export const findVisitDay = (db: ReadableDB, id: string): SiteVisitDayRecord | undefined => reads(db).byId.get(id);
/** Days from `sinceDate` (YYYY-MM-DD) on, oldest first. */
export const visitDaysOfSite = (db: ReadableDB, siteId: string, sinceDate: string): SiteVisitDayRecord[] =>
  reads(db).ofSiteSince.all(siteId, sinceDate);
export const visitDaysOfEnterprise = (db: ReadableDB, enterpriseId: string, sinceDate: string): SiteVisitDayRecord[] =>
  reads(db).ofEnterpriseSince.all(enterpriseId, sinceDate);
export const syncedVisitDayIds = (db: ReadableDB): string[] => reads(db).synced.all();
export const visitDayIdsOfEnterprise = (db: ReadableDB, enterpriseId: string): string[] => reads(db).ofEnterprise.all(enterpriseId);

export const upsertSyncedVisitDay = (db: WritableDB, columns: SyncedVisitDayColumns) => void writes(db).upsert.run(columns);
export const markVisitDayServerDeleted = (db: WritableDB, id: string, version: number | undefined) =>
  void writes(db).markDeleted.run(version ?? null, id);
export const deleteVisitDay = (db: WritableDB, id: string) => void writes(db).remove.run(id);
