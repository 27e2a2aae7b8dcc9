/** SQL for the platform's portal member report of each enterprise (one row per enterprise, pulled only). */
import type { ReadableDB, WritableDB } from '../../infra/db/handles';
import { perDatabase } from '../../infra/db/perDatabase';

export interface MemberReportRecord {
  id: string;
  enterprise_id: string;
  followers: number;
  following_enterprise: number;
  following_industry: number;
  opted_out: number;
  by_region_json: string;
  joined_by_month_json: string;
  created_at: string;
  updated_at: string;
  base_version: number | null;
  base_json: string | null;
  server_deleted: number;
}

export type SyncedMemberReportColumns = Omit<MemberReportRecord, 'server_deleted'>;

const reads = perDatabase((db: ReadableDB) => ({
  byId: db.prepare<[string], MemberReportRecord>('SELECT * FROM member_report WHERE id = ?'),
  ofEnterprise: db.prepare<[string], MemberReportRecord>('SELECT * FROM member_report WHERE enterprise_id = ? AND server_deleted = 0'),
  synced: db.prepare<[], string>('SELECT id FROM member_report WHERE base_version IS NOT NULL').pluck(),
  idsOfEnterprise: db.prepare<[string], string>('SELECT id FROM member_report WHERE enterprise_id = ?').pluck(),
}));

const writes = perDatabase((db: WritableDB) => ({
  upsert: db.prepare(
    `INSERT INTO member_report (id, enterprise_id, followers, following_enterprise, following_industry, opted_out, by_region_json,
       joined_by_month_json, created_at, updated_at, base_version, base_json, server_deleted)
     VALUES (@id, @enterprise_id, @followers, @following_enterprise, @following_industry, @opted_out, @by_region_json,
       @joined_by_month_json, @created_at, @updated_at, @base_version, @base_json, 0)
     ON CONFLICT(id) DO UPDATE SET enterprise_id = excluded.enterprise_id, followers = excluded.followers,
       following_enterprise = excluded.following_enterprise, following_industry = excluded.following_industry,
       opted_out = excluded.opted_out, by_region_json = excluded.by_region_json, joined_by_month_json = excluded.joined_by_month_json,
       created_at = excluded.created_at, updated_at = excluded.updated_at, base_version = excluded.base_version,
       base_json = excluded.base_json, server_deleted = 0`,
  ),
  markDeleted: db.prepare('UPDATE member_report SET server_deleted = 1, base_version = coalesce(?, base_version) WHERE id = ?'),
  remove: db.prepare('DELETE FROM member_report WHERE id = ?'),
}));

export const findMemberReport = (db: ReadableDB, id: string): MemberReportRecord | undefined => reads(db).byId.get(id);
export const memberReportOfEnterprise = (db: ReadableDB, enterpriseId: string): MemberReportRecord | undefined =>
  reads(db).ofEnterprise.get(enterpriseId);
export const syncedMemberReportIds = (db: ReadableDB): string[] => reads(db).synced.all();
export const memberReportIdsOfEnterprise = (db: ReadableDB, enterpriseId: string): string[] => reads(db).idsOfEnterprise.all(enterpriseId);

export const upsertSyncedMemberReport = (db: WritableDB, columns: SyncedMemberReportColumns) => void writes(db).upsert.run(columns);
export const markMemberReportServerDeleted = (db: WritableDB, id: string, version: number | undefined) =>
  void writes(db).markDeleted.run(version ?? null, id);
export const deleteMemberReport = (db: WritableDB, id: string) => void writes(db).remove.run(id);
