/**
 * A submitted order's banner follows it to the platform (issue 8 item 18): browser mode and the
 * platform as real processes, the order page in Chromium. Submitted while signed out it says
 * "已提交，待同步"; once a sync took it, the open page says the platform has it — no more "待同步".
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startPlatform, type PlatformProcess } from '../../helpers/platform';
import { jinanEnterprise } from '../../helpers/syncDevice';
import { describeWith } from '../../helpers/systemTools';
import { api } from '../../e2e/teaCompany';
import { SIGNATURE_BASE64 } from '../orders/support';
import { useBrowser } from './browser';

describeWith(['chromium'], 'the order page after a sync', () => {
  const rig = useBrowser();
  let platform: PlatformProcess;
  beforeAll(async () => {
    platform = await startPlatform();
  });
  afterAll(() => platform?.stop());

  it('moves from 已提交，待同步 to received by the platform while the page is open', async () => {
    const web = await rig.startWeb();
    await api(web, 'system.setOperator', { name: '王建国', channel: 'customer_manager' });
    const { id: enterpriseId } = await api<{ id: string }>(web, 'enterprises.create', jinanEnterprise(1));
    const { id: orderId } = await api<{ id: string }>(web, 'orders.create', {
      enterpriseId,
      kind: 'open',
      planCode: 'site-standard',
      date: '2026-11-16',
    });
    await api(web, 'orders.sign', { id: orderId, signerName: '王建国', signaturePngBase64: SIGNATURE_BASE64 });
    await api(web, 'orders.submit', { id: orderId });

    const page = await rig.browser().newPage({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN' });
    await page.goto(`${web.openUrl}#/orders/${orderId}`);
    const banner = page.getByTestId('order-submitted');
    await banner.getByText('已提交，待同步').waitFor({ timeout: 30_000 });
    expect(await banner.getAttribute('data-stage')).toBe('queued');

    await api(web, 'sync.signIn', { server: platform.url, user: 'jn.manager', password: platform.login('jn.manager').password });
    await api(web, 'sync.now', {});
    await expect.poll(() => banner.getAttribute('data-stage'), { timeout: 30_000 }).not.toBe('queued');
    expect(['received', 'opened']).toContain(await banner.getAttribute('data-stage'));
    expect(await banner.innerText()).not.toContain('待同步');
    await page.close();
  });
});
