/**
 * Recovery through browser mode as a real process: a damaged or newer database gives the recovery
 * state over HTTP; exporting a backup and starting fresh work there, and a restart afterwards is clean.
 */
import { existsSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { DATABASE_FILE } from '../../../electron/backend/app/backend';
import { openDatabase } from '../../../electron/backend/infra/db/database';
import { tempDir } from '../../helpers/backend';
import { startWebProcess, type WebProcess } from '../../helpers/webProcess';
import { seedDataDir } from '../../bench/generateEnterprises';

const running: WebProcess[] = [];
const dirs: string[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((w) => w.stop()));
  dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true }));
});
const start = async (dataDir: string) => {
  const web = await startWebProcess(dataDir);
  running.push(web);
  return web;
};
const stop = async (web: WebProcess) => {
  await web.stop();
  running.splice(running.indexOf(web), 1);
};
const newDir = () => {
  const dir = tempDir('ecw-recovery-');
  dirs.push(dir);
  return dir;
};

/** A real database with enterprises in it, then a b-tree page smashed (what quick_check is for). */
function damagedDataDir(): { dir: string; bytes: Buffer } {
  const dir = newDir();
  seedDataDir(dir, 300);
  const file = path.join(dir, DATABASE_FILE);
  const bytes = readFileSync(file);
  bytes.fill(0xff, 4096 * 6, 4096 * 6 + 3000);
  writeFileSync(file, bytes);
  return { dir, bytes };
}

describe('recovery over browser mode', () => {
  it('a damaged database: recovery state, a byte-exact backup, a fresh start that keeps the old file', async () => {
    const { dir, bytes } = damagedDataDir();
    let web = await start(dir);
    const status = await web.call('system.status', {});
    expect(status.value).toMatchObject({ state: 'recovery', problem: { code: 'db_corrupt' } });
    expect(await web.call('enterprises.list', {})).toMatchObject({ ok: false, error: { code: 'db_corrupt' } });

    const backup = (await web.call('system.exportBackup', {})).value as { path: string; bytes: number };
    expect(readFileSync(backup.path).equals(bytes)).toBe(true);

    const { movedTo } = (await web.call('system.startFresh', {})).value as { movedTo: string };
    expect(readFileSync(path.join(movedTo, DATABASE_FILE)).equals(bytes)).toBe(true);
    expect(await web.call('system.status', {})).toMatchObject({ value: { state: 'ready', operator: null } });
    expect(await web.call('enterprises.list', {})).toEqual({ ok: true, value: { total: 0, rows: [] } });

    await stop(web);
    web = await start(dir);
    expect(await web.call('system.status', {})).toMatchObject({ value: { state: 'ready' } });
    expect(readdirSync(dir)).toEqual(expect.arrayContaining(['backups', path.basename(movedTo), DATABASE_FILE]));
  });

  it('a newer database: recovery state naming both versions; the file is not touched', async () => {
    const dir = newDir();
    const file = path.join(dir, DATABASE_FILE);
    const db = openDatabase(file);
    db.pragma('user_version = 999');
    db.close();
    const before = readFileSync(file);

    const web = await start(dir);
    const status = await web.call('system.status', {});
    expect(status.value).toMatchObject({ state: 'recovery', problem: { code: 'db_newer', databaseVersion: 999 } });
    expect(await web.call('drafts.save', { key: 'k', value: 1 })).toMatchObject({ ok: false, error: { code: 'db_newer' } });
    await stop(web);

    const after = new Database(file, { readonly: true });
    expect(after.pragma('user_version', { simple: true })).toBe(999);
    after.close();
    expect(existsSync(file)).toBe(true);
    expect(readFileSync(file).length).toBe(before.length);
  });
});
