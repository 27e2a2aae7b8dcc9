/** The `sms_activity` table as the sync engine sees it: the platform's draw log and survey tallies, pulled only. */
import { smsActivityRowSchema, type SmsActivityWireRow } from '../../../../shared/platform-api';
import { baseColumns, localCopyOf, parseWith, type SyncAdapter } from '../sync/adapters';
import { deleteSmsActivity, findSmsActivity, markSmsActivityServerDeleted, smsActivityIdsOfEnterprise, syncedSmsActivityIds, upsertSyncedSmsActivity, type SmsActivityRecord } from './repository';

export function smsActivityWireRowOf(row: SmsActivityRecord): SmsActivityWireRow {
  return {
    id: row.id, enterpriseId: row.enterprise_id, draws: JSON.parse(row.draws_json) as SmsActivityWireRow['draws'], drawCount: row.draw_count,
    surveys: JSON.parse(row.surveys_json) as SmsActivityWireRow['surveys'], createdAt: row.created_at, updatedAt: row.updated_at,
  };
}

export const smsActivitySyncAdapter: SyncAdapter<SmsActivityWireRow> = {
  tbl: 'sms_activity',
  parse: parseWith(smsActivityRowSchema),
  load(db, id) {
    const row = findSmsActivity(db, id);
    return row && localCopyOf(smsActivityWireRowOf(row), row);
  },
  save(db, id, row, base) {
    upsertSyncedSmsActivity(db, {
      id, enterprise_id: row.enterpriseId, draws_json: JSON.stringify(row.draws), draw_count: row.drawCount, surveys_json: JSON.stringify(row.surveys),
      created_at: row.createdAt, updated_at: row.updatedAt, ...baseColumns(base),
    });
  },
  markServerDeleted: (db, id, version) => markSmsActivityServerDeleted(db, id, version),
  remove: (db, id) => deleteSmsActivity(db, id),
  syncedIds: (db) => syncedSmsActivityIds(db),
  idsOfEnterprise: (db, enterpriseId) => smsActivityIdsOfEnterprise(db, enterpriseId),
};
