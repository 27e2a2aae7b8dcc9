/**
 * Portal members (issue 13 item 4): a visitor joins with a mobile number and a code texted to it
 * through the SMS gateway, choosing the industries, enterprises and keywords to follow and a city —
 * or none, when the region of the number's prefix (mobileRegion.ts) is taken; the form pre-selects it
 * once the number is known (the code step), and what the member chooses there wins.
 * A code lives `CODE_TTL_MS` and is locked after `CODE_ATTEMPTS` wrong guesses (the code, not the
 * number: a new one can be asked for); codes are limited per number and per address. The same
 * flow changes what a member follows; `TD` texted to the service code opts out of the digests.
 * Every change rewrites the member reports it touches (memberReport.ts) in its own transaction.
 */
import { createHash, randomInt } from 'node:crypto';
import { z } from 'zod';
import { checkMobile } from '../../../shared/domain/mobile';
import { INDUSTRY_SECTIONS } from '../../../shared/domain/industry';
import { REGIONS } from '../../../shared/domain/regions';
import { newId } from '../clock';
import type { PlatformContext } from '../context';
import { writeTx, type Tx } from '../db/database';
import type { SmsGateway } from '../sms/gateway';
import { inWriteTx, type Writer } from '../sync/rows';
import { enterprisesCounting, refreshMemberReports } from './memberReport';
import { ensureMobileRegions, regionOfMobile, type MobileRegion } from './mobileRegion';

export const CODE_TTL_MS = 10 * 60_000;
export const CODE_ATTEMPTS = 5;
/** One code a minute and five a day per number; thirty an hour per address (a flood of sign-ups is throttled). */
export const CODE_LIMITS = { numberGapMs: 60_000, numberPerDay: 5, addressPerHour: 30 };
export const MEMBER_SIGNATURE = '【企业网站门户】';

/** The most enterprises and keywords a member follows (industries: any of the sections). */
export const MAX_FOLLOWED = { enterprises: 10, keywords: 3 };
export const KEYWORD = /^[\p{Script=Han}A-Za-z0-9]{2,10}$/u;

export const memberChoiceSchema = z.object({
  province: z.string().max(30),
  city: z.string().max(30),
  industries: z.array(z.string().regex(/^[A-T]$/)).max(INDUSTRY_SECTIONS.length),
  enterprises: z.array(z.string().min(1).max(64)).max(MAX_FOLLOWED.enterprises),
  keywords: z.array(z.string().regex(KEYWORD)).max(MAX_FOLLOWED.keywords),
});
export type MemberChoice = z.infer<typeof memberChoiceSchema>;

export type MemberProblem =
  | 'member.mobile_invalid'
  | 'member.choice_invalid'
  | 'member.too_soon'
  | 'member.too_many_codes'
  | 'member.address_throttled'
  | 'member.sms_unavailable'
  | 'member.no_code'
  | 'member.code_expired'
  | 'member.code_locked'
  | 'member.code_wrong';

export type MemberOutcome = { ok: true; mobile: string } | { ok: false; problem: MemberProblem; attemptsLeft?: number };

/** Whether a province and city are a known pair (the member's region), or both empty: the region of the number. */
export const knownCity = (province: string, city: string) =>
  (province === '' && city === '') || REGIONS.some((p) => p.name === province && (p.children ?? []).some((c) => c.name === city));

/** The choice as the form sent it, checked: known sections and region, at most ten followed enterprises, three keywords. */
export function parseChoice(input: unknown): MemberChoice | null {
  const parsed = memberChoiceSchema.safeParse(input);
  if (!parsed.success || !knownCity(parsed.data.province, parsed.data.city)) return null;
  const unique = <T>(list: T[]) => [...new Set(list)];
  const c = parsed.data;
  return { ...c, industries: unique(c.industries), enterprises: unique(c.enterprises), keywords: unique(c.keywords) };
}

const hashOf = (id: string, code: string) => createHash('sha256').update(`${id}:${code}`).digest('hex');
const ago = (now: Date, ms: number) => new Date(now.getTime() - ms).toISOString();

async function codesSince(trx: Tx, column: 'mobile' | 'address', value: string, since: string): Promise<number> {
  const row = await trx
    .selectFrom('portal_member_code')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where(column, '=', value)
    .where('created_at', '>', since)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Texts a code to `mobile` for this choice, within the limits; nothing is stored when refused. */
export async function requestCode(
  ctx: PlatformContext,
  sms: SmsGateway | null,
  input: { mobile: string; address: string; choice: MemberChoice },
): Promise<MemberOutcome> {
  const mobile = checkMobile(input.mobile);
  if (!mobile.valid) return { ok: false, problem: 'member.mobile_invalid' };
  if (!sms) return { ok: false, problem: 'member.sms_unavailable' };
  const now = ctx.clock.now();
  const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
  const result = await writeTx(ctx.database, async (trx): Promise<MemberOutcome & { send?: () => void }> => {
    if ((await codesSince(trx, 'address', input.address, ago(now, 3600_000))) >= CODE_LIMITS.addressPerHour)
      return { ok: false, problem: 'member.address_throttled' };
    if ((await codesSince(trx, 'mobile', mobile.normalized, ago(now, CODE_LIMITS.numberGapMs))) > 0)
      return { ok: false, problem: 'member.too_soon' };
    if ((await codesSince(trx, 'mobile', mobile.normalized, ago(now, 86_400_000))) >= CODE_LIMITS.numberPerDay)
      return { ok: false, problem: 'member.too_many_codes' };
    const id = newId();
    await trx
      .insertInto('portal_member_code')
      .values({
        id,
        mobile: mobile.normalized,
        address: input.address,
        code_hash: hashOf(id, code),
        choice: JSON.stringify(input.choice),
        created_at: now.toISOString(),
        expires_at: new Date(now.getTime() + CODE_TTL_MS).toISOString(),
        attempts: 0,
        used_at: null,
      })
      .execute();
    const text = `${MEMBER_SIGNATURE}您的会员验证码是${code}，${CODE_TTL_MS / 60_000}分钟内有效。如非本人操作请忽略。`;
    const queued = await sms.enqueueIn(trx, [{ to: mobile.normalized, text, purpose: 'admin', enterpriseId: null }]);
    return { ok: true, mobile: mobile.normalized, send: queued.send };
  });
  result.send?.();
  return result.ok ? { ok: true, mobile: result.mobile } : { ok: false, problem: result.problem };
}

/**
 * Checks the newest code of `mobile`; a right one makes (or updates) the member with the choice it was
 * sent for — and with `region` when the code step sent one (a known pair, or both empty for the number's).
 */
export async function confirmCode(
  ctx: PlatformContext,
  input: { mobile: string; code: string; region?: MobileRegion },
): Promise<MemberOutcome> {
  const mobile = checkMobile(input.mobile);
  if (!mobile.valid) return { ok: false, problem: 'member.mobile_invalid' };
  const now = ctx.clock.now().toISOString();
  ensureMobileRegions(); // a member without a chosen city is placed by the number's prefix, inside the transaction
  return inWriteTx(ctx.database, async (w): Promise<MemberOutcome> => {
    const trx = w.trx;
    // Only the newest code counts: asking for a new one retires the older ones.
    let query = trx
      .selectFrom('portal_member_code')
      .selectAll()
      .where('mobile', '=', mobile.normalized)
      .orderBy('created_at', 'desc')
      .limit(1);
    if (ctx.database.dialect === 'postgres') query = query.forUpdate();
    const row = await query.executeTakeFirst();
    if (!row || row.used_at !== null) return { ok: false, problem: 'member.no_code' };
    if (Number(row.attempts) >= CODE_ATTEMPTS) return { ok: false, problem: 'member.code_locked' };
    if (row.expires_at <= now) return { ok: false, problem: 'member.code_expired' };
    if (hashOf(row.id, input.code.trim()) !== row.code_hash) {
      const attempts = Number(row.attempts) + 1;
      await trx.updateTable('portal_member_code').set({ attempts }).where('id', '=', row.id).execute();
      return attempts >= CODE_ATTEMPTS
        ? { ok: false, problem: 'member.code_locked' }
        : { ok: false, problem: 'member.code_wrong', attemptsLeft: CODE_ATTEMPTS - attempts };
    }
    await trx.updateTable('portal_member_code').set({ used_at: now }).where('id', '=', row.id).execute();
    await saveMember(w, mobile.normalized, { ...(JSON.parse(row.choice) as MemberChoice), ...input.region }, now);
    return { ok: true, mobile: mobile.normalized };
  });
}

async function saveMember(w: Writer, mobile: string, choice: MemberChoice, now: string): Promise<void> {
  const trx = w.trx;
  const counted = await enterprisesCounting(trx, mobile);
  // No city chosen: the number's, when its prefix is known.
  const { province, city } = choice.city ? choice : (regionOfMobile(mobile) ?? { province: '', city: '' });
  const region = { province, city, active_at: now, opted_out_at: null };
  await trx
    .insertInto('portal_member')
    .values({ mobile, ...region, joined_at: now, digest_after: now })
    .onConflict((oc) => oc.column('mobile').doUpdateSet(region))
    .execute();
  await trx.deleteFrom('portal_subscription').where('mobile', '=', mobile).execute();
  const rows = [
    ...choice.industries.map((value) => ({ mobile, kind: 'industry', value })),
    ...choice.enterprises.map((value) => ({ mobile, kind: 'enterprise', value })),
    ...choice.keywords.map((value) => ({ mobile, kind: 'keyword', value })),
  ];
  if (rows.length) await trx.insertInto('portal_subscription').values(rows).execute();
  await refreshMemberReports(w, now, [...counted, ...(await enterprisesCounting(trx, mobile))]);
}

/** `TD` to the service code: no more digests for this number (it stays a member; joining again turns them back on). */
export async function optOut(w: Writer, mobile: string, now: string): Promise<boolean> {
  const updated = await w.trx
    .updateTable('portal_member')
    .set({ opted_out_at: now })
    .where('mobile', '=', mobile)
    .where('opted_out_at', 'is', null)
    .executeTakeFirst();
  if (Number(updated.numUpdatedRows) === 0) return false;
  await refreshMemberReports(w, now, await enterprisesCounting(w.trx, mobile));
  return true;
}
