/**
 * A month's SMS usage of an enterprise and its bill: the billing module's quote for that month with
 * the platform's count. A cancelled service keeps its billed months: the cancellation month is its last.
 */
import { MAX_QUOTE_MONTHS, quote } from '../../../../shared/domain/billing';
import { addMonths, chinaDate, monthOf, monthsBetween } from '../../../../shared/domain/dates';
import type { SmsUsage, SmsUsageMonths } from '../../../../shared/api/smsUsage';
import type { ReadContext } from '../../app/context';
import { AppError } from '../../app/errors';
import { servicePeriodOf } from '../orders/service';
import type { ServicePeriod } from '../orders/planState';
import { smsUsageOfMonth } from './repository';

function billedPeriod(ctx: ReadContext, enterpriseId: string): ServicePeriod {
  const period = servicePeriodOf(ctx, enterpriseId);
  if (!period) throw new AppError('sms.no_active_plan', 'The enterprise has no plan to bill.', { details: { enterpriseId } });
  return period;
}

export function smsUsage(ctx: ReadContext, enterpriseId: string, month: string): SmsUsage {
  const { openPlan, openDate, changes, endDate } = billedPeriod(ctx, enterpriseId);
  if (month < monthOf(openDate))
    throw new AppError('sms.month_before_opening', `The plan was opened on ${openDate}.`, { field: 'month', details: { openDate } });
  if (endDate && month > monthOf(endDate))
    throw new AppError('sms.month_after_service', `The service ended on ${endDate}.`, { field: 'month', details: { endDate } });
  const smsSent = smsUsageOfMonth(ctx.db, enterpriseId, month)?.sms_sent ?? 0;
  const period = { plan: openPlan, openDate, changes, fromMonth: month, smsByMonth: { [month]: smsSent } };
  const [billed] = quote(endDate ? { ...period, cancelDate: endDate } : { ...period, months: 1 }).months;
  const { smsIncluded, smsOverage, functionFeeFen, smsFeeFen, totalFeeFen } = billed!;
  return { month, smsSent, smsIncluded, smsOverage, functionFeeFen, smsFeeFen, totalFeeFen };
}

/** The months whose usage can be asked, newest first: from the opening to this China month, or to the end of the service. */
export function smsUsageMonths(ctx: ReadContext, enterpriseId: string): SmsUsageMonths {
  const period = servicePeriodOf(ctx, enterpriseId);
  if (!period) return null;
  const { openDate, endDate } = period;
  const [first, now] = [monthOf(openDate), monthOf(chinaDate(ctx.now()))];
  const end = endDate && monthOf(endDate) < now ? monthOf(endDate) : now;
  const last = end < first ? first : end;
  const count = Math.min(MAX_QUOTE_MONTHS, monthsBetween(first, last) + 1);
  return { openDate, endDate, months: Array.from({ length: count }, (_, back) => addMonths(last, -back)) };
}
