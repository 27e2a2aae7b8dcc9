/** SQL for the platform's monthly SMS counts of each enterprise. */
import type { ReadableDB, WritableDB } from '../../infra/db/handles';
import { perDatabase } from '../../infra/db/perDatabase';

export interface SmsUsageRecord {
  id: string;
  enterprise_id: string;
  month: string;
  sms_sent: number;
  created_at: string;
  updated_at: string;
  base_version: number | null;
  base_json: string | null;
  server_deleted: number;
}

export type SyncedSmsUsageColumns = Omit<SmsUsageRecord, 'server_deleted'>;

const reads = perDatabase((db: ReadableDB) => ({
  byId: db.prepare<[string], SmsUsageRecord>('SELECT * FROM sms_usage WHERE id = ?'),
  ofMonth: db.prepare<[string, string], SmsUsageRecord>(
    'SELECT * FROM sms_usage WHERE enterprise_id = ? AND month = ? AND server_deleted = 0',
  ),
  synced: db.prepare<[], string>('SELECT id FROM sms_usage WHERE base_version IS NOT NULL').pluck(),
  ofEnterprise: db.prepare<[string], string>('SELECT id FROM sms_usage WHERE enterprise_id = ?').pluck(),
}));

const writes = perDatabase((db: WritableDB) => ({
  upsert: db.prepare(
    `INSERT INTO sms_usage (id, enterprise_id, month, sms_sent, created_at, updated_at, base_version, base_json, server_deleted)
     VALUES (@id, @enterprise_id, @month, @sms_sent, @created_at, @updated_at, @base_version, @base_json, 0)
     ON CONFLICT(id) DO UPDATE SET enterprise_id = excluded.enterprise_id, month = excluded.month, sms_sent = excluded.sms_sent,
       created_at = excluded.created_at, updated_at = excluded.updated_at, base_version = excluded.base_version, base_json = excluded.base_json, server_deleted = 0`,
  ),
  markDeleted: db.prepare('UPDATE sms_usage SET server_deleted = 1, base_version = coalesce(?, base_version) WHERE id = ?'),
  remove: db.prepare('DELETE FROM sms_usage WHERE id = ?'),
}));

export const findSmsUsage = (db: ReadableDB, id: string): SmsUsageRecord | undefined => reads(db).byId.get(id);
export const smsUsageOfMonth = (db: ReadableDB, enterpriseId: string, month: string): SmsUsageRecord | undefined =>
  reads(db).ofMonth.get(enterpriseId, month);
export const syncedSmsUsageIds = (db: ReadableDB): string[] => reads(db).synced.all();
export const smsUsageIdsOfEnterprise = (db: ReadableDB, enterpriseId: string): string[] => reads(db).ofEnterprise.all(enterpriseId);

export const upsertSyncedSmsUsage = (db: WritableDB, columns: SyncedSmsUsageColumns) => void writes(db).upsert.run(columns);
export const markSmsUsageServerDeleted = (db: WritableDB, id: string, version: number | undefined) =>
  void writes(db).markDeleted.run(version ?? null, id);
export const deleteSmsUsage = (db: WritableDB, id: string) => void writes(db).remove.run(id);
