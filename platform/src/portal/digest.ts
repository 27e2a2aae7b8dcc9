/**
 * The members' daily digest (issue 13 item 4): once per China day, in marketing hours, each member
 * who has not opted out gets one SMS listing the supply/demand posts published since their last
 * digest on live sites they follow (the enterprise, its industry section, or a keyword in the
 * title) — none when nothing new matches. Sent from the bare service code with no enterprise: the
 * operator's portal pays, no enterprise's usage counts it. `portal_digest` records each (member,
 * day) in the transaction that queues the MT, so a repeated run or a second process sends nothing twice.
 */
import type { PlatformContext } from '../context';
import { writeTx, type Tx } from '../db/database';
import { chinaDay } from '../public/visits';
import { isMarketingHour, withOptOut } from '../sms/care';
import type { SmsGateway } from '../sms/gateway';
import { PeriodicRun } from '../sms/periodicRun';
import { smsSafeText } from '../boss/welcomeSms';
import { MEMBER_SIGNATURE } from './members';

const PAGE = 200;
/** Posts named in one digest (the rest are counted, and the portal's list has them). */
const NAMED = 3;

interface NewPost {
  title: string;
  post_kind: string | null;
  site_name: string;
}

/** `runDue()` queues today's digests not yet sent (none outside marketing hours) and returns how many. */
export class DigestSender extends PeriodicRun {
  constructor(
    private readonly ctx: PlatformContext,
    private readonly gateway: SmsGateway,
    intervalMs = 10 * 60_000,
  ) {
    super('portal digest', ctx.log, intervalMs);
  }

  protected async runOnce(): Promise<number> {
    const now = this.ctx.clock.now();
    if (!isMarketingHour(now)) return 0;
    const day = chinaDay(now);
    let sent = 0;
    for (let after = ''; ;) {
      const members = await this.ctx.database.db
        .selectFrom('portal_member')
        .select('mobile')
        .where('opted_out_at', 'is', null)
        .where('mobile', '>', after)
        .where((eb) =>
          eb.not(
            eb.exists(
              eb
                .selectFrom('portal_digest')
                .select('mobile')
                .whereRef('portal_digest.mobile', '=', 'portal_member.mobile')
                .where('portal_digest.day', '=', day),
            ),
          ),
        )
        .orderBy('mobile')
        .limit(PAGE)
        .execute();
      if (members.length === 0) return sent;
      after = members[members.length - 1]!.mobile;
      for (const { mobile } of members) if (await this.sendOne(mobile, day, now.toISOString())) sent++;
    }
  }

  private async sendOne(mobile: string, day: string, now: string): Promise<boolean> {
    const { send } = await writeTx(this.ctx.database, async (trx) => {
      const member = await trx
        .selectFrom('portal_member')
        .select(['digest_after', 'opted_out_at'])
        .where('mobile', '=', mobile)
        .executeTakeFirst();
      if (!member || member.opted_out_at !== null) return { send: undefined };
      const posts = await newPosts(trx, mobile, member.digest_after, now);
      const fresh = await trx
        .insertInto('portal_digest')
        .values({ mobile, day, posts: posts.length, sent_at: now })
        .onConflict((oc) => oc.doNothing())
        .returning('mobile')
        .execute();
      if (fresh.length === 0 || posts.length === 0) return { send: undefined };
      await trx.updateTable('portal_member').set({ digest_after: now }).where('mobile', '=', mobile).execute();
      const queued = await this.gateway.enqueueIn(trx, [
        { to: mobile, text: digestText(posts, `wap.${this.ctx.config.sitesDomain}`), purpose: 'marketing', enterpriseId: null },
      ]);
      return { send: queued.send };
    });
    send?.();
    return send !== undefined;
  }
}

/** New posts since `after` on live sites the member follows, newest first. */
async function newPosts(trx: Tx, mobile: string, after: string, now: string): Promise<NewPost[]> {
  const follows = await trx.selectFrom('portal_subscription').select(['kind', 'value']).where('mobile', '=', mobile).execute();
  const of = (kind: string) => follows.filter((f) => f.kind === kind).map((f) => f.value);
  const [industries, enterprises, keywords] = [of('industry'), of('enterprise'), of('keyword')];
  if (follows.length === 0) return [];
  return trx
    .selectFrom('portal_item')
    .innerJoin('portal_site', 'portal_site.site_id', 'portal_item.site_id')
    .select(['portal_item.title', 'portal_item.post_kind', 'portal_site.short_name as site_name'])
    .where('portal_item.kind', '=', 'post')
    .where('portal_item.published_at', '>', after)
    .where((eb) => eb.or([eb('portal_site.offline_at', 'is', null), eb('portal_site.offline_at', '>', now)]))
    .where((eb) =>
      eb.or([
        ...(industries.length ? [eb('portal_site.industry_section', 'in', industries)] : []),
        ...(enterprises.length ? [eb('portal_site.enterprise_id', 'in', enterprises)] : []),
        ...keywords.map((k) => eb('portal_item.title', 'like', `%${k}%`)),
      ]),
    )
    .orderBy('portal_item.published_at', 'desc')
    .limit(50)
    .execute();
}

export function digestText(posts: NewPost[], wapHost: string): string {
  const kind = (p: NewPost) => (p.post_kind === 'supply' ? '[供]' : p.post_kind === 'demand' ? '[求]' : '');
  const lines = posts.slice(0, NAMED).map((p) => `${kind(p)}${smsSafeText(p.title, 16)}-${smsSafeText(p.site_name, 8)}`);
  const more = posts.length > NAMED ? `等${posts.length}条，` : '';
  return withOptOut(`${MEMBER_SIGNATURE}您关注的新供求信息：\n${lines.join('\n')}\n${more}详见 http://${wapHost}/`);
}
