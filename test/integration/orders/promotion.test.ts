/** Issue 13: the desktop quotes and orders a portal promotion (门户首页推荐) like a plan, on top of the active plan. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { findPlan, PORTAL_PROMOTION_CODE, SEED_CATALOG } from '../../../shared/domain/catalog';
import { orderSubmitArgsSchema } from '../../../shared/platform-api/tables';
import { createTestBackend, type TestBackend } from '../../helpers/backend';
import { errorCode, openSigned, setUp, SIGNATURE_BASE64 } from './support';

let t: TestBackend;
let enterpriseId: string;
beforeEach(async () => {
  t = createTestBackend({ start: '2026-11-16T09:00:00+08:00' });
  enterpriseId = await setUp(t);
});
afterEach(() => t.cleanup());

const monthlyFee = findPlan(SEED_CATALOG, PORTAL_PROMOTION_CODE)!.monthlyFeeFen;
const promotion = (months: number) => ({ enterpriseId, kind: 'open' as const, planCode: PORTAL_PROMOTION_CODE, date: '2026-12-01', promotionMonths: months });

describe('ordering a portal promotion', () => {
  it('quotes it per month like a plan', async () => {
    const q = await t.call('orders.quote', { planCode: PORTAL_PROMOTION_CODE, openDate: '2026-12-01', months: 3 });
    expect(q.totalFeeFen).toBe(3 * monthlyFee);
  });

  it('needs an opened enterprise, then is signed and submitted with its months, leaving the plan as it was', async () => {
    expect(await errorCode(t, 'orders.create', promotion(2))).toBe('order.no_active_plan');
    await openSigned(t, enterpriseId);
    const draft = await t.call('orders.create', promotion(2));
    expect(draft).toMatchObject({ kind: 'open', planCode: PORTAL_PROMOTION_CODE, effectiveDate: '2026-12-01', quote: { totalFeeFen: 2 * monthlyFee } });
    expect(draft.quote.months.map((m) => m.month)).toEqual(['2026-12', '2027-01']);
    await t.call('orders.sign', { id: draft.id, signerName: '王建国', signaturePngBase64: SIGNATURE_BASE64 });
    await t.call('orders.submit', { id: draft.id });
    expect(await t.call('orders.currentPlan', { enterpriseId })).toMatchObject({ planCode: 'site-standard' });

    const command = t.backend.database()!.prepare<[string], { patch_json: string }>(`SELECT patch_json FROM outbox WHERE kind = 'command' AND row_id = ?`).get(draft.id)!;
    const args = orderSubmitArgsSchema.parse(JSON.parse(command.patch_json));
    expect(args).toMatchObject({ kind: 'open', planCode: PORTAL_PROMOTION_CODE, effectiveDate: '2026-12-01', promotionMonths: 2 });
    // The plan can still be changed and cancelled; the promotion itself cannot.
    expect(await errorCode(t, 'orders.create', { enterpriseId, kind: 'change', planCode: PORTAL_PROMOTION_CODE, date: '2026-12-05' })).toBe('order.promotion_open_only');
    expect((await t.call('orders.create', { enterpriseId, kind: 'change', planCode: 'site-business', date: '2026-12-05' })).kind).toBe('change');
  });
});
