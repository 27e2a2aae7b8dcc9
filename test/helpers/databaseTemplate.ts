/**
 * A database at the latest schema, migrated once per test run by the global setup and copied into each fresh test
 * backend's folder, so a backend opens it as an app opens yesterday's file instead of running every migration again.
 * Without the global setup (the shell project, a script) a backend migrates an empty file as the app does at its first
 * start; the migrations themselves are tested from an empty file in test/unit/db.
 */
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { closeDatabase, openDatabase } from '../../electron/backend/infra/db/database';

/** Where this run's template is: set by the global setup, inherited by the workers it starts. */
const TEMPLATE_VARIABLE = 'ECW_TEST_DATABASE_TEMPLATE';

/** Migrates the template; answers how to remove it. */
export function makeDatabaseTemplate(): () => void {
  // Each vitest project runs the global setup: the first one makes it.
  if (process.env[TEMPLATE_VARIABLE]) return () => {};
  const dir = mkdtempSync(path.join(os.tmpdir(), 'ecw-template-'));
  const file = path.join(dir, 'migrated.sqlite');
  closeDatabase(openDatabase(file)); // closing the last connection folds the WAL into the file
  process.env[TEMPLATE_VARIABLE] = file;
  return () => {
    delete process.env[TEMPLATE_VARIABLE];
    rmSync(dir, { recursive: true, force: true });
  };
}

/** Copies the run's migrated database to `file` when there is one (else the backend migrates it at its start). */
export function copyMigratedDatabase(file: string): void {
  const template = process.env[TEMPLATE_VARIABLE];
  if (template) copyFileSync(template, file);
}
