/**
 * Popularity for ranking and the "most visited" lists: each live site's page views over the last 30
 * China days, summed from the visit statistics (site_visit_day) into portal_site.visits. Refreshed
 * on a timer rather than per request: the day rows change with every visit batch.
 */
import { sql } from 'kysely';
import { writeTx, type Database } from '../db/database';
import { popularityBucket } from './rank';
import { chinaDay } from '../public/visits';

export const POPULARITY_DAYS = 30;

export async function refreshVisits(database: Database, now: Date): Promise<void> {
  const firstDay = chinaDay(new Date(now.getTime() - (POPULARITY_DAYS - 1) * 86_400_000));
  // A day row is last written on its day (or soon after, by a late batch): older rows cannot count.
  const changedSince = new Date(now.getTime() - (POPULARITY_DAYS + 1) * 86_400_000).toISOString();
  const rows = await database.db
    .selectFrom('site_visit_day')
    .select('data')
    .where('updated_at', '>=', changedSince)
    .where('deleted', '=', 0)
    .execute();
  const views = new Map<string, number>();
  for (const { data } of rows) {
    const day = JSON.parse(data) as { siteId: string; date: string; pv: number };
    if (day.date >= firstDay) views.set(day.siteId, (views.get(day.siteId) ?? 0) + day.pv);
  }
  await writeTx(database, async (trx) => {
    const current = await trx.selectFrom('portal_site').select(['site_id', 'visits']).execute();
    for (const { site_id, visits } of current) {
      const fresh = views.get(site_id) ?? 0;
      if (Number(visits) === fresh) continue;
      await trx.updateTable('portal_site').set({ visits: fresh }).where('site_id', '=', site_id).execute();
      const bucket = popularityBucket(fresh);
      if (bucket !== popularityBucket(Number(visits)))
        await trx
          .updateTable('search_term')
          .set((eb) => ({ rank: sql<number>`${eb.ref('rank')} - (${eb.ref('rank')} % 1000) + ${bucket}` }))
          .where('site_id', '=', site_id)
          .execute();
    }
  });
}
