/** Migration tests of the desktop database: a database at migration N−1, insert, migrate to N, assert. */
import path from 'node:path';
import type Database from 'better-sqlite3';
import { onTestFinished } from 'vitest';
import { loadMigrations, openDatabase } from '../../electron/backend/infra/db/database';
import { tempDir } from './backend';

/**
 * A fresh database at the migration before `version`; `migrateTo` closes it and opens it again at `target`.
 * Call it inside a test: what it opened is closed when the test ends (per test, so also when workers
 * keep this module from one file to the next).
 */
export function databaseBefore(version: number) {
  const opened: Database.Database[] = [];
  onTestFinished(() => opened.splice(0).forEach((db) => db.open && db.close()));
  const previous = Math.max(
    ...loadMigrations()
      .map((m) => m.version)
      .filter((v) => v < version),
  );
  const file = path.join(tempDir('ecw-migration-'), 'ecw.sqlite');
  const open = (targetVersion: number) => {
    const db = openDatabase(file, { targetVersion });
    opened.push(db);
    return db;
  };
  return {
    db: open(previous),
    migrateTo(target: number) {
      opened.at(-1)!.close();
      return open(target);
    },
  };
}
