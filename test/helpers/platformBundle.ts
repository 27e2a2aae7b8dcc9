/**
 * The platform's entry points bundled once per test run (esbuild; the libraries stay in node_modules),
 * so each platform process a test starts runs on plain node instead of compiling TypeScript through
 * tsx's loader: about half the CPU of a start (0.85 s against 1.65 s here). The runners' global setups
 * build it (test/helpers/globalSetup.ts, test/e2e/globalSetup.ts); anything else starts on tsx.
 */
import { existsSync, rmSync } from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from './paths';

/** Where this run's bundle is: set by the global setup, inherited by the workers it starts. */
const BUNDLE_DIR_VARIABLE = 'ECW_TEST_PLATFORM_BUNDLE';

const ENTRIES = { server: 'platform/src/server.ts', ismg: 'platform/src/ismg/main.ts' } as const;
export type PlatformEntry = keyof typeof ENTRIES;

/** Builds the bundle into .test-build/ (inside the repository, so node_modules resolves); answers how to remove it. */
export async function buildPlatformBundle(): Promise<() => void> {
  // Each vitest project runs the global setup: the first one builds.
  if (process.env[BUNDLE_DIR_VARIABLE]) return () => {};
  const outdir = path.join(REPO_ROOT, '.test-build', `platform-${process.pid}`);
  // Loaded here, not at the top: jsdom test files import this module too, and esbuild refuses to load under jsdom.
  const { build } = await import('esbuild');
  await build({
    entryPoints: ENTRIES,
    outdir,
    outExtension: { '.js': '.mjs' },
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'esm',
    packages: 'external',
    sourcemap: true,
    logLevel: 'warning',
    absWorkingDir: REPO_ROOT,
  });
  process.env[BUNDLE_DIR_VARIABLE] = outdir;
  return () => {
    delete process.env[BUNDLE_DIR_VARIABLE];
    rmSync(outdir, { recursive: true, force: true });
  };
}

/** Node's arguments that run a platform entry: this run's bundle when there is one, else the source on tsx. */
export function platformEntryArgs(entry: PlatformEntry): string[] {
  const dir = process.env[BUNDLE_DIR_VARIABLE];
  const bundled = dir ? path.join(dir, `${entry}.mjs`) : undefined;
  return bundled && existsSync(bundled) ? ['--enable-source-maps', bundled] : ['--import', 'tsx', ENTRIES[entry]];
}
