/**
 * Opening the one SQLite file: pragmas, integrity check, migrations. A problem that the user must
 * decide about (corrupt file, file from a newer app) is thrown as a StartupProblem, never a hang.
 */
import Database from 'better-sqlite3';
import { chmodSync, closeSync, existsSync, openSync, readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

export type StartupProblemCode = 'db_corrupt' | 'db_newer' | 'db_open_failed';

export class StartupProblem extends Error {
  constructor(
    readonly code: StartupProblemCode,
    message: string,
    readonly versions: { databaseVersion?: number; appVersion?: number } = {},
  ) {
    super(message);
    this.name = 'StartupProblem';
  }
}

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

const defaultMigrationsDir = () => {
  const here = path.dirname(fileURLToPath(import.meta.url));
  // In the Electron bundle the .sql files are copied beside the backend's entry file.
  return [path.join(here, 'migrations'), path.join(here, 'db', 'migrations')].find(existsSync) ?? path.join(here, 'migrations');
};

export function loadMigrations(dir = defaultMigrationsDir()): Migration[] {
  return readdirSync(dir)
    .filter((f) => /^\d{4}_[\w-]+\.sql$/.test(f))
    .sort()
    .map((f) => ({ version: Number(f.slice(0, 4)), name: f.slice(5, -4), sql: readFileSync(path.join(dir, f), 'utf8') }));
}

export const latestVersion = (migrations: Migration[]) => migrations.at(-1)?.version ?? 0;

/** Applies every migration above the database's `user_version`, each in its own transaction. */
export function migrate(db: Database.Database, migrations: Migration[], target = latestVersion(migrations)): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  for (const m of migrations) {
    if (m.version <= current || m.version > target) continue;
    db.transaction(() => {
      db.exec(m.sql);
      db.pragma(`user_version = ${m.version}`);
    })();
  }
}

/**
 * Each migration commits on its own; with synchronous = FULL each commit waits for an fsync (most of
 * a new database's opening). They are synced once at the end instead: a crash meanwhile leaves the
 * migrations before some point, as it could before, and the checkpoint makes them durable before
 * anything else is written.
 */
function migrateThenSync(db: Database.Database, run: () => void): void {
  const before = db.pragma('user_version', { simple: true });
  db.pragma('synchronous = NORMAL');
  try {
    run();
  } finally {
    db.pragma('synchronous = FULL');
  }
  if (db.pragma('user_version', { simple: true }) !== before) db.pragma('wal_checkpoint(FULL)');
}

function applyPragmas(db: Database.Database): void {
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
}

export interface OpenOptions {
  migrations?: Migration[];
  /** Stop at this version (migration tests). */
  targetVersion?: number;
}

/**
 * The file, its WAL and its SHM readable by this user only. A new file is made 0600 before SQLite
 * opens it (SQLite gives the WAL and SHM the mode of the file); an older file is tightened.
 */
function restrictToOwner(file: string): void {
  if (!existsSync(file)) closeSync(openSync(file, 'a', 0o600));
  for (const f of [file, `${file}-wal`, `${file}-shm`]) if (existsSync(f)) chmodSync(f, 0o600);
}

export function openDatabase(file: string, options: OpenOptions = {}): Database.Database {
  const migrations = options.migrations ?? loadMigrations();
  const appVersion = latestVersion(migrations);
  let db: Database.Database;
  try {
    restrictToOwner(file);
    db = new Database(file);
  } catch (error) {
    throw new StartupProblem('db_open_failed', `The database file could not be opened: ${(error as Error).message}`);
  }
  try {
    applyPragmas(db);
    const check = db.pragma('quick_check', { simple: true });
    if (check !== 'ok') throw new StartupProblem('db_corrupt', `The database failed its integrity check: ${String(check)}`);
    const databaseVersion = db.pragma('user_version', { simple: true }) as number;
    if (databaseVersion > appVersion)
      throw new StartupProblem(
        'db_newer',
        `This database was written by a newer version of EC Workbench (schema ${databaseVersion}; this app knows up to ${appVersion}).`,
        { databaseVersion, appVersion },
      );
    migrateThenSync(db, () => migrate(db, migrations, options.targetVersion ?? appVersion));
    return db;
  } catch (error) {
    db.close();
    if (error instanceof StartupProblem) throw error;
    const message = (error as Error).message;
    if (/not a database|malformed|corrupt/i.test(message))
      throw new StartupProblem('db_corrupt', `The database file is damaged: ${message}`);
    throw new StartupProblem('db_open_failed', `The database could not be prepared: ${message}`);
  }
}

export function closeDatabase(db: Database.Database): void {
  if (!db.open) return;
  try {
    db.pragma('optimize');
  } finally {
    db.close();
  }
}
