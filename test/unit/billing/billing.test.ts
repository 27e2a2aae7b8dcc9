import { describe, expect, it } from 'vitest';
import { describeFirstMonth, firstMonthFee, formatYuan, quote, QuoteError, quoteFromCatalog } from '../../../shared/domain/billing';
import { findPlan, SEED_CATALOG, type Plan } from '../../../shared/domain/catalog';

const plan = (code: string): Plan => findPlan(SEED_CATALOG, code)!;
const standard = plan('site-standard');
const business = plan('site-business');

const quoteError = (run: () => unknown): string => {
  try {
    run();
  } catch (error) {
    if (error instanceof QuoteError) return error.code;
    throw error;
  }
  throw new Error('expected a QuoteError');
};

describe('first month: the 15th rule', () => {
  it.each([
    ['2026-11-01', 'first_full', 10000],
    ['2026-11-15', 'first_full', 10000],
    ['2026-11-16', 'first_half', 5000],
    ['2026-11-30', 'first_half', 5000],
    ['2026-12-31', 'first_half', 5000],
    ['2027-02-15', 'first_full', 10000],
    ['2027-02-28', 'first_half', 5000],
    ['2028-02-29', 'first_half', 5000],
  ])('opened %s on 标准版 → %s, %i fen', (openDate, rule, feeFen) => {
    expect(firstMonthFee(standard, openDate)).toEqual({ rule, feeFen });
    const q = quote({ plan: standard, openDate, months: 2 });
    expect(q.months[0]).toMatchObject({ month: openDate.slice(0, 7), rule, functionFeeFen: feeFen });
    expect(q.months[1]).toMatchObject({ rule: 'regular', functionFeeFen: 10000 });
  });

  it('halves the business plan too (200 元 → 100 元)', () => {
    expect(quote({ plan: business, openDate: '2026-11-16', months: 1 }).months[0]!.functionFeeFen).toBe(10000);
  });

  it('rounds half of an odd monthly fee to the nearest fen', () => {
    expect(firstMonthFee({ ...standard, monthlyFeeFen: 9999 }, '2026-11-20').feeFen).toBe(5000);
  });
});

describe('months shown', () => {
  it('shows 12 months from the opening month by default, across the year end', () => {
    const q = quote({ plan: standard, openDate: '2026-11-16' });
    expect(q.months.map((m) => m.month)).toEqual([
      '2026-11',
      '2026-12',
      '2027-01',
      '2027-02',
      '2027-03',
      '2027-04',
      '2027-05',
      '2027-06',
      '2027-07',
      '2027-08',
      '2027-09',
      '2027-10',
    ]);
    expect(q.totalFeeFen).toBe(5000 + 11 * 10000);
    expect(q.firstMonth).toEqual({ rule: 'first_half', feeFen: 5000 });
  });

  it('shows the requested number of months', () => {
    expect(quote({ plan: standard, openDate: '2026-01-31', months: 3 }).months.map((m) => m.month)).toEqual([
      '2026-01',
      '2026-02',
      '2026-03',
    ]);
  });

  it('starts later when asked, keeping the first-month rule for the opening month only', () => {
    const q = quote({ plan: standard, openDate: '2026-11-20', fromMonth: '2027-03', months: 2 });
    expect(q.months.map((m) => [m.month, m.rule, m.functionFeeFen])).toEqual([
      ['2027-03', 'regular', 10000],
      ['2027-04', 'regular', 10000],
    ]);
    expect(q.firstMonth).toEqual({ rule: 'first_half', feeFen: 5000 });
  });

  it('never starts before the opening month', () => {
    expect(quote({ plan: standard, openDate: '2026-11-20', fromMonth: '2026-01', months: 1 }).months[0]!.month).toBe('2026-11');
  });

  it('refuses fewer than 1 or more than 120 months', () => {
    expect(quoteError(() => quote({ plan: standard, openDate: '2026-11-01', months: 0 }))).toBe('quote.months_range');
    expect(quoteError(() => quote({ plan: standard, openDate: '2026-11-01', months: 121 }))).toBe('quote.months_range');
    expect(quote({ plan: standard, openDate: '2026-11-01', months: 120 }).months).toHaveLength(120);
  });

  it('refuses dates that are not on the calendar', () => {
    expect(quoteError(() => quote({ plan: standard, openDate: '2027-02-29' }))).toBe('quote.invalid_date');
    expect(quoteError(() => quote({ plan: standard, openDate: '2026-11-01', cancelDate: '2026-13-01' }))).toBe('quote.invalid_date');
  });
});

describe('cancellation: the cancellation month is billed, nothing after', () => {
  it('bills through the cancellation month', () => {
    const q = quote({ plan: standard, openDate: '2026-11-16', cancelDate: '2027-02-03' });
    expect(q.months.map((m) => [m.month, m.rule, m.functionFeeFen])).toEqual([
      ['2026-11', 'first_half', 5000],
      ['2026-12', 'regular', 10000],
      ['2027-01', 'regular', 10000],
      ['2027-02', 'cancellation', 10000],
    ]);
    expect(q.totalFeeFen).toBe(35000);
    expect(q.cancelDate).toBe('2027-02-03');
  });

  it('ignores a month count when there is a cancellation', () => {
    expect(quote({ plan: standard, openDate: '2026-11-01', cancelDate: '2026-12-31', months: 12 }).months).toHaveLength(2);
  });

  it('bills a plan cancelled in its opening month for that month only, by the 15th rule', () => {
    const late = quote({ plan: standard, openDate: '2026-11-20', cancelDate: '2026-11-28' });
    expect(late.months).toHaveLength(1);
    expect(late.months[0]).toMatchObject({ month: '2026-11', rule: 'first_half', functionFeeFen: 5000 });
    expect(late.totalFeeFen).toBe(5000);
    const early = quote({ plan: business, openDate: '2026-11-02', cancelDate: '2026-11-02' });
    expect(early.totalFeeFen).toBe(20000);
  });

  it('shows just the cancellation month when asked to start there', () => {
    const q = quote({ plan: standard, openDate: '2025-03-10', cancelDate: '2026-11-20', fromMonth: '2026-11' });
    expect(q.months.map((m) => [m.month, m.rule, m.functionFeeFen])).toEqual([['2026-11', 'cancellation', 10000]]);
  });

  it('refuses a cancellation before the opening', () => {
    expect(quoteError(() => quote({ plan: standard, openDate: '2026-11-16', cancelDate: '2026-11-15' }))).toBe('quote.cancel_before_open');
  });
});

describe('plan changes take effect on the first of the next month', () => {
  it('keeps the old plan in the month of the request and bills the new one from the next', () => {
    const q = quote({ plan: standard, openDate: '2026-11-16', months: 4, changes: [{ requestDate: '2026-12-31', plan: business }] });
    expect(q.months.map((m) => [m.month, m.planCode, m.functionFeeFen])).toEqual([
      ['2026-11', 'site-standard', 5000],
      ['2026-12', 'site-standard', 10000],
      ['2027-01', 'site-business', 20000],
      ['2027-02', 'site-business', 20000],
    ]);
    expect(q.months[2]!.planName).toBe('企业建站 商务版');
    expect(q.plan.code).toBe('site-standard');
  });

  it('a change asked for in the opening month starts next month; the first month stays on the old plan', () => {
    const q = quote({ plan: business, openDate: '2026-11-10', months: 2, changes: [{ requestDate: '2026-11-12', plan: standard }] });
    expect(q.months.map((m) => [m.planCode, m.functionFeeFen])).toEqual([
      ['site-business', 20000],
      ['site-standard', 10000],
    ]);
  });

  it('applies successive changes in date order', () => {
    const q = quote({
      plan: standard,
      openDate: '2026-01-05',
      fromMonth: '2026-03',
      months: 3,
      changes: [
        { requestDate: '2026-04-02', plan: standard },
        { requestDate: '2026-02-10', plan: business },
      ],
    });
    expect(q.months.map((m) => m.planCode)).toEqual(['site-business', 'site-business', 'site-standard']);
  });

  it('uses the new plan SMS quota after the change', () => {
    const q = quote({
      plan: standard,
      openDate: '2026-11-01',
      months: 2,
      smsByMonth: { '2026-11': 2000, '2026-12': 2000 },
      changes: [{ requestDate: '2026-11-20', plan: business }],
    });
    expect(q.months.map((m) => m.smsOverage)).toEqual([900, 0]);
  });

  it('refuses a change dated before the opening', () => {
    expect(
      quoteError(() => quote({ plan: standard, openDate: '2026-11-16', changes: [{ requestDate: '2026-11-01', plan: business }] })),
    ).toBe('quote.change_before_open');
  });
});

describe('SMS beyond the included amount', () => {
  it('charges the overage at the catalog per-SMS rate', () => {
    const q = quote({ plan: standard, openDate: '2026-11-01', months: 3, smsByMonth: { '2026-11': 1100, '2026-12': 1350, '2027-01': 40 } });
    expect(q.months.map((m) => [m.smsSent, m.smsOverage, m.smsFeeFen, m.totalFeeFen])).toEqual([
      [1100, 0, 0, 10000],
      [1350, 250, 250 * standard.smsRateFen, 10000 + 250 * standard.smsRateFen],
      [40, 0, 0, 10000],
    ]);
  });

  it('uses whatever rate the catalog gives, not a constant', () => {
    const q = quote({ plan: { ...business, smsRateFen: 7 }, openDate: '2026-11-01', months: 1, smsByMonth: { '2026-11': 2600 } });
    expect(q.months[0]).toMatchObject({ smsIncluded: 2500, smsOverage: 100, smsRateFen: 7, smsFeeFen: 700, totalFeeFen: 20700 });
  });

  it('flags sample numbers only when a sample rate or fee was used', () => {
    expect(quote({ plan: standard, openDate: '2026-11-01', months: 2 }).usesSampleRates).toBe(false);
    expect(quote({ plan: standard, openDate: '2026-11-01', months: 2, smsByMonth: { '2026-12': 1101 } }).usesSampleRates).toBe(true);
    expect(quote({ plan: plan('power-comm-1'), openDate: '2026-11-01', months: 1 }).usesSampleRates).toBe(true);
  });
});

describe('formatYuan', () => {
  it.each([
    [0, '0.00'],
    [5, '0.05'],
    [5000, '50.00'],
    [123456789, '1,234,567.89'],
    [-250, '-2.50'],
  ])('%i fen → %s', (fen, text) => {
    expect(formatYuan(fen)).toBe(text);
  });
});

describe('describeFirstMonth', () => {
  it('spells out the calculation printed on the service order', () => {
    const late = quote({ plan: standard, openDate: '2026-11-16', months: 1 });
    expect(describeFirstMonth(late.openDate, late.firstMonth)).toBe('2026-11-16 开通，晚于当月15日，首月按半月收取 50.00 元');
    const onTime = quote({ plan: business, openDate: '2026-11-15', months: 1 });
    expect(describeFirstMonth(onTime.openDate, onTime.firstMonth)).toBe('2026-11-15 开通，不晚于当月15日，首月按整月收取 200.00 元');
  });
});

describe('quoteFromCatalog', () => {
  it('finds the plan by code or by the fixture alias', () => {
    expect(quoteFromCatalog(SEED_CATALOG, { planCode: 'standard', openDate: '2026-11-16', months: 1 }).plan.code).toBe('site-standard');
    expect(quoteFromCatalog(SEED_CATALOG, { planCode: 'site-business', openDate: '2026-11-16', months: 1 }).totalFeeFen).toBe(10000);
  });

  it('refuses a plan the catalog does not have or no longer sells', () => {
    expect(quoteError(() => quoteFromCatalog(SEED_CATALOG, { planCode: 'site-gold', openDate: '2026-11-16' }))).toBe('quote.unknown_plan');
    const retired = { ...SEED_CATALOG, plans: SEED_CATALOG.plans.map((p) => ({ ...p, available: p.code !== 'site-business' })) };
    expect(quoteError(() => quoteFromCatalog(retired, { planCode: 'site-business', openDate: '2026-11-16' }))).toBe(
      'quote.plan_unavailable',
    );
  });
});
