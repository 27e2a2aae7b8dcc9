/** Migrations of the site builder (0005, 0006), in the pattern of migrations.test.ts: database at N−1, insert, migrate, assert. */
import type Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { databaseBefore } from '../../helpers/migrations';

const AT = '2026-11-16T01:00:00.000Z';

describe('0005_sites', () => {
  it('keeps the assets and enterprises there were, and adds sites, picture facts and the derived-size cache', () => {
    const { db, migrateTo } = databaseBefore(5);
    db.prepare(`INSERT INTO asset (sha256, size, mime, created_at) VALUES (?, 10, 'image/jpeg', ?)`).run('a'.repeat(64), AT);
    const migrated = migrateTo(5);
    expect(migrated.prepare('SELECT sha256, state FROM asset').all()).toEqual([{ sha256: 'a'.repeat(64), state: 'pending_upload' }]);

    migrated
      .prepare(`INSERT INTO site (id, enterprise_id, content_json, created_at, updated_at) VALUES ('s1', 'e1', '{}', ?, ?)`)
      .run(AT, AT);
    expect(migrated.prepare('SELECT revision, intake_json, signed_off_revision, server_deleted FROM site').get()).toEqual({
      revision: 1,
      intake_json: '{"guesses":[],"problems":[]}',
      signed_off_revision: null,
      server_deleted: 0,
    });
    // One site per enterprise (until 0011).
    expect(() =>
      migrated
        .prepare(`INSERT INTO site (id, enterprise_id, content_json, created_at, updated_at) VALUES ('s2', 'e1', '{}', ?, ?)`)
        .run(AT, AT),
    ).toThrow(/UNIQUE/);

    migrated
      .prepare(`INSERT INTO image (sha256, width, height, has_alpha, source_format) VALUES (?, 3024, 4032, 0, 'jpeg')`)
      .run('a'.repeat(64));
    const derived = migrated.prepare(
      `INSERT INTO asset_derived (sha256, variant, file, mime, width, height, bytes, created_at) VALUES (?, 'wap1', 'assets/derived/x.jpg', 'image/jpeg', 120, 160, 900, ?)`,
    );
    derived.run('a'.repeat(64), AT);
    expect(() => derived.run('a'.repeat(64), AT)).toThrow(/UNIQUE|PRIMARY/);
  });
});

describe('0006_site_enterprise_index', () => {
  it('keeps the sites there were and lets a second site of an enterprise (pulled from another device) be stored', () => {
    const { db, migrateTo } = databaseBefore(6);
    const insert = (database: Database.Database, id: string) =>
      database
        .prepare(`INSERT INTO site (id, enterprise_id, content_json, created_at, updated_at) VALUES (?, 'e1', '{}', ?, ?)`)
        .run(id, AT, AT);
    insert(db, 's1');
    expect(() => insert(db, 's2')).toThrow(/UNIQUE/);
    const migrated = migrateTo(6);
    insert(migrated, 's2');
    expect(migrated.prepare('SELECT id FROM site ORDER BY id').all()).toEqual([{ id: 's1' }, { id: 's2' }]);
    const plan = migrated.prepare("EXPLAIN QUERY PLAN SELECT * FROM site WHERE enterprise_id = 'e1' ORDER BY created_at, id").all() as {
      detail: string;
    }[];
    expect(plan.map((p) => p.detail).join()).toContain('site_enterprise');
  });
});
