/** Platform migrations keep what an older platform stored: sessions stay signed in, blobs stay readable. */
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect, sql } from 'kysely';
import pg from 'pg';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { migrateToLatest } from '../src/db/migrations';
import { describeOnDatabases, freshPgDatabase, tempDir } from './helpers';

describeOnDatabases('migrations', (database) => {
  let db: Kysely<unknown>;
  let drop: () => Promise<void> = async () => undefined;
  beforeEach(async () => {
    if (database === 'postgres') {
      const fresh = await freshPgDatabase();
      drop = fresh.drop;
      db = new Kysely({ dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: fresh.url, max: 2 }) }) });
    } else {
      db = new Kysely({ dialect: new SqliteDialect({ database: new SQLite(path.join(await tempDir(), 'platform.sqlite')) }) });
    }
  });
  afterEach(async () => {
    await db.destroy();
    await drop();
  });

  const rows = async <T>(query: ReturnType<typeof sql<T>>) => (await query.execute(db)).rows;

  it('0003_sessions: a session per refresh-token family, ended where the family was revoked', async () => {
    await migrateToLatest(db, '0001_initial');
    await sql`INSERT INTO refresh_token (token_hash, user_id, family_id, expires_at, used_at, revoked, created_at) VALUES
      ('h1', 'u1', 'live', '2030-01-01', '2026-01-01', 0, '2026-01-01'), ('h2', 'u1', 'live', '2030-01-01', NULL, 0, '2026-01-02'),
      ('h3', 'u2', 'ended', '2030-01-01', NULL, 1, '2026-01-03')`.execute(db);
    await migrateToLatest(db);
    const sessions = await rows(
      sql<{ id: string; user_id: string; revoked_at: string | null }>`SELECT id, user_id, revoked_at FROM staff_session ORDER BY id`,
    );
    expect(sessions).toEqual([
      { id: 'ended', user_id: 'u2', revoked_at: '2026-01-03' },
      { id: 'live', user_id: 'u1', revoked_at: null },
    ]);
    expect(await rows(sql<{ generation: number }>`SELECT DISTINCT generation FROM refresh_token`)).toEqual([{ generation: 1 }]);
  });

  it('0005_blob_access: the images of the sites already stored become readable to whoever sees the site', async () => {
    await migrateToLatest(db, '0004_login_throttle');
    const data = JSON.stringify({
      enterpriseId: 'e1',
      name: '官网',
      content: {},
      images: ['a'.repeat(64), 'b'.repeat(64), 'a'.repeat(64)],
    });
    await sql`INSERT INTO site (id, scope_id, version, last_seq, field_versions, deleted, data, created_at, updated_at, enterprise_id)
      VALUES ('s1', '山东省/济南市', 1, 1, '{}', 0, ${data}, '2026-01-01', '2026-01-01', 'e1')`.execute(db);
    await migrateToLatest(db);
    expect(await rows(sql<{ site_id: string; sha256: string }>`SELECT site_id, sha256 FROM site_image ORDER BY sha256`)).toEqual([
      { site_id: 's1', sha256: 'a'.repeat(64) },
      { site_id: 's1', sha256: 'b'.repeat(64) },
    ]);
  });

  it('0009_sms_sites: enterprises opened before it get their extension routed; earlier MTs count as replies', async () => {
    await migrateToLatest(db, '0008_portal_search');
    const opened = JSON.stringify({
      enterpriseId: 'e1',
      status: 'opened',
      opening: { smsServiceCode: { unifiedCode: '10658000', extension: '1001', full: '106580001001' }, openedAt: '2026-11-01T00:00:00Z' },
    });
    const submitted = JSON.stringify({ enterpriseId: 'e2', status: 'submitted' });
    await sql`INSERT INTO service_order (id, scope_id, version, last_seq, field_versions, deleted, data, created_at, updated_at, enterprise_id, status) VALUES
      ('o1', 's', 1, 1, '{}', 0, ${opened}, '2026-01-01', '2026-01-01', 'e1', 'opened'),
      ('o2', 's', 1, 2, '{}', 0, ${submitted}, '2026-01-01', '2026-01-01', 'e2', 'submitted')`.execute(db);
    await sql`INSERT INTO sms_mt (id, mobile, extension, kind, body, enterprise_id, parts, created_at) VALUES ('m1', '13800138000', '1001', 'text', 'x', 'e1', 1, '2026-11-02')`.execute(
      db,
    );
    await migrateToLatest(db);
    expect(await rows(sql`SELECT extension, enterprise_id, opened_at FROM sms_route`)).toEqual([
      { extension: '1001', enterprise_id: 'e1', opened_at: '2026-11-01T00:00:00Z' },
    ]);
    expect(await rows(sql`SELECT purpose FROM sms_mt`)).toEqual([{ purpose: 'reply' }]);
  });
});
