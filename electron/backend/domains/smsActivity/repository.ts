/** SQL for the platform's summary of each enterprise's SMS draws and survey answers. */
import type { ReadableDB, WritableDB } from '../../infra/db/handles';
import { perDatabase } from '../../infra/db/perDatabase';

export interface SmsActivityRecord {
  id: string;
  enterprise_id: string;
  draws_json: string;
  draw_count: number;
  surveys_json: string;
  created_at: string;
  updated_at: string;
  base_version: number | null;
  base_json: string | null;
  server_deleted: number;
}

export type SyncedSmsActivityColumns = Omit<SmsActivityRecord, 'server_deleted'>;

const reads = perDatabase((db: ReadableDB) => ({
  byId: db.prepare<[string], SmsActivityRecord>('SELECT * FROM sms_activity WHERE id = ?'),
  ofEnterprise: db.prepare<[string], SmsActivityRecord>('SELECT * FROM sms_activity WHERE enterprise_id = ? AND server_deleted = 0'),
  synced: db.prepare<[], string>('SELECT id FROM sms_activity WHERE base_version IS NOT NULL').pluck(),
  idsOfEnterprise: db.prepare<[string], string>('SELECT id FROM sms_activity WHERE enterprise_id = ?').pluck(),
}));

const writes = perDatabase((db: WritableDB) => ({
  upsert: db.prepare(
    `INSERT INTO sms_activity (id, enterprise_id, draws_json, draw_count, surveys_json, created_at, updated_at, base_version, base_json, server_deleted)
     VALUES (@id, @enterprise_id, @draws_json, @draw_count, @surveys_json, @created_at, @updated_at, @base_version, @base_json, 0)
     ON CONFLICT(id) DO UPDATE SET enterprise_id = excluded.enterprise_id, draws_json = excluded.draws_json, draw_count = excluded.draw_count,
       surveys_json = excluded.surveys_json, created_at = excluded.created_at, updated_at = excluded.updated_at, base_version = excluded.base_version,
       base_json = excluded.base_json, server_deleted = 0`,
  ),
  markDeleted: db.prepare('UPDATE sms_activity SET server_deleted = 1, base_version = coalesce(?, base_version) WHERE id = ?'),
  remove: db.prepare('DELETE FROM sms_activity WHERE id = ?'),
}));

export const findSmsActivity = (db: ReadableDB, id: string): SmsActivityRecord | undefined => reads(db).byId.get(id);
export const smsActivityOfEnterprise = (db: ReadableDB, enterpriseId: string): SmsActivityRecord | undefined =>
  reads(db).ofEnterprise.get(enterpriseId);
export const syncedSmsActivityIds = (db: ReadableDB): string[] => reads(db).synced.all();
export const smsActivityIdsOfEnterprise = (db: ReadableDB, enterpriseId: string): string[] => reads(db).idsOfEnterprise.all(enterpriseId);

export const upsertSyncedSmsActivity = (db: WritableDB, columns: SyncedSmsActivityColumns) => void writes(db).upsert.run(columns);
export const markSmsActivityServerDeleted = (db: WritableDB, id: string, version: number | undefined) =>
  void writes(db).markDeleted.run(version ?? null, id);
export const deleteSmsActivity = (db: WritableDB, id: string) => void writes(db).remove.run(id);
