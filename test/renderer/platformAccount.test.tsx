/**
 * The header's person (issue 8 item 18), jsdom on a device signed in to the real platform (a child
 * process): it names the platform account when that is another person than this device's operator.
 */
import { screen, waitFor, within } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startPlatform, type PlatformProcess } from '../helpers/platform';
import { createDevice, type Device } from '../helpers/syncDevice';
import { renderApp } from './renderApp';

describe('the platform account in the header (jsdom, in-memory transport, real backend and platform)', () => {
  let platform: PlatformProcess;
  let device: Device;
  beforeAll(async () => {
    platform = await startPlatform();
  });
  afterAll(() => platform.stop());
  beforeEach(async () => {
    device = await createDevice('前台电脑');
    await device.call('system.setOperator', { name: '李敏', channel: 'customer_manager' });
    await device.signIn(platform.url, 'jn.manager', platform.login('jn.manager').password);
  });
  afterEach(() => device.cleanup());

  it('names the platform account beside the operator when they differ, and makes the device\'s operator that person on request', async () => {
    const { user } = renderApp(device.transport, '/enterprises');
    const person = await screen.findByTestId('header-person');
    expect(within(person).getByTestId('platform-account-name')).toHaveTextContent('王建国');
    expect(within(person).getByTestId('operator-name')).toHaveTextContent('李敏');

    await user.click(person);
    expect(await screen.findByText(/同步到平台的修改都记在 王建国 名下/)).toBeInTheDocument();
    await user.click(screen.getByTestId('person-use-account'));
    await waitFor(() => expect(screen.queryByTestId('header-person')).toBeNull());
    expect(screen.getByTestId('operator-name')).toHaveTextContent('王建国');
    expect((await device.call('system.status', {})).operator).toEqual({ name: '王建国', channel: 'customer_manager' });
  });
});
