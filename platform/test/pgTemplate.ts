/**
 * A PostgreSQL database at the latest schema, migrated once per test run by the global setup
 * (test/helpers/globalSetup.ts); startTestPlatform copies it (CREATE DATABASE … TEMPLATE) instead of
 * migrating an empty database for every platform (about 2 s each, on a busy 2-core machine). The
 * migrations themselves are tested from empty databases (migrations.test.ts, server.test.ts).
 */
import pg from 'pg';
import { openDatabase } from '../src/db/database';

/** The template's name: set by the global setup, inherited by the workers it starts. */
const TEMPLATE_VARIABLE = 'ECW_TEST_PG_TEMPLATE';

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

/** Migrates the template on the server at PLATFORM_TEST_PG, if there is one; answers how to remove it. */
export async function makePgTemplate(server = process.env.PLATFORM_TEST_PG): Promise<() => Promise<void>> {
  // Each vitest project runs the global setup: the first one makes it.
  if (!server || process.env[TEMPLATE_VARIABLE]) return async () => {};
  const name = `ecw_template_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
  await adminQuery(server, `CREATE DATABASE ${name}`);
  const database = await openDatabase({ dataDir: '.', databaseUrl: databaseUrl(server, name) });
  await database.close(); // a template takes no connections while it is copied
  process.env[TEMPLATE_VARIABLE] = name;
  return async () => {
    delete process.env[TEMPLATE_VARIABLE];
    await adminQuery(server, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  };
}

/** The run's migrated template, when the global setup made one. */
export const migratedPgTemplate = (): string | undefined => process.env[TEMPLATE_VARIABLE];
