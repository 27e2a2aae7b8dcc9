/**
 * Keeps the portals' picture of what is published (portal_site, portal_item) and the search terms
 * over it (search_term) in step with publication: a revision going live re-indexes its site in the
 * same transaction as the switch (so search never finds a page that is not served), and a site
 * scheduled offline carries its `offline_at` (searches and listings leave it out from then on).
 */
import type { Kysely } from 'kysely';
import { publishedFacts, type IndexedItem } from './content';
import { initialsTermsOf, normalizeText, termsOf } from './terms';
import type { DB } from '../db/schema';
import { writeTx, type Database, type Tx } from '../db/database';

/** Field weights: a hit in the name outranks one in a model number, which outranks an item title. */
export const WEIGHT = { name: 100, model: 70, item: 40, initials: 30 } as const;

const BATCH = 500;

export interface IndexInput {
  siteId: string;
  enterpriseId: string;
  /** The live revision's content document (already checked by the build). */
  content: unknown;
  sitesDomain: string;
  at: string;
}

interface Region {
  province: string;
  city: string;
  district: string;
}

async function enterpriseFacts(trx: Tx | Kysely<DB>, enterpriseId: string) {
  const row = await trx.selectFrom('enterprise').select('data').where('id', '=', enterpriseId).executeTakeFirst();
  const data = row ? (JSON.parse(row.data) as { industrySection?: string; industryDivision?: string | null; region?: Region }) : {};
  return data;
}

/** What a site's search terms are, each with its best field's weight. */
export function siteTerms(names: string[], items: IndexedItem[]): Map<string, number> {
  const terms = new Map<string, number>();
  const add = (term: string, weight: number) => terms.set(term, Math.max(weight, terms.get(term) ?? 0));
  for (const name of names) {
    for (const t of termsOf(name)) add(t, WEIGHT.name);
    for (const t of initialsTermsOf(name)) add(t, WEIGHT.initials);
  }
  for (const item of items) {
    for (const t of termsOf(item.title)) add(t, WEIGHT.item);
    if (item.model) for (const t of termsOf(item.model)) add(t, WEIGHT.model);
  }
  return terms;
}

/** Indexes a site's live revision (replacing what was indexed for it). */
export async function indexLiveSite(trx: Tx, input: IndexInput): Promise<void> {
  const site = publishedFacts(input.content, input.sitesDomain);
  if (!site) return removeSite(trx, input.siteId);
  const enterprise = await enterpriseFacts(trx, input.enterpriseId);
  const region = enterprise.region ?? { province: '', city: '', district: '' };
  const visits = await visitsOf(trx, input.siteId);
  await removeSite(trx, input.siteId);
  await trx
    .insertInto('portal_site')
    .values({
      site_id: input.siteId,
      enterprise_id: input.enterpriseId,
      name: site.name,
      short_name: site.shortName,
      slogan: site.slogan,
      industry_section: enterprise.industrySection ?? site.industry.section,
      industry_division: enterprise.industrySection ? (enterprise.industryDivision ?? null) : (site.industry.division ?? null),
      province: region.province,
      city: region.city,
      district: region.district,
      host: site.host,
      web_url: site.webUrl,
      wap_url: site.wapUrl,
      published_at: input.at,
      offline_at: null,
      visits,
    })
    .execute();
  const items = site.items.map((item) => ({
    site_id: input.siteId, item_id: item.id, kind: item.kind, post_kind: item.postKind ?? null, title: item.title, model: item.model ?? null,
    search_text: normalizeText(`${item.title}\n${item.model ?? ''}`),
    date: item.date ?? null, url: item.url, wap_url: item.wapUrl, published_at: input.at,
  }));
  for (let i = 0; i < items.length; i += BATCH) await trx.insertInto('portal_item').values(items.slice(i, i + BATCH)).execute();
  const terms = [...siteTerms([site.name, site.shortName], site.items)].map(([term, weight]) => ({ term, site_id: input.siteId, weight }));
  for (let i = 0; i < terms.length; i += BATCH) await trx.insertInto('search_term').values(terms.slice(i, i + BATCH)).execute();
}

/** The popularity a re-indexed site keeps until the next refresh. */
async function visitsOf(trx: Tx, siteId: string): Promise<number> {
  const row = await trx.selectFrom('portal_site').select('visits').where('site_id', '=', siteId).executeTakeFirst();
  return row ? Number(row.visits) : 0;
}

export async function removeSite(trx: Tx | Kysely<DB>, siteId: string): Promise<void> {
  await trx.deleteFrom('search_term').where('site_id', '=', siteId).execute();
  await trx.deleteFrom('portal_item').where('site_id', '=', siteId).execute();
  await trx.deleteFrom('portal_site').where('site_id', '=', siteId).execute();
}

/** BOSS cancelled: the enterprise's sites leave the portals and search at `offlineAt`. */
export async function scheduleSearchOffline(trx: Tx, enterpriseId: string, offlineAt: string): Promise<void> {
  await trx.updateTable('portal_site').set({ offline_at: offlineAt }).where('enterprise_id', '=', enterpriseId).execute();
}

/**
 * Sites that went live before this platform had the index (or whose indexing was lost) are indexed
 * at start-up from their live revision; a site already scheduled offline keeps that date.
 */
export async function indexUnindexedSites(database: Database, sitesDomain: string, at: string): Promise<number> {
  const missing = await database.db
    .selectFrom('site_host')
    .leftJoin('portal_site', 'portal_site.site_id', 'site_host.site_id')
    .select(['site_host.site_id', 'site_host.enterprise_id', 'site_host.revision', 'site_host.offline_at'])
    .where('site_host.revision', 'is not', null)
    .where('portal_site.site_id', 'is', null)
    .execute();
  for (const site of missing) {
    await writeTx(database, async (trx) => {
      const stored = await trx.selectFrom('site_revision').select('content').where('site_id', '=', site.site_id).where('revision', '=', Number(site.revision)).executeTakeFirst();
      if (!stored) return;
      await indexLiveSite(trx, { siteId: site.site_id, enterpriseId: site.enterprise_id, content: JSON.parse(stored.content), sitesDomain, at });
      if (site.offline_at) await scheduleSearchOffline(trx, site.enterprise_id, site.offline_at);
    });
  }
  return new Set(missing.map((m) => m.site_id)).size;
}
