/**
 * What an enterprise has, as its signed orders say: an active plan opened on some date, the plan
 * changes since, or nothing (never opened, or cancelled). Drafts do not count. The rules of what
 * a new order may do are here too, so creating and signing check exactly the same things.
 */
import type { PlanChange } from '../../../../shared/domain/billing';
import { canonicalPlanCode, findPlan, PORTAL_PROMOTION_CODE, type Catalog, type Plan } from '../../../../shared/domain/catalog';
import type { OrderKind } from '../../../../shared/domain/order';
import { AppError } from '../../app/errors';
import type { ReadableDB } from '../../infra/db/handles';
import { catalogVersion } from '../catalog/repository';
import { perDatabase } from '../../infra/db/perDatabase';
import { orderChangeCount } from '../enterprises/repository';
import { signedOrderPlans, signedOrdersOfEnterprise, type OrderRecord, type SignedPlanRecord } from './repository';

export interface ActivePlan {
  openOrderId: string;
  openDate: string;
  /** The plan it was opened with. */
  openPlan: Plan;
  /** Signed changes since the opening, oldest first. */
  changes: PlanChange[];
  /** The plan of the latest signed order: what a new change is compared with. */
  current: Plan;
}

/** A plan by code: from the current catalog, else from the catalog version an older order was made with. */
export function resolvePlan(db: ReadableDB, catalog: Catalog, code: string, orderCatalogVersion?: number): Plan {
  const plan =
    findPlan(catalog, code) ?? (orderCatalogVersion ? findPlan(catalogVersion(db, orderCatalogVersion) ?? catalog, code) : undefined);
  if (!plan)
    throw new AppError('order.unknown_plan', `No plan "${code}" in the catalog.`, { field: 'planCode', details: { planCode: code } });
  return plan;
}

export function activePlan(db: ReadableDB, catalog: Catalog, enterpriseId: string): ActivePlan | null {
  let active: ActivePlan | null = null;
  for (const row of signedOrdersOfEnterprise(db, enterpriseId)) active = apply(db, catalog, active, row);
  return active;
}

/** The enterprise's latest service: its active plan, or the last one a cancellation ended (`endDate`, its effective date). */
export interface ServicePeriod extends ActivePlan {
  endDate: string | null;
}

/** The latest service the signed orders opened, running or ended; null when the enterprise was never opened. */
export function lastServicePeriod(db: ReadableDB, catalog: Catalog, enterpriseId: string): ServicePeriod | null {
  return signedOrdersOfEnterprise(db, enterpriseId).reduce<ServicePeriod | null>(
    (period, row) => nextPeriod(db, catalog, period, row),
    null,
  );
}

function nextPeriod(db: ReadableDB, catalog: Catalog, period: ServicePeriod | null, row: OrderRecord): ServicePeriod | null {
  const running = period?.endDate === null ? period : null;
  if (row.kind === 'cancel') return running ? { ...running, endDate: row.effective_date } : period;
  if (row.kind !== 'open' && !running) return period;
  const active = apply(db, catalog, running, row);
  return active ? { ...active, endDate: null } : period;
}

function apply(db: ReadableDB, catalog: Catalog, active: ActivePlan | null, row: OrderRecord): ActivePlan | null {
  const plan = () => resolvePlan(db, catalog, row.plan_code, row.catalog_version);
  if (row.kind === 'open') {
    const openPlan = plan();
    return { openOrderId: row.id, openDate: row.effective_date, openPlan, changes: [], current: openPlan };
  }
  if (!active) return null;
  if (row.kind === 'cancel') return null;
  const next = plan();
  return { ...active, changes: [...active.changes, { requestDate: row.request_date, plan: next }], current: next };
}

/**
 * Each enterprise's plan code now (of these enterprises, or all), by the same steps as `activePlan`
 * but without the catalog: an opening sets it, a change replaces it, a cancellation ends it. All of
 * them (what the list filters by) are kept until the orders' change counter moves.
 */
export function currentPlanCodes(db: ReadableDB, enterpriseIds?: string[]): ReadonlyMap<string, string> {
  if (enterpriseIds) return planCodesOf(signedOrderPlans(db, enterpriseIds));
  const cached = allPlanCodes(db);
  const count = orderChangeCount(db); // read before the orders: a write in between only makes the next call work it out again
  if (cached.count !== count) Object.assign(cached, { plans: planCodesOf(signedOrderPlans(db)), count });
  return cached.plans;
}

const allPlanCodes = perDatabase((_db: ReadableDB) => ({ count: -1, plans: new Map<string, string>() as ReadonlyMap<string, string> }));

function planCodesOf(steps: SignedPlanRecord[]): Map<string, string> {
  const plans = new Map<string, string>();
  for (const { enterprise_id: id, kind, plan_code: code } of steps) {
    if (kind === 'open') plans.set(id, canonicalPlanCode(code));
    else if (kind === 'cancel') plans.delete(id);
    else if (plans.has(id)) plans.set(id, canonicalPlanCode(code));
  }
  return plans;
}

/** A plan a new order may name: in the current catalog and on sale. */
export function sellablePlan(catalog: Catalog, code: string | undefined): Plan {
  if (!code) throw new AppError('order.plan_required', 'Choose a plan.', { field: 'planCode' });
  const plan = findPlan(catalog, code);
  if (!plan)
    throw new AppError('order.unknown_plan', `No plan "${code}" in the catalog.`, { field: 'planCode', details: { planCode: code } });
  if (!plan.available)
    throw new AppError('order.plan_unavailable', `The plan "${plan.name}" is no longer on sale.`, {
      field: 'planCode',
      details: { planCode: plan.code },
    });
  return plan;
}

/** Refuses an order the enterprise's current state does not allow; returns the active plan it builds on. */
export function checkAllowed(active: ActivePlan | null, order: { kind: OrderKind; planCode?: string; date: string }): ActivePlan | null {
  const promotion = order.planCode !== undefined && canonicalPlanCode(order.planCode) === PORTAL_PROMOTION_CODE;
  if (promotion && order.kind !== 'open')
    throw new AppError('order.promotion_open_only', 'A promotion is only ordered, never changed or cancelled.', { field: 'kind' });
  if (order.kind === 'open' && !promotion) {
    if (active)
      throw new AppError('order.already_active', `The enterprise already has an active plan (${active.current.name}).`, {
        details: { planCode: active.current.code, openDate: active.openDate },
      });
    return null;
  }
  if (!active) throw new AppError('order.no_active_plan', 'The enterprise has no active plan to change or cancel.');
  if (order.date < active.openDate)
    throw new AppError('order.date_before_open', `The date is before the plan was opened (${active.openDate}).`, {
      field: 'date',
      details: { openDate: active.openDate },
    });
  if (order.kind === 'change' && order.planCode && canonicalPlanCode(order.planCode) === active.current.code)
    throw new AppError('order.same_plan', `The enterprise already has ${active.current.name}.`, {
      field: 'planCode',
      details: { planCode: active.current.code },
    });
  return active;
}
