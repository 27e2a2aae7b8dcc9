/**
 * Tests that need a system tool (xmllint, pdftotext, chromium …) or ../shared skip with the reason
 * in their name where it is absent — unless CI is set, where its absence fails the run.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { describe } from 'vitest';
import { SHARED_DIR } from './paths';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

function present(requirement: string): boolean {
  if (requirement === '../shared') return existsSync(SHARED_DIR);
  if (requirement === 'chromium') return existsSync(CHROMIUM);
  return spawnSync('sh', ['-c', `command -v ${requirement}`], { stdio: 'ignore' }).status === 0;
}

/** True when every requirement is present; under CI a missing one throws (so the run goes red). */
export function available(...requirements: string[]): boolean {
  const missing = requirements.filter((r) => !present(r));
  if (missing.length && process.env.CI) throw new Error(`CI needs ${missing.join(', ')}, which is not installed (.ci/run should install it).`);
  return missing.length === 0;
}

/** `describe` that skips, with "[skipped: needs X]" in its name, when a requirement is absent outside CI. */
export function describeWith(requirements: string[], name: string, body: () => void): void {
  const ok = available(...requirements);
  describe.skipIf(!ok)(ok ? name : `${name} [skipped: needs ${requirements.join(', ')}, not installed]`, body);
}

export const chromiumPath = CHROMIUM;
export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync', '--disable-quic'];
