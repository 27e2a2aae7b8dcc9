/**
 * Keeps the portals' picture of what is published (portal_site, portal_item) and the search terms
 * over it (search_term) in step with publication: a revision going live re-indexes its site in the
 * same transaction as the switch (so search never finds a page that is not served), and a site
 * scheduled offline carries its `offline_at` (searches and listings leave it out from then on).
 *
 * `followPublication` has the shape of the publication's change listener (the Writer and the
 * change), so it can be registered as one. A site going live also refreshes its enterprise's member
 * report (portal/memberReport.ts), which counts the followers of the industry it is indexed under.
 */
import type { Kysely } from 'kysely';
import { writeTx, type Database, type Tx } from '../db/database';
import type { DB } from '../db/schema';
import { refreshMemberReports } from '../portal/memberReport';
import { onPublicationChanged, type PublicationChange } from '../sites/events';
import type { Writer } from '../sync/writer';
import { publishedFacts, type IndexedItem, type SiteUrls } from './content';
import { rankOf, WEIGHT } from './rank';
import { initialsTermsOf, normalizeText, termsOf } from './terms';

const BATCH = 500;

export type { PublicationChange };

export async function followPublication(w: Writer, change: PublicationChange): Promise<void> {
  if (change.kind === 'live') {
    await indexLiveSite(w.trx, change);
    // Its industry may have changed, and a first publication starts its report.
    await refreshMemberReports(w, change.at, [change.enterpriseId]);
  } else await w.trx.updateTable('portal_site').set({ offline_at: change.offlineAt }).where('site_id', '=', change.siteId).execute();
}
onPublicationChanged(followPublication);

interface Region {
  province: string;
  city: string;
  district: string;
}

async function enterpriseFacts(trx: Tx, enterpriseId: string) {
  const row = await trx.selectFrom('enterprise').select('data').where('id', '=', enterpriseId).executeTakeFirst();
  return row ? (JSON.parse(row.data) as { industrySection?: string; industryDivision?: string | null; region?: Region }) : {};
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
export async function indexLiveSite(
  trx: Tx,
  live: { siteId: string; enterpriseId: string; revision: number; host: string; urls: SiteUrls },
): Promise<void> {
  const stored = await trx
    .selectFrom('site_revision')
    .select(['content', 'submitted_at'])
    .where('site_id', '=', live.siteId)
    .where('revision', '=', live.revision)
    .executeTakeFirst();
  const site = stored && publishedFacts(JSON.parse(stored.content), live.urls);
  const visits = await visitsOf(trx, live.siteId);
  // An item keeps the time it was first published: a new revision does not make old posts new (the members' digests, the newest lists).
  const firstPublished = new Map(
    (await trx.selectFrom('portal_item').select(['item_id', 'published_at']).where('site_id', '=', live.siteId).execute()).map((r) => [
      r.item_id,
      r.published_at,
    ]),
  );
  await removeSite(trx, live.siteId);
  if (!stored || !site) return;
  const enterprise = await enterpriseFacts(trx, live.enterpriseId);
  const region = enterprise.region ?? { province: '', city: '', district: '' };
  const publishedAt = stored.submitted_at;
  await trx
    .insertInto('portal_site')
    .values({
      site_id: live.siteId,
      enterprise_id: live.enterpriseId,
      name: site.name,
      short_name: site.shortName,
      slogan: site.slogan,
      // The enterprise's registered industry (synced from the desktop) first, the site's own otherwise.
      industry_section: enterprise.industrySection ?? site.industry.section,
      industry_division: enterprise.industrySection ? (enterprise.industryDivision ?? null) : (site.industry.division ?? null),
      province: region.province,
      city: region.city,
      district: region.district,
      host: live.host,
      web_url: live.urls.web,
      wap_url: live.urls.wap,
      published_at: publishedAt,
      offline_at: null,
      visits,
    })
    .execute();
  const items = site.items.map((item) => ({
    site_id: live.siteId,
    item_id: item.id,
    kind: item.kind,
    post_kind: item.postKind ?? null,
    title: item.title,
    model: item.model ?? null,
    search_text: normalizeText(`${item.title}\n${item.model ?? ''}`),
    date: item.date ?? null,
    url: item.url,
    wap_url: item.wapUrl,
    published_at: firstPublished.get(item.id) ?? publishedAt,
  }));
  for (let i = 0; i < items.length; i += BATCH)
    await trx
      .insertInto('portal_item')
      .values(items.slice(i, i + BATCH))
      .execute();
  const terms = [...siteTerms([site.name, site.shortName], site.items)].map(([term, weight]) => ({
    term,
    site_id: live.siteId,
    rank: rankOf(weight, visits),
  }));
  for (let i = 0; i < terms.length; i += BATCH)
    await trx
      .insertInto('search_term')
      .values(terms.slice(i, i + BATCH))
      .execute();
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

/**
 * Sites that went live before this platform had the index (or whose indexing was lost) are indexed
 * at start-up from their live revision; a site already scheduled offline keeps that date.
 */
export async function indexUnindexedSites(database: Database): Promise<number> {
  const missing = await database.db
    .selectFrom('site_host')
    .leftJoin('portal_site', 'portal_site.site_id', 'site_host.site_id')
    .select(['site_host.site_id', 'site_host.enterprise_id', 'site_host.host', 'site_host.revision', 'site_host.offline_at'])
    .where('site_host.revision', 'is not', null)
    .where('portal_site.site_id', 'is', null)
    .execute();
  for (const site of missing) {
    const urls = { web: `https://${site.host}/`, wap: `http://${site.host}/wap/` };
    await writeTx(database, async (trx) => {
      await indexLiveSite(trx, {
        siteId: site.site_id,
        enterpriseId: site.enterprise_id,
        revision: Number(site.revision),
        host: site.host,
        urls,
      });
      if (site.offline_at)
        await trx.updateTable('portal_site').set({ offline_at: site.offline_at }).where('site_id', '=', site.site_id).execute();
    });
  }
  return new Set(missing.map((m) => m.site_id)).size;
}
