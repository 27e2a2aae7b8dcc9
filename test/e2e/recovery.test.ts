/**
 * The recovery screen end to end: Debian's Chromium against browser mode on a data directory whose
 * database is damaged, or from a newer app. Screenshots go to test-results/e2e/<project>/recovery/.
 */
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { DATABASE_FILE } from '../../electron/backend/app/backend';
import { openDatabase } from '../../electron/backend/infra/db/database';
import zhCN from '../../renderer/src/app/locales/zh-CN.json';
import { describeWith, expect, test } from './fixtures';

const text = zhCN.recovery;

describeWith(['chromium'], 'recovery screen (browser mode, Chromium)', () => {
  test('a damaged database: export a backup, then start fresh and reach the first-run screen', async ({ session, screenshots }) => {
    const dataDir = session.newDir();
    const damaged = Buffer.concat([Buffer.from('SQLite format 3\0'), Buffer.alloc(16_384, 0x5a)]);
    writeFileSync(path.join(dataDir, DATABASE_FILE), damaged);
    const shots = screenshots('recovery');

    const web = await session.startWeb(dataDir);
    const page = await session.newPage();
    await page.goto(web.openUrl);
    await expect(page.getByTestId('recovery-screen')).toBeVisible();
    await expect(page.getByText(text.db_corrupt)).toBeVisible();
    await shots.take(page, 'corrupt-recovery-screen');

    await page.getByRole('button', { name: text.exportBackup }).click();
    const done = page.getByText(/备份已保存到/);
    await expect(done).toBeVisible();
    const backups = readdirSync(path.join(dataDir, 'backups'));
    expect(backups).toHaveLength(1);
    expect(readFileSync(path.join(dataDir, 'backups', backups[0]!)).equals(damaged)).toBe(true);
    await expect(done).toContainText(backups[0]!);
    await shots.take(page, 'backup-exported');

    await page.getByRole('button', { name: text.startFresh }).click();
    const dialog = page.getByRole('dialog');
    await expect(dialog.getByText(text.startFreshConfirm)).toBeVisible();
    await shots.take(page, 'start-fresh-confirm');
    await dialog.getByRole('button', { name: /确\s*定|OK/ }).click();

    // Where the old data went is a toast, gone after 3 s: looked for first, while it shows.
    await expect(page.getByText(/旧数据已保存在/)).toBeVisible();
    await expect(page.getByText(zhCN.operator.title)).toBeVisible();
    await shots.take(page, 'first-run-after-fresh-start');
    await expect(page.getByTestId('recovery-screen')).toHaveCount(0);
    await expect(dialog).toBeHidden();

    const setAside = readdirSync(dataDir).filter((name) => name.startsWith('set-aside-'));
    expect(setAside).toHaveLength(1);
    expect(readFileSync(path.join(dataDir, setAside[0]!, DATABASE_FILE)).equals(damaged)).toBe(true);
  });

  test('a database from a newer app: the recovery screen names both versions', async ({ session, screenshots }) => {
    const dataDir = session.newDir();
    const db = openDatabase(path.join(dataDir, DATABASE_FILE));
    const appVersion = db.pragma('user_version', { simple: true }) as number;
    db.pragma('user_version = 999');
    db.close();

    const web = await session.startWeb(dataDir);
    const page = await session.newPage();
    await page.goto(web.openUrl);
    await expect(page.getByTestId('recovery-screen')).toBeVisible();
    const message = text.db_newer.replace('{{databaseVersion}}', '999').replace('{{appVersion}}', String(appVersion));
    await expect(page.getByText(message)).toBeVisible();
    await screenshots('recovery').take(page, 'newer-database');
  });
});
