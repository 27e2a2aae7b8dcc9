/** The `sms_usage` table as the sync engine sees it: the platform's monthly SMS counts, pulled only. */
import { smsUsageRowSchema, type SmsUsageWireRow } from '../../../../shared/platform-api';
import { platformTableAdapter } from '../sync/adapters';
import {
  deleteSmsUsage,
  findSmsUsage,
  markSmsUsageServerDeleted,
  smsUsageIdsOfEnterprise,
  syncedSmsUsageIds,
  upsertSyncedSmsUsage,
  type SmsUsageRecord,
} from './repository';

export function smsUsageWireRowOf(row: SmsUsageRecord): SmsUsageWireRow {
  return {
    id: row.id,
    enterpriseId: row.enterprise_id,
    month: row.month,
    smsSent: row.sms_sent,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export const smsUsageSyncAdapter = platformTableAdapter({
  tbl: 'sms_usage',
  schema: smsUsageRowSchema,
  wireRowOf: smsUsageWireRowOf,
  columnsOf: (row: SmsUsageWireRow) => ({
    enterprise_id: row.enterpriseId,
    month: row.month,
    sms_sent: row.smsSent,
    created_at: row.createdAt,
    updated_at: row.updatedAt,
  }),
  find: findSmsUsage,
  upsert: upsertSyncedSmsUsage,
  markServerDeleted: markSmsUsageServerDeleted,
  remove: deleteSmsUsage,
  syncedIds: syncedSmsUsageIds,
  idsOfEnterprise: smsUsageIdsOfEnterprise,
});
