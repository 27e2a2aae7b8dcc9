/** A month's SMS usage of an enterprise and its bill: the billing module's quote for that month with the platform's count. */
import { quote } from '../../../../shared/domain/billing';
import type { SmsUsage } from '../../../../shared/api/smsUsage';
import type { ReadContext } from '../../app/context';
import { AppError } from '../../app/errors';
import { currentPlanOf } from '../orders/service';
import { smsUsageOfMonth } from './repository';

export function smsUsage(ctx: ReadContext, enterpriseId: string, month: string): SmsUsage {
  const plan = currentPlanOf(ctx, enterpriseId);
  if (!plan) throw new AppError('sms.no_active_plan', 'The enterprise has no active plan to bill.', { details: { enterpriseId } });
  if (month < plan.openDate.slice(0, 7)) throw new AppError('sms.month_before_opening', `The plan was opened on ${plan.openDate}.`, { field: 'month', details: { openDate: plan.openDate } });
  const smsSent = smsUsageOfMonth(ctx.db, enterpriseId, month)?.sms_sent ?? 0;
  const [billed] = quote({ plan: plan.openPlan, openDate: plan.openDate, changes: plan.changes, fromMonth: month, months: 1, smsByMonth: { [month]: smsSent } }).months;
  const { smsIncluded, smsOverage, functionFeeFen, smsFeeFen, totalFeeFen } = billed!;
  return { month, smsSent, smsIncluded, smsOverage, functionFeeFen, smsFeeFen, totalFeeFen };
}
