/** The `sms_usage` table as the sync engine sees it: the platform's monthly SMS counts, pulled only. */
import { smsUsageRowSchema, type SmsUsageWireRow } from '../../../../shared/platform-api';
import { baseColumns, localCopyOf, parseWith, type SyncAdapter } from '../sync/adapters';
import { deleteSmsUsage, findSmsUsage, markSmsUsageServerDeleted, smsUsageIdsOfEnterprise, syncedSmsUsageIds, upsertSyncedSmsUsage, type SmsUsageRecord } from './repository';

export function smsUsageWireRowOf(row: SmsUsageRecord): SmsUsageWireRow {
  return { id: row.id, enterpriseId: row.enterprise_id, month: row.month, smsSent: row.sms_sent, createdAt: row.created_at, updatedAt: row.updated_at };
}

export const smsUsageSyncAdapter: SyncAdapter<SmsUsageWireRow> = {
  tbl: 'sms_usage',
  parse: parseWith(smsUsageRowSchema),
  load(db, id) {
    const row = findSmsUsage(db, id);
    return row && localCopyOf(smsUsageWireRowOf(row), row);
  },
  save(db, id, row, base) {
    upsertSyncedSmsUsage(db, {
      id, enterprise_id: row.enterpriseId, month: row.month, sms_sent: row.smsSent, created_at: row.createdAt, updated_at: row.updatedAt, ...baseColumns(base),
    });
  },
  markServerDeleted: (db, id, version) => markSmsUsageServerDeleted(db, id, version),
  remove: (db, id) => deleteSmsUsage(db, id),
  syncedIds: (db) => syncedSmsUsageIds(db),
  idsOfEnterprise: (db, enterpriseId) => smsUsageIdsOfEnterprise(db, enterpriseId),
};
