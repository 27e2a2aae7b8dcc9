/**
 * Promotions (门户首页推荐): an opened promotion order lists its enterprise under 推荐企业 on the portal
 * homes from its start date (China day) up to, not including, its end date.
 */
import type { Kysely } from 'kysely';
import { promotionEndDate } from '../../../shared/domain/catalog';
import { chinaDate } from '../../../shared/domain/dates';
import type { DB } from '../db/schema';
import { bumpGeneration } from '../sites/publication';
import type { StoredRow, Writer } from '../sync/rows';
import type { PortalSite } from './listings';

/** BOSS opened a promotion order: records its dates and drops the cached portal pages. */
export async function openPromotion(w: Writer, order: StoredRow): Promise<{ startDate: string; endDate: string }> {
  const startDate = order.data.effectiveDate as string;
  const months = (order.data.snapshot as { promotionMonths: number }).promotionMonths;
  const endDate = promotionEndDate(startDate, months);
  await w.trx
    .insertInto('portal_promotion')
    .values({ order_id: order.id, enterprise_id: order.data.enterpriseId as string, start_date: startDate, end_date: endDate })
    .execute();
  await bumpGeneration(w);
  return { startDate, endDate };
}

/** The start of a China day as an instant. */
const chinaMidnight = (day: string) => Date.parse(`${day}T00:00:00+08:00`);

export class Promotions {
  constructor(private readonly db: Kysely<DB>) {}

  /** The live sites of the enterprises promoted today, by name. */
  async promotedSites(now: string, limit: number): Promise<PortalSite[]> {
    const today = chinaDate(new Date(now));
    return this.db
      .selectFrom('portal_site')
      .selectAll()
      .where((eb) => eb.or([eb('offline_at', 'is', null), eb('offline_at', '>', now)]))
      .where((eb) =>
        eb.exists(
          eb
            .selectFrom('portal_promotion')
            .select('order_id')
            .whereRef('portal_promotion.enterprise_id', '=', 'portal_site.enterprise_id')
            .where('start_date', '<=', today)
            .where('end_date', '>', today),
        ),
      )
      .orderBy('name')
      .orderBy('site_id')
      .limit(limit)
      .execute();
  }

  /** When the promoted list next changes (a promotion starts or ends), as clock ms; Infinity when none will. */
  async nextChangeMs(now: string): Promise<number> {
    const today = chinaDate(new Date(now));
    const [starts, ends] = await Promise.all([
      this.db
        .selectFrom('portal_promotion')
        .select((eb) => eb.fn.min('start_date').as('next'))
        .where('start_date', '>', today)
        .executeTakeFirst(),
      this.db
        .selectFrom('portal_promotion')
        .select((eb) => eb.fn.min('end_date').as('next'))
        .where('end_date', '>', today)
        .executeTakeFirst(),
    ]);
    const days = [starts?.next, ends?.next].filter((d): d is string => !!d);
    return Math.min(Infinity, ...days.map(chinaMidnight));
  }
}
