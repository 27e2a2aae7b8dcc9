/**
 * For a renderer test file: the real platform (a child process) once, and per test a device — a real
 * backend with its sync engine — whose operator is set and which is signed in to that platform.
 */
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import { startPlatform, type PlatformProcess } from '../helpers/platform';
import { createDevice, type Device } from '../helpers/syncDevice';

export function useSignedInDevice(options: { operator: string; user: string }): { device(): Device; platform(): PlatformProcess } {
  let platform: PlatformProcess;
  let device: Device;
  beforeAll(async () => {
    platform = await startPlatform();
  });
  afterAll(() => platform.stop());
  beforeEach(async () => {
    device = await createDevice('前台电脑');
    await device.call('system.setOperator', { name: options.operator, channel: 'customer_manager' });
    await device.signIn(platform.url, options.user, platform.login(options.user).password);
  });
  afterEach(() => device.cleanup());
  return { device: () => device, platform: () => platform };
}
