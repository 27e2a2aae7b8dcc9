/**
 * Charges of a plan (brief, 企业建站 资费): monthly function fee + SMS beyond the included amount.
 * - Opened on or before the 15th: the first month's full fee; after the 15th: half.
 * - Cancelled: the cancellation month is billed in full, nothing after.
 * - A plan change takes effect on the first of the next month.
 * Money is integer fen throughout.
 */
import type { Plan } from './catalog';
import { addMonths, dayOf, firstOfNextMonth, monthOf, monthsBetween } from './dates';

export const FIRST_MONTH_CUTOFF_DAY = 15;

export interface PlanChange {
  /** The day the customer asked for the change; it applies from the first of the next month. */
  requestDate: string;
  plan: Plan;
}

export interface QuoteRequest {
  plan: Plan;
  openDate: string;
  cancelDate?: string;
  /** How many months to show when there is no cancellation (default 12). */
  months?: number;
  /** SMS the enterprise sent per month (`YYYY-MM` → count); months not listed sent none. */
  smsByMonth?: Record<string, number>;
  changes?: PlanChange[];
}

export type MonthRule = 'first_full' | 'first_half' | 'regular' | 'cancellation';

export interface QuoteMonth {
  month: string;
  planCode: string;
  rule: MonthRule;
  functionFeeFen: number;
  smsSent: number;
  smsIncluded: number;
  smsOverage: number;
  smsRateFen: number;
  smsFeeFen: number;
  totalFeeFen: number;
}

export interface Quote {
  plan: Pick<Plan, 'code' | 'name' | 'monthlyFeeFen' | 'smsIncluded' | 'smsRateFen'>;
  openDate: string;
  cancelDate?: string;
  firstMonth: { rule: 'first_full' | 'first_half'; feeFen: number };
  months: QuoteMonth[];
  totalFeeFen: number;
  /** True when a number used comes from sample catalog data, not from the operator. */
  usesSampleRates: boolean;
}

export class QuoteError extends Error {
  constructor(readonly code: 'quote.cancel_before_open' | 'quote.change_before_open' | 'quote.months_range', message: string) {
    super(message);
  }
}

export function firstMonthFee(plan: Plan, openDate: string): { rule: 'first_full' | 'first_half'; feeFen: number } {
  return dayOf(openDate) <= FIRST_MONTH_CUTOFF_DAY
    ? { rule: 'first_full', feeFen: plan.monthlyFeeFen }
    : { rule: 'first_half', feeFen: Math.round(plan.monthlyFeeFen / 2) };
}

export function quote(request: QuoteRequest): Quote {
  const { plan, openDate, cancelDate } = request;
  if (cancelDate && cancelDate < openDate) throw new QuoteError('quote.cancel_before_open', 'The cancellation date is before the opening date.');
  const changes = [...(request.changes ?? [])].sort((a, b) => a.requestDate.localeCompare(b.requestDate));
  if (changes.some((c) => c.requestDate < openDate)) throw new QuoteError('quote.change_before_open', 'A plan change is dated before the opening date.');

  const openMonth = monthOf(openDate);
  const count = cancelDate ? monthsBetween(openMonth, monthOf(cancelDate)) + 1 : (request.months ?? 12);
  if (count < 1 || count > 120) throw new QuoteError('quote.months_range', 'A quote covers 1 to 120 months.');

  const first = firstMonthFee(plan, openDate);
  const months: QuoteMonth[] = [];
  for (let i = 0; i < count; i++) {
    const month = addMonths(openMonth, i);
    const current = planInMonth(plan, changes, month);
    const rule: MonthRule = i === 0 ? first.rule : cancelDate && month === monthOf(cancelDate) ? 'cancellation' : 'regular';
    const functionFeeFen = i === 0 ? firstMonthFee(current, openDate).feeFen : current.monthlyFeeFen;
    const smsSent = request.smsByMonth?.[month] ?? 0;
    const smsOverage = Math.max(0, smsSent - current.smsIncluded);
    const smsFeeFen = smsOverage * current.smsRateFen;
    months.push({
      month, planCode: current.code, rule, functionFeeFen, smsSent, smsIncluded: current.smsIncluded,
      smsOverage, smsRateFen: current.smsRateFen, smsFeeFen, totalFeeFen: functionFeeFen + smsFeeFen,
    });
  }
  const plansUsed = [plan, ...changes.map((c) => c.plan)];
  return {
    plan: { code: plan.code, name: plan.name, monthlyFeeFen: plan.monthlyFeeFen, smsIncluded: plan.smsIncluded, smsRateFen: plan.smsRateFen },
    openDate,
    ...(cancelDate ? { cancelDate } : {}),
    firstMonth: first,
    months,
    totalFeeFen: months.reduce((sum, m) => sum + m.totalFeeFen, 0),
    usesSampleRates: plansUsed.some((p) => p.sample.monthlyFee || (p.sample.smsRate && months.some((m) => m.smsOverage > 0))),
  };
}

function planInMonth(initial: Plan, changes: PlanChange[], month: string): Plan {
  let current = initial;
  for (const change of changes) if (monthOf(firstOfNextMonth(change.requestDate)) <= month) current = change.plan;
  return current;
}

/** 12345 fen → "123.45" (yuan, two decimals), for the UI, the PDF and the CLI. */
export function formatYuan(fen: number): string {
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  return `${sign}${Math.floor(abs / 100).toLocaleString('en-US')}.${String(abs % 100).padStart(2, '0')}`;
}
