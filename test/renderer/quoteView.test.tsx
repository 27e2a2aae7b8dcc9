/**
 * The quote on the new-order page in jsdom against a real backend: the plan's fee, the first-month
 * rule in words, month by month and the total, recomputed when the plan or the date changes; the
 * order created from it shows the same quote.
 */
import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createTestBackend, type TestBackend } from '../helpers/backend';
import { jinanEnterprise } from '../helpers/syncDevice';
import { renderApp } from './renderApp';

const quote = () => screen.findByTestId('quote');
const firstMonthRow = async () => within(await screen.findByTestId('quote-months')).getAllByRole('row')[1]!;

describe('the quote view (jsdom, in-memory transport, real backend)', () => {
  let backend: TestBackend;
  let enterpriseId: string;
  beforeEach(async () => {
    // Today, for the page's default date: the 16th, after the 15th-of-the-month cut-off.
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-11-16T09:00:00+08:00'));
    backend = createTestBackend({ start: '2026-11-16T09:00:00+08:00' });
    await backend.call('system.setOperator', { name: '李敏', channel: 'customer_manager' });
    enterpriseId = (await backend.call('enterprises.create', jinanEnterprise(1))).id;
  });
  afterEach(() => {
    backend.cleanup();
    vi.useRealTimers();
  });

  it('quotes the chosen plan from the chosen date, and the created order shows the same quote', async () => {
    const { user } = renderApp(backend.transport, `/enterprises/${enterpriseId}/orders/new`);
    expect(await screen.findByText('选择套餐后显示报价')).toBeInTheDocument();

    await user.click(await screen.findByTestId('plan-site-standard'));
    expect(within(await quote()).getByTestId('quote-monthly-fee')).toHaveTextContent('100.00 元');
    expect(screen.getByTestId('quote-rule')).toHaveTextContent('16日开通，晚于15日，首月收半月费 50.00 元');
    expect(await firstMonthRow()).toHaveTextContent(/2026-11.*首月半月.*50\.00/);
    expect(screen.getByTestId('quote-total')).toHaveTextContent('以上 12 个月合计 1,150.00 元');

    await user.click(screen.getByTestId('plan-site-business'));
    await waitFor(() => expect(screen.getByTestId('quote-monthly-fee')).toHaveTextContent('200.00 元'));
    expect(screen.getByTestId('quote-rule')).toHaveTextContent('首月收半月费 100.00 元');
    expect(screen.getByTestId('quote-total')).toHaveTextContent('以上 12 个月合计 2,300.00 元');

    await user.click(screen.getByTestId('plan-site-standard'));
    const date = screen.getByLabelText('开通日期');
    await user.clear(date);
    await user.type(date, '2026-11-10{Enter}');
    await waitFor(() => expect(screen.getByTestId('quote-rule')).toHaveTextContent('10日开通，不晚于15日，首月收全月费 100.00 元'));
    expect(screen.getByTestId('quote-total')).toHaveTextContent('以上 12 个月合计 1,200.00 元');

    await user.click(screen.getByTestId('order-create'));
    expect(await screen.findByTestId('order-status')).toHaveTextContent('草稿');
    expect(screen.getByTestId('quote-rule')).toHaveTextContent('10日开通，不晚于15日，首月收全月费 100.00 元');
    expect(screen.getByTestId('quote-total')).toHaveTextContent('以上 12 个月合计 1,200.00 元');
    const [order] = await backend.call('orders.listForEnterprise', { enterpriseId });
    expect(order).toMatchObject({ planCode: 'site-standard', status: 'draft' });
    expect(order!.quote.totalFeeFen).toBe(120_000);
  });

  it('warns about a past opening date (still accepted, as above) and stops warning for today or later (issue 8 item 11)', async () => {
    const { user } = renderApp(backend.transport, `/enterprises/${enterpriseId}/orders/new`);
    await user.click(await screen.findByTestId('plan-site-standard'));
    expect(screen.queryByTestId('order-date-past')).not.toBeInTheDocument();

    const date = screen.getByLabelText('开通日期');
    await user.clear(date);
    await user.type(date, '2026-11-10{Enter}');
    expect(await screen.findByTestId('order-date-past')).toHaveTextContent('开通日期 2026-11-10 早于今天（2026-11-16）');

    await user.clear(date);
    await user.type(date, '2026-11-20{Enter}');
    await waitFor(() => expect(screen.queryByTestId('order-date-past')).not.toBeInTheDocument());
  });
});
