/**
 * Charges of a plan (brief, 企业建站 资费): monthly function fee + SMS beyond the included amount.
 * - Opened on or before the 15th: the first month's full fee; after the 15th: half.
 * - Cancelled: the cancellation month is billed in full, nothing after.
 * - A plan change takes effect on the first of the next month.
 * - A promotion (门户首页推荐) runs whole months from its start day: every month is charged in full.
 * Money is integer fen throughout.
 */
import { findPlan, isPromotion, type Catalog, type Plan } from './catalog';
import { addMonths, dayOf, firstOfNextMonth, isRealDate, ISO_MONTH, monthOf, monthsBetween } from './dates';

export const FIRST_MONTH_CUTOFF_DAY = 15;
export const MAX_QUOTE_MONTHS = 120;

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
  /**
   * The first month to show (default: the opening month). An order for a plan opened long ago
   * shows the months it affects, not the plan's whole history.
   */
  fromMonth?: string;
  /** SMS the enterprise sent per month (`YYYY-MM` → count); months not listed sent none. */
  smsByMonth?: Record<string, number>;
  changes?: PlanChange[];
}

export type MonthRule = 'first_full' | 'first_half' | 'regular' | 'cancellation';

export interface QuoteMonth {
  month: string;
  planCode: string;
  planName: string;
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

export type QuoteErrorCode =
  | 'quote.unknown_plan'
  | 'quote.plan_unavailable'
  | 'quote.invalid_date'
  | 'quote.cancel_before_open'
  | 'quote.change_before_open'
  | 'quote.months_range';

export class QuoteError extends Error {
  constructor(
    readonly code: QuoteErrorCode,
    message: string,
  ) {
    super(message);
  }
}

export function firstMonthFee(plan: Plan, openDate: string): { rule: 'first_full' | 'first_half'; feeFen: number } {
  return isPromotion(plan) || dayOf(openDate) <= FIRST_MONTH_CUTOFF_DAY
    ? { rule: 'first_full', feeFen: plan.monthlyFeeFen }
    : { rule: 'first_half', feeFen: Math.round(plan.monthlyFeeFen / 2) };
}

export function quote(request: QuoteRequest): Quote {
  const { plan, openDate, cancelDate } = request;
  const changes = [...(request.changes ?? [])].sort((a, b) => a.requestDate.localeCompare(b.requestDate));
  checkDates(request, changes);

  const openMonth = monthOf(openDate);
  const fromMonth = request.fromMonth && request.fromMonth > openMonth ? request.fromMonth : openMonth;
  const count = cancelDate ? monthsBetween(fromMonth, monthOf(cancelDate)) + 1 : (request.months ?? 12);
  if (count < 1 || count > MAX_QUOTE_MONTHS) throw new QuoteError('quote.months_range', `A quote covers 1 to ${MAX_QUOTE_MONTHS} months.`);

  const first = firstMonthFee(plan, openDate);
  const months: QuoteMonth[] = [];
  for (let i = 0; i < count; i++) {
    const month = addMonths(fromMonth, i);
    months.push(quoteMonth(planInMonth(plan, changes, month), month, request));
  }
  return {
    plan: {
      code: plan.code,
      name: plan.name,
      monthlyFeeFen: plan.monthlyFeeFen,
      smsIncluded: plan.smsIncluded,
      smsRateFen: plan.smsRateFen,
    },
    openDate,
    ...(cancelDate ? { cancelDate } : {}),
    firstMonth: first,
    months,
    totalFeeFen: months.reduce((sum, m) => sum + m.totalFeeFen, 0),
    usesSampleRates: months.some((m) => {
      const used = planInMonth(plan, changes, m.month);
      return used.sample.monthlyFee || (used.sample.smsRate && m.smsOverage > 0);
    }),
  };
}

/** A quote for a plan named by code (aliases allowed), from the given catalog: what the app, its PDF and `ecw quote` show. */
export function quoteFromCatalog(catalog: Catalog, request: Omit<QuoteRequest, 'plan' | 'changes'> & { planCode: string }): Quote {
  const { planCode, ...rest } = request;
  const plan = findPlan(catalog, planCode);
  if (!plan) throw new QuoteError('quote.unknown_plan', `No plan "${planCode}" in catalog version ${catalog.version}.`);
  if (!plan.available) throw new QuoteError('quote.plan_unavailable', `The plan "${plan.name}" is no longer on sale.`);
  return quote({ ...rest, plan });
}

function checkDates(request: QuoteRequest, changes: PlanChange[]): void {
  const { openDate, cancelDate, fromMonth } = request;
  const dates = [openDate, ...(cancelDate ? [cancelDate] : []), ...changes.map((c) => c.requestDate)];
  if (dates.some((d) => !isRealDate(d)) || (fromMonth !== undefined && !ISO_MONTH.test(fromMonth)))
    throw new QuoteError('quote.invalid_date', 'A date is not a real calendar date (YYYY-MM-DD).');
  if (cancelDate && cancelDate < openDate)
    throw new QuoteError('quote.cancel_before_open', 'The cancellation date is before the opening date.');
  if (changes.some((c) => c.requestDate < openDate))
    throw new QuoteError('quote.change_before_open', 'A plan change is dated before the opening date.');
}

function quoteMonth(current: Plan, month: string, request: QuoteRequest): QuoteMonth {
  const { openDate, cancelDate } = request;
  const isFirst = month === monthOf(openDate);
  const first = firstMonthFee(current, openDate);
  const rule: MonthRule = isFirst ? first.rule : cancelDate && month === monthOf(cancelDate) ? 'cancellation' : 'regular';
  const functionFeeFen = isFirst ? first.feeFen : current.monthlyFeeFen;
  const smsSent = request.smsByMonth?.[month] ?? 0;
  const smsOverage = Math.max(0, smsSent - current.smsIncluded);
  const smsFeeFen = smsOverage * current.smsRateFen;
  return {
    month,
    planCode: current.code,
    planName: current.name,
    rule,
    functionFeeFen,
    smsSent,
    smsIncluded: current.smsIncluded,
    smsOverage,
    smsRateFen: current.smsRateFen,
    smsFeeFen,
    totalFeeFen: functionFeeFen + smsFeeFen,
  };
}

/** The plan billed in `month`: the last change whose first effective month is not after it. */
export function planInMonth(initial: Plan, changes: PlanChange[], month: string): Plan {
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

/**
 * The first-month calculation in words, as the 业务受理单 and the CLI print it:
 * "2026-11-16 开通，晚于当月15日，首月按半月收取 50.00 元".
 */
export function describeFirstMonth(openDate: string, first: Quote['firstMonth']): string {
  const when =
    first.rule === 'first_full'
      ? `不晚于当月${FIRST_MONTH_CUTOFF_DAY}日，首月按整月收取`
      : `晚于当月${FIRST_MONTH_CUTOFF_DAY}日，首月按半月收取`;
  return `${openDate} 开通，${when} ${formatYuan(first.feeFen)} 元`;
}

/** How each month's function fee was set, in the words of the fee tables. */
export const MONTH_RULE_LABELS: Record<MonthRule, string> = {
  first_full: '首月整月',
  first_half: '首月半月',
  regular: '整月',
  cancellation: '销户当月',
};
