/**
 * Search over what is published (issue 13 item 3), for the WEB and WAP portals, the SMS portal and
 * the CLI. Candidates come from the term index (every query term present in the site); the best are
 * then checked against the text itself and ranked by match quality, then by popularity (page views
 * of the last 30 days). A query with nothing searchable or a single character finds nothing and says why.
 */
import { sql, type Kysely } from 'kysely';
import { industrySection } from '../../../shared/domain/industry';
import type { DB } from '../db/schema';
import { normalizeText, parseQuery } from './terms';

/** How a site matched, best first (the integer part of `score`). */
export const QUALITY = { exactName: 100, namePrefix: 90, nameContains: 80, model: 75, item: 60, initials: 50, scattered: 30 } as const;

export const MAX_RESULTS = 50;
/** Candidates checked against the text: three times what is asked for (a few fail the check), at least 30. */
const candidatesFor = (limit: number) => Math.min(3 * MAX_RESULTS, Math.max(30, 3 * limit));

export interface SearchHit {
  enterpriseId: string;
  siteId: string;
  name: string;
  shortName: string;
  /** GB/T 4754 section code and name. */
  industry: string;
  industryName: string;
  region: { province: string; city: string; district: string };
  url: string;
  wapUrl: string;
  /** Match quality (QUALITY) plus popularity as a fraction below 1: higher ranks first. */
  score: number;
  visits: number;
  /** The product, post or news title that matched, when the name did not. */
  matched: { kind: string; title: string; model: string | null; url: string; wapUrl: string } | null;
}

export interface SearchResult {
  query: string;
  problem: 'empty' | 'too_short' | null;
  hits: SearchHit[];
}

interface Candidate {
  site_id: string;
  enterprise_id: string;
  name: string;
  short_name: string;
  industry_section: string;
  province: string;
  city: string;
  district: string;
  web_url: string;
  wap_url: string;
  visits: number;
}

/** A term's sites are counted up to this many to find the rarest term of a query. */
const RARITY_CAP = 2000;

/** The query's terms, the one with the fewest sites first (it drives the lookup). */
async function rarestFirst(db: Kysely<DB>, terms: string[]): Promise<string[]> {
  if (terms.length === 1) return terms;
  const counted = await Promise.all(
    terms.map(async (term) => {
      const postings = db.selectFrom('search_term').select('site_id').where('term', '=', term).limit(RARITY_CAP).as('p');
      const { n } = await db
        .selectFrom(postings)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      return { term, n: Number(n) };
    }),
  );
  return counted.sort((a, b) => a.n - b.n).map((c) => c.term);
}

/**
 * Live sites holding every term, in the rarest term's rank order (field weight, then popularity):
 * the index is walked from the top and the walk stops at `candidatesFor(limit)` sites, so a term every site has
 * costs no more than a rare one.
 */
async function liveCandidates(db: Kysely<DB>, terms: string[], now: string, limit: number): Promise<Candidate[]> {
  const [driver, ...others] = await rarestFirst(db, terms);
  let query = db
    .selectFrom('search_term as d')
    .innerJoin('portal_site as p', 'p.site_id', 'd.site_id')
    .select([
      'p.site_id',
      'p.enterprise_id',
      'p.name',
      'p.short_name',
      'p.industry_section',
      'p.province',
      'p.city',
      'p.district',
      'p.web_url',
      'p.wap_url',
      'p.visits',
    ])
    .where('d.term', '=', driver!)
    .where((eb) => eb.or([eb('p.offline_at', 'is', null), eb('p.offline_at', '>', now)]));
  for (const term of others)
    query = query.where((eb) =>
      eb.exists(eb.selectFrom('search_term as o').select('o.site_id').whereRef('o.site_id', '=', 'd.site_id').where('o.term', '=', term)),
    );
  return query.orderBy('d.rank', 'desc').orderBy('d.site_id', 'desc').limit(candidatesFor(limit)).execute();
}

function nameQuality(c: Candidate, text: string): number | null {
  const names = [normalizeText(c.name), normalizeText(c.short_name)];
  if (names.includes(text)) return QUALITY.exactName;
  if (names.some((n) => n.startsWith(text))) return QUALITY.namePrefix;
  if (names.some((n) => n.includes(text))) return QUALITY.nameContains;
  return null;
}

type ItemRow = { site_id: string; kind: string; title: string; model: string | null; url: string; wap_url: string };

const likePattern = (text: string) => `%${text.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;

/** The best item of each site whose title or model contains the query (a model outranks a title). */
async function matchingItems(db: Kysely<DB>, siteIds: string[], text: string): Promise<Map<string, { row: ItemRow; quality: number }>> {
  const best = new Map<string, { row: ItemRow; quality: number }>();
  if (siteIds.length === 0) return best;
  const rows = await db
    .selectFrom('portal_item')
    .select(['site_id', 'kind', 'title', 'model', 'url', 'wap_url'])
    .where('site_id', 'in', siteIds)
    .where(sql<boolean>`search_text LIKE ${likePattern(text)} ESCAPE '\\'`)
    .orderBy('site_id')
    .orderBy('item_id')
    .execute();
  for (const row of rows) {
    const quality = row.model && normalizeText(row.model).includes(text) ? QUALITY.model : QUALITY.item;
    if (quality > (best.get(row.site_id)?.quality ?? 0)) best.set(row.site_id, { row, quality });
  }
  return best;
}

function hitOf(c: Candidate, quality: number, matched: ItemRow | null): SearchHit {
  const visits = Number(c.visits);
  return {
    enterpriseId: c.enterprise_id,
    siteId: c.site_id,
    name: c.name,
    shortName: c.short_name,
    industry: c.industry_section,
    industryName: industrySection(c.industry_section)?.name ?? '',
    region: { province: c.province, city: c.city, district: c.district },
    url: c.web_url,
    wapUrl: c.wap_url,
    score: quality + visits / (visits + 1000),
    visits,
    matched: matched && { kind: matched.kind, title: matched.title, model: matched.model, url: matched.url, wapUrl: matched.wap_url },
  };
}

async function rankByText(db: Kysely<DB>, candidates: Candidate[], text: string): Promise<SearchHit[]> {
  const byName = new Map(candidates.map((c) => [c.site_id, nameQuality(c, text)]));
  const items = await matchingItems(
    db,
    candidates.filter((c) => byName.get(c.site_id) === null).map((c) => c.site_id),
    text,
  );
  return candidates.map((c) => {
    const nameHit = byName.get(c.site_id);
    if (nameHit != null) return hitOf(c, nameHit, null);
    const item = items.get(c.site_id);
    return item ? hitOf(c, item.quality, item.row) : hitOf(c, QUALITY.scattered, null);
  });
}

const byScore = (a: SearchHit, b: SearchHit) => b.score - a.score || a.siteId.localeCompare(b.siteId);

/**
 * The published sites matching `query`, best first, at most `limit` (≤ MAX_RESULTS). `now` (ISO)
 * decides which sites are already offline.
 */
export async function searchPublished(db: Kysely<DB>, query: string, limit = 10, now = new Date().toISOString()): Promise<SearchResult> {
  const parsed = parseQuery(query);
  if (!parsed.ok) return { query: '', problem: parsed.problem, hits: [] };
  const max = Math.max(1, Math.min(limit, MAX_RESULTS));
  const hits = parsed.terms.length ? await rankByText(db, await liveCandidates(db, parsed.terms, now, max), parsed.text) : [];
  if (hits.length < max && parsed.initials) {
    // Pinyin initials: a fallback below every text match.
    const seen = new Set(hits.map((h) => h.siteId));
    for (const c of await liveCandidates(db, [parsed.initials], now, max))
      if (!seen.has(c.site_id)) hits.push(hitOf(c, QUALITY.initials, null));
  }
  return { query: parsed.text, problem: null, hits: hits.sort(byScore).slice(0, max) };
}
