/**
 * The live SMS site behind an extension: the enterprise the extension was assigned to at opening,
 * its live site revision (site_host), compiled by the shared compiler's SMS channel — the same
 * `menu.json` the desktop's preview shows. Revisions never change, so the compiled sites are kept
 * in memory by (site, revision); every platform process compiles its own copy.
 */
import { compileSmsSite, templateFor, type SmsSite } from '../../../shared/sites';
import type { PlatformContext } from '../context';
import { parseContent } from '../sites/build';
import type { Db } from './store';

export interface LiveSmsSite {
  enterpriseId: string;
  siteId: string;
  revision: number;
  site: SmsSite;
  /** The manager's 关怀名单 (content only: never in the compiled, published menu). */
  careList: readonly string[];
}

type Compiled = Pick<LiveSmsSite, 'site' | 'careList'>;

const CACHE_LIMIT = 500;

export class SmsSites {
  private readonly compiled = new Map<string, Compiled>();

  constructor(private readonly ctx: PlatformContext) {}

  /** The enterprise an extension belongs to, or null when none was assigned it. */
  async enterpriseOf(db: Db, extension: string): Promise<string | null> {
    const route = await db.selectFrom('sms_route').select('enterprise_id').where('extension', '=', extension).executeTakeFirst();
    return route?.enterprise_id ?? null;
  }

  /** The enterprise's live SMS site, or null (nothing live, offline, or no SMS channel). */
  async liveSite(db: Db, enterpriseId: string): Promise<LiveSmsSite | null> {
    const now = this.ctx.clock.now().toISOString();
    const hosts = await db
      .selectFrom('site_host')
      .select(['site_id', 'revision', 'offline_at'])
      .where('enterprise_id', '=', enterpriseId)
      .where('revision', 'is not', null)
      .orderBy('site_id')
      .execute();
    for (const host of hosts) {
      if (host.offline_at !== null && host.offline_at <= now) continue;
      const compiled = await this.compile(db, host.site_id, Number(host.revision));
      if (compiled && compiled.site.nodes.length > 0)
        return { enterpriseId, siteId: host.site_id, revision: Number(host.revision), ...compiled };
    }
    return null;
  }

  private async compile(db: Db, siteId: string, revision: number): Promise<Compiled | null> {
    const key = `${siteId}:${revision}`;
    const known = this.compiled.get(key);
    if (known) return known;
    const stored = await db
      .selectFrom('site_revision')
      .select('content')
      .where('site_id', '=', siteId)
      .where('revision', '=', revision)
      .executeTakeFirst();
    if (!stored) return null;
    const content = parseContent(JSON.parse(stored.content));
    const site = compileSmsSite(content, templateFor(content), { assignedDomainSuffix: this.ctx.config.sitesDomain });
    if (this.compiled.size >= CACHE_LIMIT) this.compiled.delete(this.compiled.keys().next().value!);
    const compiled = { site, careList: content.sms.careList ?? [] };
    this.compiled.set(key, compiled);
    return compiled;
  }
}
