/** The `member_report` table as the sync engine sees it: the platform's count of each enterprise's portal members, pulled only. */
import { memberReportRowSchema, type MemberReportWireRow } from '../../../../shared/platform-api';
import { platformTableAdapter } from '../sync/adapters';
import {
  deleteMemberReport,
  findMemberReport,
  markMemberReportServerDeleted,
  memberReportIdsOfEnterprise,
  syncedMemberReportIds,
  upsertSyncedMemberReport,
  type MemberReportRecord,
} from './repository';

export function memberReportWireRowOf(row: MemberReportRecord): MemberReportWireRow {
  return {
    id: row.id,
    enterpriseId: row.enterprise_id,
    followers: row.followers,
    followingEnterprise: row.following_enterprise,
    followingIndustry: row.following_industry,
    optedOut: row.opted_out,
    byRegion: JSON.parse(row.by_region_json) as MemberReportWireRow['byRegion'],
    joinedByMonth: JSON.parse(row.joined_by_month_json) as MemberReportWireRow['joinedByMonth'],
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export const memberReportSyncAdapter = platformTableAdapter({
  tbl: 'member_report',
  schema: memberReportRowSchema,
  wireRowOf: memberReportWireRowOf,
  columnsOf: (row: MemberReportWireRow) => ({
    enterprise_id: row.enterpriseId,
    followers: row.followers,
    following_enterprise: row.followingEnterprise,
    following_industry: row.followingIndustry,
    opted_out: row.optedOut,
    by_region_json: JSON.stringify(row.byRegion),
    joined_by_month_json: JSON.stringify(row.joinedByMonth),
    created_at: row.createdAt,
    updated_at: row.updatedAt,
  }),
  find: findMemberReport,
  upsert: upsertSyncedMemberReport,
  markServerDeleted: markMemberReportServerDeleted,
  remove: deleteMemberReport,
  syncedIds: syncedMemberReportIds,
  idsOfEnterprise: memberReportIdsOfEnterprise,
});
