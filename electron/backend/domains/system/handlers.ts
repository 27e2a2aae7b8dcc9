/** Start-up status, the recovery actions (export a backup, start fresh) and the operator profile. */
import { copyFileSync, existsSync, mkdirSync, renameSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Backend } from '../../app/backend';
import { latestVersion, loadMigrations } from '../../infra/db/database';
import { defineHandlers } from '../../app/handlerTypes';
import { APP_VERSION } from '../../infra/version';
import { readOperator, writeSetting } from './settings';

const stamp = (date: Date) => date.toISOString().replace(/[:.]/g, '-');

export function createSystemHandlers(backend: Backend) {
  const schemaVersion = latestVersion(loadMigrations());
  return defineHandlers({
    'system.status': () => {
      const problem = backend.problem();
      const db = backend.database();
      return {
        state: problem ? ('recovery' as const) : ('ready' as const),
        ...(problem ? { problem: { code: problem.code, message: problem.message, ...problem.versions } } : {}),
        dataDir: backend.dataDir,
        appVersion: APP_VERSION,
        schemaVersion,
        operator: db ? readOperator(db) : null,
      };
    },

    'system.exportBackup': async (_input, ctx) => {
      const dir = path.join(backend.dataDir, 'backups');
      mkdirSync(dir, { recursive: true });
      const target = path.join(dir, `ecw-backup-${stamp(ctx.now())}.sqlite`);
      const db = backend.database();
      if (db) {
        await db.backup(target);
      } else {
        // The database cannot be opened, so SQLite cannot copy it: save the raw files as they are.
        copyFileSync(backend.databaseFile, target);
        for (const suffix of ['-wal', '-shm']) if (existsSync(backend.databaseFile + suffix)) copyFileSync(backend.databaseFile + suffix, target + suffix);
      }
      return { path: target, bytes: statSync(target).size };
    },

    'system.startFresh': (_input, ctx) => {
      const dir = path.join(backend.dataDir, `set-aside-${stamp(ctx.now())}`);
      mkdirSync(dir, { recursive: true });
      backend.closeDatabase();
      for (const suffix of ['', '-wal', '-shm']) {
        const file = backend.databaseFile + suffix;
        if (existsSync(file)) renameSync(file, path.join(dir, path.basename(file)));
      }
      backend.reopen();
      backend.log(`database set aside in ${dir}; started fresh`);
      return { movedTo: dir };
    },

    'system.setOperator': (input, ctx) => {
      writeSetting(ctx.db, 'operator', input);
      return input;
    },
  });
}
