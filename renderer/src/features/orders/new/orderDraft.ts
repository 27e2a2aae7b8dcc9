/** What the new-order form needs to ask `orders.quote` for a preview, and `orders.create` for the order, of what is chosen. */
import type { Input, Output } from '../../../../../shared/api';
import { MAX_PROMOTION_MONTHS, PORTAL_PROMOTION_CODE } from '../../../../../shared/domain/catalog';
import { firstOfNextMonth, isRealDate } from '../../../../../shared/domain/dates';
import type { NewOrderInput, OrderKind } from '../../../../../shared/domain/order';

/** What the form offers: the order kinds, and 门户首页推荐 (an open order of the promotion, on top of the plan). */
export type FormKind = OrderKind | 'promotion';

export interface OrderChoice {
  kind: FormKind;
  planCode?: string;
  date: string;
  /** For a promotion; null while the field is empty. */
  promotionMonths?: number | null;
}

type CurrentPlan = Output<'orders.currentPlan'>;

export const promotionMonthsInRange = (months: number | null | undefined): months is number =>
  months != null && Number.isInteger(months) && months >= 1 && months <= MAX_PROMOTION_MONTHS;

export function previewInput(choice: OrderChoice, current: CurrentPlan): Input<'orders.quote'> | null {
  if (!isRealDate(choice.date)) return null;
  if (choice.kind === 'promotion')
    return promotionMonthsInRange(choice.promotionMonths)
      ? { planCode: PORTAL_PROMOTION_CODE, openDate: choice.date, months: choice.promotionMonths }
      : null;
  if (choice.kind === 'open') return choice.planCode ? { planCode: choice.planCode, openDate: choice.date } : null;
  if (!current) return null;
  if (choice.kind === 'change')
    return choice.planCode ? { planCode: choice.planCode, openDate: firstOfNextMonth(choice.date), months: 12 } : null;
  return choice.date >= current.openDate ? { planCode: current.planCode, openDate: current.openDate, cancelDate: choice.date } : null;
}

/** The order to create; the backend checks it (an empty months field goes as 0, which it refuses with its own message). */
export function createInput(enterpriseId: string, choice: OrderChoice): NewOrderInput {
  if (choice.kind === 'promotion')
    return { enterpriseId, kind: 'open', planCode: PORTAL_PROMOTION_CODE, date: choice.date, promotionMonths: choice.promotionMonths ?? 0 };
  return {
    enterpriseId,
    kind: choice.kind,
    ...(choice.planCode && choice.kind !== 'cancel' ? { planCode: choice.planCode } : {}),
    date: choice.date,
  };
}

/** A promotion is offered either way: for an enterprise without a plan the backend says it must be opened first. */
export const allowedKinds = (current: CurrentPlan): FormKind[] => (current ? ['change', 'cancel', 'promotion'] : ['open', 'promotion']);
