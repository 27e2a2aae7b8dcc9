/**
 * Editing a site in the builder: columns added, renamed, dragged into place and hidden from one
 * channel; an item added with 面议; SMS lottery odds refused in Chinese over 100% (what was typed
 * stays) and accepted once fixed; an own Chinese domain checked as typed with its xn-- form.
 * Browser mode as a real process, Debian's Chromium; screenshots in test-results/e2e/<project>/sites-builder-editing/.
 */
import type { Site } from '../../shared/api/sites';
import { sortedColumns } from '../../shared/sites/model';
import { describeWith, expect, LAPTOP, test } from './fixtures';
import { api, importTeaSite } from './teaCompany';
import { AppShell } from './pages/AppShell';
import { waitForDialogOpened } from './pages/popups';
import { SiteBuilderPage } from './pages/sitesBuilder';
import { watchToasts } from './pages/toasts';

describeWith(['chromium'], 'site builder: editing columns, items, SMS settings and the domain (browser mode, Chromium)', () => {
  test.describe.configure({ timeout: 400_000 });

  test(
    'adds, renames, reorders and hides a column, adds a 面议 product, refuses lottery odds over 100% and sets a Chinese domain',
    { tag: LAPTOP },
    async ({ session, screenshots }) => {
      const web = await session.startWeb();
      const { enterpriseId, siteId } = await importTeaSite(web, ['公司资料.docx', '补充说明.txt']);
      const saved = () => api<Site>(web, 'sites.get', { siteId });

      const p = await session.newPage();
      const app = new AppShell(p, screenshots('sites-builder-editing'));
      const site = new SiteBuilderPage(p);
      await app.open(web.openUrl, `#/enterprises/${enterpriseId}/site`);
      await site.waitForRevision(1);
      await site.tab('栏目内容');

      // A new column: an empty title is refused in Chinese, then 门店地址.
      await p.getByTestId('column-add').click();
      await waitForDialogOpened(p);
      await p.getByRole('button', { name: '添加栏目' }).click();
      await p.getByRole('dialog').getByText('请填写这一项').waitFor();
      await p.getByTestId('new-column-title').fill('门店地址');
      await p.getByTestId('new-column-title').press('Enter');
      await site.waitForRevision(2);
      // Closing, the dialog gives the keyboard back to 添加栏目 after its animation: an Enter typed
      // before that would open a new dialog. So the next keys wait until it is gone.
      await expect(p.getByRole('dialog')).toBeHidden();
      await expect(p.getByTestId('column-title')).toHaveValue('门店地址');

      // Renamed where it is shown; saved when the field is left.
      await p.getByTestId('column-title').fill('门店与地址');
      await p.getByTestId('column-title').press('Enter');
      await site.waitForRevision(3);
      await site.column('门店与地址').waitFor();

      // Dragged to the top of the list: the site's navigation follows.
      await site.column('门店与地址').dragTo(site.column('公司简介'));
      await site.waitForRevision(4);
      expect(sortedColumns((await saved()).content)[0]!.title).toBe('门店与地址');
      await expect(p.getByTestId('column-row').first()).toContainText('门店与地址');
      await app.shot('column-added-renamed-moved');

      // Hidden from WAP 1.0 only: the WML home deck leaves it out, the WEB navigation keeps it.
      await p.getByTestId('column-channels').getByText('WAP 1.0').click();
      await site.waitForRevision(5);
      await site.preview('wap1');
      await site.choosePage('首页');
      await expect(site.wmlBody()).toContainText('公司简介');
      await expect(site.wmlBody()).not.toContainText('门店与地址');
      await site.preview('desktop');
      await site.choosePage('首页');
      await expect.poll(() => site.frameDocument('preview-frame-web')).toContain('门店与地址');
      await app.shot('column-hidden-from-wap1');

      // A new product with 面议: named and filled as a draft, added (one revision) when confirmed.
      await site.column('产品介绍').click();
      await p.getByTestId('item-add').click();
      await p.getByTestId('item-editor').waitFor();
      await site.field('item-title').fill('泉城茉莉花茶');
      await p.getByTestId('item-price').fill('面议');
      await p.getByTestId('item-price-understood').getByText('面议', { exact: false }).waitFor();
      await site.saveItem();
      await site.waitForRevision(6);
      await expect.poll(() => site.frameDocument('preview-frame-web')).toMatch(/泉城茉莉花茶[\s\S]*面议/);
      await app.shot('product-negotiable');

      // Lottery odds over 100%: refused in Chinese, nothing typed lost; fixed and saved.
      await site.tab('短信网站');
      const odds = p.getByTestId('prize-odds');
      await odds.first().fill('99.5');
      const toasts = await watchToasts(p);
      await p.getByTestId('sms-save').click();
      await toasts.shown('有几处需要修改，已标红');
      await p.getByText('各奖品的中奖率合计不能超过 100%').waitFor();
      await expect(odds.first()).toHaveValue('99.50');
      await p.getByText('未保存', { exact: true }).first().waitFor();
      await app.shot('lottery-odds-refused');
      await odds.first().fill('0.5');
      await p.getByTestId('sms-save').click();
      await site.waitForRevision(7);
      expect((await saved()).content.sms.lottery?.prizes[0]?.chancePer10000).toBe(50);

      // The enterprise's own domain, in Chinese: checked as typed, saved with its DNS form shown.
      await site.tab('域名');
      await p.getByRole('radio', { name: '使用企业自己的域名' }).check();
      await p.getByTestId('domain-name').fill('quancheng..cn');
      await p.getByTestId('domain-check').getByText('域名格式不正确', { exact: false }).waitFor();
      await expect(p.getByTestId('domain-save')).toBeDisabled();
      await p.getByTestId('domain-name').fill('泉城茶业.中国');
      await p.getByTestId('domain-check').getByText('xn--', { exact: false }).waitFor();
      await app.shot('own-domain-checked');
      await p.getByTestId('domain-save').click();
      await site.waitForRevision(8);
      const domain = (await saved()).content.domain;
      expect(domain).toEqual({ kind: 'own', name: '泉城茶业.中国' });
      await p
        .getByTestId('site-builder')
        .getByText(/https:\/\/xn--[a-z0-9-]+\.xn--fiqs8s\//)
        .first()
        .waitFor();
    },
  );
});
