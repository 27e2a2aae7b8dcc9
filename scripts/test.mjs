// `npm test`: typecheck, lint (layering included), build the UI for browser-mode tests, then every
// test: vitest (unit, integration, platform, renderer), then the end-to-end suite on Playwright.
// `npm test -- ARGS` hands ARGS to vitest and leaves the end-to-end suite out (`npm run test:e2e`).
import { spawnSync } from 'node:child_process';

const steps = [
  ['typecheck', 'npx', ['tsc', '-p', 'tsconfig.json']],
  ['typecheck platform', 'npx', ['tsc', '-p', 'platform/tsconfig.json']],
  ['lint', 'npx', ['eslint', '.', '--max-warnings', '0']],
  ['build UI', 'npx', ['vite', 'build', '--logLevel', 'warn']],
  ['tests', 'npx', ['vitest', 'run', ...process.argv.slice(2)]],
  ...(process.argv.length > 2 ? [] : [['end-to-end tests', 'npx', ['playwright', 'test']]]),
];

for (const [label, command, args] of steps) {
  const started = Date.now();
  process.stdout.write(`\n▶ ${label}\n`);
  const { status } = spawnSync(command, args, { stdio: 'inherit' });
  process.stdout.write(`  ${label}: ${status === 0 ? 'ok' : 'FAILED'} in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
  if (status !== 0) process.exit(status ?? 1);
}
