import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { DATABASE_FILE } from '../../../electron/backend/app/backend';
import { latestVersion, loadMigrations } from '../../../electron/backend/infra/db/database';
import { createDispatcher } from '../../../electron/backend/app/dispatcher';
import { createTestBackend, tempDir, type TestBackend } from '../../helpers/backend';
import { enterpriseInput } from '../../bench/generateEnterprises';

const backends: TestBackend[] = [];
afterEach(() => backends.splice(0).forEach((b) => b.cleanup()));
const start = (dataDir?: string) => {
  const t = createTestBackend(dataDir ? { dataDir } : {});
  backends.push(t);
  return t;
};
const contextOf = (t: TestBackend) => ({
  db: t.backend.database()!,
  dataDir: t.dataDir,
  writes: t.backend.writes,
  now: () => t.clock.now,
  newId: () => 'id',
  emit: () => undefined,
  actor: () => 'me',
});
/** Calls without the typed contract, as a hostile or buggy client would. */
const raw = (t: TestBackend, name: string, input: unknown) => t.backend.dispatcher.invoke(name, input);

describe('the dispatcher', () => {
  it('answers an unknown procedure with unknown_procedure', async () => {
    const t = start();
    const result = await raw(t, 'enterprises.dropTable', {});
    expect(result).toEqual({ ok: false, error: expect.objectContaining({ code: 'unknown_procedure' }) });
    // Names inherited from Object.prototype are not procedures either.
    expect(await raw(t, 'constructor', {})).toMatchObject({ ok: false, error: { code: 'unknown_procedure' } });
    expect(await raw(t, '__proto__', {})).toMatchObject({ ok: false, error: { code: 'unknown_procedure' } });
  });

  it('rejects an invalid enterprise with invalid_input and one issue per bad field', async () => {
    const t = start();
    const input = { ...enterpriseInput(1), creditCode: '91350100M000100Y42', contact: { name: '王建国', mobile: '1380013800' } };
    const result = await raw(t, 'enterprises.create', input);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('invalid_input');
    expect(result.error.issues).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ field: 'creditCode', code: 'credit_code.check' }),
        expect.objectContaining({ field: 'contact.mobile', code: 'mobile.invalid' }),
      ]),
    );
    expect(result.error.issues).toHaveLength(2);
    expect(result.error.field).toBe('creditCode');
    expect((await t.call('enterprises.list', {})).total).toBe(0);
  });

  it('rejects inputs of the wrong shape without writing anything', async () => {
    const t = start();
    for (const input of [
      'a string',
      42,
      [],
      { name: ['array'] },
      { ...enterpriseInput(1), region: null },
      { ...enterpriseInput(1), channel: 'boss' },
    ]) {
      const result = await raw(t, 'enterprises.create', input);
      expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    }
    const nested = await raw(t, 'enterprises.create', {
      ...enterpriseInput(1),
      region: { province: '山东省', city: '济南市', district: '火星区' },
    });
    expect(nested).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', issues: [{ field: 'region.district', code: 'region.unknown' }] },
    });
    expect((await t.call('enterprises.list', {})).total).toBe(0);
  });

  it('ignores fields a client may not set (id, timestamps, sync state)', async () => {
    const t = start();
    const result = await raw(t, 'enterprises.create', {
      ...enterpriseInput(1),
      id: 'chosen-by-client',
      createdAt: '1999-01-01T00:00:00Z',
      groupCode: 'G1',
    });
    expect(result.ok).toBe(true);
    const created = (result as { value: { id: string; createdAt: string; groupCode?: string } }).value;
    expect(created.id).not.toBe('chosen-by-client');
    expect(created.createdAt).toBe(t.clock.now.toISOString());
    expect(created.groupCode).toBeUndefined();
  });

  it('turns an unexpected handler failure into internal, with the details in the log only', async () => {
    const t = start();
    const real = createDispatcher({
      handlers: {
        ...t.backend.handlers,
        'enterprises.get': () => {
          throw new Error(`SQLITE secret detail at ${t.dataDir}`);
        },
      },
      context: () => contextOf(t),
      writes: t.backend.writes,
      checkOutputs: false,
      log: t.backend.log,
    });
    const result = await real.invoke('enterprises.get', { id: 'x' });
    expect(result).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(JSON.stringify(result)).not.toContain('secret');
    expect(readFileSync(path.join(t.dataDir, 'logs', 'backend.log'), 'utf8')).toContain('SQLITE secret detail');
  });

  it('reports an output that breaks its own schema as internal instead of sending it', async () => {
    const t = start();
    const dispatcher = createDispatcher({
      handlers: { ...t.backend.handlers, 'drafts.save': () => ({ updatedAt: 42 }) as never },
      context: () => contextOf(t),
      writes: t.backend.writes,
      checkOutputs: true,
    });
    expect(await dispatcher.invoke('drafts.save', { key: 'k', value: 1 })).toMatchObject({ ok: false, error: { code: 'internal' } });
  });

  it('serializes concurrent mutations: racing creates of one credit code give one enterprise and one refusal', async () => {
    const t = start();
    const input = enterpriseInput(7);
    const results = await Promise.all([t.transport.invoke('enterprises.create', input), t.transport.invoke('enterprises.create', input)]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok).map((r) => !r.ok && r.error.code)).toEqual(['enterprise.duplicate_credit_code']);
  });
});

/** A data dir whose database file is not a database. */
function corruptDataDir(): { dir: string; bytes: Buffer } {
  const dir = tempDir();
  const bytes = Buffer.concat([Buffer.from('SQLite format 3\0'), Buffer.alloc(8192, 0x5a)]);
  writeFileSync(path.join(dir, DATABASE_FILE), bytes);
  return { dir, bytes };
}

/** A data dir whose database was written by a newer app (user_version 999) and holds one row. */
function newerDataDir(): string {
  const dir = tempDir();
  const db = new Database(path.join(dir, DATABASE_FILE));
  db.exec("CREATE TABLE future_thing (x TEXT); INSERT INTO future_thing VALUES ('keep me')");
  db.pragma('user_version = 999');
  db.close();
  return dir;
}

describe('recovery mode', () => {
  it('with a corrupt database: status says recovery, data procedures answer db_corrupt', async () => {
    const { dir } = corruptDataDir();
    const t = start(dir);
    const status = await t.call('system.status', {});
    expect(status).toMatchObject({ state: 'recovery', problem: { code: 'db_corrupt' }, dataDir: dir, operator: null });
    for (const [name, input] of [
      ['enterprises.list', {}],
      ['enterprises.create', enterpriseInput(1)],
      ['drafts.get', { key: 'k' }],
      ['system.setOperator', { name: '王', channel: 'agent' }],
    ] as const)
      expect(await raw(t, name, input)).toMatchObject({ ok: false, error: { code: 'db_corrupt' } });
  });

  it('with a newer database: status names both versions, data procedures answer db_newer', async () => {
    const t = start(newerDataDir());
    const status = await t.call('system.status', {});
    expect(status.state).toBe('recovery');
    expect(status.problem).toMatchObject({ code: 'db_newer', databaseVersion: 999, appVersion: latestVersion(loadMigrations()) });
    expect(await raw(t, 'enterprises.list', {})).toMatchObject({ ok: false, error: { code: 'db_newer' } });
  });

  it('exports the damaged file byte for byte, then starts fresh with the old file moved aside', async () => {
    const { dir, bytes } = corruptDataDir();
    const t = start(dir);
    const backup = await t.call('system.exportBackup', {});
    expect(readFileSync(backup.path)).toEqual(bytes);
    expect(backup.bytes).toBe(bytes.length);

    const { movedTo } = await t.call('system.startFresh', {});
    expect(readFileSync(path.join(movedTo, DATABASE_FILE))).toEqual(bytes);
    const status = await t.call('system.status', {});
    expect(status).toMatchObject({ state: 'ready', operator: null });
    expect(status.problem).toBeUndefined();
    expect(await t.call('enterprises.list', {})).toEqual({ total: 0, rows: [] });
    await t.call('enterprises.create', enterpriseInput(1));
    expect((await t.call('enterprises.list', {})).total).toBe(1);
  });

  it('with a newer database, the backup is a usable copy and start-fresh keeps the original', async () => {
    const dir = newerDataDir();
    const t = start(dir);
    const backup = await t.call('system.exportBackup', {});
    const copy = new Database(backup.path, { readonly: true });
    expect(copy.pragma('user_version', { simple: true })).toBe(999);
    expect(copy.prepare('SELECT x FROM future_thing').pluck().get()).toBe('keep me');
    copy.close();

    const { movedTo } = await t.call('system.startFresh', {});
    const kept = new Database(path.join(movedTo, DATABASE_FILE), { readonly: true });
    expect(kept.prepare('SELECT x FROM future_thing').pluck().get()).toBe('keep me');
    kept.close();
    expect((await t.call('system.status', {})).state).toBe('ready');
    expect(readdirSync(dir)).toEqual(expect.arrayContaining([DATABASE_FILE, path.basename(movedTo), 'backups']));
  });

  it('exports a healthy database through SQLite backup, with every enterprise in it', async () => {
    const t = start();
    for (let i = 0; i < 3; i++) await t.call('enterprises.create', enterpriseInput(i));
    const backup = await t.call('system.exportBackup', {});
    expect(existsSync(backup.path)).toBe(true);
    const copy = new Database(backup.path, { readonly: true });
    expect(copy.pragma('quick_check', { simple: true })).toBe('ok');
    expect(copy.prepare('SELECT count(*) FROM enterprise').pluck().get()).toBe(3);
    copy.close();
  });
});
