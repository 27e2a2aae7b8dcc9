import { describe, expect, it } from 'vitest';
import { quoteFromCatalog } from '../../../shared/domain/billing';
import {
  findPlan,
  isPromotion,
  PORTAL_PROMOTION_CODE,
  promotionEndDate,
  promotionLastDay,
  SEED_CATALOG,
} from '../../../shared/domain/catalog';

describe('the portal promotion (门户首页推荐)', () => {
  it('is a catalog item of its own family, quoted per month like a plan', () => {
    const plan = findPlan(SEED_CATALOG, PORTAL_PROMOTION_CODE)!;
    expect(plan).toMatchObject({ name: '门户首页推荐', family: 'promotion', available: true });
    expect(isPromotion(plan)).toBe(true);
    expect(isPromotion(findPlan(SEED_CATALOG, 'site-standard')!)).toBe(false);
    const q = quoteFromCatalog(SEED_CATALOG, { planCode: PORTAL_PROMOTION_CODE, openDate: '2026-12-01', months: 2 });
    expect(q.months.map((m) => [m.month, m.functionFeeFen])).toEqual([
      ['2026-12', plan.monthlyFeeFen],
      ['2027-01', plan.monthlyFeeFen],
    ]);
    expect(q.totalFeeFen).toBe(2 * plan.monthlyFeeFen);
  });

  it('charges every month in full, even from after the 15th (a plan would charge half the first month)', () => {
    const plan = findPlan(SEED_CATALOG, PORTAL_PROMOTION_CODE)!;
    const q = quoteFromCatalog(SEED_CATALOG, { planCode: PORTAL_PROMOTION_CODE, openDate: '2026-12-20', months: 3 });
    expect(q.firstMonth).toEqual({ rule: 'first_full', feeFen: plan.monthlyFeeFen });
    expect(q.totalFeeFen).toBe(3 * plan.monthlyFeeFen);
    expect(quoteFromCatalog(SEED_CATALOG, { planCode: 'site-standard', openDate: '2026-12-20', months: 3 }).firstMonth.rule).toBe(
      'first_half',
    );
  });

  it('ends the same day its months later, or on the last day of a shorter month', () => {
    expect(promotionEndDate('2026-12-01', 1)).toBe('2027-01-01');
    expect(promotionEndDate('2026-11-20', 3)).toBe('2027-02-20');
    expect(promotionEndDate('2027-01-31', 1)).toBe('2027-02-28');
    expect(promotionEndDate('2028-01-31', 1)).toBe('2028-02-29');
    expect(promotionLastDay('2026-12-01', 1)).toBe('2026-12-31');
    expect(promotionLastDay('2026-11-20', 3)).toBe('2027-02-19');
    expect(promotionLastDay('2028-01-31', 1)).toBe('2028-02-28');
  });
});
