/** The `site_visit_day` table as the sync engine sees it: platform-owned rolling aggregates, pulled only. */
import { siteVisitDayRowSchema, type SiteVisitDayWireRow } from '../../../../shared/platform-api';
import { platformTableAdapter } from '../sync/adapters';
import {
  deleteVisitDay,
  findVisitDay,
  markVisitDayServerDeleted,
  syncedVisitDayIds,
  upsertSyncedVisitDay,
  visitDayIdsOfEnterprise,
  type SiteVisitDayRecord,
} from './repository';

export function visitDayWireRowOf(row: SiteVisitDayRecord): SiteVisitDayWireRow {
  return {
    id: row.id,
    siteId: row.site_id,
    enterpriseId: row.enterprise_id,
    date: row.date,
    channel: row.channel as SiteVisitDayWireRow['channel'],
    pv: row.pv,
    uv: row.uv,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export const siteVisitDaySyncAdapter = platformTableAdapter({
  tbl: 'site_visit_day',
  schema: siteVisitDayRowSchema,
  wireRowOf: visitDayWireRowOf,
  columnsOf: (row: SiteVisitDayWireRow) => ({
    site_id: row.siteId,
    enterprise_id: row.enterpriseId,
    date: row.date,
    channel: row.channel,
    pv: row.pv,
    uv: row.uv,
    created_at: row.createdAt,
    updated_at: row.updatedAt,
  }),
  find: findVisitDay,
  upsert: upsertSyncedVisitDay,
  markServerDeleted: markVisitDayServerDeleted,
  remove: deleteVisitDay,
  syncedIds: syncedVisitDayIds,
  idsOfEnterprise: visitDayIdsOfEnterprise,
});
