/**
 * The header's sync indicator in jsdom, on a device whose engine syncs with the real platform (a
 * child process): it follows the states as they change — signed out, signed in through the sync
 * centre and waiting for the first sync, synced, offline with a change waiting when the platform
 * is gone — the later ones as the engine's events arrive from cycles this window did not start.
 */
import { screen, waitFor } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startPlatform, type PlatformProcess } from '../helpers/platform';
import { createDevice, type Device } from '../helpers/syncDevice';
import { renderApp } from './renderApp';

describe('the sync status indicator (jsdom, in-memory transport, real backend and platform)', () => {
  let platform: PlatformProcess;
  let device: Device;
  beforeAll(async () => {
    platform = await startPlatform();
  });
  afterAll(() => platform.stop());
  beforeEach(async () => {
    device = await createDevice('前台电脑');
    await device.call('system.setOperator', { name: '李敏', channel: 'customer_manager' });
  });
  afterEach(() => device.cleanup());

  it('shows each state as the engine reports it', async () => {
    const { user } = renderApp(device.transport, '/sync');
    const indicator = await screen.findByTestId('sync-indicator');
    const shows = (state: string, label: string | RegExp) =>
      waitFor(() => {
        expect(indicator).toHaveAttribute('data-state', state);
        expect(indicator).toHaveTextContent(label);
      });
    await shows('signed_out', '未登录平台');

    const login = platform.login('jn.manager');
    await user.type(await screen.findByLabelText('平台地址'), platform.url);
    await user.type(screen.getByLabelText('用户名'), login.user);
    await user.type(screen.getByLabelText('密码'), login.password);
    await user.click(screen.getByTestId('sync-sign-in-submit'));
    await shows('up_to_date', '等待首次同步');

    await device.createEnterprise(1);
    await device.sync();
    await shows('up_to_date', /^已同步 (\d\d-\d\d )?\d\d:\d\d$/);
    expect(device.outbox().filter((op) => op.status !== 'acked')).toEqual([]);

    await platform.stop();
    await device.createEnterprise(2);
    await device.sync();
    await shows('offline', '离线 · 1 项待同步');
  });
});
