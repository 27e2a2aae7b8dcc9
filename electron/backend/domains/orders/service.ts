/**
 * Service orders (业务受理单): draft → signed → submitted.
 *
 * Drafts and signed orders are local to this machine: nothing about them is queued for the
 * platform until the order is submitted, when one `order.submit.v1` command carries the whole
 * snapshot (quote, signature and document hashes). Every step writes its audit entry in the same
 * transaction as the change itself.
 */
import { quote, QuoteError, quoteFromCatalog, type PlanChange, type Quote } from '../../../../shared/domain/billing';
import type { Catalog, Plan } from '../../../../shared/domain/catalog';
import { firstOfNextMonth, monthOf } from '../../../../shared/domain/dates';
import type { Enterprise } from '../../../../shared/domain/enterprise';
import { orderNumber, type NewOrderInput, type Order } from '../../../../shared/domain/order';
import type { ParsedInput } from '../../../../shared/api';
import { registerAsset, storeAssetFile } from '../assets/store';
import { auditTrail, writeAudit } from '../audit/repository';
import { currentCatalog } from '../catalog/repository';
import type { BackendContext } from '../../app/context';
import { documentStatements, insertDocument } from '../documents/repository';
import { renderServiceOrderPdf } from '../documents/serviceOrderPdf';
import { statements as enterpriseStatements } from '../enterprises/service';
import { toEnterprise } from '../enterprises/repository';
import { AppError } from '../../app/errors';
import { recordCommand } from '../sync/outbox';
import { activePlan, checkAllowed, resolvePlan, sellablePlan, type ActivePlan } from './planState';
import { orderStatements, toOrder, type OrderRow } from './repository';
import { readSignature } from './signature';

const ENTITY = 'service_order';

/** The quote procedure (and `ecw quote --data-dir`): billing's `quote()` over the current catalog. */
export function quoteForPlan(ctx: BackendContext, input: ParsedInput<'orders.quote'>): Quote {
  return quoteOrFail(() => quoteFromCatalog(currentCatalog(ctx.db, ctx.now()), input));
}

function quoteOrFail(make: () => Quote): Quote {
  try {
    return make();
  } catch (error) {
    if (error instanceof QuoteError) throw new AppError(error.code, error.message, error.code === 'quote.unknown_plan' ? { field: 'planCode' } : {});
    throw error;
  }
}

function loadEnterprise(ctx: BackendContext, id: string): Enterprise {
  const row = enterpriseStatements(ctx.db).byId.get(id);
  if (!row) throw new AppError('order.enterprise_not_found', `No enterprise with id ${id}.`, { field: 'enterpriseId', details: { id } });
  return toEnterprise(row);
}

function loadOrder(ctx: BackendContext, id: string): OrderRow {
  const row = orderStatements(ctx.db).byId.get(id);
  if (!row) throw new AppError('order.not_found', `No order with id ${id}.`, { details: { id } });
  return row;
}

export function getOrder(ctx: BackendContext, id: string): Order {
  return toOrder(loadOrder(ctx, id), auditTrail(ctx, ENTITY, id));
}

export function listOrders(ctx: BackendContext, enterpriseId: string): Order[] {
  return orderStatements(ctx.db).forEnterprise.all(enterpriseId).map((row) => toOrder(row, auditTrail(ctx, ENTITY, row.id)));
}

export function currentPlanOf(ctx: BackendContext, enterpriseId: string): ActivePlan | null {
  loadEnterprise(ctx, enterpriseId);
  return activePlan(ctx, currentCatalog(ctx.db, ctx.now()), enterpriseId);
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
    return { plan, effectiveDate: input.date, quote: quoteOrFail(() => quote({ plan, openDate: input.date })) };
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

export function createOrder(ctx: BackendContext, input: NewOrderInput): Order {
  const id = ctx.newId();
  ctx.db.transaction(() => {
    loadEnterprise(ctx, input.enterpriseId);
    const catalog = currentCatalog(ctx.db, ctx.now());
    const active = checkAllowed(activePlan(ctx, catalog, input.enterpriseId), input);
    const plotted = plotOrder(catalog, active, input);
    orderStatements(ctx.db).insert.run({
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
    });
    writeAudit(ctx, { entity: ENTITY, entityId: id, action: 'order.created', detail: { kind: input.kind, planCode: plotted.plan.code, date: input.date } });
  })();
  ctx.emit('data.changed', { entity: ENTITY, id });
  return getOrder(ctx, id);
}

function requireDraft(row: OrderRow): void {
  if (row.status !== 'draft') throw new AppError('order.not_draft', `Order ${row.id} is ${row.status}, not a draft.`, { details: { status: row.status } });
}

/** Checks the order is still allowed (another order may have been signed since this draft was made). */
function recheck(ctx: BackendContext, row: OrderRow): { catalog: Catalog; active: ActivePlan | null } {
  const catalog = currentCatalog(ctx.db, ctx.now());
  const active = checkAllowed(activePlan(ctx, catalog, row.enterprise_id), { kind: row.kind, planCode: row.plan_code, date: row.request_date });
  return { catalog, active };
}

export async function signOrder(ctx: BackendContext, input: ParsedInput<'orders.sign'>): Promise<Order> {
  const row = loadOrder(ctx, input.id);
  requireDraft(row);
  const { catalog } = recheck(ctx, row);
  const signature = await readSignature(input.signaturePngBase64);
  const enterprise = loadEnterprise(ctx, row.enterprise_id);
  const signedAt = ctx.now().toISOString();
  const number = orderNumber(row.id, row.created_at);
  const pdf = await renderServiceOrderPdf({
    order: { number, kind: row.kind, requestDate: row.request_date, effectiveDate: row.effective_date, catalogVersion: row.catalog_version },
    enterprise,
    plan: resolvePlan(ctx, catalog, row.plan_code, row.catalog_version),
    ...(row.previous_plan_code ? { previousPlan: resolvePlan(ctx, catalog, row.previous_plan_code, row.catalog_version) } : {}),
    quote: JSON.parse(row.quote_json) as Quote,
    signature: { png: signature.forPdf, signerName: input.signerName, signedAt },
  });

  // Files first (fsynced, content-addressed, harmless if the transaction below never commits).
  const signatureAsset = storeAssetFile(ctx.dataDir, signature.original);
  const pdfAsset = storeAssetFile(ctx.dataDir, pdf);
  const documentId = ctx.newId();
  ctx.db.transaction(() => {
    requireDraft(loadOrder(ctx, row.id));
    recheck(ctx, row);
    registerAsset(ctx.db, { ...signatureAsset, mime: 'image/png' }, ctx.now());
    registerAsset(ctx.db, { ...pdfAsset, mime: 'application/pdf' }, ctx.now());
    insertDocument(ctx.db, {
      id: documentId, enterpriseId: row.enterprise_id, kind: 'service_order', title: `业务受理单 ${number}`,
      fileName: `业务受理单-${number}.pdf`, mime: 'application/pdf', bytes: pdfAsset.size, sha256: pdfAsset.sha256,
      createdAt: signedAt, createdBy: ctx.actor(),
    });
    orderStatements(ctx.db).markSigned.run({
      id: row.id, signer_name: input.signerName, signature_sha256: signatureAsset.sha256, document_id: documentId, signed_at: signedAt,
    });
    writeAudit(ctx, {
      entity: ENTITY, entityId: row.id, action: 'order.signed',
      detail: { signerName: input.signerName, documentId, documentSha256: pdfAsset.sha256, signatureSha256: signatureAsset.sha256 },
    });
  })();
  ctx.emit('data.changed', { entity: ENTITY, id: row.id });
  ctx.emit('data.changed', { entity: 'document', id: documentId });
  return getOrder(ctx, row.id);
}

export function submitOrder(ctx: BackendContext, id: string): Order {
  ctx.db.transaction(() => {
    const row = loadOrder(ctx, id);
    if (row.status === 'submitted') throw new AppError('order.already_submitted', `Order ${id} was already submitted.`);
    if (row.status !== 'signed') throw new AppError('order.not_signed', `Order ${id} must be signed by the customer before it is submitted.`);
    const submittedAt = ctx.now().toISOString();
    orderStatements(ctx.db).markSubmitted.run({ id, submitted_at: submittedAt });
    recordCommand(ctx, { tbl: ENTITY, rowId: id, name: 'order.submit.v1', args: submitSnapshot(ctx, row, submittedAt) });
    writeAudit(ctx, { entity: ENTITY, entityId: id, action: 'order.submitted' });
  })();
  ctx.emit('data.changed', { entity: ENTITY, id });
  return getOrder(ctx, id);
}

/** What the platform needs to open, change or cancel the service in BOSS. */
function submitSnapshot(ctx: BackendContext, row: OrderRow, submittedAt: string): Record<string, unknown> {
  const document = row.document_id ? documentStatements(ctx.db).byId.get(row.document_id) : undefined;
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
    quote: JSON.parse(row.quote_json) as Quote,
    signerName: row.signer_name,
    signedAt: row.signed_at,
    signatureSha256: row.signature_sha256,
    documentSha256: document?.sha256 ?? null,
    createdBy: row.created_by,
    submittedAt,
  };
}

export function discardDraft(ctx: BackendContext, id: string): { id: string } {
  ctx.db.transaction(() => {
    requireDraft(loadOrder(ctx, id));
    orderStatements(ctx.db).deleteDraft.run(id);
    writeAudit(ctx, { entity: ENTITY, entityId: id, action: 'order.discarded' });
  })();
  ctx.emit('data.changed', { entity: ENTITY, id });
  return { id };
}
