/**
 * Opens the platform database: SQLite (one file in the data dir, WAL) by default, PostgreSQL with
 * `--database-url postgres://…`. Everything above this module is dialect-blind except `dialect`
 * checks for row locks (SYNC.md §3.1: SQLite serializes writers itself, Postgres needs FOR UPDATE).
 */
import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect, sql, type Transaction } from 'kysely';
import pg from 'pg';
import { migrateToLatest } from './migrations';
import type { DB } from './schema';

export type Dialect = 'sqlite' | 'postgres';

export interface Database {
  db: Kysely<DB>;
  dialect: Dialect;
  close(): Promise<void>;
}

export type Tx = Transaction<DB>;

/** better-sqlite3 prepares a statement per query through kysely; caching them halves the cost of a push. */
function cachingSqlite(file: string) {
  // Created (or tightened) 0600 first: SQLite gives its -wal and -shm files the database file's mode.
  if (file !== ':memory:') {
    fs.closeSync(fs.openSync(file, 'a', 0o600));
    fs.chmodSync(file, 0o600);
  }
  const raw = new SQLite(file);
  raw.pragma('journal_mode = WAL');
  raw.pragma('synchronous = FULL');
  raw.pragma('busy_timeout = 5000');
  const cache = new Map<string, SQLite.Statement>();
  return {
    raw,
    prepare(sqlText: string) {
      let stmt = cache.get(sqlText);
      if (!stmt) {
        if (cache.size > 1000) cache.clear();
        stmt = raw.prepare(sqlText);
        cache.set(sqlText, stmt);
      }
      return stmt;
    },
    close: () => raw.close(),
  };
}

/**
 * Kysely runs each DDL statement of a SQLite migration in its own commit, and with synchronous = FULL
 * each one waits for an fsync (about a second for a fresh database). Synced at the end instead: a
 * crash meanwhile leaves a prefix of the commits, as it could before (DDL is not transactional here),
 * and the checkpoint makes the whole schema durable before the platform serves anything.
 */
async function migrateSqliteQuickly(raw: SQLite.Database | undefined, migrate: () => Promise<number>): Promise<void> {
  if (!raw) {
    await migrate();
    return;
  }
  raw.pragma('synchronous = NORMAL');
  let applied = 0;
  try {
    applied = await migrate();
  } finally {
    raw.pragma('synchronous = FULL');
  }
  if (applied > 0) raw.pragma('wal_checkpoint(FULL)');
}

export async function openDatabase(options: { dataDir: string; databaseUrl?: string; log?: (line: string) => void }): Promise<Database> {
  let db: Kysely<DB>;
  let dialect: Dialect;
  let sqliteHandle: SQLite.Database | undefined;
  if (options.databaseUrl && /^postgres(ql)?:/.test(options.databaseUrl)) {
    const pool = new pg.Pool({ connectionString: options.databaseUrl, max: 10 });
    // An idle connection dropped by the server (restart, failover) must not crash the platform.
    pool.on('error', (err) => options.log?.(`postgres: idle connection error: ${err.message}`));
    db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
    dialect = 'postgres';
  } else {
    const sqlite = cachingSqlite(options.databaseUrl ?? path.join(options.dataDir, 'platform.sqlite'));
    sqliteHandle = sqlite.raw;
    db = new Kysely<DB>({ dialect: new SqliteDialect({ database: sqlite as unknown as SQLite.Database }) });
    dialect = 'sqlite';
  }
  await migrateSqliteQuickly(sqliteHandle, () => migrateToLatest(db as Kysely<unknown>));
  return { db, dialect, close: () => db.destroy() };
}

/** A write transaction that writes no synced rows (those go through sync/writer.ts, which orders commits by seq). */
export function writeTx<T>(database: Database, fn: (trx: Tx) => Promise<T>): Promise<T> {
  return database.db.transaction().execute(fn);
}

/** A read transaction: every query inside sees one snapshot (pull reads rows and max(seq) together). */
export function readTx<T>(database: Database, fn: (trx: Tx) => Promise<T>): Promise<T> {
  const builder = database.db.transaction();
  return (database.dialect === 'postgres' ? builder.setIsolationLevel('repeatable read') : builder).execute(fn);
}

/**
 * A transaction whose commit does not wait for the disk (SQLite: synchronous=NORMAL for this commit,
 * on the one connection, the others keep theirs; PostgreSQL: synchronous_commit off). What it
 * writes survives the process dying, not the machine losing power: only for what can be found out
 * again: the SMS link's answers (a lost one makes its part in doubt, which a resend settles), an
 * upload's offset (a lost one only sends a chunk again).
 */
export async function writeWithoutSync<T>(database: Database, fn: (trx: Tx) => Promise<T>): Promise<T> {
  if (database.dialect === 'postgres') {
    return database.db.transaction().execute(async (trx) => {
      await sql`SET LOCAL synchronous_commit TO OFF`.execute(trx);
      return fn(trx);
    });
  }
  return database.db.connection().execute(async (conn) => {
    const { rows } = await sql<{ synchronous: number }>`PRAGMA synchronous`.execute(conn);
    await sql`PRAGMA synchronous = NORMAL`.execute(conn);
    try {
      return await conn.transaction().execute(fn);
    } finally {
      await sql.raw(`PRAGMA synchronous = ${Number(rows[0]?.synchronous ?? 2)}`).execute(conn);
    }
  });
}
