/**
 * Host → live revision, kept in memory per process and dropped whenever the publication generation
 * moved (sites/generation.ts: a change committed by any process is seen within `SERVING_CHECK_MS`, one
 * this process committed at once). A visitor still never gets half of two revisions: a request reads
 * one (site, revision) bundle from start to end.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';
import { PublicationGeneration, SERVING_CHECK_MS } from '../sites/generation';
import type { Clock } from '../clock';

export { SERVING_CHECK_MS };
/** Distinct host names remembered (unknown ones too); beyond that the cache starts over. */
const MAX_HOSTS = 10_000;

export interface LiveSite {
  siteId: string;
  enterpriseId: string;
  revision: number | null;
  offlineAt: string | null;
}

/** Whether a site answers its pages now (it has a live revision and is not past its offline date). */
export const isServed = (site: LiveSite, clock: Clock): 'live' | 'offline' | 'none' =>
  site.revision === null ? 'none' : site.offlineAt !== null && site.offlineAt <= clock.now().toISOString() ? 'offline' : 'live';

export class LiveSites {
  private hosts = new Map<string, LiveSite | null>();
  private generation = -1;
  private readonly publications: PublicationGeneration;

  constructor(
    private readonly db: Kysely<DB>,
    checkMs = SERVING_CHECK_MS,
  ) {
    this.publications = new PublicationGeneration(db, checkMs);
  }

  /**
   * What a host serves when that is known and fresh now (null: nothing), without waiting; undefined
   * when `lookup` has to ask the database.
   */
  cached(host: string): LiveSite | null | undefined {
    const generation = this.publications.known();
    return generation !== undefined && generation === this.generation ? this.hosts.get(host) : undefined;
  }

  /** The site a host name (or its `www.`/bare twin) serves, if any. */
  async lookup(host: string): Promise<LiveSite | undefined> {
    const generation = await this.publications.current();
    if (generation !== this.generation) {
      this.hosts = new Map();
      this.generation = generation;
    }
    const hosts = this.hosts;
    let site = hosts.get(host);
    if (site === undefined) {
      site = await this.read(host);
      // Kept only if no newer generation was seen meanwhile (that read may predate the change).
      if (hosts.size >= MAX_HOSTS) hosts.clear();
      hosts.set(host, site);
    }
    return site ?? undefined;
  }

  private async read(host: string): Promise<LiveSite | null> {
    const names = host.startsWith('www.') ? [host, host.slice(4)] : [host, `www.${host}`];
    const rows = await this.db.selectFrom('site_host').selectAll().where('host', 'in', names).execute();
    const row = names.map((n) => rows.find((r) => r.host === n)).find(Boolean);
    return row
      ? {
          siteId: row.site_id,
          enterpriseId: row.enterprise_id,
          revision: row.revision === null ? null : Number(row.revision),
          offlineAt: row.offline_at,
        }
      : null;
  }
}
