/** The `sms_activity` table as the sync engine sees it: the platform's draw log and survey tallies, pulled only. */
import { smsActivityRowSchema, type SmsActivityWireRow } from '../../../../shared/platform-api';
import { platformTableAdapter } from '../sync/adapters';
import {
  deleteSmsActivity,
  findSmsActivity,
  markSmsActivityServerDeleted,
  smsActivityIdsOfEnterprise,
  syncedSmsActivityIds,
  upsertSyncedSmsActivity,
  type SmsActivityRecord,
} from './repository';

export function smsActivityWireRowOf(row: SmsActivityRecord): SmsActivityWireRow {
  return {
    id: row.id,
    enterpriseId: row.enterprise_id,
    draws: JSON.parse(row.draws_json) as SmsActivityWireRow['draws'],
    drawCount: row.draw_count,
    surveys: JSON.parse(row.surveys_json) as SmsActivityWireRow['surveys'],
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export const smsActivitySyncAdapter = platformTableAdapter({
  tbl: 'sms_activity',
  schema: smsActivityRowSchema,
  wireRowOf: smsActivityWireRowOf,
  columnsOf: (row: SmsActivityWireRow) => ({
    enterprise_id: row.enterpriseId,
    draws_json: JSON.stringify(row.draws),
    draw_count: row.drawCount,
    surveys_json: JSON.stringify(row.surveys),
    created_at: row.createdAt,
    updated_at: row.updatedAt,
  }),
  find: findSmsActivity,
  upsert: upsertSyncedSmsActivity,
  markServerDeleted: markSmsActivityServerDeleted,
  remove: deleteSmsActivity,
  syncedIds: syncedSmsActivityIds,
  idsOfEnterprise: smsActivityIdsOfEnterprise,
});
