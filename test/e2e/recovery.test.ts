/**
 * The recovery screen end to end: Debian's Chromium against browser mode on a data directory whose
 * database is damaged, or from a newer app. Screenshots go to test-results/e2e/recovery/.
 */
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { DATABASE_FILE } from '../../electron/backend/app/backend';
import { openDatabase } from '../../electron/backend/infra/db/database';
import zhCN from '../../renderer/src/app/locales/zh-CN.json';
import { tempDir } from '../helpers/backend';
import { launchChromium } from '../helpers/chromium';
import { REPO_ROOT } from '../helpers/paths';
import { describeWith } from '../helpers/systemTools';
import { startWebProcess, type WebProcess } from '../helpers/webProcess';

const SHOTS = path.join(REPO_ROOT, 'test-results', 'e2e', 'recovery');
const text = zhCN.recovery;

describeWith(['chromium'], 'recovery screen (browser mode, Chromium)', () => {
  let browser: Browser;
  let web: WebProcess | null = null;
  let page: Page | null = null;
  const dirs: string[] = [];

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
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

  const open = async (dataDir: string) => {
    web = await startWebProcess(dataDir);
    page = await browser.newPage({ viewport: { width: 1280, height: 800 }, locale: 'zh-CN' });
    await page.goto(web.openUrl);
    await page.getByTestId('recovery-screen').waitFor({ timeout: 30_000 });
    return page;
  };
  const newDir = () => {
    const dir = tempDir('ecw-e2e-recovery-');
    dirs.push(dir);
    return dir;
  };

  it('a damaged database: export a backup, then start fresh and reach the first-run screen', async () => {
    const dataDir = newDir();
    const damaged = Buffer.concat([Buffer.from('SQLite format 3\0'), Buffer.alloc(16_384, 0x5a)]);
    writeFileSync(path.join(dataDir, DATABASE_FILE), damaged);

    const page = await open(dataDir);
    await expect(page.getByText(text.db_corrupt).isVisible()).resolves.toBe(true);
    await page.screenshot({ path: path.join(SHOTS, '01-corrupt-recovery-screen.png') });

    await page.getByRole('button', { name: text.exportBackup }).click();
    const done = page.getByText(/备份已保存到/);
    await done.waitFor();
    const backups = readdirSync(path.join(dataDir, 'backups'));
    expect(backups).toHaveLength(1);
    expect(readFileSync(path.join(dataDir, 'backups', backups[0]!)).equals(damaged)).toBe(true);
    expect(await done.textContent()).toContain(backups[0]);
    await page.screenshot({ path: path.join(SHOTS, '02-backup-exported.png') });

    await page.getByRole('button', { name: text.startFresh }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText(text.startFreshConfirm).waitFor();
    await page.screenshot({ path: path.join(SHOTS, '03-start-fresh-confirm.png') });
    await dialog.getByRole('button', { name: /确\s*定|OK/ }).click();

    await page.getByText(zhCN.operator.title).waitFor({ timeout: 15_000 });
    expect(await page.getByTestId('recovery-screen').count()).toBe(0);
    await dialog.waitFor({ state: 'hidden' });
    await page.getByText(/旧数据已保存在/).waitFor();
    await page.screenshot({ path: path.join(SHOTS, '04-first-run-after-fresh-start.png') });

    const setAside = readdirSync(dataDir).filter((name) => name.startsWith('set-aside-'));
    expect(setAside).toHaveLength(1);
    expect(readFileSync(path.join(dataDir, setAside[0]!, DATABASE_FILE)).equals(damaged)).toBe(true);
  });

  it('a database from a newer app: the recovery screen names both versions', async () => {
    const dataDir = newDir();
    const db = openDatabase(path.join(dataDir, DATABASE_FILE));
    const appVersion = db.pragma('user_version', { simple: true }) as number;
    db.pragma('user_version = 999');
    db.close();

    const page = await open(dataDir);
    const message = text.db_newer.replace('{{databaseVersion}}', '999').replace('{{appVersion}}', String(appVersion));
    await page.getByText(message).waitFor();
    await page.screenshot({ path: path.join(SHOTS, '05-newer-database.png') });
  });
});
