/**
 * The member report as a synced table (issue 13 item 4): one `member_report` row per enterprise on
 * the portal, id = the enterprise's, pulled by the desktops of its region like the visit statistics.
 * It is rewritten inside the transaction of whatever changes it — a member joining or changing what
 * they follow (WEB, WAP or SMS), a TD opt-out, the enterprise's site being (re)indexed — so it never
 * lags the members it counts. A member without a city (one who joined by SMS before the number's
 * region was read, or whose choice was "by the number") is counted in the region of the number's
 * prefix where it is known (mobileRegion.ts), so older members are placed as their reports are next
 * rewritten, with no migration. "New this month" is not stored: the row carries joins per month and
 * the reader picks its month (`memberReportOfMonth` in shared/platform-api/portal.ts), so nothing has
 * to run when a month turns. A row is written only when its counts changed.
 */
import { MEMBER_REPORT_MAX_MONTHS, type MemberReportWireRow } from '../../../shared/platform-api/tables';
import { chinaMonth } from '../../../shared/domain/dates';
import type { Kysely } from 'kysely';
import type { Tx } from '../db/database';
import type { DB } from '../db/schema';
import { insertRow, lockRows, updateRow, type Writer } from '../sync/rows';
import { rowKey } from '../sync/writer';
import { regionOfMobile } from './mobileRegion';

export type MemberReportData = Omit<MemberReportWireRow, 'id' | 'enterpriseId' | 'createdAt' | 'updatedAt'>;

interface Follow {
  mobile: string;
  province: string;
  city: string;
  joined_at: string;
  opted_out_at: string | null;
  kind: string;
}

/** The members following each of `values` (enterprise ids or section codes), by value. */
async function followsOf(trx: Kysely<DB>, kind: 'enterprise' | 'industry', values: string[]): Promise<Map<string, Follow[]>> {
  const byValue = new Map<string, Follow[]>();
  if (values.length === 0) return byValue;
  const rows = await trx
    .selectFrom('portal_subscription as s')
    .innerJoin('portal_member as m', 'm.mobile', 's.mobile')
    .select(['m.mobile', 'm.province', 'm.city', 'm.joined_at', 'm.opted_out_at', 's.kind', 's.value'])
    .where('s.kind', '=', kind)
    .where('s.value', 'in', values)
    .execute();
  for (const { value, ...follow } of rows) {
    const list = byValue.get(value);
    if (list) list.push(follow);
    else byValue.set(value, [follow]);
  }
  return byValue;
}

/** The report's counts from the members following an enterprise (`enterprise`) or its section (`industry`). */
export function reportOf(follows: Follow[]): MemberReportData {
  const members = new Map(follows.map((f) => [f.mobile, f]));
  const distinct = (kind: string) => new Set(follows.filter((f) => f.kind === kind).map((f) => f.mobile)).size;
  const tally = <K>(keyOf: (m: Follow) => K) => {
    const counts = new Map<K, number>();
    for (const m of members.values()) counts.set(keyOf(m), (counts.get(keyOf(m)) ?? 0) + 1);
    return counts;
  };
  const regionKey = (m: Follow) => {
    const region = m.city ? m : regionOfMobile(m.mobile);
    return region ? `${region.province}/${region.city}` : '/';
  };
  const byRegion = [...tally(regionKey)].map(([key, n]) => {
    const [province = '', city = ''] = key.split('/');
    return { province, city, members: n };
  });
  const joinedByMonth = [...tally((m) => chinaMonth(new Date(m.joined_at)))]
    .map(([month, n]) => ({ month, members: n }))
    .sort((a, b) => a.month.localeCompare(b.month))
    .slice(-MEMBER_REPORT_MAX_MONTHS);
  return {
    followers: members.size,
    followingEnterprise: distinct('enterprise'),
    followingIndustry: distinct('industry'),
    optedOut: [...members.values()].filter((m) => m.opted_out_at !== null).length,
    byRegion: byRegion.sort((a, b) => b.members - a.members || a.city.localeCompare(b.city)).slice(0, 500),
    joinedByMonth,
  };
}

/** The current counts of the portal enterprises among `enterpriseIds` (those with no site on the portal are left out). */
export async function memberReportsOf(trx: Kysely<DB>, enterpriseIds: string[]): Promise<Map<string, MemberReportData>> {
  if (enterpriseIds.length === 0) return new Map();
  const sites = await trx
    .selectFrom('portal_site')
    .select(['enterprise_id', 'industry_section'])
    .where('enterprise_id', 'in', enterpriseIds)
    .execute();
  const sectionOf = new Map(sites.map((s) => [s.enterprise_id, s.industry_section]));
  const byEnterprise = await followsOf(trx, 'enterprise', [...sectionOf.keys()]);
  const byIndustry = await followsOf(trx, 'industry', [...new Set(sectionOf.values())]);
  // Most enterprises of a section have no followers of their own: they share the section's counts.
  const ofSection = new Map<string, MemberReportData>();
  const sectionReport = (section: string) =>
    ofSection.get(section) ?? ofSection.set(section, reportOf(byIndustry.get(section) ?? [])).get(section)!;
  const reports = new Map<string, MemberReportData>();
  for (const [enterpriseId, section] of sectionOf) {
    const own = byEnterprise.get(enterpriseId);
    reports.set(enterpriseId, own ? reportOf([...own, ...(byIndustry.get(section) ?? [])]) : sectionReport(section));
  }
  return reports;
}

/** The enterprises on the portal whose report counts `mobile`: those it follows, and those in the sections it follows. */
export async function enterprisesCounting(trx: Tx, mobile: string): Promise<string[]> {
  const follows = await trx.selectFrom('portal_subscription').select(['kind', 'value']).where('mobile', '=', mobile).execute();
  const sections = follows.filter((f) => f.kind === 'industry').map((f) => f.value);
  const inSections = sections.length
    ? await trx.selectFrom('portal_site').select('enterprise_id').where('industry_section', 'in', sections).execute()
    : [];
  return [...new Set([...follows.filter((f) => f.kind === 'enterprise').map((f) => f.value), ...inSections.map((s) => s.enterprise_id)])];
}

const sameCounts = (stored: Record<string, unknown>, data: MemberReportData) =>
  (Object.keys(data) as (keyof MemberReportData)[]).every((k) => JSON.stringify(stored[k]) === JSON.stringify(data[k]));

/**
 * Brings the `member_report` rows of these enterprises up to date, in the caller's transaction (call
 * it after the change, with every enterprise the change touched: before and after). PostgreSQL locks
 * the enterprises' portal rows first, in id order, so two changes to one report run one after the other.
 */
export async function refreshMemberReports(w: Writer, at: string, enterpriseIds: Iterable<string>): Promise<void> {
  const ids = [...new Set(enterpriseIds)].sort();
  if (ids.length === 0) return;
  if (w.dialect === 'postgres')
    await w.trx
      .selectFrom('portal_site')
      .select('site_id')
      .where('enterprise_id', 'in', ids)
      .orderBy('enterprise_id')
      .forUpdate()
      .execute();
  await lockRows(w, 'member_report', ids);
  const reports = await memberReportsOf(w.trx, ids);
  const scopes = await w.trx
    .selectFrom('enterprise')
    .select(['id', 'scope_id'])
    .where('id', 'in', [...reports.keys()])
    .execute();
  const by = { clientId: null, at };
  for (const { id, scope_id: scopeId } of scopes) {
    const data = reports.get(id)!;
    const row = w.rows.get(rowKey('member_report', id));
    if (!row) insertRow(w, 'member_report', id, scopeId, { enterpriseId: id, ...data }, by);
    else if (!sameCounts(row.data, data) || row.scopeId !== scopeId || row.deleted)
      updateRow(w, row, { changes: data, scopeId, deleted: false }, by);
  }
}
