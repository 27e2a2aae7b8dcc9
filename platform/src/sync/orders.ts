/**
 * `order.submit.v1`: service orders are commands checked against the enterprise's subscription state
 * machine and the current catalog, never merged field by field (SYNC.md §3.5).
 *
 *   open:   (none | cancelled) → subscription "opening" → BOSS → "active"
 *   change: "active" → "active" with the new plan (BOSS)
 *   cancel: "active" → "cancelled" (BOSS)
 *   open of a promotion plan (门户首页推荐): needs an "active" subscription, leaves it as it is; BOSS lists
 *   the enterprise on the portal home from `effectiveDate` for `promotionMonths` months (portal/promotions.ts).
 *   It must start on the platform's China day or later: one signed offline for a day that has passed by
 *   the time it arrives is refused (`promotion_start_past`), never opened on other dates than were signed.
 */
import { findPlan, isPromotion, MAX_PROMOTION_MONTHS, type Plan } from '../../../shared/domain/catalog';
import { chinaDate, isRealDate } from '../../../shared/domain/dates';
import type { OpResult, PushOp } from '../../../shared/platform-api/sync';
import { orderSubmitArgsSchema, type OrderSubmitArgs } from '../../../shared/platform-api/tables';
import { latestCatalog } from '../catalog/catalog';
import { newId } from '../clock';
import { authorize, rowResult, type OpContext } from './ops';
import { Rejection, invalid } from './rejection';
import { activeSubscription, insertRow, loadRow, updateRow, type StoredRow, type Writer } from './rows';

function parseArgs(op: PushOp): OrderSubmitArgs {
  if (op.name !== 'order.submit.v1') throw new Rejection('unknown_command', `Unknown command ${op.name ?? '(none)'}.`);
  if (op.tbl !== 'service_order') throw new Rejection('unknown_command', 'order.submit.v1 applies to service_order.');
  const parsed = orderSubmitArgsSchema.safeParse(op.patch);
  if (!parsed.success) throw invalid(parsed.error);
  if (parsed.data.id !== op.rowId) throw new Rejection('order_mismatch', 'rowId must be the order id.');
  return parsed.data;
}

/** A promotion runs 1–MAX_PROMOTION_MONTHS months from a real day that is not before the platform's China day `today`. */
function checkPromotionDates(args: OrderSubmitArgs, today: string): void {
  const months = args.promotionMonths;
  if (!months || months < 1 || months > MAX_PROMOTION_MONTHS)
    throw new Rejection('invalid', `promotionMonths: a promotion runs 1 to ${MAX_PROMOTION_MONTHS} months.`);
  if (!isRealDate(args.effectiveDate)) throw new Rejection('invalid', 'effectiveDate: not a date (YYYY-MM-DD).');
  if (args.effectiveDate < today)
    throw new Rejection(
      'promotion_start_past',
      `The promotion was to start on ${args.effectiveDate}, before the platform's today (${today}); order it again from today.`,
    );
}

async function checkStateMachine(w: Writer, args: OrderSubmitArgs, today: string): Promise<{ plan: Plan; subscription?: StoredRow }> {
  const plan = findPlan(await latestCatalog(w.trx), args.planCode);
  if (!plan || !plan.available)
    throw new Rejection('plan_not_available', `The plan ${args.planCode} is not available in the current catalog.`);
  const current = await activeSubscription(w, args.enterpriseId);
  if (isPromotion(plan)) {
    if (args.kind !== 'open')
      throw new Rejection('plan_not_available', `The promotion ${plan.code} can only be ordered, not changed or cancelled.`);
    checkPromotionDates(args, today);
    if (current?.data.status !== 'active') throw new Rejection('no_active_subscription', 'Only an opened enterprise can be promoted.');
    return { plan };
  }
  if (args.kind === 'open') {
    if (current)
      throw new Rejection('subscription_exists', `The enterprise already has a subscription (${current.data.status as string}).`);
    return { plan };
  }
  if (!current || current.data.status !== 'active')
    throw new Rejection('no_active_subscription', 'The enterprise has no active subscription.');
  if (args.kind === 'change' && current.data.planCode === plan.code)
    throw new Rejection('same_plan', `The plan ${plan.code} is already active.`);
  return { plan, subscription: current };
}

export async function submitOrder(oc: OpContext, op: PushOp): Promise<OpResult> {
  const args = parseArgs(op);
  const existing = await loadRow(oc, 'service_order', op.rowId);
  if (existing) {
    authorize(oc.user, 'service_order', existing.data.kind as OrderSubmitArgs['kind'], existing.scopeId);
    const same =
      existing.data.enterpriseId === args.enterpriseId && existing.data.kind === args.kind && existing.data.planCode === args.planCode;
    if (!same) throw new Rejection('order_mismatch', `Order ${op.rowId} was already submitted with other contents.`);
    return rowResult(op.opSeq, 'applied', existing); // resubmission: nothing new happens
  }
  const enterprise = await loadRow(oc, 'enterprise', args.enterpriseId);
  if (!enterprise || enterprise.deleted)
    throw new Rejection('enterprise_not_found', `Enterprise ${args.enterpriseId} does not exist on the platform.`);
  authorize(oc.user, 'service_order', args.kind, enterprise.scopeId);
  const { plan, subscription } = await checkStateMachine(oc, args, chinaDate(new Date(oc.at)));
  const w = { clientId: oc.clientId, at: oc.at };

  const order = insertRow(
    oc,
    'service_order',
    op.rowId,
    enterprise.scopeId,
    {
      enterpriseId: args.enterpriseId,
      number: args.number ?? null,
      kind: args.kind,
      planCode: plan.code,
      previousPlanCode: (subscription?.data.planCode as string | undefined) ?? null,
      effectiveDate: args.effectiveDate,
      status: 'submitted',
      signerName: args.signerName,
      submittedAt: oc.at,
      submittedBy: oc.user.login,
      snapshot: op.patch,
      opening: null,
      failure: null,
      processedAt: null,
    },
    w,
  );
  if (args.kind === 'open' && !isPromotion(plan)) {
    insertRow(
      oc,
      'subscription',
      newId(),
      enterprise.scopeId,
      {
        enterpriseId: args.enterpriseId,
        planCode: plan.code,
        status: 'opening',
        startDate: args.effectiveDate,
        endDate: null,
        openOrderId: order.id,
        lastOrderId: order.id,
      },
      w,
    );
    updateRow(oc, enterprise, { changes: { status: 'opening' } }, w);
  }
  return rowResult(op.opSeq, 'applied', order);
}
