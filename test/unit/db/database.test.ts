import { chmodSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { latestVersion, loadMigrations, openDatabase, StartupProblem } from '../../../electron/backend/infra/db/database';
import { createTestBackend, tempDir } from '../../helpers/backend';

const opened: Database.Database[] = [];
afterEach(() => opened.splice(0).forEach((db) => db.open && db.close()));
const open = (file: string, targetVersion?: number) => {
  const db = openDatabase(file, targetVersion === undefined ? {} : { targetVersion });
  opened.push(db);
  return db;
};

describe('opening the database', () => {
  it('uses WAL, synchronous=FULL and foreign keys, and migrates to the latest version', () => {
    const db = open(path.join(tempDir(), 'ecw.sqlite'));
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(2); // FULL
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('user_version', { simple: true })).toBe(latestVersion(loadMigrations()));
  });

  it('refuses a database written by a newer app, naming both versions', () => {
    const file = path.join(tempDir(), 'ecw.sqlite');
    const newer = new Database(file);
    newer.pragma('user_version = 999');
    newer.close();
    try {
      open(file);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(StartupProblem);
      expect((error as StartupProblem).code).toBe('db_newer');
      expect((error as StartupProblem).versions).toEqual({ databaseVersion: 999, appVersion: latestVersion(loadMigrations()) });
    }
  });

  it('reports a damaged file as db_corrupt instead of hanging or crashing', () => {
    const file = path.join(tempDir(), 'ecw.sqlite');
    writeFileSync(file, Buffer.concat([Buffer.from('SQLite format 3\0'), Buffer.alloc(4096, 0x5a)]));
    expect(() => open(file)).toThrow(expect.objectContaining({ code: 'db_corrupt' }));
  });

  it('reports a file that is not a database at all as db_corrupt', () => {
    const file = path.join(tempDir(), 'ecw.sqlite');
    writeFileSync(file, 'this is a text file, not a database'.repeat(200));
    expect(() => open(file)).toThrow(expect.objectContaining({ code: 'db_corrupt' }));
  });

  it('reports a page-level corruption found by quick_check', () => {
    const file = path.join(tempDir(), 'ecw.sqlite');
    const db = open(file);
    db.exec(
      'CREATE TABLE filler (x TEXT); WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 200) INSERT INTO filler SELECT hex(randomblob(500)) FROM n',
    );
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.close();
    const bytes = readFileSync(file);
    bytes.fill(0xff, 4096 * 3, 4096 * 3 + 2000); // smash part of a b-tree page
    writeFileSync(file, bytes);
    expect(() => open(file)).toThrow(expect.objectContaining({ code: 'db_corrupt' }));
  });
});

describe('who may read the device database (issue 8 item 8)', () => {
  const modeOf = (file: string) => statSync(file).mode & 0o777;

  it('keeps ecw.sqlite and its WAL and SHM readable by this user only, in a data folder only this user can enter', async () => {
    const dataDir = path.join(tempDir(), 'data');
    mkdirSync(dataDir, { mode: 0o755 });
    chmodSync(dataDir, 0o755);
    const t = createTestBackend({ dataDir });
    try {
      await t.call('system.setOperator', { name: '李敏', channel: 'customer_manager' }); // something in the WAL
      const file = path.join(dataDir, 'ecw.sqlite');
      for (const f of [file, `${file}-wal`, `${file}-shm`]) expect(modeOf(f), f).toBe(0o600);
      expect(modeOf(dataDir)).toBe(0o700);
    } finally {
      t.cleanup();
    }
  });

  it('tightens a world-readable database left by an earlier version when it opens it', () => {
    const dir = tempDir();
    const file = path.join(dir, 'ecw.sqlite');
    open(file).close();
    for (const f of [file, `${file}-wal`, `${file}-shm`]) if (existsSync(f)) chmodSync(f, 0o644);
    const db = open(file);
    db.exec('CREATE TABLE IF NOT EXISTS touched (x)');
    for (const f of [file, `${file}-wal`, `${file}-shm`]) expect(modeOf(f), f).toBe(0o600);
  });
});
