/**
 * The site builder when things go wrong: a save that meets a newer revision (saved in another
 * window while this one missed the news) reloads, says so in Chinese and keeps what was typed; and
 * hostile text typed into the editor (markup, a javascript: link) never becomes markup or a link in
 * any preview. Browser mode as a real process, Debian's Chromium; screenshots in
 * test-results/e2e/<project>/sites-builder-safety/.
 */
import type { Site } from '../../shared/api/sites';
import { type WebProcess } from '../helpers/webProcess';
import { describeWith, expect, test, type BrowserSession } from './fixtures';
import { api, importTeaSite } from './teaCompany';
import { AppShell } from './pages/AppShell';
import { SiteBuilderPage } from './pages/sitesBuilder';
import { watchToasts } from './pages/toasts';

/** The tea company with its Word document and one photo imported. */
const teaSite = (web: WebProcess) => importTeaSite(web, ['公司资料.docx', 'photos/龙井.jpg']);

function findItem(site: Site, name: string) {
  const item = site.content.columns.flatMap((c) => c.items).find((i) => i.kind === 'product' && i.name === name);
  if (!item || item.kind !== 'product') throw new Error(`no product ${name}`);
  return item;
}

describeWith(['chromium'], 'site builder: stale saves and hostile text (browser mode, Chromium)', () => {
  test.describe.configure({ timeout: 300_000 });
  const start = async (session: BrowserSession) => ({ web: await session.startWeb(), page: await session.newPage() });

  test('a save that meets a newer revision reloads with a Chinese message, keeps the typing, and saves both changes the second time', async ({
    session,
    screenshots,
  }) => {
    const { web, page: p } = await start(session);
    const { enterpriseId, siteId } = await teaSite(web);
    // This window misses the news of other saves (no server-sent events), as after a dropped connection.
    await p.route('**/api/events**', (route) => route.abort());
    const app = new AppShell(p, screenshots('sites-builder-safety'));
    const site = new SiteBuilderPage(p);
    await app.open(web.openUrl, `#/enterprises/${enterpriseId}/site`);
    await site.waitForRevision(1);
    await site.openItem('产品介绍', '明前龙井');
    await site.field('item-spec').fill('250克/罐（本窗口）');

    // Meanwhile another window renames the product.
    const before = await api<Site>(web, 'sites.get', { siteId });
    const product = findItem(before, '明前龙井');
    await api(web, 'sites.updateItem', {
      siteId,
      revision: before.revision,
      itemId: product.id,
      item: { ...product, name: '明前龙井（特级）' },
    });

    const toasts = await watchToasts(p);
    await site.saveItem();
    await toasts.shown(/网站刚在别处.*保存过，已载入最新内容/);
    await site.waitForRevision(2);
    // What was typed is still there; the other window's rename came in beside it.
    await expect(site.field('item-spec')).toHaveValue('250克/罐（本窗口）');
    await expect(site.field('item-title')).toHaveValue('明前龙井（特级）');
    await p.getByText('未保存', { exact: true }).first().waitFor();
    await app.shot('stale-save-reloaded-typing-kept');

    await site.saveItem();
    await site.waitForRevision(3);
    await p.getByText('已全部保存').waitFor();
    const after = findItem(await api<Site>(web, 'sites.get', { siteId }), '明前龙井（特级）');
    expect(after.spec).toBe('250克/罐（本窗口）');
    await app.shot('both-changes-saved');
  });

  test('markup typed as text stays text in every preview, and a javascript: link is refused', async ({ session, screenshots }) => {
    const { web, page: p } = await start(session);
    const { enterpriseId } = await teaSite(web);
    const dialogs: string[] = [];
    p.on('dialog', (d) => (dialogs.push(d.message()), void d.dismiss()));
    const app = new AppShell(p, screenshots('sites-builder-safety'));
    const site = new SiteBuilderPage(p);
    await app.open(web.openUrl, `#/enterprises/${enterpriseId}/site`);
    await site.waitForRevision(1);
    await site.openItem('产品介绍', '明前龙井');

    const hostile = '<img src=x onerror=alert(1)>龙井';
    await site.field('item-title').fill(hostile);
    const description = site.field('item-description').locator('[contenteditable="true"]').first();
    await description.click();
    await p.keyboard.press('Control+A');
    await p.keyboard.type('<script>alert(2)</script>官网');
    // A link on the selected text: javascript: is refused in Chinese; a web address is accepted.
    await p.keyboard.press('Shift+ArrowLeft');
    await p.keyboard.press('Shift+ArrowLeft');
    await site.field('item-description').getByRole('button', { name: '链接', exact: true }).click();
    const address = p.getByRole('textbox', { name: '链接地址' });
    await address.fill('javascript:alert(3)');
    await address.press('Enter');
    await p.getByText('链接只能是 http(s)、mailto 或 tel 地址').waitFor();
    await app.shot('javascript-link-refused');
    await address.fill('www.quanchengtea.example');
    await address.press('Enter');
    await expect(description.locator('a')).toHaveAttribute('href', 'https://www.quanchengtea.example');
    await site.saveItem();
    await site.waitForRevision(2);

    // WEB: the page carries the text escaped; the frame runs nothing (empty sandbox).
    await site.preview('desktop');
    await expect
      .poll(() => site.frameDocument('preview-frame-web'), { timeout: 30_000 })
      .toContain('&lt;img src=x onerror=alert(1)&gt;龙井');
    const html = await site.frameDocument('preview-frame-web');
    expect(html).not.toContain('<script>alert(2)');
    expect(html).toContain('&lt;script&gt;alert(2)&lt;/script&gt;');
    expect(html).toContain('data-href="https://www.quanchengtea.example"');
    await expect(p.getByTestId('preview-frame-web')).toHaveAttribute('sandbox', '');
    await app.shot('web-preview-text-only');

    // WAP 2.0 in its frame, WAP 1.0 on the phone, SMS: the same characters, as text.
    await site.preview('wap2');
    await expect.poll(() => site.frameDocument('preview-frame-wap2')).toContain('&lt;script&gt;alert(2)&lt;/script&gt;');
    await expect(p.getByTestId('preview-frame-wap2')).toHaveAttribute('sandbox', '');
    await site.preview('wap1');
    await expect(site.wmlBody()).toContainText('<script>alert(2)</script>官网');
    await expect(site.wmlTitle()).toContainText('<img');
    await expect(site.wmlBody().locator('img, script')).toHaveCount(0);
    await app.shot('wap1-text-only');
    await site.preview('sms');
    await site.sendSms('0');
    await site.sendSms('2');
    await site.sendSms('1');
    await expect(site.smsReplies().last()).toContainText(hostile);
    await app.shot('sms-text-only');
    expect(dialogs).toEqual([]);
  });
});
