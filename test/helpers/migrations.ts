/** Migration tests of the desktop database: a database at migration N−1, insert, migrate to N, assert. */
import path from 'node:path';
import type Database from 'better-sqlite3';
import { afterEach } from 'vitest';
import { loadMigrations, openDatabase } from '../../electron/backend/infra/db/database';
import { tempDir } from './backend';

const opened: Database.Database[] = [];
afterEach(() => opened.splice(0).forEach((db) => db.open && db.close()));

/** A fresh database at the migration before `version`; `migrateTo` closes it and opens it again at `target`. */
export function databaseBefore(version: number) {
  const previous = Math.max(...loadMigrations().map((m) => m.version).filter((v) => v < version));
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
