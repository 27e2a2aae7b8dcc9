/**
 * Following by SMS (issue 13 item 4): a phone texts the bare service code
 *   DY 词 / 订阅 词   to follow: an industry by its section's name (制造业), an enterprise by its name or
 *                    short name on the portal (鲁中机械), an industry whose name — the section's or one
 *                    of its divisions' — holds the word when exactly one section does (机械: 电气机械和
 *                    器材制造业 → 制造业; the reply names the division), otherwise the word as a keyword (钢材);
 *   QX 词 / 取消 词   to stop following it;
 *   DY / QX alone    for what the number follows and how to change it.
 * The MO proves the number, so the first DY makes it a member without a code, in the region of its
 * prefix (mobileRegion.ts; none when the prefix is unknown — a member who chose a city keeps it), and
 * a DY turns its digests back on after a TD. `TD` is read before these (responder.ts) and always
 * opts out. The number's subscription commands are counted per China day: past
 * `SMS_COMMANDS_PER_DAY` one reply says so and the rest go unanswered. Every change rewrites the
 * member reports it touches, in the MO's transaction.
 */
import { sql } from 'kysely';
import { INDUSTRY_SECTIONS, industriesHolding } from '../../../shared/domain/industry';
import { smsSafeText } from '../boss/welcomeSms';
import { chinaDay } from '../public/visits';
import { PORTAL_SIGNATURE } from '../sms/portal';
import type { Writer } from '../sync/rows';
import { enterprisesCounting, refreshMemberReports } from './memberReport';
import { KEYWORD, MAX_FOLLOWED } from './members';
import { regionOfMobile } from './mobileRegion';

export const SMS_COMMANDS_PER_DAY = 20;

export interface SubscriptionCommand {
  kind: 'subscribe' | 'unsubscribe';
  /** What follows the command word, spaces removed ('' when nothing does). */
  word: string;
}

// DY/QX must stand alone (DYSON is a search); 订阅/取消 may run into the word.
const COMMAND = /^(?:(DY|QX)(?![A-Z0-9])|(订阅|取消))[\s+:：,，]*(.*)$/isu;

/** The subscription command in an MO to the service code, or null when it is not one (then it is a search). */
export function parseSubscriptionCommand(text: string): SubscriptionCommand | null {
  const match = COMMAND.exec(text.normalize('NFKC').trim());
  if (!match) return null;
  const verb = (match[1] ?? match[2]!).toUpperCase();
  return { kind: verb === 'DY' || verb === '订阅' ? 'subscribe' : 'unsubscribe', word: match[3]!.replace(/\s+/g, '') };
}

interface Target {
  kind: 'industry' | 'enterprise' | 'keyword';
  value: string;
  /** How the reply names it. */
  label: string;
  /** For a section found by part of a name: its divisions' names that hold the word (a reply says which). */
  via?: string[];
}

const KIND_NAMES: Record<Target['kind'], string> = { industry: '行业', enterprise: '企业', keyword: '关键词' };

/** The one section whose name, or a division's name, holds `word` (two characters at least); null when none or several do. */
function sectionHolding(word: string): Target | null {
  const holding = industriesHolding(word);
  if (holding.length !== 1) return null;
  const { section, inName, divisions } = holding[0]!;
  // Found in the section's own name (制造 → 制造业), the name says it; else the divisions that hold the word.
  return { kind: 'industry', value: section.code, label: section.name, via: inName ? [] : divisions.map((d) => d.name) };
}

/**
 * What a word follows: a section's name, else an enterprise's name or short name on the portal, else
 * the one section holding the word in its or a division's name, else a keyword. To stop following,
 * a keyword the number follows is taken first (it may have been followed before sections were found by part of a name).
 */
async function targetOf(w: Writer, word: string, now: string, kind: SubscriptionCommand['kind'], mobile: string): Promise<Target | null> {
  const section = INDUSTRY_SECTIONS.find((s) => s.name === word);
  if (section) return { kind: 'industry', value: section.code, label: section.name };
  const keyword: Target = { kind: 'keyword', value: word, label: word };
  if (kind === 'unsubscribe' && KEYWORD.test(word) && (await follows(w, mobile, keyword))) return keyword;
  const site = await w.trx
    .selectFrom('portal_site')
    .select(['enterprise_id', 'short_name'])
    .where((eb) => eb.or([eb('name', '=', word), eb('short_name', '=', word)]))
    .where((eb) => eb.or([eb('offline_at', 'is', null), eb('offline_at', '>', now)]))
    .orderBy('visits', 'desc')
    .orderBy('site_id')
    .executeTakeFirst();
  if (site) return { kind: 'enterprise', value: site.enterprise_id, label: site.short_name || word };
  return sectionHolding(word) ?? (KEYWORD.test(word) ? keyword : null);
}

/** The number's follows, named as a reply names them. */
async function followedNames(w: Writer, mobile: string): Promise<string[]> {
  const follows = await w.trx
    .selectFrom('portal_subscription as s')
    .leftJoin('portal_site as p', (j) => j.onRef('p.enterprise_id', '=', 's.value').on('s.kind', '=', 'enterprise'))
    .select(['s.kind', 's.value', 'p.short_name'])
    .where('s.mobile', '=', mobile)
    .orderBy('s.kind')
    .orderBy('s.value')
    .execute();
  return follows.map((f) =>
    f.kind === 'industry'
      ? (INDUSTRY_SECTIONS.find((s) => s.code === f.value)?.name ?? f.value)
      : f.kind === 'enterprise'
        ? (f.short_name ?? '')
        : f.value,
  );
}

const safe = (text: string) => smsSafeText(text, 12);
const HOW_TO = '订阅回复“DY 关键词”（或行业、企业简称），如DY 钢材；取消回复“QX 关键词”；回复TD退订全部。';

async function helpText(w: Writer, mobile: string): Promise<string> {
  const names = (await followedNames(w, mobile)).filter(Boolean);
  const current = names.length ? `您已订阅：${names.map(safe).join('、')}。` : '';
  return `${PORTAL_SIGNATURE}${current}${HOW_TO}`;
}

/** Counts the command against the number's day; 'over' once past the limit ('silent' after the first time). */
async function countCommand(w: Writer, mobile: string, day: string): Promise<'ok' | 'over' | 'silent'> {
  await w.trx
    .insertInto('portal_sms_command_day')
    .values({ mobile, day, commands: 1 })
    .onConflict((oc) => oc.columns(['mobile', 'day']).doUpdateSet((eb) => ({ commands: eb('portal_sms_command_day.commands', '+', 1) })))
    .execute();
  const { commands } = await w.trx
    .selectFrom('portal_sms_command_day')
    .select('commands')
    .where('mobile', '=', mobile)
    .where('day', '=', day)
    .executeTakeFirstOrThrow();
  const n = Number(commands);
  return n <= SMS_COMMANDS_PER_DAY ? 'ok' : n === SMS_COMMANDS_PER_DAY + 1 ? 'over' : 'silent';
}

async function follows(w: Writer, mobile: string, target: Target): Promise<boolean> {
  const row = await w.trx
    .selectFrom('portal_subscription')
    .select('mobile')
    .where('mobile', '=', mobile)
    .where('kind', '=', target.kind)
    .where('value', '=', target.value)
    .executeTakeFirst();
  return row !== undefined;
}

async function followedOfKind(w: Writer, mobile: string, kind: 'enterprise' | 'keyword'): Promise<number> {
  const row = await w.trx
    .selectFrom('portal_subscription')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('mobile', '=', mobile)
    .where('kind', '=', kind)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

async function subscribe(w: Writer, mobile: string, word: string, target: Target, now: string): Promise<string> {
  // A section found by part of a name: which names hold the word, and the word itself undoes it.
  const via = target.via?.length ? `（含${target.via[0]}${target.via.length > 1 ? '等' : ''}）` : '';
  const named = `${KIND_NAMES[target.kind]}“${safe(target.label)}”${via}`;
  const change = `回复QX ${safe(target.via ? word : target.label)}取消，回复TD退订。`;
  const already = await follows(w, mobile, target);
  if (!already && target.kind !== 'industry' && (await followedOfKind(w, mobile, target.kind)) >= MAX_FOLLOWED[`${target.kind}s`])
    return `${PORTAL_SIGNATURE}最多订阅${MAX_FOLLOWED.enterprises}家企业、${MAX_FOLLOWED.keywords}个关键词。请先回复“QX 关键词”取消一个。`;
  // The MO proves the number: it becomes a member (or takes its digests back after a TD), in the
  // region of its prefix unless it has one already (chosen on the form: that choice wins).
  const { province, city } = regionOfMobile(mobile) ?? { province: '', city: '' };
  const unlessChosen = (column: 'province' | 'city', value: string) =>
    sql<string>`case when portal_member.city = '' then ${value} else ${sql.ref(`portal_member.${column}`)} end`;
  await w.trx
    .insertInto('portal_member')
    .values({ mobile, province, city, joined_at: now, active_at: now, digest_after: now, opted_out_at: null })
    .onConflict((oc) =>
      oc.column('mobile').doUpdateSet({
        active_at: now,
        opted_out_at: null,
        province: unlessChosen('province', province),
        city: unlessChosen('city', city),
      }),
    )
    .execute();
  if (!already) await w.trx.insertInto('portal_subscription').values({ mobile, kind: target.kind, value: target.value }).execute();
  await refreshMemberReports(w, now, await enterprisesCounting(w.trx, mobile));
  return already
    ? `${PORTAL_SIGNATURE}您已订阅${named}，有新供求信息时每天一条摘要。${change}`
    : `${PORTAL_SIGNATURE}已订阅${named}，有新供求信息时每天一条摘要。${change}`;
}

async function unsubscribe(w: Writer, mobile: string, target: Target, now: string): Promise<string> {
  const named = `${KIND_NAMES[target.kind]}“${safe(target.label)}”`;
  if (!(await follows(w, mobile, target)))
    return `${PORTAL_SIGNATURE}您未订阅${named}。${(await helpText(w, mobile)).slice(PORTAL_SIGNATURE.length)}`;
  const counted = await enterprisesCounting(w.trx, mobile);
  await w.trx
    .deleteFrom('portal_subscription')
    .where('mobile', '=', mobile)
    .where('kind', '=', target.kind)
    .where('value', '=', target.value)
    .execute();
  await w.trx.updateTable('portal_member').set({ active_at: now }).where('mobile', '=', mobile).execute();
  await refreshMemberReports(w, now, counted);
  return `${PORTAL_SIGNATURE}已取消订阅${named}。`;
}

/** Carries out a subscription command from `mobile`; the reply, or null when the day's limit was passed already. */
export async function answerSubscription(w: Writer, mobile: string, command: SubscriptionCommand, now: string): Promise<string | null> {
  const counted = await countCommand(w, mobile, chinaDay(new Date(now)));
  if (counted === 'silent') return null;
  if (counted === 'over') return `${PORTAL_SIGNATURE}今天的订阅操作已达${SMS_COMMANDS_PER_DAY}次，请明天再试。`;
  const target = command.word ? await targetOf(w, command.word, now, command.kind, mobile) : null;
  if (!target) return helpText(w, mobile);
  return command.kind === 'subscribe' ? subscribe(w, mobile, command.word, target, now) : unsubscribe(w, mobile, target, now);
}
