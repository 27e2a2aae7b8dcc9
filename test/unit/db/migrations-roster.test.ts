/** Migrations of the VPMN roster, in the pattern of migrations.test.ts: database at N−1, insert, migrate, assert. */
import type Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { databaseBefore } from '../../helpers/migrations';

const member = (id: string, enterpriseId: string, mobile: string) => ({
  id,
  enterprise_id: enterpriseId,
  name: '王伟',
  mobile,
  short_number: '612345',
  created_at: '2026-11-16T01:00:00.000Z',
  updated_at: '2026-11-16T01:00:00.000Z',
});
const insertMember = (db: Database.Database, m: ReturnType<typeof member>) =>
  db
    .prepare(
      `INSERT INTO roster_member (id, enterprise_id, name, mobile, short_number, created_at, updated_at) VALUES (@id, @enterprise_id, @name, @mobile, @short_number, @created_at, @updated_at)`,
    )
    .run(m);

describe('0012_roster', () => {
  it('keeps what was there and adds rosters: one row per mobile per group, a draft change by default none', () => {
    const { db, migrateTo } = databaseBefore(12);
    db.prepare(`INSERT INTO setting (key, value_json) VALUES ('operator', '{"name":"李敏"}')`).run();
    const after = migrateTo(12);
    expect(after.prepare(`SELECT value_json FROM setting WHERE key = 'operator'`).pluck().get()).toBe('{"name":"李敏"}');

    insertMember(after, member('m1', 'e1', '13800138000'));
    insertMember(after, member('m2', 'e2', '13800138000')); // another group may list the number (the import refuses it)
    expect(() => insertMember(after, member('m3', 'e1', '13800138000'))).toThrow(/UNIQUE/);
    expect(
      after
        .prepare('SELECT change, order_id, number_source, card_consent, base_version, server_deleted FROM roster_member WHERE id = ?')
        .get('m1'),
    ).toEqual({
      change: null,
      order_id: null,
      number_source: 'rules',
      card_consent: 0,
      base_version: null,
      server_deleted: 0,
    });
    expect(() => after.prepare(`UPDATE roster_member SET change = 'rename' WHERE id = 'm1'`).run()).toThrow(/CHECK/);
    after
      .prepare(
        `INSERT INTO roster_rules (enterprise_id, rules_json, updated_at) VALUES ('e1', '{"firstDigit":"8","departmentBlocks":[],"reserved":[]}', '2026-11-16')`,
      )
      .run();
    expect(after.prepare(`SELECT rules_json FROM roster_rules WHERE enterprise_id = 'e1'`).pluck().get()).toContain('"firstDigit":"8"');
  });
});

describe('0013_roster_orders', () => {
  it('keeps the roster and adds roster orders, empty on the platform side until it answers', () => {
    const { db, migrateTo } = databaseBefore(13);
    insertMember(db, member('m1', 'e1', '13800138000'));
    db.prepare(`UPDATE roster_member SET change = 'add', order_id = 'o1' WHERE id = 'm1'`).run();
    const after = migrateTo(13);
    expect(after.prepare('SELECT change, order_id FROM roster_member WHERE id = ?').get('m1')).toEqual({ change: 'add', order_id: 'o1' });
    after
      .prepare(
        `INSERT INTO roster_order (id, enterprise_id, changes_json, created_by, created_at) VALUES ('o1', 'e1', '[]', '李敏', '2026-11-16')`,
      )
      .run();
    expect(
      after
        .prepare('SELECT platform_status, results_json, group_number, base_version, server_deleted FROM roster_order WHERE id = ?')
        .get('o1'),
    ).toEqual({
      platform_status: null,
      results_json: null,
      group_number: null,
      base_version: null,
      server_deleted: 0,
    });
  });
});

describe('0014_group_services', () => {
  it('keeps roster orders and adds the group services, with no SMS groups by default', () => {
    const { db, migrateTo } = databaseBefore(14);
    db.prepare(
      `INSERT INTO roster_order (id, enterprise_id, changes_json, created_by, created_at) VALUES ('o1', 'e1', '[]', '李敏', '2026-11-16')`,
    ).run();
    const after = migrateTo(14);
    expect(after.prepare('SELECT id FROM roster_order').pluck().all()).toEqual(['o1']);
    after.prepare(`INSERT INTO group_service (enterprise_id, updated_at) VALUES ('e1', '2026-11-16')`).run();
    expect(after.prepare('SELECT switchboard_json, sms_groups_json, ring_tone_json FROM group_service').get()).toEqual({
      switchboard_json: null,
      sms_groups_json: '[]',
      ring_tone_json: null,
    });
  });
});
