/**
 * Reserved site labels in the domain editor (issue 13): typing `www` or `wap` says in Chinese that
 * the platform uses the address and keeps 保存域名 disabled; an ordinary label can be saved.
 */
import { screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { createTestBackend, type TestBackend } from '../helpers/backend';
import { jinanEnterprise } from '../helpers/syncDevice';
import { renderApp } from './renderApp';

let backend: TestBackend;
beforeEach(() => {
  backend = createTestBackend();
});
afterEach(() => backend.cleanup());

it('refuses www and wap as the site label with a Chinese reason, and saves an ordinary one', async () => {
  await backend.call('system.setOperator', { name: '李敏', channel: 'customer_manager' });
  const { id: enterpriseId } = await backend.call('enterprises.create', jinanEnterprise(1));
  const { id: siteId } = await backend.call('sites.create', { enterpriseId });
  const { user } = renderApp(backend.transport, `/enterprises/${enterpriseId}/site`);
  await user.click(await screen.findByRole('tab', { name: '域名' }));
  const label = await screen.findByTestId('domain-label');
  for (const reserved of ['www', 'WAP']) {
    await user.clear(label);
    await user.type(label, reserved);
    expect(await screen.findByText('这是平台自用的地址（如门户 www、wap），请换一个')).toBeInTheDocument();
    expect(screen.getByTestId('domain-save')).toBeDisabled();
  }
  await user.clear(label);
  await user.type(label, 'quanchengtea');
  expect(screen.queryByText('这是平台自用的地址（如门户 www、wap），请换一个')).toBeNull();
  await user.click(screen.getByTestId('domain-save'));
  await waitFor(async () =>
    expect((await backend.call('sites.get', { siteId })).content.domain).toEqual({ kind: 'assigned', label: 'quanchengtea' }),
  );
});
