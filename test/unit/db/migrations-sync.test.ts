/** Migrations of the sync engine (0007–0009), in the pattern of migrations.test.ts: database at N−1, insert, migrate, assert. */
import type Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { databaseBefore } from '../../helpers/migrations';

const columns = (db: Database.Database, table: string) =>
  (db.prepare(`PRAGMA table_info(${table})`).all() as { name: string }[]).map((c) => c.name);

const enterprise = (id: string, creditCode: string) => ({
  id,
  name: '泉城茶业',
  credit_code: creditCode,
  industry_section: 'F',
  province: '山东省',
  city: '济南市',
  district: '历下区',
  address: '泉城路188号',
  contact_name: '王建国',
  contact_mobile: '13805310002',
  manager: '李经理',
  channel: 'customer_manager',
  created_at: '2026-11-16T01:00:00.000Z',
  updated_at: '2026-11-16T01:00:00.000Z',
});
const insertEnterprise = (db: Database.Database, id: string, creditCode: string) =>
  db
    .prepare(
      `INSERT INTO enterprise (id, name, credit_code, industry_section, province, city, district, address, contact_name, contact_mobile,
         manager, channel, created_at, updated_at)
       VALUES (@id, @name, @credit_code, @industry_section, @province, @city, @district, @address, @contact_name, @contact_mobile,
         @manager, @channel, @created_at, @updated_at)`,
    )
    .run(enterprise(id, creditCode));

describe('0007_sync', () => {
  it('keeps enterprises, orders and queued ops, and adds the platform columns empty', () => {
    const { db, migrateTo } = databaseBefore(7);
    insertEnterprise(db, 'e1', '91350100M000100Y43');
    db.prepare(
      `INSERT INTO service_order (id, enterprise_id, kind, plan_code, request_date, effective_date, status, quote_json, catalog_version, created_by, created_at)
       VALUES ('o1', 'e1', 'open', 'site-standard', '2026-11-16', '2026-11-16', 'submitted', '{}', 1, '李经理', '2026-11-16T01:00:00.000Z')`,
    ).run();
    db.prepare(
      `INSERT INTO outbox (mutation_id, tbl, row_id, kind, patch_json, status, created_at) VALUES ('m1', 'enterprise', 'e1', 'create', '{"name":"泉城茶业"}', 'sent', '2026-11-16')`,
    ).run();

    const after = migrateTo(7);
    expect(after.prepare('SELECT name, platform_status FROM enterprise WHERE id = ?').get('e1')).toEqual({
      name: '泉城茶业',
      platform_status: null,
    });
    expect(after.prepare('SELECT plan_code, platform_status, opening_json FROM service_order WHERE id = ?').get('o1')).toEqual({
      plan_code: 'site-standard',
      platform_status: null,
      opening_json: null,
    });
    expect(after.prepare('SELECT mutation_id, status, wire_seq FROM outbox').all()).toEqual([
      { mutation_id: 'm1', status: 'sent', wire_seq: null },
    ]);
    expect(columns(after, 'service_order')).toEqual(expect.arrayContaining(['failure_json', 'processed_at']));
  });

  it('lets two enterprises with one credit code coexist (an offline duplicate awaiting its merge)', () => {
    const { db, migrateTo } = databaseBefore(7);
    insertEnterprise(db, 'e1', '91350100M000100Y43');
    expect(() => insertEnterprise(db, 'e2', '91350100M000100Y43')).toThrow(/UNIQUE/);
    const after = migrateTo(7);
    insertEnterprise(after, 'e2', '91350100M000100Y43');
    expect(after.prepare('SELECT count(*) FROM enterprise WHERE credit_code = ?').pluck().get('91350100M000100Y43')).toBe(2);
    const plan = after.prepare("EXPLAIN QUERY PLAN SELECT id FROM enterprise WHERE credit_code = '91350100M000100Y43'").all() as {
      detail: string;
    }[];
    expect(plan.map((p) => p.detail).join(' ')).toContain('enterprise_credit_code');
  });

  it('adds the mirror, resync and history tables', () => {
    const after = databaseBefore(7).migrateTo(7);
    after.prepare(`INSERT INTO sync_row (tbl, id, parent_id, row_json, base_version) VALUES ('subscription', 's1', 'e1', '{}', 3)`).run();
    expect(() => after.prepare(`INSERT INTO sync_row (tbl, id, row_json) VALUES ('subscription', 's1', '{}')`).run()).toThrow(
      /UNIQUE|PRIMARY/,
    );
    after.prepare(`INSERT INTO resync_seen (tbl, row_id) VALUES ('enterprise', 'e1')`).run();
    after
      .prepare(
        `INSERT INTO sync_history (id, started_at, finished_at, trigger, outcome) VALUES ('h1', '2026-11-16T01:00:00Z', '2026-11-16T01:00:01Z', 'manual', 'ok')`,
      )
      .run();
    expect(after.prepare('SELECT pushed, pulled, uploaded_bytes FROM sync_history').get()).toEqual({
      pushed: 0,
      pulled: 0,
      uploaded_bytes: 0,
    });
  });
});

describe('0008_sync_indexes', () => {
  it('lists synced enterprise and order ids from a partial index, leaving local-only rows out of it', () => {
    const { db, migrateTo } = databaseBefore(8);
    insertEnterprise(db, 'e1', '91350100M000100Y43');
    insertEnterprise(db, 'e2', '91350100M000100Y43');
    db.prepare('UPDATE enterprise SET base_version = 3 WHERE id = ?').run('e1');
    const after = migrateTo(8);
    expect(after.prepare('SELECT id FROM enterprise WHERE base_version IS NOT NULL').pluck().all()).toEqual(['e1']);
    const plan = after.prepare('EXPLAIN QUERY PLAN SELECT id FROM enterprise WHERE base_version IS NOT NULL').all() as { detail: string }[];
    expect(plan.map((p) => p.detail).join(' ')).toContain('COVERING INDEX enterprise_synced');
    const orderPlan = after.prepare('EXPLAIN QUERY PLAN SELECT id FROM service_order WHERE base_version IS NOT NULL').all() as {
      detail: string;
    }[];
    expect(orderPlan.map((p) => p.detail).join(' ')).toContain('COVERING INDEX service_order_synced');
  });
});

describe('0009_sync_refused_rows', () => {
  it('adds the list of refused pulled rows, one per row, and leaves the synced tables as they were', () => {
    const { db, migrateTo } = databaseBefore(9);
    insertEnterprise(db, 'e1', '91350100M000100Y43');
    const after = migrateTo(9);
    expect(after.prepare('SELECT id FROM enterprise').pluck().all()).toEqual(['e1']);
    expect(columns(after, 'sync_refused_row')).toEqual(['tbl', 'row_id', 'version', 'code', 'problems_json', 'row_text', 'received_at']);
    const refuse = after.prepare(
      `INSERT INTO sync_refused_row (tbl, row_id, version, code, problems_json, row_text, received_at) VALUES ('site', 's1', ?, 'row_invalid', '[]', '{}', 'now')`,
    );
    refuse.run(3);
    expect(() => refuse.run(4)).toThrow(/UNIQUE|PRIMARY KEY/);
  });
});

describe('0010_publication_leads_visits', () => {
  it('adds the three platform-owned tables of issue 10 with their sync columns, and leaves the rest as it was', () => {
    const { db, migrateTo } = databaseBefore(10);
    insertEnterprise(db, 'e1', '91350100M000100Y43');
    const after = migrateTo(10);
    expect(after.prepare('SELECT id FROM enterprise').pluck().all()).toEqual(['e1']);
    const sync = ['base_version', 'base_json', 'server_deleted'];
    expect(columns(after, 'site_publication')).toEqual(
      expect.arrayContaining(['id', 'enterprise_id', 'status', 'live_revision', 'urls_json', 'revisions_json', ...sync]),
    );
    expect(columns(after, 'lead')).toEqual(
      expect.arrayContaining(['id', 'enterprise_id', 'site_id', 'channel', 'text', 'received_at', 'handled', ...sync]),
    );
    expect(columns(after, 'site_visit_day')).toEqual(expect.arrayContaining(['id', 'site_id', 'date', 'channel', 'pv', 'uv', ...sync]));
    after
      .prepare(
        `INSERT INTO lead (id, enterprise_id, channel, kind, name, contact, text, received_at, created_at, updated_at) VALUES ('l1', 'e1', 'web', 'message', '张', '13800000000', '你好', 'now', 'now', 'now')`,
      )
      .run();
    expect(after.prepare(`SELECT handled, server_deleted FROM lead`).get()).toEqual({ handled: 0, server_deleted: 0 });
    after
      .prepare(
        `INSERT INTO site_publication (id, enterprise_id, status, created_at, updated_at) VALUES ('s1', 'e1', 'waiting_opening', 'now', 'now')`,
      )
      .run();
    expect(after.prepare(`SELECT revisions_json, live_revision FROM site_publication`).get()).toEqual({
      revisions_json: '[]',
      live_revision: null,
    });
  });
});

describe('0011_sms_usage', () => {
  it('adds the platform-owned monthly SMS counts with their sync columns, one row per enterprise and month', () => {
    const { db, migrateTo } = databaseBefore(11);
    insertEnterprise(db, 'e1', '91350100M000100Y43');
    const after = migrateTo(11);
    expect(after.prepare('SELECT id FROM enterprise').pluck().all()).toEqual(['e1']);
    expect(columns(after, 'sms_usage')).toEqual(
      expect.arrayContaining(['id', 'enterprise_id', 'month', 'sms_sent', 'base_version', 'base_json', 'server_deleted']),
    );
    const insert = after.prepare(
      `INSERT INTO sms_usage (id, enterprise_id, month, sms_sent, created_at, updated_at) VALUES (?, 'e1', '2026-12', 5, 'now', 'now')`,
    );
    insert.run('e1:2026-12');
    expect(after.prepare('SELECT sms_sent, server_deleted FROM sms_usage').get()).toEqual({ sms_sent: 5, server_deleted: 0 });
    expect(() => insert.run('another-id')).toThrow(/UNIQUE/);
  });
});

describe('0015_sms_activity', () => {
  it('adds the platform-owned SMS draw log and survey tallies with their sync columns', () => {
    const { db, migrateTo } = databaseBefore(15);
    insertEnterprise(db, 'e1', '91350100M000100Y43');
    const after = migrateTo(15);
    expect(after.prepare('SELECT id FROM enterprise').pluck().all()).toEqual(['e1']);
    expect(columns(after, 'sms_activity')).toEqual(
      expect.arrayContaining([
        'id',
        'enterprise_id',
        'draws_json',
        'draw_count',
        'surveys_json',
        'base_version',
        'base_json',
        'server_deleted',
      ]),
    );
    after
      .prepare(
        `INSERT INTO sms_activity (id, enterprise_id, draws_json, draw_count, surveys_json, created_at, updated_at) VALUES ('e1', 'e1', '[]', 0, '[]', 'now', 'now')`,
      )
      .run();
    expect(after.prepare('SELECT draw_count, server_deleted FROM sms_activity').get()).toEqual({ draw_count: 0, server_deleted: 0 });
  });
});

describe('0016_enterprise_licence', () => {
  it('keeps enterprises as they were and adds the licence details and photo empty', () => {
    const { db, migrateTo } = databaseBefore(16);
    insertEnterprise(db, 'e1', '91350100M000100Y43');
    const after = migrateTo(16);
    expect(
      after
        .prepare(
          'SELECT id, name, legal_representative, registered_capital, established_on, licence_type, business_scope, licence_photo_sha256 FROM enterprise',
        )
        .all(),
    ).toEqual([
      {
        id: 'e1',
        name: '泉城茶业',
        legal_representative: null,
        registered_capital: null,
        established_on: null,
        licence_type: null,
        business_scope: null,
        licence_photo_sha256: null,
      },
    ]);
    after.prepare(`UPDATE enterprise SET legal_representative = '王建国', established_on = '2016-03-08' WHERE id = 'e1'`).run();
    expect(after.prepare('SELECT legal_representative, established_on FROM enterprise').get()).toEqual({
      legal_representative: '王建国',
      established_on: '2016-03-08',
    });
  });
});

describe('0018_sync_held_rows', () => {
  it('adds the local drafts table, one hold per record, keeping the enterprises', () => {
    const { db, migrateTo } = databaseBefore(18);
    insertEnterprise(db, 'e1', '91350100M000100Y43');
    const after = migrateTo(18);
    expect(after.prepare('SELECT id FROM enterprise').pluck().all()).toEqual(['e1']);
    const hold = after.prepare(`INSERT INTO sync_held_row (tbl, row_id, reason, held_at) VALUES ('enterprise', 'e1', 'forbidden', 'now')`);
    hold.run();
    expect(() => hold.run()).toThrow(/UNIQUE|PRIMARY/);
    expect(columns(after, 'sync_held_row')).toEqual(['tbl', 'row_id', 'reason', 'held_at']);
  });
});

describe('0019_member_report', () => {
  it('adds the platform-owned portal member report with its sync columns, keeping the enterprises', () => {
    const { db, migrateTo } = databaseBefore(19);
    insertEnterprise(db, 'e1', '91350100M000100Y43');
    const after = migrateTo(19);
    expect(after.prepare('SELECT id FROM enterprise').pluck().all()).toEqual(['e1']);
    const columnsOfReport = ['id', 'enterprise_id', 'followers', 'opted_out', 'by_region_json', 'joined_by_month_json', 'base_version'];
    expect(columns(after, 'member_report')).toEqual(expect.arrayContaining([...columnsOfReport, 'server_deleted']));
    after
      .prepare(
        `INSERT INTO member_report (id, enterprise_id, followers, following_enterprise, following_industry, opted_out, by_region_json, joined_by_month_json, created_at, updated_at)
         VALUES ('e1', 'e1', 2, 1, 1, 0, '[]', '[]', 'now', 'now')`,
      )
      .run();
    expect(after.prepare('SELECT followers, server_deleted FROM member_report').get()).toEqual({ followers: 2, server_deleted: 0 });
  });
});
