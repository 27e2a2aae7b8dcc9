/**
 * 门户首页推荐 (issue 13) as one story against a real platform process: the tea company's site is
 * live (set up through the backend's API, as another window would); the clerk orders 门户首页推荐 for
 * 3 months from today on the 办理业务 page, the customer signs on the pad, the clerk submits and
 * syncs; the platform's BOSS opens it and the WEB portal home (fetched over HTTP from the platform's
 * public listener) lists the tea company under 推荐企业; after the next sync the order says 已开通.
 * Screenshots go to test-results/e2e/<project>/portal-promotion/.
 */
import { BROWSER, requestSite } from '../helpers/publicSite';
import type { PlatformProcess } from '../helpers/platform';
import type { WebProcess } from '../helpers/webProcess';
import { describeWith, expect, test } from './fixtures';
import { AppShell } from './pages/AppShell';
import { EnterpriseDetailPage } from './pages/EnterpriseDetailPage';
import { NewOrderPage } from './pages/NewOrderPage';
import { OrderPage } from './pages/OrderPage';
import { SyncCentre } from './pages/syncCentre';
import { api, importTeaSite, openTeaSite } from './teaCompany';

const TEA = '济南泉城茶业有限公司';

/** The tea company's site signed off and its opening order opened by BOSS: the site is live. */
async function liveTeaSite(web: WebProcess, platform: PlatformProcess): Promise<string> {
  const { enterpriseId, siteId } = await importTeaSite(web, ['补充说明.txt']);
  await openTeaSite(web, platform, { enterpriseId, siteId });
  const publication = await api<{ liveRevision: number | null }>(web, 'sites.publication', { siteId });
  expect(publication.liveRevision, 'the site is live before the promotion is ordered').toBe(1);
  return enterpriseId;
}

/** The names the WEB portal home lists under 推荐企业 (none when it has no such box). */
async function promotedOnWebHome(platform: PlatformProcess): Promise<string[]> {
  const home = await requestSite(platform.publicUrl, `www.${platform.sitesDomain}`, '/', { accept: BROWSER });
  expect(home.status).toBe(200);
  const box = /<h2>推荐企业<\/h2>(.*?)<\/section>/s.exec(home.body);
  return box ? [...box[1]!.matchAll(/<a [^>]*>([^<]+)<\/a>/g)].map((m) => m[1]!) : [];
}

describeWith(
  ['chromium', '../shared'],
  '门户首页推荐 from the 办理业务 page to the portal home (browser mode, Chromium, real platform)',
  () => {
    test('the clerk orders 门户首页推荐 for a live site, the customer signs, a sync later the WEB portal home lists it under 推荐企业', async ({
      session,
      platform,
      screenshots,
    }) => {
      const web = await session.startWeb();
      const manager = platform.login('jn.manager');
      await api(web, 'sync.signIn', { server: platform.url, user: manager.user, password: manager.password });
      const page = await session.newPage();
      const app = new AppShell(page, screenshots('portal-promotion'));
      const sync = new SyncCentre(page);
      const detail = new EnterpriseDetailPage(page);
      const newOrder = new NewOrderPage(page);
      const order = new OrderPage(page);
      // The app loads in the browser while the site is set up.
      const [enterpriseId] = await Promise.all([
        liveTeaSite(web, platform),
        app.open(web.openUrl).then(() => sync.waitForState('up_to_date')),
      ]);
      expect(await promotedOnWebHome(platform)).toEqual([]);

      // 办理业务 → 门户首页推荐, 3 months from today (the date the page starts with).
      await app.open(web.openUrl, `#/enterprises/${enterpriseId}`);
      await detail.waitFor(TEA);
      await detail.newOrderButton().click();
      await newOrder.waitFor();
      await page.getByTestId('order-kind').getByText('门户首页推荐').click();
      await expect(newOrder.chosenKind()).toHaveValue('promotion');
      const months = page.getByLabel('推荐月数');
      await months.fill('3');
      await expect(page.getByTestId('quote-total')).toHaveText(/以上 3 个月合计 1,500\.00 元/);
      await page.getByTestId('order-create').click();
      await order.waitFor('草稿');
      await expect(page.getByTestId('order-summary')).toContainText('门户首页推荐');

      // The customer signs on the pad; the 业务受理单 is drawn; the clerk submits it.
      await order.drawSignature();
      await order.confirmSignature();
      await order.waitFor('已签字');
      await order.submitButton().click();
      await order.waitFor('已提交');
      // (No look at 待同步 here: signed in, the app may sync the order on its own at once.)
      const orderUrl = page.url();
      /** 立即同步 in the sync centre, then back to the order. */
      const syncNow = async () => {
        await sync.open();
        await sync.syncNow(/同步完成/);
        await page.goto(orderUrl);
        await order.submittedBanner().waitFor();
      };

      // 立即同步: the platform has it; BOSS opens it; the portal home lists the tea company.
      await syncNow();
      await expect(order.submittedBanner()).toHaveAttribute('data-stage', 'received');
      const { processed } = await platform.admin<{ processed: { status: string }[] }>('POST', '/admin/boss/process');
      expect(processed).toMatchObject([{ status: 'opened' }]);
      expect(await promotedOnWebHome(platform)).toEqual([TEA]);

      // The next sync brings the opening back: the order page says so.
      await syncNow();
      await expect(order.submittedBanner()).toHaveAttribute('data-stage', 'opened');
      await app.shot('promotion-opened');
    });
  },
);
