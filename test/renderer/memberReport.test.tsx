/**
 * The portal member card on the enterprise page (issue 13 item 4), jsdom against a real backend that
 * is not signed in to a platform: the card is there beside the visit chart and says why it is empty.
 * (The report itself, through a real platform, is tested in test/integration/cli/portal.test.ts.)
 */
import { screen, waitFor } from '@testing-library/react';
import { afterEach, expect, it } from 'vitest';
import type { TestBackend } from '../helpers/backend';
import { openedEnterprise } from './openedEnterprise';
import { renderApp } from './renderApp';

const backends: TestBackend[] = [];
afterEach(() => backends.splice(0).forEach((b) => b.cleanup()));
it('shows the member card of an opened enterprise, asking to sign in when no platform account is signed in', async () => {
  const { t, enterpriseId } = await openedEnterprise(backends);
  renderApp(t.transport, `/enterprises/${enterpriseId}`);
  const card = await screen.findByTestId('member-report', {}, { timeout: 30_000 });
  expect(card).toHaveTextContent('门户会员');
  await waitFor(() => expect(card).toHaveTextContent('需要先登录平台账号才能查询门户。'));
  expect(screen.queryByTestId('member-report-export')).toBeNull();
});
