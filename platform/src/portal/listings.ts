/** What the portal pages list: live sites by industry and region, newest posts and products, the most visited. */
import type { ExpressionBuilder, Kysely } from 'kysely';
import type { DB } from '../db/schema';

export interface SiteFilter {
  section?: string | undefined;
  division?: string | undefined;
  province?: string | undefined;
  city?: string | undefined;
}

export interface ItemFilter {
  kind: 'post' | 'product' | 'news';
  postKind?: 'supply' | 'demand' | undefined;
  section?: string | undefined;
  province?: string | undefined;
}

export type PortalSite = DB['portal_site'];
export type PortalItem = DB['portal_item'] & { site_name: string };

const live = (now: string) => (eb: ExpressionBuilder<DB, 'portal_site'>) =>
  eb.or([eb('portal_site.offline_at', 'is', null), eb('portal_site.offline_at', '>', now)]);

export class Listings {
  constructor(private readonly db: Kysely<DB>) {}

  /** Live sites per 门类 and 大类. */
  async industryCounts(now: string): Promise<{ section: string; division: string | null; count: number }[]> {
    const rows = await this.db
      .selectFrom('portal_site')
      .select(['industry_section', 'industry_division', (eb) => eb.fn.countAll<number>().as('n')])
      .where(live(now))
      .groupBy(['industry_section', 'industry_division'])
      .execute();
    return rows.map((r) => ({ section: r.industry_section, division: r.industry_division, count: Number(r.n) }));
  }

  /** Live sites per province and city. */
  async regionCounts(now: string): Promise<{ province: string; city: string; count: number }[]> {
    const rows = await this.db
      .selectFrom('portal_site')
      .select(['province', 'city', (eb) => eb.fn.countAll<number>().as('n')])
      .where(live(now))
      .where('province', '!=', '')
      .groupBy(['province', 'city'])
      .orderBy('province')
      .orderBy('city')
      .execute();
    return rows.map((r) => ({ province: r.province, city: r.city, count: Number(r.n) }));
  }

  /** A page of live sites, most visited first. */
  async sites(filter: SiteFilter, now: string, offset: number, limit: number): Promise<{ total: number; rows: PortalSite[] }> {
    let query = this.db.selectFrom('portal_site').where(live(now));
    if (filter.section) query = query.where('industry_section', '=', filter.section);
    if (filter.division) query = query.where('industry_division', '=', filter.division);
    if (filter.province) query = query.where('province', '=', filter.province);
    if (filter.city) query = query.where('city', '=', filter.city);
    const total = await query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    const rows = await query.selectAll().orderBy('visits', 'desc').orderBy('name').orderBy('site_id').offset(offset).limit(limit).execute();
    return { total: Number(total.n), rows };
  }

  async site(siteId: string, now: string): Promise<PortalSite | undefined> {
    return this.db.selectFrom('portal_site').selectAll().where('site_id', '=', siteId).where(live(now)).executeTakeFirst();
  }

  /** The live site of an enterprise (its first, if it has several). */
  async enterpriseSite(enterpriseId: string, now: string): Promise<PortalSite | undefined> {
    return this.db
      .selectFrom('portal_site')
      .selectAll()
      .where('enterprise_id', '=', enterpriseId)
      .where(live(now))
      .orderBy('site_id')
      .executeTakeFirst();
  }

  async itemsOf(siteId: string): Promise<DB['portal_item'][]> {
    return this.db.selectFrom('portal_item').selectAll().where('site_id', '=', siteId).orderBy('kind').orderBy('item_id').execute();
  }

  /** A page of live items of one kind across sites, newest publication first. */
  async items(filter: ItemFilter, now: string, offset: number, limit: number): Promise<{ total: number; rows: PortalItem[] }> {
    let query = this.db
      .selectFrom('portal_item')
      .innerJoin('portal_site', 'portal_site.site_id', 'portal_item.site_id')
      .where(live(now))
      .where('portal_item.kind', '=', filter.kind);
    if (filter.postKind) query = query.where('portal_item.post_kind', '=', filter.postKind);
    if (filter.section) query = query.where('portal_site.industry_section', '=', filter.section);
    if (filter.province) query = query.where('portal_site.province', '=', filter.province);
    const total = await query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    const rows = await query
      .selectAll('portal_item')
      .select('portal_site.name as site_name')
      .orderBy('portal_item.published_at', 'desc')
      .orderBy('portal_item.site_id')
      .orderBy('portal_item.item_id')
      .offset(offset)
      .limit(limit)
      .execute();
    return { total: Number(total.n), rows };
  }

  /** The earliest offline date after `now` of a live site (a cached listing is stale from then). */
  async nextOfflineAt(now: string): Promise<string | null> {
    const row = await this.db
      .selectFrom('portal_site')
      .select((eb) => eb.fn.min('offline_at').as('next'))
      .where('offline_at', '>', now)
      .executeTakeFirst();
    return row?.next ?? null;
  }

  /** Every live site, for the sitemap. */
  async allSites(now: string, limit: number): Promise<Pick<PortalSite, 'site_id' | 'published_at'>[]> {
    return this.db.selectFrom('portal_site').select(['site_id', 'published_at']).where(live(now)).orderBy('site_id').limit(limit).execute();
  }
}
