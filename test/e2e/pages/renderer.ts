/**
 * Browser mode serves renderer/dist. `npm test` builds it first; the e2e run's global setup
 * (globalSetup.ts) rebuilds it when a renderer or shared source is newer than the build, so a test
 * never drives a stale UI.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from '../../helpers/paths';

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestMtime(full));
    else newest = Math.max(newest, statSync(full).mtimeMs);
  }
  return newest;
}

export function ensureRendererBuilt(): void {
  const built = path.join(REPO_ROOT, 'renderer', 'dist', 'index.html');
  const sources = Math.max(newestMtime(path.join(REPO_ROOT, 'renderer', 'src')), newestMtime(path.join(REPO_ROOT, 'shared')));
  if (existsSync(built) && statSync(built).mtimeMs >= sources) return;
  // Test runners may set NODE_ENV=test, which libraries read at build time (rc-util then gives every radio group the same name).
  const env = { ...process.env, NODE_ENV: 'production' };
  const result = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn'], { cwd: REPO_ROOT, stdio: 'inherit', env });
  if (result.status !== 0) throw new Error('vite build failed');
}
