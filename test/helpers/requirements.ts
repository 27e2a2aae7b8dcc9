/**
 * Which system tools (xmllint, pdftotext, chromium …) and ../shared a test can count on. Free of
 * any test runner, so vitest (`describeWith` in systemTools.ts) and Playwright (test/e2e/fixtures.ts)
 * share it: a missing requirement skips the test outside CI and fails the run under CI.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { SHARED_DIR } from './paths';

/** Debian's Chromium; the tests never download a browser. */
export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
  '--disable-quic',
];

function present(requirement: string): boolean {
  if (requirement === '../shared') return existsSync(SHARED_DIR);
  if (requirement === 'chromium') return existsSync(chromiumPath);
  return spawnSync('sh', ['-c', `command -v ${requirement}`], { stdio: 'ignore' }).status === 0;
}

/** True when every requirement is present; under CI a missing one throws (so the run goes red). */
export function available(...requirements: string[]): boolean {
  const missing = requirements.filter((r) => !present(r));
  if (missing.length && process.env.CI)
    throw new Error(`CI needs ${missing.join(', ')}, which is not installed (.ci/run should install it).`);
  return missing.length === 0;
}

/** The reason a test names when it skips for want of these requirements. */
export const skipReason = (requirements: string[]) => `skipped: needs ${requirements.join(', ')}, not installed`;
