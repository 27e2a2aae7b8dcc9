/**
 * The entry points tests start as child processes, bundled once per test run (esbuild; the libraries stay in
 * node_modules): the platform, the ISMG simulator, browser mode and the CLI. Each process then runs on plain node
 * instead of compiling TypeScript through tsx's loader at every start (the numbers are in DEVELOPING.md, Tests).
 * The runners' global setups build it (test/helpers/globalSetup.ts, test/e2e/globalSetup.ts); a test run without
 * them (a bench, a script) starts the sources on tsx.
 */
import { existsSync, rmSync } from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from './paths';

/** Where this run's bundle is: set by the global setup, inherited by the workers it starts. */
const BUNDLE_DIR_VARIABLE = 'ECW_TEST_PROCESS_BUNDLE';

const PLATFORM_ENTRIES = { server: 'platform/src/server.ts', ismg: 'platform/src/ismg/main.ts' } as const;
// In backend/, three levels below the repository as their sources are (browser mode finds renderer/dist from
// there), with the worker threads and migrations beside them as in the Electron build.
const BACKEND_ENTRIES = { browserMode: 'electron/backend/entries/browserMode.ts', ecw: 'electron/backend/entries/cli/ecw.ts' } as const;
const ENTRIES = { ...PLATFORM_ENTRIES, ...BACKEND_ENTRIES } as const;
export type BundledEntry = keyof typeof ENTRIES;

/** Builds the bundle into .test-build/ (inside the repository, so node_modules resolves); answers how to remove it. */
export async function buildProcessBundle(): Promise<() => void> {
  // Each vitest project runs the global setup: the first one builds.
  if (process.env[BUNDLE_DIR_VARIABLE]) return () => {};
  const outdir = path.join(REPO_ROOT, '.test-build', `processes-${process.pid}`);
  // Loaded here, not at the top: jsdom test files import this module too, and esbuild refuses to load under jsdom.
  const { build } = await import('esbuild');
  // @ts-expect-error -- a plain .mjs script without types; buildBackendSupport(dir: string): Promise<void>
  const { buildBackendSupport } = (await import('../../scripts/build-electron.mjs')) as { buildBackendSupport(dir: string): Promise<void> };
  const common = {
    outExtension: { '.js': '.mjs' },
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'esm',
    packages: 'external',
    sourcemap: true,
    logLevel: 'warning',
    absWorkingDir: REPO_ROOT,
  } as const;
  await Promise.all([
    build({ ...common, entryPoints: PLATFORM_ENTRIES, outdir }),
    build({ ...common, entryPoints: BACKEND_ENTRIES, outdir: path.join(outdir, 'backend') }),
    buildBackendSupport(path.join(outdir, 'backend')),
  ]);
  process.env[BUNDLE_DIR_VARIABLE] = outdir;
  return () => {
    delete process.env[BUNDLE_DIR_VARIABLE];
    rmSync(outdir, { recursive: true, force: true });
  };
}

/** Node's arguments that run an entry: this run's bundle when there is one, else the source on tsx. */
export function bundledEntryArgs(entry: BundledEntry): string[] {
  const dir = process.env[BUNDLE_DIR_VARIABLE];
  const file = entry in BACKEND_ENTRIES ? path.join('backend', `${entry}.mjs`) : `${entry}.mjs`;
  const bundled = dir ? path.join(dir, file) : undefined;
  return bundled && existsSync(bundled) ? ['--enable-source-maps', bundled] : ['--import', 'tsx', ENTRIES[entry]];
}
