/** The PostgreSQL server a platform bench runs on: PLATFORM_TEST_PG, else a throwaway cluster it starts and stops. */
import { execFileSync, spawnSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { REPO_ROOT } from '../helpers/paths';

/** The server to use, and how to stop it if this bench started it; null when there is none to start. */
export function postgresServer(): { url: string; stop(): void } | null {
  if (process.env.PLATFORM_TEST_PG) return { url: process.env.PLATFORM_TEST_PG, stop: () => undefined };
  if (spawnSync('sh', ['-c', 'command -v initdb || ls /usr/lib/postgresql/*/bin/initdb'], { stdio: 'ignore' }).status !== 0) return null;
  const script = path.join(REPO_ROOT, 'scripts', 'pg-test-cluster.sh');
  const env = { ...process.env, ECW_PG_DIR: path.join(os.tmpdir(), `ecw-pg-bench-${process.pid}`) };
  const line = execFileSync(script, ['start'], { env, encoding: 'utf8' });
  const url = /PLATFORM_TEST_PG=(\S+)/.exec(line)?.[1];
  if (!url) throw new Error(`pg-test-cluster.sh start said: ${line}`);
  return { url, stop: () => execFileSync(script, ['stop'], { env }) };
}
