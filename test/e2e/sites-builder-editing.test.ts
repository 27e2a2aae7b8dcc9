/**
 * Editing a site in the builder: columns added, renamed, dragged into place and hidden from one
 * channel; an item added with 面议; SMS lottery odds refused in Chinese over 100% (what was typed
 * stays) and accepted once fixed; an own Chinese domain checked as typed with its xn-- form.
 * Browser mode as a real process, Debian's Chromium; screenshots in test-results/e2e/sites-builder-editing/.
 */
import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import type { Site } from '../../shared/api/sites';
import { sortedColumns } from '../../shared/sites/model';
import { tempDir } from '../helpers/backend';
import { launchChromium } from '../helpers/chromium';
import { REPO_ROOT } from '../helpers/paths';
import { describeWith } from '../helpers/systemTools';
import { startWebProcess, type WebProcess } from '../helpers/webProcess';
import { AppShell } from './pages/AppShell';
import { ensureRendererBuilt } from './pages/renderer';
import { SiteBuilderPage } from './pages/sitesBuilder';

const SHOTS = path.join(REPO_ROOT, 'test-results', 'e2e', 'sites-builder-editing');
const MATERIAL = path.join(REPO_ROOT, 'test', 'fixtures', 'materials', 'quancheng-tea');

async function api<T>(web: WebProcess, name: string, input: unknown): Promise<T> {
  const result = (await web.call(name, input)) as { ok: boolean; value?: T; error?: { code: string; message: string } };
  if (!result.ok) throw new Error(`${name}: ${result.error?.code} ${result.error?.message}`);
  return result.value!;
}

describeWith(['chromium'], 'site builder: editing columns, items, SMS settings and the domain (browser mode, Chromium)', () => {
  let browser: Browser;
  let web: WebProcess | null = null;
  let page: Page | null = null;
  const dirs: string[] = [];

  beforeAll(async () => {
    rmSync(SHOTS, { recursive: true, force: true });
    ensureRendererBuilt();
    browser = await launchChromium();
  });
  afterEach(async () => {
    await page?.close();
    await web?.stop();
    page = null;
    web = null;
  });
  afterAll(async () => {
    await browser?.close();
    dirs.forEach((d) => rmSync(d, { recursive: true, force: true }));
  });

  it('adds, renames, reorders and hides a column, adds a 面议 product, refuses lottery odds over 100% and sets a Chinese domain', async () => {
    const dataDir = tempDir('ecw-e2e-sites-editing-');
    dirs.push(dataDir);
    web = await startWebProcess(dataDir);
    const e = JSON.parse(readFileSync(path.join(MATERIAL, 'enterprise.json'), 'utf8')) as Record<string, never>;
    await api(web, 'system.setOperator', { name: '李敏', channel: 'customer_manager' });
    const { id: enterpriseId } = await api<{ id: string }>(web, 'enterprises.create', {
      name: e.name, creditCode: e.creditCode, industrySection: e.industrySection, region: e.region, address: e.address, contact: e.contact, manager: '李敏', channel: 'customer_manager',
    });
    const files = ['公司资料.docx', '补充说明.txt'].map((name) => ({ name, base64: readFileSync(path.join(MATERIAL, name)).toString('base64') }));
    const { siteId } = await api<{ siteId: string }>(web, 'sites.import', { enterpriseId, files });
    const saved = () => api<Site>(web!, 'sites.get', { siteId });

    page = await browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
    const p = page;
    const app = new AppShell(p, SHOTS);
    const site = new SiteBuilderPage(p);
    await app.open(web.openUrl, `#/enterprises/${enterpriseId}/site`);
    await site.waitForRevision(1);
    await site.tab('栏目内容');

    // A new column: an empty title is refused in Chinese, then 门店地址.
    await p.getByTestId('column-add').click();
    await p.getByRole('button', { name: '添加栏目' }).click();
    await p.getByRole('dialog').getByText('请填写这一项').waitFor();
    await p.getByTestId('new-column-title').fill('门店地址');
    await p.getByTestId('new-column-title').press('Enter');
    await site.waitForRevision(2);
    await expect(p.getByTestId('column-title').inputValue()).resolves.toBe('门店地址');

    // Renamed where it is shown; saved when the field is left.
    await p.getByTestId('column-title').fill('门店与地址');
    await p.getByTestId('column-title').press('Enter');
    await site.waitForRevision(3);
    await site.column('门店与地址').waitFor();

    // Dragged to the top of the list: the site's navigation follows.
    await site.column('门店与地址').dragTo(site.column('公司简介'));
    await site.waitForRevision(4);
    expect(sortedColumns((await saved()).content)[0]!.title).toBe('门店与地址');
    await expect(p.getByTestId('column-row').first().innerText()).resolves.toContain('门店与地址');
    await app.shot('column-added-renamed-moved');

    // Hidden from WAP 1.0 only: the WML home deck leaves it out, the WEB navigation keeps it.
    await p.getByTestId('column-channels').getByText('WAP 1.0').click();
    await site.waitForRevision(5);
    await site.preview('wap1');
    await site.choosePage('首页');
    await expect.poll(() => site.wmlBody().innerText()).toContain('公司简介');
    await expect(site.wmlBody().innerText()).resolves.not.toContain('门店与地址');
    await site.preview('desktop');
    await site.choosePage('首页');
    await expect.poll(() => site.frameDocument('preview-frame-web')).toContain('门店与地址');
    await app.shot('column-hidden-from-wap1');

    // A new product with 面议.
    await site.column('产品介绍').click();
    await p.getByTestId('item-add').click();
    await site.waitForRevision(6);
    await p.getByTestId('item-editor').waitFor();
    await site.field('item-title').fill('泉城茉莉花茶');
    await p.getByTestId('item-editor').getByText('面议', { exact: true }).click();
    await site.saveItem();
    await site.waitForRevision(7);
    await expect.poll(() => site.frameDocument('preview-frame-web')).toMatch(/泉城茉莉花茶[\s\S]*面议/);
    await app.shot('product-negotiable');

    // Lottery odds over 100%: refused in Chinese, nothing typed lost; fixed and saved.
    await site.tab('短信网站');
    const odds = p.getByTestId('prize-odds');
    await odds.first().fill('99.5');
    await p.getByTestId('sms-save').click();
    await app.toast('有几处需要修改，已标红').waitFor();
    await p.getByText('各奖品的中奖率合计不能超过 100%').waitFor();
    await expect(odds.first().inputValue()).resolves.toBe('99.50');
    await p.getByText('未保存', { exact: true }).first().waitFor();
    await app.shot('lottery-odds-refused');
    await odds.first().fill('0.5');
    await p.getByTestId('sms-save').click();
    await site.waitForRevision(8);
    expect((await saved()).content.sms.lottery?.prizes[0]?.chancePer10000).toBe(50);

    // The enterprise's own domain, in Chinese: checked as typed, saved with its DNS form shown.
    await site.tab('域名');
    await p.getByRole('radio', { name: '使用企业自己的域名' }).check();
    await p.getByTestId('domain-name').fill('quancheng..cn');
    await p.getByTestId('domain-check').getByText('域名格式不正确', { exact: false }).waitFor();
    await expect(p.getByTestId('domain-save').isDisabled()).resolves.toBe(true);
    await p.getByTestId('domain-name').fill('泉城茶业.中国');
    await p.getByTestId('domain-check').getByText('xn--', { exact: false }).waitFor();
    await app.shot('own-domain-checked');
    await p.getByTestId('domain-save').click();
    await site.waitForRevision(9);
    const domain = (await saved()).content.domain;
    expect(domain).toEqual({ kind: 'own', name: '泉城茶业.中国' });
    await p.getByTestId('site-builder').getByText(/https:\/\/xn--[a-z0-9-]+\.xn--fiqs8s\//).first().waitFor();
  }, 400_000);
});
