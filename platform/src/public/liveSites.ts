/**
 * Host → live revision, kept in memory per process. The cache is dropped whenever the publication
 * generation (one row every site_host change bumps in its own transaction) has moved; the generation
 * is read at most once per `checkMs`, by one query however many requests wait for it. So a switch,
 * a rollback or an offline date committed by any process is answered by every process to every
 * request that arrives `checkMs` or more after the commit (the stated bound: `SERVING_CHECK_MS`);
 * a change this process committed is checked for on its next request. A visitor still never
 * gets half of two revisions: a request reads one (site, revision) bundle from start to end.
 */
import { committedChanges } from '../sites/events';
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';
import type { Clock } from '../clock';

export const SERVING_CHECK_MS = 250;
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
  private checkedAt = -Infinity;
  private localChanges = committedChanges();
  private checking: Promise<void> | undefined;

  constructor(
    private readonly db: Kysely<DB>,
    private readonly checkMs = SERVING_CHECK_MS,
  ) {}

  /**
   * What a host serves when that is known and fresh now (null: nothing), without waiting; undefined
   * when `lookup` has to ask the database.
   */
  cached(host: string): LiveSite | null | undefined {
    return this.fresh() ? this.hosts.get(host) : undefined;
  }

  /** The site a host name (or its `www.`/bare twin) serves, if any. */
  async lookup(host: string): Promise<LiveSite | undefined> {
    if (!this.fresh()) await this.check();
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

  private fresh(): boolean {
    return this.localChanges === committedChanges() && performance.now() - this.checkedAt < this.checkMs;
  }

  private check(): Promise<void> {
    this.checking ??= (async () => {
      const localChanges = committedChanges();
      // Taken before the read: a request arriving `checkMs` after a commit always reads after it.
      const startedAt = performance.now();
      try {
        const row = await this.db.selectFrom('publication_generation').select('generation').where('id', '=', 1).executeTakeFirstOrThrow();
        const generation = Number(row.generation);
        if (generation !== this.generation) this.hosts = new Map();
        this.generation = generation;
        this.checkedAt = startedAt;
        this.localChanges = localChanges;
      } finally {
        this.checking = undefined;
      }
    })();
    return this.checking;
  }

  private async read(host: string): Promise<LiveSite | null> {
    const names = host.startsWith('www.') ? [host, host.slice(4)] : [host, `www.${host}`];
    const rows = await this.db.selectFrom('site_host').selectAll().where('host', 'in', names).execute();
    const row = names.map((n) => rows.find((r) => r.host === n)).find(Boolean);
    return row ? { siteId: row.site_id, enterpriseId: row.enterprise_id, revision: row.revision === null ? null : Number(row.revision), offlineAt: row.offline_at } : null;
  }
}
