// `npm test`: typecheck, lint (layering included), the format check (Prettier) and the UI build for browser-mode tests, two at a
// time (they are single-threaded and this is a 2-core machine), then every test: vitest (unit,
// integration, platform, renderer), then the end-to-end suite on Playwright.
// `npm test -- ARGS` hands ARGS to vitest and leaves the end-to-end suite out (`npm run test:e2e`).
import { spawn, spawnSync } from 'node:child_process';

// Longest first (lint), so the two lanes end about together.
const checks = [
  ['lint', 'npx', ['eslint', '.', '--max-warnings', '0']],
  ['typecheck', 'npx', ['tsc', '-p', 'tsconfig.json']],
  ['typecheck platform', 'npx', ['tsc', '-p', 'platform/tsconfig.json']],
  ['format', 'npx', ['prettier', '--check', '.', '--log-level', 'warn']],
  ['build UI', 'npx', ['vite', 'build', '--logLevel', 'warn']],
];
const tests = [
  ['tests', 'npx', ['vitest', 'run', ...process.argv.slice(2)]],
  ...(process.argv.length > 2 ? [] : [['end-to-end tests', 'npx', ['playwright', 'test']]]),
];
const CONCURRENT_CHECKS = 2;

const seconds = (started) => ((Date.now() - started) / 1000).toFixed(1);

/** Runs one check with its output held back, then prints it whole (so two checks never interleave). */
function runQuietly([label, command, args]) {
  return new Promise((resolve) => {
    const started = Date.now();
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    const output = [];
    child.stdout.on('data', (chunk) => output.push(chunk));
    child.stderr.on('data', (chunk) => output.push(chunk));
    child.on('close', (status) => {
      process.stdout.write(`\n▶ ${label}\n${Buffer.concat(output).toString()}`);
      process.stdout.write(`  ${label}: ${status === 0 ? 'ok' : 'FAILED'} in ${seconds(started)} s\n`);
      resolve(status ?? 1);
    });
  });
}

async function runChecks() {
  const queue = [...checks];
  const statuses = [];
  const worker = async () => {
    for (let next = queue.shift(); next; next = queue.shift()) statuses.push(await runQuietly(next));
  };
  await Promise.all(Array.from({ length: CONCURRENT_CHECKS }, worker));
  return statuses.find((status) => status !== 0) ?? 0;
}

const started = Date.now();
const failed = await runChecks();
process.stdout.write(`  checks: ${failed ? 'FAILED' : 'ok'} in ${seconds(started)} s\n`);
if (failed) process.exit(failed);

for (const [label, command, args] of tests) {
  const stepStarted = Date.now();
  process.stdout.write(`\n▶ ${label}\n`);
  const { status } = spawnSync(command, args, { stdio: 'inherit' });
  process.stdout.write(`  ${label}: ${status === 0 ? 'ok' : 'FAILED'} in ${seconds(stepStarted)} s\n`);
  if (status !== 0) process.exit(status ?? 1);
}
