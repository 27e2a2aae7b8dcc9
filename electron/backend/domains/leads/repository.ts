/** SQL for visitors' leads (留言, 订单 requests) the platform sends down; the desktop edits only `handled`. */
import type { ReadableDB, WritableDB } from '../../infra/db/handles';
import { perDatabase } from '../../infra/db/perDatabase';

export interface LeadRecord {
  id: string;
  enterprise_id: string;
  site_id: string | null;
  channel: string;
  kind: string;
  name: string;
  contact: string;
  text: string;
  received_at: string;
  handled: number;
  created_at: string;
  updated_at: string;
  base_version: number | null;
  base_json: string | null;
  server_deleted: number;
}

export type SyncedLeadColumns = Omit<LeadRecord, 'server_deleted'>;

const reads = perDatabase((db: ReadableDB) => ({
  byId: db.prepare<[string], LeadRecord>('SELECT * FROM lead WHERE id = ?'),
  newest: db.prepare<[number], LeadRecord>('SELECT * FROM lead ORDER BY received_at DESC, id DESC LIMIT ?'),
  newestOfEnterprise: db.prepare<[string, number], LeadRecord>(
    'SELECT * FROM lead WHERE enterprise_id = ? ORDER BY received_at DESC, id DESC LIMIT ?',
  ),
  unhandled: db.prepare<[], number>('SELECT count(*) FROM lead WHERE handled = 0').pluck(),
  synced: db.prepare<[], string>('SELECT id FROM lead WHERE base_version IS NOT NULL').pluck(),
  ofEnterprise: db.prepare<[string], string>('SELECT id FROM lead WHERE enterprise_id = ?').pluck(),
}));

const writes = perDatabase((db: WritableDB) => ({
  upsert: db.prepare(
    `INSERT INTO lead (id, enterprise_id, site_id, channel, kind, name, contact, text, received_at, handled, created_at, updated_at, base_version, base_json, server_deleted)
     VALUES (@id, @enterprise_id, @site_id, @channel, @kind, @name, @contact, @text, @received_at, @handled, @created_at, @updated_at, @base_version, @base_json, 0)
     ON CONFLICT(id) DO UPDATE SET enterprise_id = excluded.enterprise_id, site_id = excluded.site_id, channel = excluded.channel, kind = excluded.kind,
       name = excluded.name, contact = excluded.contact, text = excluded.text, received_at = excluded.received_at, handled = excluded.handled,
       created_at = excluded.created_at, updated_at = excluded.updated_at, base_version = excluded.base_version, base_json = excluded.base_json, server_deleted = 0`,
  ),
  setHandled: db.prepare('UPDATE lead SET handled = ?, updated_at = ? WHERE id = ?'),
  markDeleted: db.prepare('UPDATE lead SET server_deleted = 1, base_version = coalesce(?, base_version) WHERE id = ?'),
  remove: db.prepare('DELETE FROM lead WHERE id = ?'),
}));

export const findLead = (db: ReadableDB, id: string): LeadRecord | undefined => reads(db).byId.get(id);
export const newestLeads = (db: ReadableDB, limit: number): LeadRecord[] => reads(db).newest.all(limit);
export const newestLeadsOfEnterprise = (db: ReadableDB, enterpriseId: string, limit: number): LeadRecord[] =>
  reads(db).newestOfEnterprise.all(enterpriseId, limit);
export const unhandledLeadCount = (db: ReadableDB): number => reads(db).unhandled.get() ?? 0;
export const syncedLeadIds = (db: ReadableDB): string[] => reads(db).synced.all();
export const leadIdsOfEnterprise = (db: ReadableDB, enterpriseId: string): string[] => reads(db).ofEnterprise.all(enterpriseId);

export const upsertSyncedLead = (db: WritableDB, columns: SyncedLeadColumns) => void writes(db).upsert.run(columns);
export const setLeadHandled = (db: WritableDB, id: string, handled: boolean, at: string) =>
  void writes(db).setHandled.run(handled ? 1 : 0, at, id);
export const markLeadServerDeleted = (db: WritableDB, id: string, version: number | undefined) =>
  void writes(db).markDeleted.run(version ?? null, id);
export const deleteLead = (db: WritableDB, id: string) => void writes(db).remove.run(id);
