/**
 * Browser mode opened without its token (a bookmark, a new tab) or with one from before a restart
 * (issue 8 item 13): real browser-mode processes and Chromium. The page says what happened and how
 * to get the right address, instead of "后台服务已停止".
 */
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { describeWith } from '../../helpers/systemTools';
import { useBrowser } from './browser';

describeWith(['chromium'], 'browser mode without the right token', () => {
  const rig = useBrowser();
  const shows = async (page: Page, text: string) =>
    page.getByTestId('wrong-address').getByText(text, { exact: false }).first().waitFor({ timeout: 30_000 });

  it('says the page has no token and how to open the printed address, when opened bare', async () => {
    const web = await rig.startWeb();
    const page = await rig.browser().newPage({ locale: 'zh-CN' });
    await page.goto(`${web.url}/#/enterprises`);
    await shows(page, '这个页面没有带上访问口令');
    await shows(page, 'npm start');
    await shows(page, `${web.url}/?token=…`);
    expect(await page.getByText('后台服务已停止').count()).toBe(0);
    await page.close();
  });

  it('says the token expired when the service restarted, and the printed address works again', async () => {
    const first = await rig.startWeb();
    const page = await rig.browser().newPage({ locale: 'zh-CN' });
    await page.goto(first.openUrl);
    await page.locator('.ecw-welcome-card').waitFor({ timeout: 30_000 });
    await first.stop();
    const second = await rig.startWeb({ dataDir: first.dataDir, args: ['--port', new URL(first.url).port] });
    await page.reload();
    await shows(page, '这个页面的访问口令已失效');
    expect(await page.getByText('后台服务已停止').count()).toBe(0);
    await page.goto(second.openUrl);
    await page.locator('.ecw-welcome-card').waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('wrong-address').count()).toBe(0);
    await page.close();
  });
});
