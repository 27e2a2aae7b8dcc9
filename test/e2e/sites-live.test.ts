/**
 * The whole loop of a site going live (issue 10), as one story against a real platform process:
 * the customer manager signs the tea company's opening order and submits it, the platform's BOSS
 * simulation opens it, the tea folder becomes the site, the customer signs it off, a sync publishes
 * it and the site page says it is live. Then the public listener is visited as a PC, a WAP 2.0 phone
 * and a WML feature phone would (each page valid in its channel), a Chromium visitor leaves a message
 * on the WEB site and a feature phone posts one with a WML postfield; after a sync the leads screen
 * lists both with the unread count in the navigation, and the enterprise page's visit chart counts
 * the page views made. Screenshots go to test-results/e2e/<project>/site-live/.
 */
import { chromium } from '@playwright/test';
import { WML_DECK_BUDGET } from '../../shared/sites';
import { CHROMIUM_ARGS, chromiumPath } from '../helpers/requirements';
import { BROWSER, requestSite, resolveEveryHostTo, wmlFormPost, WML_ONLY, XHTML_MP } from '../helpers/publicSite';
import { asFile, htmlProblems, writeTemp, xml2wbxmlSizes, xmllintProblems } from '../unit/sites/oracles';
import { describeWith, expect, LAPTOP, test } from './fixtures';
import { AppShell } from './pages/AppShell';
import { EnterpriseDetailPage } from './pages/EnterpriseDetailPage';
import { LeadsPage } from './pages/leads';
import { NewOrderPage } from './pages/NewOrderPage';
import { OrderPage } from './pages/OrderPage';
import { SiteBuilderPage } from './pages/sitesBuilder';
import { SyncCentre } from './pages/syncCentre';
import { api, createTeaCompany, MATERIAL } from './teaCompany';

const TEA = '济南泉城茶业有限公司';
const WEB_MESSAGE = '<b>想订</b> 20 盒明前龙井做中秋礼品，请报团购价';
const WML_MESSAGE = '要一份茶叶价目表';

interface VisitStats {
  days: { date: string; channel: string; pv: number; uv: number }[];
}

describeWith(
  ['chromium', 'xmllint', 'xml2wbxml', '../shared'],
  "sites go live: from the signed order to visitors' messages on the laptop (browser mode, Chromium, real platform)",
  () => {
    test.describe.configure({ timeout: 600_000 });

    test(
      "the tea company's opened site goes live, is valid in every channel, takes a WEB and a WML message and counts its visits",
      { tag: LAPTOP },
      async ({ session, platform, screenshots }) => {
        const web = await session.startWeb();
        const enterpriseId = await createTeaCompany(web);
        const page = await session.newPage();
        const shots = screenshots('site-live');
        const app = new AppShell(page, shots);
        const sync = new SyncCentre(page);
        const detail = new EnterpriseDetailPage(page);
        const newOrder = new NewOrderPage(page);
        const order = new OrderPage(page);
        const site = new SiteBuilderPage(page);
        const leads = new LeadsPage(page);
        const enterprisePage = async () => {
          await app.open(web.openUrl, `#/enterprises/${enterpriseId}`);
          await detail.waitFor(TEA);
        };
        const syncNow = async () => {
          await sync.open();
          await sync.syncNow(/同步完成/);
        };

        // Signed in to the province's platform as the Jinan customer manager.
        await app.open(web.openUrl);
        await sync.open();
        const manager = platform.login('jn.manager');
        expect(await sync.signIn(platform.url, manager.user, manager.password)).toBeNull();
        await sync.waitForState('up_to_date');

        // The opening order for 企业建站 标准版, signed by the customer and submitted.
        await enterprisePage();
        await detail.newOrderButton().click();
        await newOrder.waitFor();
        await newOrder.plan('site-standard').click();
        await newOrder.chosen('site-standard').waitFor();
        await page.getByTestId('order-create').click();
        await order.waitFor('草稿');
        await order.drawSignature();
        await order.confirmSignature();
        await order.waitFor('已签字');
        await order.documentLoaded();
        await order.submitButton().click();
        await order.waitFor('已提交');
        await app.shot('order-submitted');

        // Synced, opened by the platform's BOSS simulation, synced back: the enterprise is open.
        await syncNow();
        const { processed } = await platform.admin<{ processed: unknown[] }>('POST', '/admin/boss/process');
        expect(processed).toHaveLength(1);
        await syncNow();
        await enterprisePage();
        await sync.platformCard().getByTestId('platform-status').getByText('已开通').waitFor();
        await page.getByTestId('order-row').getByTestId('order-status').getByText('已开通').waitFor();
        await app.shot('enterprise-opened');

        // The tea folder becomes the site; nothing is on the platform yet.
        await page.getByTestId('enterprise-site').click();
        await page.getByTestId('no-site').waitFor();
        await site.importFolder(MATERIAL);
        await site.waitForRevision(1);
        await expect(site.publicationStatus()).toHaveText('未发布');
        await app.shot('site-imported');

        // The folder had no message board: the manager adds one (留言板 is its type's own title).
        await site.tab('栏目内容');
        await page.getByTestId('column-add').click();
        const dialog = page.getByRole('dialog');
        // The type from the keyboard: down the list until 留言板 is the active option, then Enter.
        await dialog.locator('#new-column-type').focus();
        await page.keyboard.press('ArrowDown');
        const activeType = page.locator('.ant-select-dropdown:visible .ant-select-item-option-active');
        await expect(async () => {
          if ((await activeType.innerText({ timeout: 2_000 })) !== '留言板') await page.keyboard.press('ArrowDown');
          await expect(activeType).toHaveText('留言板', { timeout: 500 });
        }).toPass({ timeout: 30_000 });
        await page.keyboard.press('Enter');
        await expect(page.getByTestId('new-column-title')).toHaveValue('留言板');
        await app.shot('new-guestbook-column');
        await dialog.getByRole('button', { name: '添加栏目' }).click();
        await expect(dialog).toBeHidden();
        await site.column('留言板').waitFor();

        // The customer signs it off: that queues the publication, which the next sync (the app's own, or 立即同步) sends.
        await site.tab('确认与导出');
        await site.drawSignature();
        await page.getByTestId('signoff-confirm').click();
        await page.getByTestId('signoff-stored').waitFor({ timeout: 60_000 });
        const { id: siteId, revision } = await api<{ id: string; revision: number }>(web, 'sites.getForEnterprise', { enterpriseId });
        await page.getByTestId('signoff-card').getByTestId('signoff-state').getByText(`客户已确认第 ${revision} 版`).waitFor();
        await app.shot('signed-off');

        // Synced: live, with its host and addresses on the site page.
        await syncNow();
        await app.open(web.openUrl, `#/enterprises/${enterpriseId}/site`);
        await expect(site.publicationStatus()).toHaveText('已上线');
        const publication = await api<{ host: string; liveRevision: number; urls: { web: string; wap: string } }>(
          web,
          'sites.publication',
          { siteId },
        );
        expect(publication.liveRevision).toBe(revision);
        expect(publication.host).toBe(`quanchengtea.${platform.sitesDomain}`);
        await expect(site.publication()).toContainText(publication.host);
        await expect(site.publication()).toContainText(`第 ${revision} 版（`);
        await expect(site.publication().getByTestId('publication-differs')).toHaveCount(0);
        await app.shot('site-live');

        // One address, three audiences: each answer valid in its channel.
        const host = publication.host;
        const asPc = await requestSite(platform.publicUrl, host, '/', { accept: BROWSER });
        const asWap2 = await requestSite(platform.publicUrl, host, '/', { accept: XHTML_MP });
        const asWml = await requestSite(platform.publicUrl, host, '/', { accept: WML_ONLY });
        expect([asPc.status, asWap2.status, asWml.status]).toEqual([200, 200, 200]);
        expect([asPc.headers['content-type'], asWap2.headers['content-type'], asWml.headers['content-type']]).toEqual([
          'text/html; charset=utf-8',
          'application/vnd.wap.xhtml+xml; charset=utf-8',
          'text/vnd.wap.wml; charset=utf-8',
        ]);
        for (const answer of [asPc, asWap2, asWml]) expect(answer.body).toContain('泉城茶');
        expect(htmlProblems([asFile('index.html', asPc.body)])).toEqual([]);
        const { dir, cleanup } = writeTemp([asFile('index.xhtml', asWap2.body), asFile('index.wml', asWml.body)]);
        try {
          expect(xmllintProblems(dir, ['index.xhtml', 'index.wml'])).toEqual([]);
          const [deckBytes] = (await xml2wbxmlSizes(dir, ['index.wml'])).values();
          expect(deckBytes).toBeLessThanOrEqual(WML_DECK_BUDGET);
        } finally {
          cleanup();
        }

        // A visitor on a PC: the home page, then 留言板 from its navigation, and a message.
        const visitorBrowser = await chromium.launch({
          executablePath: chromiumPath,
          args: [...CHROMIUM_ARGS, resolveEveryHostTo(platform.publicUrl)],
        });
        try {
          const visitor = await visitorBrowser.newPage({ viewport: page.viewportSize()!, locale: 'zh-CN' });
          await visitor.goto(`http://${host}/`);
          await shots.take(visitor, 'visitor-home');
          await visitor.getByRole('link', { name: '留言板' }).first().click();
          await visitor.locator('form.guestbook').waitFor();
          await visitor.fill('#gb-name', '赵女士');
          await visitor.fill('#gb-phone', '13912345678');
          await visitor.fill('#gb-message', WEB_MESSAGE);
          await shots.take(visitor, 'visitor-message-typed');
          await Promise.all([visitor.waitForURL(/\/guestbook/), visitor.locator('form.guestbook button[type=submit]').click()]);
          await expect(visitor.locator('h1')).toHaveText('留言已提交');
          await shots.take(visitor, 'visitor-message-sent');
        } finally {
          await visitorBrowser.close();
        }

        // A feature phone: 留言板 from the WML home deck, the message and number typed, 提交 posts the deck's postfields.
        const guestbookDeckPath = /<a\s[^>]*href="([^"]+)"[^>]*>[^<]*留言板/.exec(asWml.body)?.[1];
        expect(guestbookDeckPath, 'the WML home deck links to 留言板').toBeDefined();
        // Relative addresses resolve against the deck's own address, as the phone's browser resolves them.
        const guestbookDeckUrl = new URL(guestbookDeckPath!, `http://${host}/`);
        const guestbookDeck = await requestSite(platform.publicUrl, host, guestbookDeckUrl.pathname, { accept: WML_ONLY });
        expect(guestbookDeck.status).toBe(200);
        const form = wmlFormPost(guestbookDeck.body, { msg: WML_MESSAGE, tel: '13812345678' });
        const phone = await requestSite(platform.publicUrl, host, new URL(form.action, guestbookDeckUrl).pathname, {
          accept: WML_ONLY,
          method: 'POST',
          body: form.body,
        });
        expect(phone.status).toBe(200);
        expect(phone.headers['content-type']).toBe('text/vnd.wap.wml; charset=utf-8');

        // The page views made: WEB 3 (the check's home page, the visitor's home page and 留言板; confirmations
        // are not pages of the site), WAP 2.0 1, WAP 1.0 2 (home and 留言板). Visitors: an address and a browser per channel.
        const expected = [
          { channel: 'web', pv: 3, uv: 2 },
          { channel: 'wap2', pv: 1, uv: 1 },
          { channel: 'wap1', pv: 2, uv: 1 },
        ];
        // The platform writes its counts within half a second; sync until the desktop has them.
        await expect(async () => {
          await syncNow();
          const { days } = await api<VisitStats>(web, 'sites.visitStats', { enterpriseId, days: 30 });
          expect(
            days
              .map(({ channel, pv, uv }) => ({ channel, pv, uv }))
              .sort((a, b) => expected.findIndex((e) => e.channel === a.channel) - expected.findIndex((e) => e.channel === b.channel)),
          ).toEqual(expected);
        }).toPass({ timeout: 60_000 });

        // Both messages on the laptop, the unread count beside 留言线索; the visitor's markup shown as typed.
        await expect(leads.unhandledBadge()).toHaveText('2');
        await leads.open();
        await expect(leads.rows()).toHaveCount(2);
        await expect(leads.rows().filter({ hasText: WEB_MESSAGE })).toContainText(/WEB.*赵女士.*13912345678/);
        await expect(leads.rows().filter({ hasText: WML_MESSAGE })).toContainText(/WAP 1\.0.*13812345678/);
        await expect(leads.table().locator('b')).toHaveCount(0);
        await app.shot('leads');

        // The enterprise page's chart of the last 30 days: the page views and visitors counted.
        await enterprisePage();
        const stats = page.getByTestId('visit-stats');
        await stats.scrollIntoViewIfNeeded();
        await expect(stats.locator('.ant-statistic').filter({ hasText: '浏览量 PV' }).locator('.ant-statistic-content')).toHaveText('6');
        await expect(stats.locator('.ant-statistic').filter({ hasText: '访客数 UV' }).locator('.ant-statistic-content')).toHaveText('4');
        const chart = stats.getByRole('img', { name: '近 30 天各渠道访问量折线图' });
        await expect(chart.locator('svg')).toBeVisible();
        for (const channel of ['WEB', 'WAP 2.0', 'WAP 1.0']) await expect(chart.locator('svg text', { hasText: channel })).toHaveCount(1);
        // ECharts draws its lines in over a second (a growing clip): the picture is taken once two looks 300 ms apart agree.
        const standsStill = async () => (await chart.screenshot()).equals(await page.waitForTimeout(300).then(() => chart.screenshot()));
        await expect.poll(standsStill, { intervals: [0] }).toBe(true);
        await app.shot('visit-chart');
      },
    );
  },
);
