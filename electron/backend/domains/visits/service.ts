/** Visit statistics of a site, or of all an enterprise's sites, per day and channel (PV, UV). */
import type { ParsedInput } from '../../../../shared/api';
import type { VisitDay } from '../../../../shared/api/publishing';
import { chinaDate } from '../../../../shared/domain/dates';
import type { ReadContext } from '../../app/context';
import { visitDaysOfEnterprise, visitDaysOfSite, type SiteVisitDayRecord } from './repository';

const DAY_MS = 86_400_000;

/** Days of an enterprise's several sites add up per day and channel (UV then counts a visitor once per site). */
function sumByDayAndChannel(rows: SiteVisitDayRecord[]): VisitDay[] {
  const byKey = new Map<string, VisitDay>();
  for (const row of rows) {
    const key = `${row.date}:${row.channel}`;
    const day = byKey.get(key) ?? { date: row.date, channel: row.channel as VisitDay['channel'], pv: 0, uv: 0 };
    day.pv += row.pv;
    day.uv += row.uv;
    byKey.set(key, day);
  }
  return [...byKey.values()];
}

export function visitStats(ctx: ReadContext, input: ParsedInput<'sites.visitStats'>): { days: VisitDay[] } {
  const since = chinaDate(new Date(ctx.now().getTime() - (input.days - 1) * DAY_MS));
  const rows = 'siteId' in input ? visitDaysOfSite(ctx.db, input.siteId, since) : visitDaysOfEnterprise(ctx.db, input.enterpriseId, since);
  return { days: sumByDayAndChannel(rows) };
}
