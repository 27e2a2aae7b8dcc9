/**
 * A past opening date is accepted, but never silently (issue 8 item 11): the new-order page warns
 * that the first month is billed from that date, and the warning goes once the date is today or later.
 */
import { screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { createTestBackend, type TestBackend } from '../helpers/backend';
import { jinanEnterprise } from '../helpers/syncDevice';
import { renderApp } from './renderApp';

let backend: TestBackend;
let enterpriseId: string;
beforeEach(async () => {
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

it('warns about a past opening date and stops warning for today or later (the order is still made: quoteView.test)', async () => {
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
