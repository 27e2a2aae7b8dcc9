/**
 * 关怀 (issue 11 item 4): a live SMS site's care messages go out on their dates to the numbers that
 * texted the site and to the manager's 关怀名单 (the site's `careList`), in the recipients' daytime only — marketing is never sent 21:00–08:00 China time
 * (all recipients are mainland numbers, UTC+8) — each with the opt-out line, never to a number that
 * replied TD. Recipients are taken page by page (memory stays flat for any number of them); each
 * page is one transaction that records who was sent what (sms_care_sent) with the MTs, so a
 * repeated run, a second platform process or a number both on the list and among the texters gets
 * it once.
 */
import type { PlatformContext } from '../context';
import type { SmsGateway } from './gateway';
import { SmsSites } from './sites';
import { PeriodicRun } from './periodicRun';
import type { Db } from './store';
import { chinaDay } from '../public/visits';
import { writeTx } from '../db/database';

export const OPT_OUT_LINE = '回复TD退订';
const PAGE = 500;
const CHINA_OFFSET_MS = 8 * 3600_000;

/** Marketing may go out from 08:00 to 21:00 China time. */
export function isMarketingHour(at: Date): boolean {
  const hour = new Date(at.getTime() + CHINA_OFFSET_MS).getUTCHours();
  return hour >= 8 && hour < 21;
}

/** Whether a care date (`YYYY-MM-DD`, or yearly `--MM-DD`) falls on the China day `day`. */
export const isCareDay = (date: string, day: string): boolean => (date.startsWith('--') ? day.slice(4) === date.slice(1) : day === date);

export const withOptOut = (text: string): string => `${text}\n${OPT_OUT_LINE}`;

/** `runDue()` stores today's care messages not yet stored (nothing outside the daytime window) and returns how many MTs. */
export class CareSender extends PeriodicRun {
  private readonly sites: SmsSites;

  constructor(
    private readonly ctx: PlatformContext,
    private readonly gateway: SmsGateway,
    intervalMs = 60_000,
  ) {
    super('sms care', ctx.log, intervalMs);
    this.sites = new SmsSites(ctx);
  }

  protected async runOnce(): Promise<number> {
    const now = this.ctx.clock.now();
    if (!isMarketingHour(now)) return 0;
    const day = chinaDay(now);
    const db = this.ctx.database.db;
    let sent = 0;
    const routes = await db.selectFrom('sms_route').select(['extension', 'enterprise_id']).orderBy('extension').execute();
    for (const route of routes) {
      const live = await this.sites.liveSite(db, route.enterprise_id);
      for (const care of live?.site.care.filter((c) => isCareDay(c.date, day)) ?? []) {
        const send = (page: string[]) => this.sendPage(live!.siteId, route, care.id, withOptOut(care.message.text), day, page);
        for (let after = ''; ;) {
          const page = await this.recipients(db, route.enterprise_id, after);
          if (page.length === 0) break;
          after = page[page.length - 1]!;
          sent += await send(page);
        }
        for (let from = 0; from < live!.careList.length; from += PAGE) {
          const page = await this.notOptedOut(db, route.enterprise_id, live!.careList.slice(from, from + PAGE));
          if (page.length > 0) sent += await send(page);
        }
      }
    }
    return sent;
  }

  /** The next page of the enterprise's subscribers after `after` who have not opted out. */
  private async recipients(db: Db, enterpriseId: string, after: string): Promise<string[]> {
    const rows = await db
      .selectFrom('sms_subscriber as s')
      .leftJoin('sms_optout as o', (join) => join.onRef('o.enterprise_id', '=', 's.enterprise_id').onRef('o.mobile', '=', 's.mobile'))
      .select('s.mobile')
      .where('s.enterprise_id', '=', enterpriseId)
      .where('s.mobile', '>', after)
      .where('o.mobile', 'is', null)
      .orderBy('s.mobile')
      .limit(PAGE)
      .execute();
    return rows.map((r) => r.mobile);
  }

  /** The numbers of a page of the manager's list that have not replied TD to the enterprise. */
  private async notOptedOut(db: Db, enterpriseId: string, mobiles: string[]): Promise<string[]> {
    const out = await db
      .selectFrom('sms_optout')
      .select('mobile')
      .where('enterprise_id', '=', enterpriseId)
      .where('mobile', 'in', mobiles)
      .execute();
    const optedOut = new Set(out.map((r) => r.mobile));
    return mobiles.filter((m) => !optedOut.has(m));
  }

  private async sendPage(
    siteId: string,
    route: { extension: string; enterprise_id: string },
    careId: string,
    text: string,
    day: string,
    mobiles: string[],
  ): Promise<number> {
    const { send, count } = await writeTx(this.ctx.database, async (trx) => {
      const fresh = await trx
        .insertInto('sms_care_sent')
        .values(mobiles.map((mobile) => ({ site_id: siteId, care_id: careId, day, mobile })))
        .onConflict((oc) => oc.doNothing())
        .returning('mobile')
        .execute();
      if (fresh.length === 0) return { send: undefined, count: 0 };
      const queued = await this.gateway.enqueueIn(
        trx,
        fresh.map((r) => ({
          to: r.mobile,
          text,
          extension: route.extension,
          enterpriseId: route.enterprise_id,
          purpose: 'marketing' as const,
        })),
      );
      return { send: queued.send, count: fresh.length };
    });
    send?.();
    return count;
  }
}
