/**
 * The SMS portal: what the bare service code answers. A word (a name part such as 鲁中, or an
 * industry word such as 机械) finds opened enterprises and the numbers of their SMS sites.
 * `findEnterprises` is the one place the portal searches, so it can later ask the platform-wide
 * search over published sites (platform/src/search/) instead of this simple query.
 */
import { industrySection } from '../../../shared/domain/industry';
import type { Db } from './store';

export interface PortalEntry {
  enterpriseId: string;
  name: string;
  /** What to text: the service code + the enterprise's extension. */
  number: string;
}

/** Longest query the portal reads (a longer MO is cut, not refused). */
export const PORTAL_QUERY_MAX = 20;

function industryWords(section: unknown, division: unknown): string {
  const s = typeof section === 'string' ? industrySection(section) : undefined;
  const d = s?.divisions.find((x) => x.code === division);
  return [s?.name, d?.name].filter(Boolean).join(' ');
}

/** Opened enterprises whose name or industry contains `query`, names first, then by name. */
export async function findEnterprises(db: Db, serviceCode: string, query: string, limit: number): Promise<PortalEntry[]> {
  const word = query.normalize('NFKC').trim().slice(0, PORTAL_QUERY_MAX).toLowerCase();
  if (!word) return [];
  const rows = await db
    .selectFrom('sms_route as r')
    .innerJoin('enterprise as e', 'e.id', 'r.enterprise_id')
    .select(['r.extension', 'e.id', 'e.data'])
    .where('e.deleted', '=', 0)
    .execute();
  const matches: (PortalEntry & { byName: boolean })[] = [];
  for (const row of rows) {
    const data = JSON.parse(row.data) as { name?: string; status?: string; industrySection?: string; industryDivision?: string | null };
    if (data.status !== 'opened' || !data.name) continue;
    const byName = data.name.toLowerCase().includes(word);
    if (byName || industryWords(data.industrySection, data.industryDivision).includes(word))
      matches.push({ enterpriseId: row.id, name: data.name, number: serviceCode + row.extension, byName });
  }
  matches.sort((a, b) => Number(b.byName) - Number(a.byName) || a.name.localeCompare(b.name, 'zh-CN'));
  return matches.slice(0, limit).map(({ byName: _byName, ...entry }) => entry);
}
