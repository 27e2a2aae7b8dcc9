/**
 * One `describe` per migration file, named after it (`describe('0010_sites', …)`): open a database at
 * the previous migration's version with `databaseAt(previous)`, insert what existed then, `migrateTo(N)`,
 * assert the old data survived and the new schema behaves. Append a block for each new migration;
 * the first test below fails while a migration has none.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { latestVersion, loadMigrations, openDatabase } from '../../../electron/backend/infra/db/database';
import { tempDir } from '../../helpers/backend';

const opened: Database.Database[] = [];
afterEach(() => opened.splice(0).forEach((db) => db.open && db.close()));

/** A database file at `version`, and a way to reopen it at a later version (as the next app start would). */
function databaseAt(version: number) {
  const file = path.join(tempDir('ecw-migration-'), 'ecw.sqlite');
  const open = (targetVersion: number) => {
    const db = openDatabase(file, { targetVersion });
    opened.push(db);
    return db;
  };
  const db = open(version);
  expect(db.pragma('user_version', { simple: true })).toBe(version);
  return {
    db,
    migrateTo(target: number) {
      db.close();
      const next = open(target);
      expect(next.pragma('user_version', { simple: true })).toBe(target);
      return next;
    },
  };
}

const columns = (db: Database.Database, table: string) =>
  (db.prepare(`PRAGMA table_info(${table})`).all() as { name: string }[]).map((c) => c.name);
const indexes = (db: Database.Database, table: string) =>
  (db.prepare(`PRAGMA index_list(${table})`).all() as { name: string; unique: number }[]).map(
    (i) => `${i.name}${i.unique ? ' unique' : ''}`,
  );

describe('all migrations', () => {
  it('have unique, increasing numbers, and each has its own describe block in this file', () => {
    const migrations = loadMigrations();
    const versions = migrations.map((m) => m.version);
    // 1, 2, 3 … with no gap: the runner applies what is above user_version, so a number slipped in
    // below one that already shipped would never run on existing databases.
    expect(versions).toEqual(versions.map((_, i) => i + 1));
    // This file, plus migrations-<area>.test.ts beside it (e.g. migrations-sync.test.ts).
    const here = path.dirname(fileURLToPath(import.meta.url));
    const thisFile = readdirSync(here)
      .filter((f) => /^migrations(-[\w]+)?\.test\.ts$/.test(f))
      .map((f) => readFileSync(path.join(here, f), 'utf8'))
      .join('\n');
    const untested = migrations
      .map((m) => `${String(m.version).padStart(4, '0')}_${m.name}`)
      .filter((name) => !thisFile.includes(`describe('${name}'`));
    expect(untested, 'migrations without a test here').toEqual([]);
  });

  it('give the same schema whether applied one start at a time or all at once', () => {
    const migrations = loadMigrations();
    const schemaOf = (db: Database.Database) =>
      db.prepare("SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY name").all();
    let stepwise = databaseAt(0).db;
    for (const { version: v } of migrations) {
      const file = stepwise.name;
      stepwise.close();
      stepwise = openDatabase(file, { targetVersion: v });
      opened.push(stepwise);
    }
    expect(schemaOf(stepwise)).toEqual(schemaOf(databaseAt(latestVersion(migrations)).db));
  });

  it('roll a failing migration back completely, leaving the previous version intact', () => {
    const real = loadMigrations();
    const file = path.join(tempDir('ecw-migration-'), 'ecw.sqlite');
    opened.push(openDatabase(file));
    opened[0]!.close();
    const broken = {
      version: latestVersion(real) + 1,
      name: 'broken',
      sql: 'CREATE TABLE half_done (x TEXT); INSERT INTO no_such_table VALUES (1);',
    };
    expect(() => openDatabase(file, { migrations: [...real, broken] })).toThrow(expect.objectContaining({ code: 'db_open_failed' }));
    const db = openDatabase(file);
    opened.push(db);
    expect(db.pragma('user_version', { simple: true })).toBe(latestVersion(real));
    expect(db.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'half_done'").pluck().get()).toBe(0);
  });
});

describe('0001_core', () => {
  it('creates settings, drafts, the audit log, the asset store and the outbox', () => {
    const { migrateTo } = databaseAt(0);
    const db = migrateTo(1);
    expect(columns(db, 'outbox')).toEqual(
      expect.arrayContaining([
        'op_seq',
        'mutation_id',
        'tbl',
        'row_id',
        'kind',
        'name',
        'patch_json',
        'base_version',
        'status',
        'attempts',
        'created_at',
        'acked_at',
      ]),
    );
    expect(indexes(db, 'outbox')).toEqual(expect.arrayContaining(['outbox_row', 'outbox_status']));

    const insertOp = db.prepare(
      "INSERT INTO outbox (mutation_id, tbl, row_id, kind, patch_json, created_at) VALUES (?, 'enterprise', 'e1', ?, '{}', '2026-11-16T01:00:00Z')",
    );
    insertOp.run('m1', 'create');
    insertOp.run('m2', 'update');
    expect(db.prepare('SELECT op_seq, status, attempts FROM outbox ORDER BY op_seq').all()).toEqual([
      { op_seq: 1, status: 'pending', attempts: 0 },
      { op_seq: 2, status: 'pending', attempts: 0 },
    ]);
    expect(() => insertOp.run('m1', 'create')).toThrow(/UNIQUE/); // a mutation id is sent once
    expect(() => insertOp.run('m3', 'upsert')).toThrow(/CHECK/);

    db.prepare("INSERT INTO asset (sha256, size, mime, created_at) VALUES ('ab12', 10, 'image/png', 'now')").run();
    expect(db.prepare('SELECT state, uploaded_bytes FROM asset').get()).toEqual({ state: 'pending_upload', uploaded_bytes: 0 });
    for (const table of ['setting', 'draft', 'audit_log', 'conflict', 'sync_state']) expect(columns(db, table).length).toBeGreaterThan(1);
  });
});

describe('0002_enterprises', () => {
  it('adds the enterprise table, keeping settings, drafts and queued ops', () => {
    const { db: before, migrateTo } = databaseAt(1);
    before.prepare('INSERT INTO setting (key, value_json) VALUES (\'operator\', \'{"name":"王","channel":"agent"}\')').run();
    before.prepare("INSERT INTO draft (key, value_json, updated_at) VALUES ('enterprise.new', '{\"name\":\"济南\"}', 'now')").run();
    before
      .prepare(
        "INSERT INTO outbox (mutation_id, tbl, row_id, kind, patch_json, created_at) VALUES ('m1', 'setting', 'x', 'update', '{}', 'now')",
      )
      .run();

    const db = migrateTo(2);
    expect(db.prepare('SELECT value_json FROM setting').pluck().get()).toBe('{"name":"王","channel":"agent"}');
    expect(db.prepare('SELECT value_json FROM draft').pluck().get()).toBe('{"name":"济南"}');
    expect(db.prepare('SELECT count(*) FROM outbox').pluck().get()).toBe(1);

    expect(indexes(db, 'enterprise')).toEqual(
      expect.arrayContaining(['enterprise_credit_code unique', 'enterprise_contact_mobile', 'enterprise_updated']),
    );
    const insert = db.prepare(
      `INSERT INTO enterprise (id, name, credit_code, industry_section, province, city, district, address, contact_name, contact_mobile, manager, channel, created_at, updated_at)
       VALUES (?, '济南泉城茶业有限公司', ?, 'F', '山东省', '济南市', '历下区', '泉城路188号', '王建国', '13805310001', '李', 'customer_manager', 'now', 'now')`,
    );
    insert.run('e1', '91370100MA3C4Q7B0X');
    expect(db.prepare('SELECT server_deleted, base_version FROM enterprise').get()).toEqual({ server_deleted: 0, base_version: null });
    expect(() => insert.run('e2', '91370100MA3C4Q7B0X')).toThrow(/UNIQUE/);
  });
});

describe('0003_orders', () => {
  it('adds the catalog, service orders and documents, keeping enterprises and their ops', () => {
    const { db: before, migrateTo } = databaseAt(2);
    before
      .prepare(
        `INSERT INTO enterprise (id, name, credit_code, industry_section, province, city, district, address, contact_name, contact_mobile, manager, channel, created_at, updated_at)
         VALUES ('e1', '济南泉城茶业有限公司', '91370100MA3C4Q7B0X', 'F', '山东省', '济南市', '历下区', '泉城路188号', '王建国', '13805310001', '李', 'customer_manager', 'a', 'a')`,
      )
      .run();
    before
      .prepare(
        "INSERT INTO outbox (mutation_id, tbl, row_id, kind, patch_json, created_at) VALUES ('m1', 'enterprise', 'e1', 'create', '{\"name\":\"济南泉城茶业有限公司\"}', 'a')",
      )
      .run();

    const db = migrateTo(3);
    expect(db.prepare('SELECT name, credit_code FROM enterprise').get()).toEqual({
      name: '济南泉城茶业有限公司',
      credit_code: '91370100MA3C4Q7B0X',
    });
    expect(db.prepare('SELECT kind, patch_json FROM outbox').get()).toEqual({
      kind: 'create',
      patch_json: '{"name":"济南泉城茶业有限公司"}',
    });

    const order = db.prepare(
      `INSERT INTO service_order (id, enterprise_id, kind, plan_code, request_date, effective_date, status, quote_json, catalog_version, created_by, created_at)
       VALUES (?, 'e1', ?, 'site-standard', '2026-11-16', '2026-11-16', ?, '{}', 1, '王', 'now')`,
    );
    order.run('o1', 'open', 'draft');
    expect(db.prepare('SELECT server_deleted FROM service_order').pluck().get()).toBe(0);
    expect(() => order.run('o2', 'upgrade', 'draft')).toThrow(/CHECK/);
    expect(() => order.run('o3', 'open', 'paid')).toThrow(/CHECK/);
    expect(indexes(db, 'service_order')).toContain('service_order_enterprise');

    db.prepare("INSERT INTO catalog (version, source, published_at, data_json, received_at) VALUES (1, 'seed', 'now', '{}', 'now')").run();
    db.prepare(
      "INSERT INTO document (id, enterprise_id, kind, title, file_name, mime, bytes, sha256, created_at, created_by) VALUES ('d1', 'e1', 'service_order', '业务受理单', 'a.pdf', 'application/pdf', 1, 'ab', 'now', '王')",
    ).run();
    expect(indexes(db, 'document')).toContain('document_enterprise');
  });
});

describe('0004_enterprise_search', () => {
  it('adds a change counter that every insert, update and delete of an enterprise bumps', () => {
    const at3 = databaseAt(3);
    at3.db
      .prepare(
        `INSERT INTO enterprise (id, name, credit_code, industry_section, province, city, district, address, contact_name, contact_mobile, manager, channel, created_at, updated_at)
         VALUES ('e1', '旧企业', '91350100M000100Y43', 'F', '山东省', '济南市', '历下区', '泉城路1号', '王', '13805310001', '李', 'business_hall', 't', 't')`,
      )
      .run();
    const db = at3.migrateTo(4);
    const count = () => db.prepare("SELECT n FROM change_counter WHERE tbl = 'enterprise'").pluck().get();
    expect(db.prepare('SELECT name FROM enterprise').pluck().all()).toEqual(['旧企业']);
    expect(count()).toBe(0);
    db.prepare("UPDATE enterprise SET name = '新名字' WHERE id = 'e1'").run();
    db.prepare("DELETE FROM enterprise WHERE id = 'e1'").run();
    expect(count()).toBe(2);
  });
});

describe('0017_order_change_counter', () => {
  it('adds a change counter for service orders that every insert, update and delete bumps, keeping the orders', () => {
    const at16 = databaseAt(16);
    const order = (id: string) =>
      at16.db
        .prepare(
          `INSERT INTO service_order (id, enterprise_id, kind, plan_code, request_date, effective_date, status, quote_json, catalog_version, created_by, created_at)
           VALUES (?, 'e1', 'open', 'site-standard', '2026-01-05', '2026-01-05', 'draft', '{}', 1, '李', 't')`,
        )
        .run(id);
    order('o1');
    const db = at16.migrateTo(17);
    const count = () => db.prepare("SELECT n FROM change_counter WHERE tbl = 'service_order'").pluck().get();
    expect(db.prepare('SELECT id FROM service_order').pluck().all()).toEqual(['o1']);
    expect(count()).toBe(0);
    db.prepare(
      `INSERT INTO service_order (id, enterprise_id, kind, plan_code, request_date, effective_date, status, quote_json, catalog_version, created_by, created_at)
      VALUES ('o2', 'e1', 'cancel', 'site-standard', '2026-02-05', '2026-02-05', 'draft', '{}', 1, '李', 't')`,
    ).run();
    db.prepare("UPDATE service_order SET status = 'signed' WHERE id = 'o1'").run();
    db.prepare("DELETE FROM service_order WHERE id = 'o2'").run();
    expect(count()).toBe(3);
    expect(db.prepare("SELECT n FROM change_counter WHERE tbl = 'enterprise'").pluck().get()).toBe(0);
  });
});
