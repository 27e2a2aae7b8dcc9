/**
 * The tea company on a real platform process with an SMS link: a signed-in device registers it,
 * imports its material as a site (`beforeSignOff` may edit it), signs the site off and an opening
 * order, and syncs; the platform's BOSS opens it, so its site and SMS site go live.
 */
import { expect } from 'vitest';
import type { PlatformProcess } from '../../helpers/platform';
import type { Device } from '../../helpers/syncDevice';
import { SIGNATURE_BASE64 } from '../orders/support';
import { materialsCopy, teaEnterprise } from '../sites/support';

export async function openTeaSite(
  device: Device,
  platform: PlatformProcess,
  beforeSignOff?: (siteId: string) => Promise<void>,
): Promise<{ enterpriseId: string; siteId: string }> {
  await device.call('system.setOperator', { name: '李敏', channel: 'customer_manager' });
  await device.signIn(platform.url, 'jn.manager', platform.login('jn.manager').password);
  const enterpriseId = await teaEnterprise(device);
  const { siteId } = await device.call('sites.import', { enterpriseId, paths: [materialsCopy()] });
  await beforeSignOff?.(siteId);
  await device.call('sites.signOff', { siteId, signerName: '王建国', signaturePngBase64: SIGNATURE_BASE64 });
  const order = await device.call('orders.create', { enterpriseId, kind: 'open', planCode: 'site-standard', date: '2026-11-16' });
  await device.call('orders.sign', { id: order.id, signerName: '王建国', signaturePngBase64: SIGNATURE_BASE64 });
  await device.call('orders.submit', { id: order.id });
  expect(await device.settle()).toMatchObject({ outcome: 'ok', pending: 0 });
  await platform.admin('POST', '/admin/boss/process');
  await device.settle();
  return { enterpriseId, siteId };
}
