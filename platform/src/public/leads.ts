/**
 * 留言 and 订单 from the public sites (issue 10 item 3): a form post becomes a `lead` row (synced to
 * the enterprise's region). Posts are limited per address and per site in the database, so every
 * platform process shares the limit; no captcha (feature phones cannot show one).
 */
import { checkMobile, normalizeMobile } from '../../../shared/domain/mobile';
import { z } from 'zod';
import type { PlatformContext } from '../context';
import { isoNow } from '../context';
import { newId } from '../clock';
import { inWriteTx, insertRow, loadRow, type Writer } from '../sync/rows';
import type { PageChannel } from './channels';

export const MAX_FORM_BYTES = 8 * 1024;

const oneLine = (max: number) =>
  z
    .string()
    .transform((s) => s.replace(/\s+/g, ' ').trim())
    .pipe(z.string().max(max));

/** The compiled forms' fields (shared/sites web/wap2/wap1 guestbook): phone or email, and the message. */
export const leadFormSchema = z.object({
  name: oneLine(50).optional().default(''),
  phone: z.string().trim().max(100),
  message: z
    .string()
    .transform((s) => s.replace(/\r\n?/g, '\n').trim())
    .pipe(z.string().min(1).max(500)),
  kind: z.enum(['message', 'order']).optional().default('message'),
});

export type LeadFormError = 'contact_invalid' | 'message_invalid' | 'form_invalid';

export function parseLeadForm(
  fields: Record<string, string>,
): { ok: true; lead: { name: string; contact: string; text: string; kind: 'message' | 'order' } } | { ok: false; error: LeadFormError } {
  const parsed = leadFormSchema.safeParse(fields);
  if (!parsed.success)
    return { ok: false, error: parsed.error.issues.some((i) => i.path[0] === 'message') ? 'message_invalid' : 'form_invalid' };
  const { name, phone, message, kind } = parsed.data;
  const email = z.email().safeParse(phone);
  const mobile = normalizeMobile(phone);
  const contact = email.success ? email.data : checkMobile(mobile).valid ? mobile : null;
  if (!contact) return { ok: false, error: 'contact_invalid' };
  return { ok: true, lead: { name, contact, text: message, kind } };
}

/** Counts one post against `key`; false when the window's limit is used up. */
async function allowPost(w: Writer, key: string, limit: number, windowMs: number, now: Date): Promise<boolean> {
  const { trx } = w;
  let q = trx.selectFrom('post_limit').selectAll().where('key', '=', key);
  if (w.dialect === 'postgres') q = q.forUpdate();
  const row = await q.executeTakeFirst();
  if (!row || now.getTime() - Date.parse(row.window_started_at) >= windowMs) {
    await trx
      .insertInto('post_limit')
      .values({ key, count: 1, window_started_at: now.toISOString() })
      .onConflict((oc) => oc.column('key').doUpdateSet({ count: 1, window_started_at: now.toISOString() }))
      .execute();
    return true;
  }
  if (Number(row.count) >= limit) return false;
  await trx
    .updateTable('post_limit')
    .set({ count: Number(row.count) + 1 })
    .where('key', '=', key)
    .execute();
  return true;
}

export type SaveLeadResult = 'saved' | 'rate_limited';

/** Stores the lead (as text: it is escaped wherever it is shown), if the limits allow it. */
export async function saveLead(
  ctx: PlatformContext,
  site: { siteId: string; enterpriseId: string },
  channel: PageChannel,
  address: string,
  lead: { name: string; contact: string; text: string; kind: 'message' | 'order' },
): Promise<SaveLeadResult> {
  const now = ctx.clock.now();
  const { postsPerAddress, postsPerSite, postWindowMs } = ctx.config;
  return inWriteTx(ctx.database, async (w) => {
    // Site first, then address: every process takes the two locks in the same order.
    if (!(await allowPost(w, `site:${site.siteId}`, postsPerSite, postWindowMs, now))) return 'rate_limited';
    if (!(await allowPost(w, `address:${address}`, postsPerAddress, postWindowMs, now))) return 'rate_limited';
    const publication = await loadRow(w, 'site_publication', site.siteId);
    const at = isoNow(ctx);
    insertRow(
      w,
      'lead',
      newId(),
      publication?.scopeId ?? '',
      {
        enterpriseId: site.enterpriseId,
        siteId: site.siteId,
        channel,
        kind: lead.kind,
        name: lead.name,
        contact: lead.contact,
        text: lead.text,
        receivedAt: at,
        handled: false,
      },
      { clientId: null, at },
    );
    return 'saved';
  });
}
