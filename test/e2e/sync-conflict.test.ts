/**
 * Two devices, one platform, one conflict — as two operators meet it. A real platform process on
 * an ephemeral loopback port with its seeded demo staff; two browser-mode processes with their own
 * data directories (two laptops), each driven by Debian's Chromium and signed in through the UI.
 * Device B reaches the platform through a loopback proxy that the test can cut, as hotel Wi-Fi
 * does, so B edits "offline" while A's edit of the same field reaches the platform first.
 * A screenshot of every step goes to test-results/e2e/<project>/sync/.
 */
import type { Page } from '@playwright/test';
import { SCHEMA_VERSION } from '../../shared/platform-api';
import type { PlatformProcess } from '../helpers/platform';
import type { WebProcess } from '../helpers/webProcess';
import { describeWith, expect, test, type BrowserSession } from './fixtures';
import { EnterpriseDetailPage } from './pages/EnterpriseDetailPage';
import { EnterpriseFormPage } from './pages/EnterpriseFormPage';
import { EnterpriseListPage } from './pages/EnterpriseListPage';
import { SyncCentre } from './pages/syncCentre';
import { api } from './teaCompany';

const TEA = {
  name: '济南泉城茶业有限公司',
  creditCode: '91370100MA3C4Q7B0X',
  address: '泉城路188号',
  contact: '王建国',
  mobile: '13805310001',
};
const A_ADDRESS = '泉城路200号泉城广场B座12层';
const B_ADDRESS = '经十路99号银座大厦';
const B_CONTACT = '王建军';
const AGREED_ADDRESS = '经十路99号银座大厦8层';

interface Device {
  name: string;
  web: WebProcess;
  page: Page;
  sync: SyncCentre;
  list: EnterpriseListPage;
  form: EnterpriseFormPage;
  detail: EnterpriseDetailPage;
}

interface EnterpriseView {
  id: string;
  address: string;
  contact: { name: string; mobile: string };
}

async function openDevice(session: BrowserSession, name: string, operator: string): Promise<Device> {
  const web = await session.startWeb();
  const page = await session.newPage();
  const device: Device = {
    name,
    web,
    page,
    sync: new SyncCentre(page),
    list: new EnterpriseListPage(page),
    form: new EnterpriseFormPage(page),
    detail: new EnterpriseDetailPage(page),
  };
  await page.goto(web.openUrl);
  const input = page.getByLabel('您的姓名');
  await input.waitFor({ timeout: 60_000 });
  await input.fill(operator);
  await page.keyboard.press('Enter');
  await page.getByTestId('operator-name').getByText(operator).waitFor();
  return device;
}

const goto = (d: Device, hash: string) => d.page.goto(`${d.web.url}/#${hash}`);

/** What the platform itself now holds for the enterprise (a fresh pull as the administrator). */
async function platformRow(platform: PlatformProcess, id: string): Promise<EnterpriseView> {
  const { clientId } = await platform.admin<{ clientId: string }>('POST', '/sync/v1/clients', {
    schemaVersion: SCHEMA_VERSION,
    deviceName: 'e2e check',
  });
  type PullPage = { changes: { tbl: string; id: string; row?: EnterpriseView }[]; cursor: string; hasMore: boolean };
  for (let cursor: string | null = null; ;) {
    const page: PullPage = await platform.admin<PullPage>('POST', '/sync/v1/pull', { schemaVersion: SCHEMA_VERSION, clientId, cursor });
    const found = page.changes.find((c) => c.tbl === 'enterprise' && c.id === id)?.row;
    if (found) return found;
    if (!page.hasMore) throw new Error(`the platform has no enterprise ${id}`);
    cursor = page.cursor;
  }
}

describeWith(
  ['chromium'],
  'sync: two devices edit the same enterprise, the conflict is resolved in the sync centre (browser mode, Chromium, real platform)',
  () => {
    test.describe.configure({ timeout: 600_000 });

    test('A creates and syncs, B receives; both edit the address (B offline, plus the contact); B resolves the conflict side by side; both end equal', async ({
      session,
      platform,
      platformProxy: proxyB,
      screenshots,
    }) => {
      const shots = screenshots('sync');
      const shot = (d: Device, name: string, fullPage = false) => shots.take(d.page, `${d.name}-${name}`, { fullPage });
      const a = await openDevice(session, 'A', '李娜');
      const b = await openDevice(session, 'B', '王芳');
      const manager = platform.login('jn.manager');
      const clerk = platform.login('jn.clerk');

      // Each operator signs in from the header's status pill; B's laptop reaches the platform through the "hotel Wi-Fi".
      await a.sync.waitForState('signed_out');
      await expect(a.sync.indicator()).toContainText('未登录平台');
      await shot(a, 'not-signed-in');
      await a.sync.open();
      await a.sync.signIn(platform.url, manager.user, manager.password);
      await a.sync.account().getByText('王建国（jn.manager）').waitFor({ timeout: 60_000 });
      await a.sync.waitForState('up_to_date');
      await shot(a, 'signed-in');
      await b.sync.open();
      await b.sync.signIn(proxyB.url, clerk.user, clerk.password);
      await b.sync.account().getByText('李敏（jn.clerk）').waitFor({ timeout: 60_000 });
      await b.sync.waitForState('up_to_date');

      // A registers the tea company from the keyboard and syncs it.
      await goto(a, '/enterprises');
      await a.list.waitForList();
      await a.list.newEnterprise();
      await a.form.type(TEA.name);
      await a.form.tab();
      await a.form.type(TEA.creditCode);
      await a.form.tab();
      await a.form.choose('F', 'F 批发和零售业');
      await a.form.tab();
      await a.form.choose('52', '52 零售业');
      await a.form.tab();
      await a.form.choose('历下', /山东省 \/ 济南市 \/ 历下/);
      await a.form.tab();
      await a.form.type(TEA.address);
      await a.form.tab();
      await a.form.type(TEA.contact);
      await a.form.tab();
      await a.form.type(TEA.mobile);
      await a.form.save();
      await a.detail.waitFor(TEA.name);
      const id = a.page
        .url()
        .split('/enterprises/')[1]!
        .replace(/[/?].*$/, '');
      await a.sync.open();
      await a.sync.syncNow(/同步完成/);
      await a.sync.waitForState('up_to_date');
      await goto(a, `/enterprises/${id}`);
      await a.sync.platformCard().getByText('已提交平台').waitFor();
      await shot(a, 'enterprise-on-platform');

      // B syncs and finds it in its list.
      await goto(b, '/sync');
      await b.sync.syncNow(/同步完成/);
      await goto(b, '/enterprises');
      await b.list.rows().getByText(TEA.name).waitFor();
      await b.list.rows().getByText(TEA.name).click();
      await b.detail.waitFor(TEA.name);
      await b.detail.info().getByText(TEA.address).waitFor();
      await shot(b, 'received-enterprise');

      // B's network goes; its sync says so and keeps working locally.
      proxyB.partition();
      await goto(b, '/sync');
      await b.sync.syncNow(/连不上平台/);
      await b.sync.waitForState('offline');
      await expect(b.sync.indicator()).toContainText('离线');
      await shot(b, 'offline');

      // A changes the address and syncs: the platform has A's address first.
      await goto(a, `/enterprises/${id}/edit`);
      await a.form.input('address').fill(A_ADDRESS);
      await a.form.save();
      await a.detail.info().getByText(A_ADDRESS).waitFor();
      await goto(a, '/sync');
      await a.sync.syncNow(/同步完成/);
      await a.sync.waitForState('up_to_date');

      // B, offline, changes the address differently and the contact's name too: queued, nothing lost.
      await goto(b, `/enterprises/${id}/edit`);
      await b.form.input('address').fill(B_ADDRESS);
      await b.form.input('contact-name').fill(B_CONTACT);
      await b.form.save();
      await b.detail.info().getByText(B_ADDRESS).waitFor();
      await goto(b, '/sync');
      await b.sync.tab(/待同步/).click();
      const queued = b.sync.queueRows().filter({ hasText: TEA.name });
      await queued.waitFor();
      await expect(queued).toHaveText(/修改集团客户：详细地址、联系人/);
      await shot(b, 'queued-while-offline');

      // The network is back; B syncs: the contact merges, the address is a conflict shown side by side.
      proxyB.heal();
      await b.sync.syncNow(/同步完成/); // an automatic retry may have got there first; either way:
      await b.sync.waitForState('needs_attention');
      await expect(b.sync.indicator()).toContainText('1 个冲突待处理');
      await b.sync.tab(/冲突/).click();
      const field = b.sync.conflictField('address');
      await field.waitFor();
      await expect(field.getByTestId('conflict-mine')).toHaveText(B_ADDRESS);
      await expect(field.getByTestId('conflict-theirs')).toHaveText(A_ADDRESS);
      await field.getByText(TEA.address, { exact: true }).waitFor(); // the value both started from
      await expect(b.sync.conflicts()).toHaveCount(1);
      await expect(b.sync.conflictField('contact')).toHaveCount(0); // disjoint edits merge
      await shot(b, 'conflict-side-by-side', true);

      // B's enterprise page: the platform's address for now, B's contact kept, and a badge to the conflict.
      await goto(b, `/enterprises/${id}`);
      await b.detail.info().getByText(A_ADDRESS).waitFor();
      await b.detail.info().getByText(`${B_CONTACT}  ${TEA.mobile}`).waitFor();
      const badge = b.sync.platformCard().getByTestId('platform-conflicts');
      await badge.getByText('1 个同步冲突').waitFor();
      await shot(b, 'enterprise-with-conflict-badge');
      await badge.click();
      await b.page.locator('[data-testid="conflict"].ecw-sync-conflict.is-highlighted').waitFor();

      // B edits the address: a too-short value is refused here in Chinese, what was typed stays; then the agreed one.
      await b.sync.choose('address', '编辑后提交');
      const input = b.sync.editInput('address');
      await expect(input).toHaveValue(B_ADDRESS);
      await input.fill('8层');
      await b.sync.submitResolution();
      await b.sync.conflictField('address').getByText('至少 4 个字').waitFor();
      await expect(input).toHaveValue('8层');
      await shot(b, 'edit-refused');
      await input.fill(AGREED_ADDRESS);
      await shot(b, 'edit-agreed-value');
      await b.sync.submitResolution();
      await b.page.getByTestId('sync-conflicts-empty').waitFor();
      await b.sync.syncNow(/同步完成/);
      await b.sync.waitForState('up_to_date');
      await shot(b, 'resolved-and-synced');

      // A syncs and sees the agreed address and B's contact.
      await goto(a, '/sync');
      await a.sync.syncNow(/同步完成/);
      await a.sync.waitForState('up_to_date');
      await goto(a, `/enterprises/${id}`);
      await a.detail.info().getByText(AGREED_ADDRESS).waitFor();
      await a.detail.info().getByText(`${B_CONTACT}  ${TEA.mobile}`).waitFor();
      await expect(a.sync.platformCard().getByTestId('platform-conflicts')).toHaveCount(0);
      await shot(a, 'converged');
      await goto(b, `/enterprises/${id}`);
      await b.detail.info().getByText(AGREED_ADDRESS).waitFor();
      await shot(b, 'converged');

      // The same values on both devices and on the platform; nothing left queued or in conflict.
      const [onA, onB, onPlatform] = await Promise.all([
        api<EnterpriseView>(a.web, 'enterprises.get', { id }),
        api<EnterpriseView>(b.web, 'enterprises.get', { id }),
        platformRow(platform, id),
      ]);
      for (const view of [onA, onB, onPlatform]) {
        expect(view.address).toBe(AGREED_ADDRESS);
        expect(view.contact).toMatchObject({ name: B_CONTACT, mobile: TEA.mobile });
      }
      for (const d of [a, b]) {
        expect(await api<unknown[]>(d.web, 'sync.conflicts', {})).toEqual([]);
        expect(await api<{ total: number }>(d.web, 'sync.queue', { limit: 10 })).toMatchObject({ total: 0 });
      }
    });
  },
);
