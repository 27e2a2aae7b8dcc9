/** What the new-order form needs to ask `orders.quote` for a preview of the chosen kind, plan and date. */
import type { Input, Output } from '../../../../../shared/api';
import { firstOfNextMonth, isRealDate } from '../../../../../shared/domain/dates';
import type { OrderKind } from '../../../../../shared/domain/order';

export interface OrderChoice {
  kind: OrderKind;
  planCode?: string;
  date: string;
}

type CurrentPlan = Output<'orders.currentPlan'>;

export function previewInput(choice: OrderChoice, current: CurrentPlan): Input<'orders.quote'> | null {
  if (!isRealDate(choice.date)) return null;
  if (choice.kind === 'open') return choice.planCode ? { planCode: choice.planCode, openDate: choice.date } : null;
  if (!current) return null;
  if (choice.kind === 'change')
    return choice.planCode ? { planCode: choice.planCode, openDate: firstOfNextMonth(choice.date), months: 12 } : null;
  return choice.date >= current.openDate ? { planCode: current.planCode, openDate: current.openDate, cancelDate: choice.date } : null;
}

export const allowedKinds = (current: CurrentPlan): OrderKind[] => (current ? ['change', 'cancel'] : ['open']);
