/**
 * The SMS portal: what the bare service code answers to a word. It asks the same search as the WEB
 * and WAP portals (platform/src/search/: two-character Chinese, model numbers such as CK6150, pinyin
 * initials, ranked by match quality then popularity, offline sites left out), then — below those —
 * the live sites whose industry's name holds the word (机械, 餐饮 …). Only enterprises with an SMS
 * site (an extension of the service code) are listed, with the number to text.
 */
import { industriesHolding } from '../../../shared/domain/industry';
import { searchPublished } from '../search/search';
import type { Db } from './store';

/** The signature of everything the bare service code answers. */
export const PORTAL_SIGNATURE = '【企业短信门户】';

export interface PortalEntry {
  enterpriseId: string;
  name: string;
  /** What to text: the service code + the enterprise's extension. */
  number: string;
}

/** Longest query the portal reads (a longer MO is cut, not refused). */
export const PORTAL_QUERY_MAX = 20;

/** The sections and divisions (GB/T 4754) whose name holds `word` (two characters at least). */
function industriesNaming(word: string): { sections: string[]; divisions: string[] } {
  const holding = industriesHolding(word);
  return {
    sections: holding.filter((h) => h.inName).map((h) => h.section.code),
    divisions: holding.flatMap((h) => h.divisions.map((d) => d.code)),
  };
}

/** Live portal sites in the industries named by `word`, most visited first. */
async function byIndustryWord(db: Db, word: string, limit: number, now: string): Promise<{ enterpriseId: string; name: string }[]> {
  const { sections, divisions } = industriesNaming(word);
  if (sections.length === 0 && divisions.length === 0) return [];
  const rows = await db
    .selectFrom('portal_site')
    .select(['enterprise_id', 'name'])
    .where((eb) => eb.or([eb('offline_at', 'is', null), eb('offline_at', '>', now)]))
    .where((eb) =>
      eb.or([
        ...(sections.length ? [eb('industry_section', 'in', sections)] : []),
        ...(divisions.length ? [eb('industry_division', 'in', divisions)] : []),
      ]),
    )
    .orderBy('visits', 'desc')
    .orderBy('site_id')
    .limit(limit)
    .execute();
  return rows.map((r) => ({ enterpriseId: r.enterprise_id, name: r.name }));
}

/** Enterprises with an SMS site matching `query`, best first, at most `limit`. `now` (ISO) decides which sites are offline. */
export async function findEnterprises(db: Db, serviceCode: string, query: string, limit: number, now: string): Promise<PortalEntry[]> {
  const word = query.normalize('NFKC').trim().slice(0, PORTAL_QUERY_MAX);
  if (!word) return [];
  // Asked for more than shown: some sites' enterprises have no SMS site.
  const wanted = limit * 4;
  const { hits } = await searchPublished(db, word, wanted, now);
  const ranked = [...hits.map((h) => ({ enterpriseId: h.enterpriseId, name: h.name })), ...(await byIndustryWord(db, word, wanted, now))];
  if (ranked.length === 0) return [];
  const routes = await db
    .selectFrom('sms_route')
    .select(['enterprise_id', 'extension'])
    .where(
      'enterprise_id',
      'in',
      ranked.map((r) => r.enterpriseId),
    )
    .execute();
  const extensionOf = new Map(routes.map((r) => [r.enterprise_id, r.extension]));
  const entries = new Map<string, PortalEntry>();
  for (const { enterpriseId, name } of ranked) {
    const extension = extensionOf.get(enterpriseId);
    if (extension !== undefined && !entries.has(enterpriseId))
      entries.set(enterpriseId, { enterpriseId, name, number: serviceCode + extension });
  }
  return [...entries.values()].slice(0, limit);
}
