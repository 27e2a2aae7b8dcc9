/**
 * The platform's databases at the latest schema, migrated once per test run by the global setup
 * (test/helpers/globalSetup.ts): startTestPlatform copies them (the SQLite file into its fresh data dir,
 * the PostgreSQL database with CREATE DATABASE … TEMPLATE) instead of migrating an empty database for
 * every platform (on PostgreSQL about 2 s each on a busy 2-core machine). The migrations themselves are
 * tested from empty databases (migrations.test.ts, server.test.ts); without the global setup a platform
 * migrates its empty database as at its first start.
 */
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { openDatabase } from '../src/db/database';

/** Where this run's templates are: set by the global setup, inherited by the workers it starts. */
const SQLITE_VARIABLE = 'ECW_TEST_PLATFORM_SQLITE_TEMPLATE';
const PG_VARIABLE = 'ECW_TEST_PG_TEMPLATE';
const SQLITE_FILE = 'platform.sqlite';

export async function adminQuery(server: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: server });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

export function databaseUrl(server: string, name: string): string {
  const url = new URL(server);
  url.pathname = `/${name}`;
  return url.toString();
}

/** Migrates the SQLite template, and the PostgreSQL one when PLATFORM_TEST_PG is set; answers how to remove them. */
export async function makePlatformTemplates(server = process.env.PLATFORM_TEST_PG): Promise<() => Promise<void>> {
  // Each vitest project runs the global setup: the first one makes them.
  if (process.env[SQLITE_VARIABLE]) return async () => {};
  const dir = mkdtempSync(path.join(os.tmpdir(), 'ecw-platform-template-'));
  await (await openDatabase({ dataDir: dir })).close(); // closing the last connection folds the WAL into the file
  process.env[SQLITE_VARIABLE] = path.join(dir, SQLITE_FILE);
  const name = `ecw_template_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
  if (server) {
    await adminQuery(server, `CREATE DATABASE ${name}`);
    await (await openDatabase({ dataDir: dir, databaseUrl: databaseUrl(server, name) })).close(); // a template takes no connections while copied
    process.env[PG_VARIABLE] = name;
  }
  return async () => {
    delete process.env[SQLITE_VARIABLE];
    delete process.env[PG_VARIABLE];
    rmSync(dir, { recursive: true, force: true });
    if (server) await adminQuery(server, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  };
}

/** The run's migrated PostgreSQL template, when the global setup made one. */
export const migratedPgTemplate = (): string | undefined => process.env[PG_VARIABLE];

/** Copies the run's migrated SQLite database into the new data dir `dir` when there is one (else the platform migrates it). */
export function copyMigratedSqlite(dir: string): void {
  const template = process.env[SQLITE_VARIABLE];
  if (template) copyFileSync(template, path.join(dir, SQLITE_FILE));
}
