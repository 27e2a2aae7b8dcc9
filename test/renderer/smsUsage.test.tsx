/**
 * Issue 11 item 5 on the enterprise page (jsdom, real backend): the month's SMS as the platform
 * metered it against what the plan includes, and the month's bill from the billing module.
 */
import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { formatYuan, quote } from '../../shared/domain/billing';
import { findPlan, SEED_CATALOG } from '../../shared/domain/catalog';
import type { ServiceOrderWireRow, SmsUsageWireRow } from '../../shared/platform-api';
import { serviceOrderSyncAdapter } from '../../electron/backend/domains/orders/syncAdapter';
import { smsUsageSyncAdapter } from '../../electron/backend/domains/smsUsage/syncAdapter';
import { createTestBackend, type TestBackend } from '../helpers/backend';
import { jinanEnterprise } from '../helpers/syncDevice';
import { renderApp } from './renderApp';

const backends: TestBackend[] = [];
afterEach(() => backends.splice(0).forEach((b) => b.cleanup()));
const AT = '2026-12-01T02:00:00.000Z';

describe('the enterprise page’s SMS usage', () => {
  it('shows this month’s SMS against the plan’s included amount, the overage and the bill', async () => {
    const t = createTestBackend();
    backends.push(t);
    await t.call('system.setOperator', { name: '李敏', channel: 'customer_manager' });
    const { id: enterpriseId } = await t.call('enterprises.create', jinanEnterprise(1));
    const month = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 7);
    // The opening order as another device submitted it and BOSS opened it (orders are signed with a PDF, which jsdom cannot make).
    const order: ServiceOrderWireRow = {
      id: 'o1', enterpriseId, number: null, kind: 'open', planCode: 'site-standard', previousPlanCode: null, effectiveDate: `${month}-01`, status: 'opened',
      signerName: '王建国', submittedAt: AT, submittedBy: 'jn.manager', failure: null, processedAt: AT, createdAt: AT, updatedAt: AT, opening: null,
      snapshot: { requestDate: `${month}-01`, catalogVersion: 1, createdBy: 'jn.manager', createdAt: AT, signedAt: AT },
    };
    await t.backend.writes.write((db) => serviceOrderSyncAdapter.save(db, order.id, order, { version: 1, row: order }, false));
    const row: SmsUsageWireRow = { id: `${enterpriseId}:${month}`, enterpriseId, month, smsSent: 1150, createdAt: AT, updatedAt: AT };
    await t.backend.writes.write((db) => smsUsageSyncAdapter.save(db, row.id, row, { version: 1, row }, false));
    const plan = findPlan(SEED_CATALOG, 'site-standard')!;
    const [bill] = quote({ plan, openDate: `${month}-01`, months: 1, smsByMonth: { [month]: 1150 } }).months;

    renderApp(t.transport, `/enterprises/${enterpriseId}`);
    const card = await screen.findByTestId('sms-usage', {}, { timeout: 30_000 });
    await waitFor(() => expect(card).toHaveTextContent(`1150 / ${plan.smsIncluded}`));
    expect(card).toHaveTextContent(`超出套餐${1150 - plan.smsIncluded} 条`);
    expect(within(card).getByTestId('sms-usage-total')).toHaveTextContent(`${formatYuan(bill!.totalFeeFen)} 元`);
    expect(bill!.smsFeeFen).toBe((1150 - plan.smsIncluded) * plan.smsRateFen);
  }, 90_000);
});
