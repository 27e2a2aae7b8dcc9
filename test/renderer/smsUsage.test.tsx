/**
 * Issue 11 item 5 on the enterprise page (jsdom, real backend): the month's SMS as the platform
 * metered it against what the plan includes, and the month's bill from the billing module.
 */
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { formatYuan, quote } from '../../shared/domain/billing';
import { findPlan, SEED_CATALOG } from '../../shared/domain/catalog';
import { addMonths } from '../../shared/domain/dates';
import type { ServiceOrderWireRow, SmsUsageWireRow } from '../../shared/platform-api';
import { serviceOrderSyncAdapter } from '../../electron/backend/domains/orders/syncAdapter';
import { smsUsageSyncAdapter } from '../../electron/backend/domains/smsUsage/syncAdapter';
import { createTestBackend, type TestBackend } from '../helpers/backend';
import { jinanEnterprise } from '../helpers/syncDevice';
import { renderApp } from './renderApp';

const backends: TestBackend[] = [];
afterEach(() => backends.splice(0).forEach((b) => b.cleanup()));
const AT = '2026-12-01T02:00:00.000Z';

const thisMonth = () => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 7);

/** An enterprise whose orders are stored as a pull stores them (orders are signed with a PDF, which jsdom cannot make), and its monthly SMS counts. */
async function enterpriseWith(
  orders: { kind: 'open' | 'cancel'; date: string }[],
  usage: Record<string, number>,
): Promise<{ t: TestBackend; enterpriseId: string }> {
  const t = createTestBackend();
  backends.push(t);
  await t.call('system.setOperator', { name: '李敏', channel: 'customer_manager' });
  const { id: enterpriseId } = await t.call('enterprises.create', jinanEnterprise(1));
  for (const [i, { kind, date }] of orders.entries()) {
    const order: ServiceOrderWireRow = {
      id: `o${i}`,
      enterpriseId,
      number: null,
      kind,
      planCode: 'site-standard',
      previousPlanCode: null,
      effectiveDate: date,
      status: 'opened',
      signerName: '王建国',
      submittedAt: AT,
      submittedBy: 'jn.manager',
      failure: null,
      processedAt: AT,
      createdAt: AT,
      updatedAt: `${AT.slice(0, 18)}${i}.000Z`,
      opening: null,
      snapshot: {
        requestDate: date,
        catalogVersion: 1,
        createdBy: 'jn.manager',
        createdAt: AT,
        signedAt: `2026-01-0${i + 1}T00:00:00.000Z`,
      },
    };
    await t.backend.writes.write((db) => serviceOrderSyncAdapter.save(db, order.id, order, { version: 1, row: order }, false));
  }
  for (const [month, smsSent] of Object.entries(usage)) {
    const row: SmsUsageWireRow = { id: `${enterpriseId}:${month}`, enterpriseId, month, smsSent, createdAt: AT, updatedAt: AT };
    await t.backend.writes.write((db) => smsUsageSyncAdapter.save(db, row.id, row, { version: 1, row }, false));
  }
  return { t, enterpriseId };
}

/** The months the card's month switcher offers, as listed when it is opened. */
async function offeredMonths(card: HTMLElement): Promise<string[]> {
  fireEvent.mouseDown(within(within(card).getByTestId('sms-usage-month')).getByRole('combobox'));
  await waitFor(() => expect(document.querySelectorAll('.ant-select-item-option').length).toBeGreaterThan(0));
  return [...document.querySelectorAll('.ant-select-item-option')].map((option) => option.getAttribute('title') ?? '');
}

describe('the enterprise page’s SMS usage', () => {
  it('shows this month’s SMS against the plan’s included amount, the overage and the bill', async () => {
    const t = createTestBackend();
    backends.push(t);
    await t.call('system.setOperator', { name: '李敏', channel: 'customer_manager' });
    const { id: enterpriseId } = await t.call('enterprises.create', jinanEnterprise(1));
    const month = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 7);
    // The opening order as another device submitted it and BOSS opened it (orders are signed with a PDF, which jsdom cannot make).
    const order: ServiceOrderWireRow = {
      id: 'o1',
      enterpriseId,
      number: null,
      kind: 'open',
      planCode: 'site-standard',
      previousPlanCode: null,
      effectiveDate: `${month}-01`,
      status: 'opened',
      signerName: '王建国',
      submittedAt: AT,
      submittedBy: 'jn.manager',
      failure: null,
      processedAt: AT,
      createdAt: AT,
      updatedAt: AT,
      opening: null,
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

  it('offers only the months since the opening: an enterprise opened this month has no earlier month to choose', async () => {
    const month = thisMonth();
    const { t, enterpriseId } = await enterpriseWith([{ kind: 'open', date: `${month}-01` }], { [month]: 20 });
    renderApp(t.transport, `/enterprises/${enterpriseId}`);
    const card = await screen.findByTestId('sms-usage', {}, { timeout: 30_000 });
    await waitFor(() => expect(card).toHaveTextContent(`20 / ${findPlan(SEED_CATALOG, 'site-standard')!.smsIncluded}`));
    expect(await offeredMonths(card)).toEqual([month]);
  }, 90_000);

  it('after a cancellation shows the last billed month’s usage, says the service ended, and offers the months from the opening to the end', async () => {
    const month = thisMonth();
    const [opened, ended] = [addMonths(month, -3), addMonths(month, -1)];
    const { t, enterpriseId } = await enterpriseWith(
      [
        { kind: 'open', date: `${opened}-01` },
        { kind: 'cancel', date: `${ended}-10` },
      ],
      { [addMonths(month, -2)]: 40, [ended]: 1300 },
    );
    const plan = findPlan(SEED_CATALOG, 'site-standard')!;
    const [bill] = quote({
      plan,
      openDate: `${opened}-01`,
      cancelDate: `${ended}-10`,
      fromMonth: ended,
      smsByMonth: { [ended]: 1300 },
    }).months;
    expect(bill!.rule).toBe('cancellation');

    renderApp(t.transport, `/enterprises/${enterpriseId}`);
    const card = await screen.findByTestId('sms-usage', {}, { timeout: 30_000 });
    await waitFor(() => expect(card).toHaveTextContent(`1300 / ${plan.smsIncluded}`));
    expect(within(card).getByTestId('sms-usage-ended')).toHaveTextContent(`短信服务已于 ${ended}-10 终止`);
    expect(within(card).getByTestId('sms-usage-total')).toHaveTextContent(`${formatYuan(bill!.totalFeeFen)} 元`);
    expect(await offeredMonths(card)).toEqual([ended, addMonths(month, -2), opened]);
    fireEvent.click(document.querySelector(`.ant-select-item-option[title="${addMonths(month, -2)}"]`)!);
    await waitFor(() => expect(card).toHaveTextContent(`40 / ${plan.smsIncluded}`));
  }, 90_000);
});
