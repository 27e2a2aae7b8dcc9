/** Start-up status and the recovery screen's actions: export a backup, start fresh (the old file set aside). */
import { copyFileSync, existsSync, mkdirSync, renameSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Output } from '../../../../shared/api';
import type { Connection } from '../../infra/db/connection';
import { latestVersion, loadMigrations } from '../../infra/db/database';
import type { Logger } from '../../infra/log';
import { APP_VERSION } from '../../infra/version';
import { readOperator } from './repository';

export interface RecoveryHost {
  dataDir: string;
  connection: Connection;
  log: Logger;
}

const stamp = (date: Date) => date.toISOString().replace(/[:.]/g, '-');
const schemaVersion = latestVersion(loadMigrations());

export function systemStatus(host: RecoveryHost): Output<'system.status'> {
  const problem = host.connection.problem();
  const db = host.connection.current();
  return {
    state: problem ? 'recovery' : 'ready',
    ...(problem ? { problem: { code: problem.code, message: problem.message, ...problem.versions } } : {}),
    dataDir: host.dataDir,
    appVersion: APP_VERSION,
    schemaVersion,
    operator: db ? readOperator(db) : null,
  };
}

export async function exportBackup(host: RecoveryHost, now: Date): Promise<Output<'system.exportBackup'>> {
  const dir = path.join(host.dataDir, 'backups');
  mkdirSync(dir, { recursive: true });
  const target = path.join(dir, `ecw-backup-${stamp(now)}.sqlite`);
  const db = host.connection.current();
  const file = host.connection.file;
  if (db) {
    await db.backup(target);
  } else {
    // The database cannot be opened, so SQLite cannot copy it: save the raw files as they are.
    copyFileSync(file, target);
    for (const suffix of ['-wal', '-shm']) if (existsSync(file + suffix)) copyFileSync(file + suffix, target + suffix);
  }
  return { path: target, bytes: statSync(target).size };
}

export function startFresh(host: RecoveryHost, now: Date): Output<'system.startFresh'> {
  const dir = path.join(host.dataDir, `set-aside-${stamp(now)}`);
  mkdirSync(dir, { recursive: true });
  host.connection.close();
  for (const suffix of ['', '-wal', '-shm']) {
    const file = host.connection.file + suffix;
    if (existsSync(file)) renameSync(file, path.join(dir, path.basename(file)));
  }
  host.connection.reopen();
  host.log(`database set aside in ${dir}; started fresh`);
  return { movedTo: dir };
}
