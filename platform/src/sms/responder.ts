/**
 * The SMS sites answer (issue 11 item 3): every MO is answered in one transaction with the MTs it
 * causes, the number's session and the MO marked handled — so a crash answers it again in full or
 * not at all. The destination says where: the bare service code is the portal, code + an
 * extension an enterprise's SMS site (an unknown extension gets the portal's help). Sessions and
 * limits live in the database, so two platform processes share them.
 */
import { sql } from 'kysely';
import { countSms } from '../../../shared/sites';
import { newId } from '../clock';
import { isoNow, type PlatformContext } from '../context';
import { smsSafeText } from '../boss/welcomeSms';
import { inWriteTx, insertRow, loadRow, type Writer } from '../sync/rows';
import type { SmsGateway } from './gateway';
import type { MtRequest } from './mt';
import { refreshSmsActivity } from './activity';
import { newSeed, prizeOf, rollOf } from './lottery';
import { isOptOut, step, type SiteAction } from './navigate';
import { optOut } from '../portal/members';
import { answerSubscription, parseSubscriptionCommand } from '../portal/smsSubscribe';
import { ensureMobileRegions } from '../portal/mobileRegion';
import { findEnterprises, PORTAL_SIGNATURE } from './portal';
import { SmsSites, type LiveSmsSite } from './sites';
import { markMosHandled, type MoMessage } from './store';
import { chinaDay } from '../public/visits';

export { PORTAL_SIGNATURE };
const PORTAL_RESULTS = 5;
/** A 留言 texted to a site is kept up to this many characters (the web board's limit). */
const GUESTBOOK_MAX_CHARS = 500;

const DIGEST_OPTED_OUT = `${PORTAL_SIGNATURE}您已退订门户的供求信息短信。重新订阅请回复“DY 关键词”或访问门户“会员订阅”。`;

export const portalHelp = (serviceCode: string): string =>
  `${PORTAL_SIGNATURE}回复企业名称或行业（如“机械”）查找企业短信站，再发短信到企业号码（${serviceCode}+分机号）进入；回复“DY 机械”订阅供求信息。`;

/** The answer lists the best enterprises that fit in two SMS parts (one when it can). */
export const PORTAL_ANSWER_PARTS = 2;

export function portalAnswer(serviceCode: string, query: string, found: { name: string; number: string }[]): string {
  if (found.length === 0)
    return `${PORTAL_SIGNATURE}未找到“${smsSafeText(query, 10)}”相关企业。${portalHelp(serviceCode).slice(PORTAL_SIGNATURE.length)}`;
  const lines = found.map((e) => `${smsSafeText(e.name, 16)} ${e.number}`);
  const answer = (n: number) => `${PORTAL_SIGNATURE}找到${n}家，发短信到号码进入：\n${lines.slice(0, n).join('\n')}`;
  let n = lines.length;
  while (n > 1 && countSms(answer(n)).messages > PORTAL_ANSWER_PARTS) n--;
  return answer(n);
}

export interface ResponderCounters {
  answered: number;
  throttled: number;
}

export class SmsResponder {
  readonly sites: SmsSites;
  readonly counters: ResponderCounters = { answered: 0, throttled: 0 };
  private removeHandler: (() => void) | undefined;

  constructor(
    private readonly ctx: PlatformContext,
    private readonly gateway: SmsGateway,
  ) {
    this.sites = new SmsSites(ctx);
  }

  /** Answers MOs from now on (call before the gateway starts, so a restart answers what was left). */
  start(): void {
    this.removeHandler = this.gateway.onMo((message) => this.answer(message));
  }

  stop(): void {
    this.removeHandler?.();
  }

  async answer(message: MoMessage): Promise<void> {
    const serviceCode = this.gateway.link.config.serviceCode;
    const extension = message.destId.startsWith(serviceCode) ? message.destId.slice(serviceCode.length) : null;
    // A DY places a new member by its number's prefix: the prefix data is read now, not inside the transaction.
    if (!extension && parseSubscriptionCommand(message.text.trim())) ensureMobileRegions();
    const { allowed, send } = await inWriteTx(this.ctx.database, async (w) => {
      const within = await this.withinLimit(w, message.mobile);
      const mts = within ? await this.reply(w, message, extension) : [];
      const queued = mts.length ? await this.gateway.enqueueIn(w.trx, mts) : null;
      await markMosHandled(w.trx, message.partIds, this.ctx.clock);
      return { allowed: within, send: queued?.send };
    });
    this.counters[allowed ? 'answered' : 'throttled']++;
    send?.();
  }

  /** Counts the MO against its number's window (locking the number's row: one MO of a number at a time); false once the window's limit is used. */
  private async withinLimit(w: Writer, mobile: string): Promise<boolean> {
    const now = this.ctx.clock.now();
    const { smsMosPerNumber, smsMoWindowMs } = this.ctx.config;
    await w.trx
      .insertInto('sms_mo_limit')
      .values({ mobile, count: 0, throttled: 0, window_started_at: now.toISOString() })
      .onConflict((oc) => oc.column('mobile').doNothing())
      .execute();
    let q = w.trx.selectFrom('sms_mo_limit').selectAll().where('mobile', '=', mobile);
    if (w.dialect === 'postgres') q = q.forUpdate();
    const row = await q.executeTakeFirstOrThrow();
    if (now.getTime() - Date.parse(row.window_started_at) >= smsMoWindowMs) {
      await w.trx
        .updateTable('sms_mo_limit')
        .set({ count: 1, window_started_at: now.toISOString() })
        .where('mobile', '=', mobile)
        .execute();
      return true;
    }
    if (Number(row.count) >= smsMosPerNumber) {
      await w.trx
        .updateTable('sms_mo_limit')
        .set({ throttled: sql`throttled + 1` })
        .where('mobile', '=', mobile)
        .execute();
      return false;
    }
    await w.trx
      .updateTable('sms_mo_limit')
      .set({ count: sql`count + 1` })
      .where('mobile', '=', mobile)
      .execute();
    return true;
  }

  private async reply(w: Writer, message: MoMessage, extension: string | null): Promise<MtRequest[]> {
    const to = message.mobile;
    const serviceCode = this.gateway.link.config.serviceCode;
    if (!extension) {
      const query = message.text.trim();
      if (isOptOut(query)) return [{ to, text: (await optOut(w, to, isoNow(this.ctx))) ? DIGEST_OPTED_OUT : portalHelp(serviceCode) }];
      const command = parseSubscriptionCommand(query);
      if (command) {
        const answer = await answerSubscription(w, to, command, isoNow(this.ctx));
        return answer ? [{ to, text: answer }] : [];
      }
      const found = query ? await findEnterprises(w.trx, serviceCode, query, PORTAL_RESULTS, isoNow(this.ctx)) : [];
      return [{ to, text: query ? portalAnswer(serviceCode, query, found) : portalHelp(serviceCode) }];
    }
    const enterpriseId = await this.sites.enterpriseOf(w.trx, extension);
    const live = enterpriseId ? await this.sites.liveSite(w.trx, enterpriseId) : null;
    if (!live) return [{ to, text: portalHelp(serviceCode) }];
    return this.siteReply(w, live, message, extension);
  }

  private async siteReply(w: Writer, live: LiveSmsSite, message: MoMessage, extension: string): Promise<MtRequest[]> {
    const to = message.mobile;
    const now = this.ctx.clock.now();
    const session = await w.trx
      .selectFrom('sms_session')
      .selectAll()
      .where('mobile', '=', to)
      .where('extension', '=', extension)
      .executeTakeFirst();
    const path = session && session.expires_at > now.toISOString() ? (JSON.parse(session.path) as string[]) : null;
    const next = step(live.site, path, message.text);
    const common = { to, extension, enterpriseId: live.enterpriseId };
    const mts: MtRequest[] = [];
    const actionReply = next.action ? await this.act(w, live, message, next.action) : null;
    const reply = actionReply ?? next.reply;
    if (reply) mts.push({ ...common, text: reply });
    if (next.opened && live.site.wapPush.href) {
      const push = live.site.wapPush;
      mts.push({ ...common, wapPush: { href: push.href, text: push.text, siId: new URL(push.href).host } });
    }
    if (next.opened)
      await w.trx
        .insertInto('sms_subscriber')
        .values({ enterprise_id: live.enterpriseId, mobile: to, first_at: now.toISOString() })
        .onConflict((oc) => oc.columns(['enterprise_id', 'mobile']).doNothing())
        .execute();
    const expiresAt = new Date(now.getTime() + this.ctx.config.smsSessionMs).toISOString();
    const pathJson = JSON.stringify(next.path);
    await w.trx
      .insertInto('sms_session')
      .values({ mobile: to, extension, path: pathJson, expires_at: expiresAt })
      .onConflict((oc) => oc.columns(['mobile', 'extension']).doUpdateSet({ path: pathJson, expires_at: expiresAt }))
      .execute();
    return mts;
  }

  /** Does what the MO asked (leave a message, opt out …) and returns the reply, if the action has its own. */
  private async act(w: Writer, live: LiveSmsSite, message: MoMessage, action: SiteAction): Promise<string | null> {
    const signature = live.site.signature;
    switch (action.kind) {
      case 'optout':
        await w.trx
          .insertInto('sms_optout')
          .values({ enterprise_id: live.enterpriseId, mobile: message.mobile, at: isoNow(this.ctx) })
          .onConflict((oc) => oc.columns(['enterprise_id', 'mobile']).doNothing())
          .execute();
        return `${signature}您已退订，不再收到本企业的营销短信。`;
      case 'guestbook':
        await this.saveLead(w, live, message.mobile, action.text);
        return null;
      case 'lottery':
        return this.draw(w, live, message.mobile);
      case 'survey':
        return this.answerSurvey(w, live, message.mobile, action.option);
    }
  }

  /** One draw, if the lottery runs today and the number has draws left; recorded with its seed. */
  private async draw(w: Writer, live: LiveSmsSite, mobile: string): Promise<string | null> {
    const lottery = live.site.lottery;
    if (!lottery) return null;
    const signature = live.site.signature;
    const today = chinaDay(this.ctx.clock.now());
    if ((lottery.startDate && today < lottery.startDate) || (lottery.endDate && today > lottery.endDate))
      return `${signature}抽奖活动不在进行中，感谢关注！`;
    await this.lockActivity(w, live.enterpriseId);
    const drawn = await w.trx
      .selectFrom('sms_draw')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('site_id', '=', live.siteId)
      .where('mobile', '=', mobile)
      .executeTakeFirstOrThrow();
    if (Number(drawn.n) >= lottery.perNumberLimit) return `${signature}每个号码限抽${lottery.perNumberLimit}次，您已参加过，感谢参与！`;
    const won = await w.trx
      .selectFrom('sms_draw')
      .select(['prize', (eb) => eb.fn.countAll().as('n')])
      .where('site_id', '=', live.siteId)
      .where('prize', 'is not', null)
      .groupBy('prize')
      .execute();
    const awarded = lottery.prizes.map((p) => Number(won.find((r) => r.prize === p.name)?.n ?? 0));
    const seed = newSeed();
    const roll = rollOf(seed);
    const prize = prizeOf(lottery.prizes, roll, awarded);
    await w.trx
      .insertInto('sms_draw')
      .values({
        id: newId(this.ctx.clock),
        enterprise_id: live.enterpriseId,
        site_id: live.siteId,
        revision: live.revision,
        mobile,
        seed,
        roll,
        prize: prize === null ? null : lottery.prizes[prize]!.name,
        at: isoNow(this.ctx),
      })
      .execute();
    await refreshSmsActivity(w, this.ctx, live);
    return prize === null ? lottery.lose.text : lottery.prizes[prize]!.reply.text;
  }

  /**
   * Draws and survey answers of one enterprise, one at a time: a draw counts the prizes won before it
   * hands one out, and both rewrite the enterprise's sms_activity row. PostgreSQL locks the
   * enterprise's route row until the commit (SQLite's transactions already run one at a time).
   */
  private async lockActivity(w: Writer, enterpriseId: string): Promise<void> {
    if (w.dialect === 'postgres')
      await w.trx.selectFrom('sms_route').select('extension').where('enterprise_id', '=', enterpriseId).forUpdate().execute();
  }

  /** The number's one answer to the site's survey (a second one is thanked, not counted). */
  private async answerSurvey(w: Writer, live: LiveSmsSite, mobile: string, option: number): Promise<string | null> {
    const survey = live.site.survey;
    if (!survey) return null;
    await this.lockActivity(w, live.enterpriseId);
    const inserted = await w.trx
      .insertInto('sms_survey_answer')
      .values({
        site_id: live.siteId,
        mobile,
        enterprise_id: live.enterpriseId,
        question: survey.question.text,
        option_no: option,
        at: isoNow(this.ctx),
      })
      .onConflict((oc) => oc.columns(['site_id', 'mobile']).doNothing())
      .executeTakeFirst();
    if (Number(inserted.numInsertedOrUpdatedRows ?? 0n) === 0) return `${live.site.signature}每个号码只能参与一次调查，感谢支持！`;
    await refreshSmsActivity(w, this.ctx, live);
    return survey.thanks.text;
  }

  /** The message becomes a lead: the same row the web message board writes, channel 'sms', the sender's number as contact. */
  private async saveLead(w: Writer, live: LiveSmsSite, mobile: string, text: string): Promise<void> {
    const publication = await loadRow(w, 'site_publication', live.siteId);
    const at = isoNow(this.ctx);
    const body = [...text.replace(/\r\n?/g, '\n')].slice(0, GUESTBOOK_MAX_CHARS).join('');
    insertRow(
      w,
      'lead',
      newId(this.ctx.clock),
      publication?.scopeId ?? '',
      {
        enterpriseId: live.enterpriseId,
        siteId: live.siteId,
        channel: 'sms',
        kind: 'message',
        name: '',
        contact: mobile,
        text: body,
        receivedAt: at,
        handled: false,
      },
      { clientId: null, at },
    );
  }
}
