/**
 * The site builder end to end, as a customer manager uses it: browser mode (a real child process)
 * on a fresh data directory, Debian's Chromium. The tea company's folder goes in through the folder
 * picker; the broken photo is reported by name, products get their photos, one guess is undone, a
 * photo placed by hand from the tray, a template chosen, an item edited with the preview following as it is typed, the WAP 1.0 phone
 * driven with its keys, the SMS site texted, the site exported (the zip downloaded and opened) and
 * signed off by the customer. A screenshot of every step goes to test-results/e2e/<project>/sites-builder/.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { unzipSync, strFromU8 } from 'fflate';
import { countWithSignature } from '../../shared/sites/sms/count';
import { describeWith, expect, LAPTOP, test } from './fixtures';
import { api, createTeaCompany, MATERIAL } from './teaCompany';
import { AppShell } from './pages/AppShell';
import { SiteBuilderPage } from './pages/sitesBuilder';

describeWith(
  ['chromium'],
  "site builder: from the customer's folder to signed-off, exported WEB/WAP/SMS sites (browser mode, Chromium)",
  () => {
    test.describe.configure({ timeout: 600_000 });

    test(
      "imports the tea company's folder, fixes and previews the site in every channel, exports it and gets the customer's sign-off",
      { tag: LAPTOP },
      async ({ session, screenshots }) => {
        const dataDir = session.newDir();
        const web = await session.startWeb(dataDir);
        const enterpriseId = await createTeaCompany(web);
        const page = await session.newPage();
        const app = new AppShell(page, screenshots('sites-builder'));
        const site = new SiteBuilderPage(page);
        const p = page;

        // From the enterprise's page to its (empty) builder.
        await app.open(web.openUrl, `#/enterprises/${enterpriseId}`);
        await p.getByTestId('enterprise-site').click({ timeout: 30_000 });
        await p.getByTestId('no-site').waitFor();
        await app.shot('no-site-yet');

        // The whole folder through the folder picker.
        await site.importFolder(MATERIAL);
        await site.waitForRevision(1);
        await expect(site.summaryValue('columns')).toHaveText('6');
        await expect(site.summaryValue('items')).toHaveText('11');
        // Five product photos by name, and the photos of places (茶园, 门店) in the intro column (issue 9): none left unsorted.
        await expect(site.summaryValue('photos')).toHaveText('7');
        await expect(site.summaryValue('unsorted')).toHaveText('0');
        // The broken "photo" is named with the reason in Chinese; the rest of the folder went in.
        await expect(site.problems()).toHaveCount(1);
        await site.problems().filter({ hasText: 'IMG_0042.JPG' }).getByText('不是图片', { exact: false }).waitFor();
        await site.guess('「产品介绍」→ 产品展示栏目').waitFor();
        await site.guess('普洱.jpg → 「云南普洱熟茶」的图片').waitFor();
        await expect(site.trayEntries()).toHaveCount(0);
        await app.shot('folder-imported');

        // The products with their photos, in the editor and in the WEB preview.
        await site.tab('栏目内容');
        await site.column('产品介绍').click();
        for (const name of ['明前龙井', '安溪铁观音', '云南普洱熟茶', '武夷大红袍']) await site.itemRow(name).locator('img').waitFor();
        await expect(site.itemRow('崂山绿茶').locator('img')).toHaveCount(0);
        await expect
          .poll(async () => (await site.frameDocument('preview-frame-web')).match(/<img[^>]+src="data:image\//g)?.length ?? 0, {
            timeout: 30_000,
          })
          .toBeGreaterThanOrEqual(4);
        await app.shot('products-with-photos');

        // One guess undone: 普洱.jpg leaves the product and waits in the tray.
        await site.tab('导入资料');
        await site.guess('普洱.jpg → 「云南普洱熟茶」的图片').getByTestId('guess-undo').click();
        await site.waitForRevision(2);
        await expect(site.guess('普洱.jpg')).toHaveCount(0);
        await site.trayEntries().filter({ hasText: '普洱.jpg' }).waitFor();
        await expect(site.trayEntries()).toHaveCount(1);
        await app.shot('guess-undone');
        await site.tab('栏目内容');
        await site.column('产品介绍').click();
        await expect(site.itemRow('云南普洱熟茶').locator('img')).toHaveCount(0);

        // Placed by hand from the tray instead: 普洱.jpg as the picture of 云南普洱熟茶.
        await site.tab('导入资料');
        await site.moveFromTray('普洱.jpg', ['作为图片，加到', '产品介绍', '云南普洱熟茶']);
        await site.waitForRevision(3);
        await expect(site.trayEntries()).toHaveCount(0);
        await site.tab('栏目内容');
        await site.column('产品介绍').click();
        await site.itemRow('云南普洱熟茶').locator('img').waitFor();
        await app.shot('tray-photo-placed');

        // The template picker: real thumbnails of this site; the tea template suggested for 批发和零售业.
        await site.tab('模板');
        await p.getByTestId('template-retail-tea').getByTestId('template-suggested').waitFor();
        const thumbnail = site.templateChoice('retail-tea', 'brown').locator('iframe');
        await expect(thumbnail).toHaveAttribute('srcdoc', /济南泉城茶业有限公司/, { timeout: 60_000 });
        await expect(thumbnail).toHaveAttribute('srcdoc', /#6d4c2f/);
        await app.shot('template-picker');
        await site.templateChoice('retail-tea', 'brown').click();
        await site.waitForRevision(4);
        await expect.poll(() => site.frameDocument('preview-frame-web'), { timeout: 30_000 }).toContain('#6d4c2f');
        await app.shot('template-chosen');

        // An item edited: the preview follows as it is typed (before saving), markup typed shows as text.
        await site.openItem('产品介绍', '明前龙井');
        await site.field('item-spec').fill('250克/罐 <i>特级</i>');
        await expect.poll(() => site.frameDocument('preview-frame-web'), { timeout: 30_000 }).toContain('250克/罐 &lt;i&gt;特级&lt;/i&gt;');
        await p.getByText('含未保存的修改').waitFor();
        await app.shot('item-edited-live-preview');
        await site.saveItem();
        await site.waitForRevision(5);
        await p.getByText('已全部保存').waitFor();

        // WAP 1.0 on a feature phone: number keys, 选择 and 返回.
        await site.preview('wap1');
        await site.choosePage('首页');
        await expect(site.wmlTitle()).toHaveText('泉城茶业');
        await app.shot('wap1-home');
        await site.wmlKey('2');
        await expect(site.wmlTitle()).toHaveText('产品介绍');
        await site.wmlKey('down');
        await site.wmlKey('up');
        await site.wmlKey('select');
        await expect(site.wmlTitle()).toHaveText('明前龙井');
        await expect(site.wmlBody()).toContainText('250克/罐 <i>特级</i>');
        await app.shot('wap1-item');
        await site.wmlKey('back');
        await expect(site.wmlTitle()).toHaveText('产品介绍');
        await site.wmlKey('back');
        await expect(site.wmlTitle()).toHaveText('泉城茶业');

        // The SMS site: 0 brings the menu, 1 the first column; each reply with its China billing count.
        await site.preview('sms');
        await site.sendSms('0');
        await site.smsReplies().first().getByText('回复数字查看', { exact: false }).waitFor();
        await site.sendSms('1');
        await expect(site.smsReplies()).toHaveCount(2);
        const reply = site.smsReplies().nth(1);
        await expect(reply.locator('.ecw-sms-text')).toHaveText(/^【泉城茶业】公司简介/);
        const text = await reply.locator('.ecw-sms-text').innerText();
        const billed = countWithSignature(text.slice('【泉城茶业】'.length), '泉城茶业');
        await expect(reply.getByTestId('sms-reply-count')).toHaveText(`${billed.chars} 字 · ${billed.messages} 条`);
        const menuText = await site.smsReplies().first().locator('.ecw-sms-text').innerText();
        const total = countWithSignature(menuText.slice('【泉城茶业】'.length), '泉城茶业').messages + billed.messages;
        await p.getByTestId('sms-total').getByText(`本次会话企业共发出 ${total} 条短信`).waitFor();
        await app.shot('sms-simulator');

        // The checks: the markup typed into 明前龙井 is an error (every channel shows it as code), a picture in
        // 公司简介 without alt text a warning; each 去修改 opens its field.
        await site.preview('report');
        await expect(p.getByTestId('report-finding')).toHaveCount(2);
        await p.getByTestId('report-finding').filter({ hasText: '网站会原样显示这段代码' }).getByTestId('finding-fix').click();
        await expect(site.field('item-spec')).toHaveValue('250克/罐 <i>特级</i>');
        await site.field('item-spec').fill('250克/罐 特级');
        await site.saveItem();
        await site.waitForRevision(6);
        await expect(p.getByTestId('report-finding')).toHaveCount(1);
        await p.getByTestId('report-finding').filter({ hasText: '图片没有填写说明' }).getByTestId('finding-fix').click();
        // 公司简介 has three pictures now (the two photos of places came with their names as alt text): the one without is focused.
        const alt = p.getByTestId('column-editor').locator('[data-testid="image-alt"]:focus');
        await expect(alt).toHaveCount(1);
        await expect(alt).toHaveValue('');
        await app.shot('report-fix-opens-field');
        await alt.fill('崂山自营茶园');
        await p.getByTestId('column-body-save').click();
        await site.waitForRevision(7);
        await p.getByText('检查通过').first().waitFor();
        await p.getByTestId('report-panel').getByText('没有发现问题').waitFor();
        await app.shot('report-all-clear');
        await site.preview('desktop');
        // Every frame on the page shows compiled pages: sandboxed with no permission at all.
        await expect(p.getByTestId('preview-frame-web')).toHaveAttribute('sandbox', '');
        await expect(p.locator('iframe:not([sandbox=""])')).toHaveCount(0);

        // Export: folder and zip on this machine, the zip offered as a download in browser mode.
        await site.tab('确认与导出');
        const download = await site.exportAndDownload();
        const zipFile = path.join(dataDir, 'downloaded.zip');
        await download.saveAs(zipFile);
        const files = unzipSync(new Uint8Array(readFileSync(zipFile)));
        for (const name of ['manifest.json', 'web/index.html', 'wap2/index.xhtml', 'wap1/index.wml', 'sms/menu.json'])
          expect(Object.keys(files)).toContain(name);
        const manifest = JSON.parse(strFromU8(files['manifest.json']!)) as { files: { path: string }[] };
        expect(manifest.files.length).toBeGreaterThan(20);
        const productPages = Object.keys(files)
          .filter((f) => f.startsWith('web/i/'))
          .map((f) => strFromU8(files[f]!));
        expect(productPages.some((html) => html.includes('250克/罐 特级'))).toBe(true);
        await app.shot('exported');

        // The customer signs what the previews show; the PDF goes to the enterprise's documents.
        await site.drawSignature();
        await app.shot('signature-drawn');
        await p.getByTestId('signoff-confirm').click();
        await p.getByTestId('signoff-stored').waitFor({ timeout: 60_000 });
        await p.getByTestId('signoff-card').getByTestId('signoff-state').getByText('客户已确认第 7 版').waitFor();
        const documents = await api<{ kind: string; title: string }[]>(web, 'documents.listForEnterprise', { enterpriseId });
        expect(documents.filter((d) => d.kind === 'site_signoff').map((d) => d.title)).toEqual(['网站确认单 第7版']);
        await app.shot('signed-off');

        // A change after the sign-off shows: the customer signed revision 7, the site is now 8.
        await site.tab('栏目内容');
        await site.column('联系我们').click();
        await p.getByTestId('column-channels').getByText('短信').click();
        await site.waitForRevision(8);
        await p.getByTestId('signoff-state').getByText('客户确认的是第 7 版，之后已修改（现为第 8 版）').waitFor();
        await app.shot('changed-after-signoff');
      },
    );
  },
);
