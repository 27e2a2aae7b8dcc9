/**
 * Onboarding end to end, as a new user meets it: Debian's Chromium against browser mode (a real
 * child process) on an empty data directory. First-run setup, an enterprise entered from the
 * keyboard (with mistakes fixed after their Chinese messages), a plan and its quote, the
 * customer's signature drawn with the mouse, the signed PDF (checked with pdftotext), submitted.
 * A screenshot of every step goes to test-results/e2e/onboarding/.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { assetFile } from '../../electron/backend/domains/assets/store';
import { available } from '../helpers/requirements';
import { type WebProcess } from '../helpers/webProcess';
import { describeWith, expect, LAPTOP, test } from './fixtures';
import { api } from './teaCompany';
import { AppShell } from './pages/AppShell';
import { EnterpriseDetailPage } from './pages/EnterpriseDetailPage';
import { EnterpriseFormPage } from './pages/EnterpriseFormPage';
import { EnterpriseListPage } from './pages/EnterpriseListPage';
import { NewOrderPage } from './pages/NewOrderPage';
import { OrderPage } from './pages/OrderPage';

const TEA = {
  name: '济南泉城茶业有限公司',
  creditCode: '91370100MA3C4Q7B0X',
  address: '泉城路188号',
  contact: '王建国',
  mobile: '13805310001',
  email: 'service@quanchengtea.example',
};

const newEnterpriseDraft = (web: WebProcess) => api<{ value: unknown } | null>(web, 'drafts.get', { key: 'enterprise-form:new' });

const pdfText = (file: string) => spawnSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).stdout.replace(/[ \t]+/g, ' ');

describeWith(
  ['chromium', 'pdftotext'],
  'onboarding: from an empty data directory to a submitted, signed order (browser mode, Chromium)',
  () => {
    test(
      'a new user signs up an enterprise by keyboard, quotes a plan, gets the signature and submits the signed order',
      { tag: LAPTOP },
      async ({ session, screenshots }) => {
        const dataDir = session.newDir();
        const web = await session.startWeb(dataDir);
        const app = new AppShell(await session.newPage(), screenshots('onboarding'));
        const p = app.page;
        const list = new EnterpriseListPage(p);
        const form = new EnterpriseFormPage(p);
        const detail = new EnterpriseDetailPage(p);
        const newOrder = new NewOrderPage(p);
        const order = new OrderPage(p);

        // First run: who is working here.
        await app.open(web.openUrl);
        await app.setUpOperator('李娜');
        await app.shot('first-run-operator');
        await app.confirmOperator();
        await list.waitForList();
        await expect(app.operatorName()).toHaveText('李娜');
        await list.empty().getByText('还没有集团客户').waitFor();
        await app.shot('empty-enterprise-list');

        // A new enterprise, keyboard only. Saving the empty form names the first missing field and goes there.
        await list.newEnterprise();
        await form.waitForFocus('ent-name');
        await form.save();
        await form.help('name').getByText('请填写企业名称').waitFor();
        await form.help('creditCode').getByText('请填写统一社会信用代码').waitFor();
        await form.waitForFocus('ent-name');
        await app.shot('empty-form-refused');

        await form.type(TEA.name);
        await form.tab();
        // A mistyped check character, in lower case: upper-cased as typed, the expected character named.
        await form.type('91370100ma3c4q7b0y');
        await form.help('creditCode').getByText('校验位不符（应为 X），可能有字符输错').waitFor();
        await expect(form.input('creditCode')).toHaveValue('91370100MA3C4Q7B0Y');
        await app.shot('credit-code-check-character');
        await form.backspace();
        await form.type('x');
        await form.help('creditCode').getByText('18 位，字母自动转为大写').waitFor();
        await expect(form.input('creditCode')).toHaveValue(TEA.creditCode);

        await form.tab();
        await form.waitForFocus('ent-industrySection');
        await form.choose('F', 'F 批发和零售业');
        await form.tab();
        await form.choose('52', '52 零售业');
        await form.tab();
        await form.waitForFocus('ent-region');
        await form.choose('历下', /山东省 \/ 济南市 \/ 历下/);
        await form.tab();
        await form.type(TEA.address);
        await form.tab();
        await form.type(TEA.contact);
        await form.tab();
        // One digit short: the message shows when the field is left; the missing digit fixes it.
        await form.type(TEA.mobile.slice(0, 10));
        await form.tab();
        await form.help('contact-mobile').getByText('请输入 11 位大陆手机号码').waitFor();
        await app.shot('mobile-too-short');
        await p.keyboard.press('Shift+Tab');
        await p.keyboard.press('End');
        await form.type(TEA.mobile.slice(10));
        await form.help('contact-mobile').getByText('中国移动号段（仅供参考）').waitFor();
        await form.tab();
        await form.type(TEA.email);
        await expect(form.input('manager')).toHaveValue('李娜');
        await app.shot('form-filled');
        await form.save();

        // The enterprise's page; the audit trail says who registered it.
        await detail.waitFor(TEA.name);
        await detail.info().getByText(TEA.creditCode).waitFor();
        await detail.info().getByText('山东省 济南市 历下区').waitFor();
        await detail.auditEntries().getByText('李娜 登记了客户').waitFor();
        await app.shot('enterprise-registered');

        // 办理业务 has the focus: Enter opens the order form, which starts on the order type.
        await expect(detail.newOrderButton()).toBeFocused();
        await p.keyboard.press('Enter');
        await newOrder.waitFor();
        await expect(newOrder.chosenKind()).toBeFocused();
        await newOrder.plan('power-comm-1').getByText('示例').waitFor();
        await p.keyboard.press('Tab');
        await p.keyboard.press('Space');
        await newOrder.chosen('site-standard').waitFor();
        await p.keyboard.press('Tab');
        await form.waitForFocus('order-date');
        await newOrder.typeDate('2026-11-16');
        // The exact quote before anything is signed: opened on the 16th, after the 15th → half the first month.
        await newOrder.quoteRule().getByText('16日开通，晚于15日，首月收半月费 50.00 元').waitFor();
        await expect(newOrder.monthlyFee()).toContainText('100.00 元');
        await expect(newOrder.monthCells('2026-11')).toHaveText(['2026-11', '首月半月', '50.00', '0.00', '50.00']);
        await expect(newOrder.monthCells('2026-12')).toHaveText(['2026-12', '按月', '100.00', '0.00', '100.00']);
        await app.shot('plan-and-quote');
        await newOrder.create();

        // The draft order: the same quote, then the customer's signature.
        await order.waitFor('草稿');
        const orderId = p.url().split('/orders/')[1]!;
        await p.getByTestId('quote-rule').getByText('首月收半月费 50.00 元').waitFor();
        await expect(order.signerInput()).toHaveValue(TEA.contact);
        await order.confirmSignature();
        await p.getByText('请客户在签字区签名').waitFor();
        await order.drawSignature();
        await app.shot('signature-drawn');
        await order.confirmSignature();
        await order.waitFor('已签字');
        await order.documentLoaded();
        // 提交 has the focus once signed.
        await expect(order.submitButton()).toBeFocused();
        await app.shot('signed-service-order');

        // The PDF is stored with the enterprise's documents, in the asset store, and it says what was sold.
        const { rows } = await api<{ rows: { id: string }[] }>(web, 'enterprises.list', { query: TEA.creditCode, offset: 0, limit: 10 });
        const documents = await api<{ id: string; sha256: string; fileName: string }[]>(web, 'documents.listForEnterprise', {
          enterpriseId: rows[0]!.id,
        });
        expect(documents).toHaveLength(1);
        const stored = assetFile(dataDir, documents[0]!.sha256);
        expect(existsSync(stored)).toBe(true);
        const text = pdfText(stored);
        expect(text).toContain(TEA.name);
        expect(text).toContain('企业建站 标准版');
        expect(text).toMatch(/首月.*50\.00/);
        if (available('pdftoppm'))
          spawnSync('pdftoppm', ['-png', '-r', '80', '-singlefile', stored, app.nextShotPath('service-order-pdf')]);

        // 下载 hands over exactly the stored file.
        const download = await order.download();
        const saved = path.join(dataDir, 'downloaded.pdf');
        await download.saveAs(saved);
        expect(download.suggestedFilename()).toBe(documents[0]!.fileName);
        expect(createHash('sha256').update(readFileSync(saved)).digest('hex')).toBe(documents[0]!.sha256);

        // 提交: queued for the platform.
        await order.submitButton().press('Enter');
        await order.waitFor('已提交');
        await order.submittedBanner().getByText('已提交，待同步').waitFor();
        await order.auditEntries().getByText('李娜 提交了受理单').waitFor();
        await expect(order.auditEntries()).toHaveText([/李娜 创建了受理单/, /李娜 采集了客户签字（签字人 王建国）/, /李娜 提交了受理单/]);
        await app.shot('submitted');
        const saved2 = await api<{ status: string; signerName: string }>(web, 'orders.get', { id: orderId });
        expect(saved2).toMatchObject({ status: 'submitted', signerName: TEA.contact });

        // Back on the enterprise: the order with its status, the document, the plan it now has.
        await p.getByRole('link', { name: TEA.name }).first().click();
        await detail.waitFor(TEA.name);
        await detail.orderRows().getByText('已提交').waitFor();
        await detail.documentRows().first().waitFor();
        await detail
          .currentPlan()
          .getByText(/企业建站 标准版/)
          .waitFor();
        // The enterprise's trail tells the whole story, the order's steps included.
        await detail
          .auditEntries()
          .getByText(/李娜 提交了受理单（YS\d{8}-[0-9A-F]{6}）/)
          .waitFor();
        await expect(detail.auditEntries()).toHaveCount(4);
        await app.shot('enterprise-with-order');

        // And in the list, found by its contact's mobile.
        await p.getByRole('link', { name: '集团客户' }).first().click();
        await list.waitForList();
        await list.searchFor('138 0531 0001');
        await expect(list.rows()).toHaveCount(1);
        await expect(list.count()).toHaveText('找到 1 家');
        await app.shot('list-search');

        // Esc clears the search; an enterprise registered elsewhere (another window, the CLI) shows up by itself.
        await p.keyboard.press('Escape');
        await list.count().getByText('共 1 家').waitFor();
        await api(web, 'enterprises.create', {
          name: '济南明湖印务有限公司',
          creditCode: '91350100M000100Y43',
          industrySection: 'C',
          region: { province: '山东省', city: '济南市', district: '历下区' },
          address: '明湖路6号',
          contact: { name: '孙丽', mobile: '13705310003' },
          manager: '李娜',
          channel: 'agent',
        });
        await list.count().getByText('共 2 家').waitFor();
        await list.rows().getByText('济南明湖印务有限公司').waitFor();
      },
    );

    test(
      'a half-filled form survives navigating away, a reload, a dead backend and its restart, and is cleared once saved',
      { tag: LAPTOP },
      async ({ session, screenshots }) => {
        const dataDir = session.newDir();
        let web = await session.startWeb(dataDir);
        await api(web, 'system.setOperator', { name: '张伟', channel: 'business_hall' });
        const app = new AppShell(await session.newPage(), screenshots('onboarding/draft'));
        // The form keeps a draft on the backend ~300 ms after the last keystroke: wait until it holds what was typed.
        const draftHolds = (values: Record<string, unknown>) =>
          expect.poll(async () => (await newEnterpriseDraft(web))?.value).toMatchObject(values);
        const p = app.page;
        const list = new EnterpriseListPage(p);
        const form = new EnterpriseFormPage(p);

        await app.open(web.openUrl);
        await list.waitForList();
        await list.newEnterprise();
        await form.type('历下茶舍');
        await form.tab();
        await form.type('91370100ma3c4q7b0');
        await form.input('contact-name').focus();
        await form.type('王');
        await draftHolds({ name: '历下茶舍', creditCode: '91370100MA3C4Q7B0', contact: { name: '王' } });
        await app.shot('half-filled');

        // Away (Esc) and back (Alt+N): everything typed is there, with the notice.
        await form.cancel();
        await list.waitForList();
        await list.newEnterprise();
        await form.draftNotice().getByText('已恢复未保存的草稿').waitFor();
        await expect(form.input('name')).toHaveValue('历下茶舍');
        await expect(form.input('creditCode')).toHaveValue('91370100MA3C4Q7B0');
        await expect(form.input('contact-name')).toHaveValue('王');
        await app.shot('draft-restored-after-navigation');

        // A reload of the page.
        await form.input('contact-name').focus();
        await form.type('建国');
        await draftHolds({ contact: { name: '王建国' } });
        await p.reload();
        await form.draftNotice().waitFor();
        await expect(form.input('contact-name')).toHaveValue('王建国');

        // Finish it; then the backend dies just before the save: the Chinese message, and nothing typed is lost.
        await form.input('creditCode').focus();
        await form.type('X');
        await form.input('industrySection').focus();
        await form.choose('F', 'F 批发和零售业');
        await form.input('region').focus();
        await form.choose('历下', /历下/);
        await form.input('address').focus();
        await form.type('泉城路1号');
        await form.input('contact-mobile').focus();
        await form.type('13905310002');
        await draftHolds({ creditCode: '91370100MA3C4Q7B0X', address: '泉城路1号', contact: { mobile: '13905310002' } });
        await web.stop('SIGKILL');
        await form.save();
        await form.failure().getByText('后台服务暂时不可用，请稍后重试。已确认保存的数据不会丢失。').waitFor();
        await expect(form.input('name')).toHaveValue('历下茶舍');
        await expect(form.input('contact-mobile')).toHaveValue('13905310002');
        await app.shot('backend-down-at-save');

        // Started again on the same data: the whole form comes back from its draft, and saves.
        web = await session.startWeb(dataDir);
        await app.open(web.openUrl, '#/enterprises/new');
        await form.draftNotice().waitFor();
        await expect(form.input('name')).toHaveValue('历下茶舍');
        await expect(form.input('contact-name')).toHaveValue('王建国');
        await expect(form.input('address')).toHaveValue('泉城路1号');
        await expect(form.input('manager')).toHaveValue('张伟');
        await app.shot('draft-restored-after-backend-restart');
        await form.save();
        await new EnterpriseDetailPage(p).waitFor('历下茶舍');
        await list.newEnterprise();
        await expect(form.input('name')).toHaveValue('');
        await expect(form.draftNotice()).toHaveCount(0);
        await expect.poll(() => newEnterpriseDraft(web)).toBeNull();
        await app.shot('draft-cleared-after-save');
      },
    );
  },
);
