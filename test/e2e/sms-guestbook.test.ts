/**
 * An SMS 留言 from a handset to the customer manager's laptop (issue 11), with real processes: the
 * platform with its CMPP link to the ISMG simulator over loopback, browser mode on the manager's
 * data folder, Chromium. The tea company's site (with a 留言板 the SMS menu offers) is signed off,
 * the opening order submitted and opened by BOSS; a handset texts the enterprise's number, chooses
 * 留言板 from the menu and leaves a message. The platform stores it as a lead; after a sync the
 * leads screen lists it as 短信 with the sender's number, and `ecw leads list --json` (the CLI, on
 * the same data folder) prints it with channel `sms`. Screenshots go to test-results/e2e/<project>/sms-guestbook/.
 */
import { spawn } from 'node:child_process';
import { linkFlags, startIsmg, type TestIsmg } from '../helpers/ismg';
import { REPO_ROOT } from '../helpers/paths';
import { startPlatform, type PlatformProcess } from '../helpers/platform';
import { bundledEntryArgs } from '../helpers/processBundle';
import type { WebProcess } from '../helpers/webProcess';
import { describeWith, expect, test } from './fixtures';
import { AppShell } from './pages/AppShell';
import { LeadsPage } from './pages/leads';
import { api, importTeaSite, openTeaSite } from './teaCompany';

const HANDSET = '13912340001';
const MESSAGE = '想订 20 盒明前龙井，请回电';

interface Site {
  id: string;
  content: { sms: Record<string, unknown> & { guestbook: Record<string, unknown> } };
}

/** `ecw … --json` as a real process (`npm run ecw` without npm), its printed JSON. */
function ecw(...argv: string[]): Promise<unknown> {
  const child = spawn(process.execPath, [...bundledEntryArgs('ecw'), ...argv], {
    cwd: REPO_ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (err += d.toString()));
  return new Promise((resolve, reject) =>
    child.once('exit', (code) =>
      code === 0 ? resolve(JSON.parse(out)) : reject(new Error(`ecw ${argv.join(' ')}: exit ${code}\n${out}\n${err}`)),
    ),
  );
}

/** The tea company's imported site with a 留言板 on the SMS menu, signed off, and its opening order opened by BOSS; returns the SMS number. */
async function openedTeaSite(web: WebProcess, platform: PlatformProcess): Promise<{ enterpriseId: string; number: string }> {
  const { enterpriseId, siteId } = await importTeaSite(web, ['公司资料.docx', '补充说明.txt']);
  await api(web, 'sites.addColumn', {
    siteId,
    type: 'guestbook',
    title: '留言板',
    channels: { web: true, wap2: true, wap1: true, sms: true },
  });
  const site = await api<Site>(web, 'sites.get', { siteId });
  await api(web, 'sites.updateSms', { siteId, sms: { ...site.content.sms, guestbook: { ...site.content.sms.guestbook, enabled: true } } });
  await openTeaSite(web, platform, { enterpriseId, siteId });
  const info = await api<{ orders: { opening: { smsServiceCode: { full: string } } | null }[] }>(web, 'sync.platformInfo', {
    enterpriseId,
  });
  const number = info.orders.find((o) => o.opening)?.opening?.smsServiceCode.full;
  expect(number, 'BOSS assigned the SMS number at opening').toBeDefined();
  return { enterpriseId, number: number! };
}

describeWith(['chromium'], 'an SMS 留言 reaches the laptop (browser mode, Chromium, real platform and ISMG simulator)', () => {
  test.describe.configure({ timeout: 300_000 });
  let ismg: TestIsmg | undefined;
  let platform: PlatformProcess | undefined;
  test.afterEach(async () => {
    await platform?.stop();
    await ismg?.stop();
  });

  test('a handset texts the site, chooses 留言板 and leaves a message: after a sync the leads screen and `ecw leads list` show it as sms', async ({
    session,
    screenshots,
  }, testInfo) => {
    ismg = await startIsmg();
    platform = await startPlatform({ dataDir: testInfo.outputPath('platform'), extraArgs: linkFlags(ismg.port) });
    const dataDir = session.newDir();
    const web = await session.startWeb(dataDir);
    await api(web, 'system.setOperator', { name: '李敏', channel: 'customer_manager' });
    const manager = platform.login('jn.manager');
    await api(web, 'sync.signIn', { server: platform.url, user: manager.user, password: manager.password });
    const { number } = await openedTeaSite(web, platform);

    // The handset: the menu (and the WAP Push), 留言板 by its digit, the message, the thanks.
    const sim = ismg.sim;
    const received = () => sim.handsets.view(HANDSET).received;
    const text = async (body: string, count = 1) => {
      const before = received().length;
      sim.sendMo(HANDSET, number, body);
      await expect.poll(() => received().length, { timeout: 30_000 }).toBeGreaterThanOrEqual(before + count);
      return received().slice(before);
    };
    const [menu] = await text('你好', 2);
    const key = /(\d+)\s*留言板/.exec(menu!.text)?.[1];
    expect(key, `the menu offers 留言板:\n${menu!.text}`).toBeDefined();
    const [prompt] = await text(key!);
    expect(prompt!.text).toContain('留言');
    await text(MESSAGE);

    // The laptop: synced until the lead is there, then the leads screen.
    await expect(async () => {
      await api(web, 'sync.now', {});
      const leads = await api<{ channel: string; text: string }[]>(web, 'leads.list', { limit: 50 });
      expect(leads.map((l) => l.text)).toContain(MESSAGE);
    }).toPass({ timeout: 60_000 });
    const page = await session.newPage();
    const app = new AppShell(page, screenshots('sms-guestbook'));
    const leads = new LeadsPage(page);
    await app.open(web.openUrl);
    await leads.open();
    await expect(leads.rows()).toHaveCount(1);
    await expect(leads.rows().first()).toContainText(MESSAGE);
    await expect(leads.rows().first()).toContainText(/短信.*13912340001/);
    await app.shot('sms-lead');

    // The CLI on the same data folder.
    const listed = (await ecw('--data-dir', dataDir, 'leads', 'list', '--json')) as { channel: string; contact: string; text: string }[];
    expect(listed).toEqual([expect.objectContaining({ channel: 'sms', contact: HANDSET, text: MESSAGE })]);
  });
});
