/**
 * The BOSS simulation: opens submitted orders (and, after them, roster orders: roster.ts). Each order is processed in its own transaction
 * (rows, counters and the welcome SMS together), so a kill mid-way leaves it "submitted" and the
 * next run picks it up again. The SMS texts are in welcomeSms.ts.
 */
import { randomInt } from 'node:crypto';
import { OPERATOR_SITE_DOMAIN, UNIFIED_SMS_CODE, type OpeningResult } from '../../../shared/platform-api/opening';
import type { OrderSubmitArgs } from '../../../shared/platform-api/tables';
import { newId, type Clock } from '../clock';
import { SmsInputError } from '../sms/mt';
import { enqueueMt } from '../sms/store';
import { isoNow, type PlatformContext } from '../context';
import type { Tx } from '../db/database';
import { offlineAtFor, publishingOf, publishWaiting, scheduleOffline, type Publishing } from '../sites/publication';
import { activeSubscription, inWriteTx, loadRow, updateRow, type StoredRow, type WriteBy, type Writer } from '../sync/rows';
import { findPlan, isPromotion } from '../../../shared/domain/catalog';
import { latestCatalog } from '../catalog/catalog';
import { openPromotion } from '../portal/promotions';
import { nextCounter } from './counters';
import { openingMessages } from './welcomeSms';
import { dueRosterOrders, processRosterOrder, rosterOrderPending } from './roster';

const PASSWORD_CHARS = 'abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** Characters 3–8 of a credit code are the registering authority's region code. */
const regionCodeOf = (creditCode: string) => creditCode.slice(2, 8);

async function assignDomain(trx: Tx, enterprise: StoredRow, orderId: string, requested: string | undefined) {
  const base = requested ?? `ec${(enterprise.data.creditCode as string).slice(8, 17).toLowerCase()}`;
  for (let n = 1; ; n++) {
    const label = n === 1 ? base : `${base}-${n}`;
    const taken = await trx.selectFrom('domain_label').select('label').where('label', '=', label).executeTakeFirst();
    if (!taken) {
      await trx.insertInto('domain_label').values({ label, enterprise_id: enterprise.id, order_id: orderId }).execute();
      return { label, fqdn: `${label}.${OPERATOR_SITE_DOMAIN}` };
    }
  }
}

async function openingResult(trx: Tx, enterprise: StoredRow, order: StoredRow, at: string): Promise<OpeningResult> {
  const groupCode = `JT${regionCodeOf(enterprise.data.creditCode as string)}${String(await nextCounter(trx, 'group_code', 1)).padStart(4, '0')}`;
  const extension = String(await nextCounter(trx, 'sms_extension', 1001));
  const args = order.data.snapshot as OrderSubmitArgs;
  const domain = args.secondLevelDomain ? await assignDomain(trx, enterprise, order.id, args.secondLevelDomain.label) : null;
  const password = Array.from({ length: 10 }, () => PASSWORD_CHARS[randomInt(PASSWORD_CHARS.length)]).join('');
  return {
    groupCode,
    domain,
    smsServiceCode: { unifiedCode: UNIFIED_SMS_CODE, extension, full: UNIFIED_SMS_CODE + extension },
    maintenanceAccount: { login: `${groupCode.toLowerCase()}-admin`, initialPassword: password },
    status: 'opened',
    openedAt: at,
  };
}

async function processOpen(
  w: Writer,
  order: StoredRow,
  enterprise: StoredRow,
  by: WriteBy,
  publishing: Publishing,
  clock: Clock,
): Promise<string> {
  const { trx } = w;
  const result = await openingResult(trx, enterprise, order, by.at);
  updateRow(w, order, { changes: { status: 'opened', opening: result, processedAt: by.at } }, by);
  const subscription = await activeSubscription(w, enterprise.id);
  if (subscription) updateRow(w, subscription, { changes: { status: 'active', lastOrderId: order.id } }, by);
  updateRow(w, enterprise, { changes: { status: 'opened', groupCode: result.groupCode } }, by);
  const contact = enterprise.data.contact as { mobile: string };
  // Ids grow in the order the messages are to be sent.
  const messages = openingMessages(enterprise.data.name as string, result).map(({ kind, text }) => ({
    id: newId(),
    mobile: contact.mobile,
    text,
    enterprise_id: enterprise.id,
    order_id: order.id,
    kind,
    status: 'queued',
    created_at: by.at,
  }));
  await trx.insertInto('sms_outbox').values(messages).execute();
  // The same messages go out through the CMPP link (when one is configured): free, never counted.
  try {
    await enqueueMt(
      trx,
      messages.map((m) => ({ to: m.mobile, text: m.text, enterpriseId: enterprise.id, purpose: 'welcome' as const })),
      clock,
    );
  } catch (err) {
    // A contact number the link cannot send to stores nothing; the opening itself goes on.
    if (!(err instanceof SmsInputError)) throw err;
  }
  await trx
    .insertInto('sms_route')
    .values({ extension: result.smsServiceCode.extension, enterprise_id: enterprise.id, opened_at: by.at })
    .execute();
  await publishWaiting(w, enterprise.id, publishing, by);
  return 'opened';
}

/** A promotion leaves the subscription as it is: the portal lists the enterprise during its dates. */
async function processPromotion(w: Writer, order: StoredRow, by: WriteBy): Promise<string> {
  const promotion = await openPromotion(w, order);
  updateRow(w, order, { changes: { status: 'opened', promotion, processedAt: by.at } }, by);
  return 'opened';
}

async function processChangeOrCancel(w: Writer, order: StoredRow, enterprise: StoredRow, by: WriteBy): Promise<string> {
  const subscription = await activeSubscription(w, enterprise.id);
  if (!subscription || subscription.data.status !== 'active')
    return fail(w, order, by, 'no_active_subscription', 'No active subscription to change.');
  const cancel = order.data.kind === 'cancel';
  updateRow(
    w,
    subscription,
    {
      changes: cancel
        ? { status: 'cancelled', endDate: order.data.effectiveDate, lastOrderId: order.id }
        : { planCode: order.data.planCode, lastOrderId: order.id },
    },
    by,
  );
  if (cancel) {
    updateRow(w, enterprise, { changes: { status: 'cancelled' } }, by);
    await scheduleOffline(w, enterprise.id, offlineAtFor(order.data.effectiveDate as string), by);
  }
  updateRow(w, order, { changes: { status: 'completed', processedAt: by.at } }, by);
  return 'completed';
}

async function fail(w: Writer, order: StoredRow, by: WriteBy, code: string, message: string): Promise<string> {
  updateRow(w, order, { changes: { status: 'failed', failure: { code, message }, processedAt: by.at } }, by);
  return 'failed';
}

export class Boss {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<unknown> = Promise.resolve();

  constructor(private readonly ctx: PlatformContext) {}

  /** Processes every submitted order submitted at least `minAgeMs` ago, oldest first. */
  processDue(minAgeMs = 0): Promise<{ orderId: string; status: string }[]> {
    const run = this.running.then(() => this.processAll(minAgeMs));
    this.running = run.catch(() => undefined);
    return run;
  }

  /** After a submit: open it once the configured delay has passed. */
  schedule(): void {
    const delay = this.ctx.config.openingDelayMs;
    if (delay === null || this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.processDue(delay).catch((err: Error) => this.ctx.log(`boss: ${err.stack ?? String(err)}`));
      this.scheduleIfPending().catch(() => undefined);
    }, delay);
    this.timer.unref();
  }

  async scheduleIfPending(): Promise<void> {
    const pending = await this.ctx.database.db
      .selectFrom('service_order')
      .select('id')
      .where('status', '=', 'submitted')
      .limit(1)
      .executeTakeFirst();
    if (pending || (await rosterOrderPending(this.ctx.database.db))) this.schedule();
  }

  stop(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
  }

  private async processAll(minAgeMs: number) {
    const cutoff = new Date(this.ctx.clock.now().getTime() - minAgeMs).toISOString();
    const due = await this.ctx.database.db
      .selectFrom('service_order')
      .select('id')
      .where('status', '=', 'submitted')
      .where('created_at', '<=', cutoff)
      .orderBy('last_seq')
      .execute();
    const done: { orderId: string; status: string }[] = [];
    const run = async (id: string, process: (w: Writer) => Promise<string | undefined>) => {
      try {
        const status = await inWriteTx(this.ctx.database, process);
        if (status) done.push({ orderId: id, status });
      } catch (err) {
        // One order that cannot be opened must not hold up the others; it stays submitted and is retried.
        this.ctx.log(`boss: order ${id}: ${(err as Error).stack ?? String(err)}`);
      }
    };
    for (const { id } of due) await run(id, (w) => this.processOne(w, id));
    // Roster orders after service orders: a group's first roster may come with the order that opens its plan.
    for (const id of await dueRosterOrders(this.ctx.database.db, cutoff)) await run(id, (w) => processRosterOrder(w, id, isoNow(this.ctx)));
    return done;
  }

  private async processOne(w: Writer, orderId: string): Promise<string | undefined> {
    // Locks the enterprise before its order, in the order pushes lock them, so the two cannot deadlock.
    const submitted = await w.trx.selectFrom('service_order').select('enterprise_id').where('id', '=', orderId).executeTakeFirst();
    if (!submitted) return undefined;
    const enterprise = await loadRow(w, 'enterprise', submitted.enterprise_id);
    const order = await loadRow(w, 'service_order', orderId);
    if (!order || order.data.status !== 'submitted') return undefined; // another process got there first
    const by: WriteBy = { clientId: null, at: isoNow(this.ctx) };
    if (!enterprise || enterprise.deleted) return fail(w, order, by, 'enterprise_not_found', 'The enterprise was deleted.');
    const plan = findPlan(await latestCatalog(w.trx), order.data.planCode as string);
    if (plan && isPromotion(plan)) return processPromotion(w, order, by);
    return order.data.kind === 'open'
      ? processOpen(w, order, enterprise, by, publishingOf(this.ctx.config), this.ctx.clock)
      : processChangeOrCancel(w, order, enterprise, by);
  }
}
