/**
 * Service orders (业务受理单): draft → signed → submitted.
 *
 * Drafts and signed orders are local to this machine: nothing about them is queued for the
 * platform until the order is submitted, when one `order.submit.v1` command carries the whole
 * snapshot (quote, signature and document hashes). Every step goes through the unit of work, so
 * its audit entry is written in the same transaction as the change itself.
 */
import { quote, QuoteError, quoteFromCatalog, type PlanChange, type Quote } from '../../../../shared/domain/billing';
import { isPromotion, PORTAL_PROMOTION_CODE, type Catalog, type Plan } from '../../../../shared/domain/catalog';
import { chinaDate, firstOfNextMonth, monthOf } from '../../../../shared/domain/dates';
import type { Enterprise } from '../../../../shared/domain/enterprise';
import { orderNumber, type NewOrderInput, type Order } from '../../../../shared/domain/order';
import type { Output, ParsedInput } from '../../../../shared/api';
import type { ReadContext, WriteContext } from '../../app/context';
import { AppError } from '../../app/errors';
import { commitChanges } from '../../app/unitOfWork';
import type { ReadableDB } from '../../infra/db/handles';
import { auditTrail } from '../audit/repository';
import { currentCatalog } from '../catalog/repository';
import { findDocument } from '../documents/repository';
import { renderServiceOrderPdf } from '../documents/serviceOrderPdf';
import { storeSignedDocument } from '../documents/signedDocument';
import { findEnterprise, toEnterprise } from '../enterprises/repository';
import { activePlan, checkAllowed, lastServicePeriod, resolvePlan, sellablePlan, type ActivePlan, type ServicePeriod } from './planState';
import {
  deleteDraftOrder,
  findOrder,
  insertDraftOrder,
  markOrderSigned,
  markOrderSubmitted,
  ordersOfEnterprise,
  quoteOf,
  toOrder,
  type OrderRecord,
} from './repository';
import { readSignature } from './signature';

/** The quote procedure (and `ecw quote --data-dir`): billing's `quote()` over the current catalog. */
export function quoteForPlan(ctx: ReadContext, input: ParsedInput<'orders.quote'>): Quote {
  return quoteOrFail(() => quoteFromCatalog(currentCatalog(ctx.db), input));
}

function quoteOrFail(make: () => Quote): Quote {
  try {
    return make();
  } catch (error) {
    if (error instanceof QuoteError)
      throw new AppError(error.code, error.message, error.code === 'quote.unknown_plan' ? { field: 'planCode' } : {});
    throw error;
  }
}

function loadEnterprise(db: ReadableDB, id: string): Enterprise {
  const row = findEnterprise(db, id);
  if (!row) throw new AppError('order.enterprise_not_found', `No enterprise with id ${id}.`, { field: 'enterpriseId', details: { id } });
  return toEnterprise(row);
}

function loadOrder(db: ReadableDB, id: string): OrderRecord {
  const row = findOrder(db, id);
  if (!row) throw new AppError('order.not_found', `No order with id ${id}.`, { details: { id } });
  return row;
}

export function getOrder(ctx: Pick<ReadContext, 'db'>, id: string): Order {
  return toOrder(loadOrder(ctx.db, id), auditTrail(ctx.db, 'service_order', id));
}

export function listOrders(ctx: ReadContext, enterpriseId: string): Order[] {
  return ordersOfEnterprise(ctx.db, enterpriseId).map((row) => toOrder(row, auditTrail(ctx.db, 'service_order', row.id)));
}

export function currentPlanOf(ctx: ReadContext, enterpriseId: string): ActivePlan | null {
  loadEnterprise(ctx.db, enterpriseId);
  return activePlan(ctx.db, currentCatalog(ctx.db), enterpriseId);
}

/** The enterprise's latest service, running or ended by a cancellation (what its SMS usage is billed under). */
export function servicePeriodOf(ctx: ReadContext, enterpriseId: string): ServicePeriod | null {
  loadEnterprise(ctx.db, enterpriseId);
  return lastServicePeriod(ctx.db, currentCatalog(ctx.db), enterpriseId);
}

/** The order page's summary of what the enterprise has now. */
export function currentPlanView(ctx: ReadContext, enterpriseId: string): Output<'orders.currentPlan'> {
  const active = currentPlanOf(ctx, enterpriseId);
  return active
    ? { openOrderId: active.openOrderId, openDate: active.openDate, planCode: active.current.code, planName: active.current.name }
    : null;
}

interface Plotted {
  plan: Plan;
  previousPlan?: Plan;
  effectiveDate: string;
  quote: Quote;
}

/** The plan an order is about, when it takes effect, and its quote over the months it affects. */
function plotOrder(catalog: Catalog, active: ActivePlan | null, input: NewOrderInput): Plotted {
  if (input.kind === 'open') {
    const plan = sellablePlan(catalog, input.planCode);
    // A promotion runs its months from the date, on top of the active plan.
    const months = isPromotion(plan) ? (input.promotionMonths ?? 1) : undefined;
    return {
      plan,
      effectiveDate: input.date,
      quote: quoteOrFail(() => quote({ plan, openDate: input.date, ...(months ? { months } : {}) })),
    };
  }
  const { openPlan, openDate, changes, current } = active!;
  if (input.kind === 'change') {
    const plan = sellablePlan(catalog, input.planCode);
    const withChange: PlanChange[] = [...changes, { requestDate: input.date, plan }];
    const q = quoteOrFail(() => quote({ plan: openPlan, openDate, changes: withChange, fromMonth: monthOf(input.date) }));
    return { plan, previousPlan: current, effectiveDate: firstOfNextMonth(input.date), quote: q };
  }
  const q = quoteOrFail(() => quote({ plan: openPlan, openDate, changes, cancelDate: input.date, fromMonth: monthOf(input.date) }));
  return { plan: current, effectiveDate: input.date, quote: q };
}

/** A promotion shows from its start day on: it cannot start before today (China day). */
function checkPromotionStart(ctx: Pick<ReadContext, 'now'>, planCode: string | undefined, date: string): void {
  const today = chinaDate(ctx.now());
  if (planCode === PORTAL_PROMOTION_CODE && date < today)
    throw new AppError('order.promotion_start_past', `A promotion cannot start before today (${today}).`, {
      field: 'date',
      details: { today },
    });
}

export function createOrder(ctx: WriteContext, input: NewOrderInput): Order {
  const id = ctx.newId();
  commitChanges(ctx, (db) => {
    loadEnterprise(db, input.enterpriseId);
    checkPromotionStart(ctx, input.planCode, input.date);
    const catalog = currentCatalog(db);
    const active = checkAllowed(activePlan(db, catalog, input.enterpriseId), input);
    const plotted = plotOrder(catalog, active, input);
    const order = {
      id,
      enterprise_id: input.enterpriseId,
      kind: input.kind,
      plan_code: plotted.plan.code,
      previous_plan_code: plotted.previousPlan?.code ?? null,
      request_date: input.date,
      effective_date: plotted.effectiveDate,
      quote_json: JSON.stringify(plotted.quote),
      catalog_version: catalog.version,
      created_by: ctx.actor(),
      created_at: ctx.now().toISOString(),
    };
    return {
      changes: [
        {
          entity: 'service_order',
          id,
          write: (db) => insertDraftOrder(db, order),
          outbox: { localOnly: 'unsubmitted_order' },
          audit: { action: 'order.created', detail: { kind: input.kind, planCode: plotted.plan.code, date: input.date } },
        },
      ],
      result: undefined,
    };
  });
  return getOrder(ctx, id);
}

function requireDraft(row: OrderRecord): void {
  if (row.status !== 'draft')
    throw new AppError('order.not_draft', `Order ${row.id} is ${row.status}, not a draft.`, { details: { status: row.status } });
}

/** Checks the order is still allowed (another order may have been signed since this draft was made). */
function recheck(db: ReadableDB, row: OrderRecord): { catalog: Catalog; active: ActivePlan | null } {
  const catalog = currentCatalog(db);
  const active = checkAllowed(activePlan(db, catalog, row.enterprise_id), {
    kind: row.kind,
    planCode: row.plan_code,
    date: row.request_date,
  });
  return { catalog, active };
}

export async function signOrder(ctx: WriteContext, input: ParsedInput<'orders.sign'>): Promise<Order> {
  const row = loadOrder(ctx.db, input.id);
  requireDraft(row);
  const { catalog } = recheck(ctx.db, row);
  checkPromotionStart(ctx, row.plan_code, row.request_date);
  const signature = await readSignature(input.signaturePngBase64);
  const enterprise = loadEnterprise(ctx.db, row.enterprise_id);
  const signedAt = ctx.now().toISOString();
  const number = orderNumber(row.id, row.created_at);
  const pdf = await renderServiceOrderPdf({
    order: {
      number,
      kind: row.kind,
      requestDate: row.request_date,
      effectiveDate: row.effective_date,
      catalogVersion: row.catalog_version,
    },
    enterprise,
    plan: resolvePlan(ctx.db, catalog, row.plan_code, row.catalog_version),
    ...(row.previous_plan_code ? { previousPlan: resolvePlan(ctx.db, catalog, row.previous_plan_code, row.catalog_version) } : {}),
    quote: quoteOf(row),
    signature: { png: signature.forPdf, signerName: input.signerName, signedAt },
  });

  const signed = storeSignedDocument(ctx, {
    enterpriseId: row.enterprise_id,
    kind: 'service_order',
    title: `业务受理单 ${number}`,
    fileName: `业务受理单-${number}.pdf`,
    signedAt,
    signaturePng: signature.original,
    pdf,
  });
  commitChanges(ctx, (db) => {
    requireDraft(loadOrder(db, row.id));
    recheck(db, row);
    return {
      changes: [
        {
          entity: 'service_order',
          id: row.id,
          write: (db) =>
            markOrderSigned(db, {
              id: row.id,
              signer_name: input.signerName,
              signature_sha256: signed.signature.sha256,
              document_id: signed.id,
              signed_at: signedAt,
            }),
          outbox: { localOnly: 'unsubmitted_order' },
          audit: {
            action: 'order.signed',
            detail: {
              signerName: input.signerName,
              documentId: signed.id,
              documentSha256: signed.pdf.sha256,
              signatureSha256: signed.signature.sha256,
            },
          },
        },
        { entity: 'document', id: signed.id, write: signed.write },
      ],
      result: undefined,
    };
  });
  return getOrder(ctx, row.id);
}

export function submitOrder(ctx: WriteContext, id: string): Order {
  commitChanges(ctx, (db) => {
    const row = loadOrder(db, id);
    if (row.status === 'submitted') throw new AppError('order.already_submitted', `Order ${id} was already submitted.`);
    if (row.status !== 'signed')
      throw new AppError('order.not_signed', `Order ${id} must be signed by the customer before it is submitted.`);
    const submittedAt = ctx.now().toISOString();
    return {
      changes: [
        {
          entity: 'service_order',
          id,
          write: (db) => markOrderSubmitted(db, id, submittedAt),
          outbox: { command: 'order.submit.v1', args: submitSnapshot(db, row, submittedAt) },
          audit: { action: 'order.submitted' },
        },
      ],
      result: undefined,
    };
  });
  return getOrder(ctx, id);
}

/** What the platform needs to open, change or cancel the service in BOSS. */
function submitSnapshot(db: ReadableDB, row: OrderRecord, submittedAt: string): Record<string, unknown> {
  const document = row.document_id ? findDocument(db, row.document_id) : undefined;
  return {
    id: row.id, // orderSubmitArgsSchema (shared/platform-api/tables.ts) requires id and status
    status: 'submitted',
    orderId: row.id,
    number: orderNumber(row.id, row.created_at),
    enterpriseId: row.enterprise_id,
    kind: row.kind,
    planCode: row.plan_code,
    previousPlanCode: row.previous_plan_code,
    requestDate: row.request_date,
    effectiveDate: row.effective_date,
    catalogVersion: row.catalog_version,
    quote: quoteOf(row),
    ...(row.plan_code === PORTAL_PROMOTION_CODE ? { promotionMonths: quoteOf(row).months.length } : {}),
    signerName: row.signer_name,
    signedAt: row.signed_at,
    signatureSha256: row.signature_sha256,
    documentSha256: document?.sha256 ?? null,
    createdBy: row.created_by,
    submittedAt,
  };
}

export function discardDraft(ctx: WriteContext, id: string): { id: string } {
  commitChanges(ctx, (db) => {
    requireDraft(loadOrder(db, id));
    return {
      changes: [
        {
          entity: 'service_order',
          id,
          write: (db) => deleteDraftOrder(db, id),
          outbox: { localOnly: 'unsubmitted_order' },
          audit: { action: 'order.discarded' },
        },
      ],
      result: undefined,
    };
  });
  return { id };
}
