// Bundles the Electron shell (main, preload) and the backend with esbuild into out/, next to the built UI.
import { build } from 'esbuild';
import { cpSync, existsSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  sourcemap: true,
  logLevel: 'warning',
  packages: 'external',
  absWorkingDir: root,
};
// The backend uses import.meta.url to find its migrations; in a CommonJS bundle it comes from __filename.
const importMetaUrl = {
  define: { 'import.meta.url': '__importMetaUrl' },
  banner: { js: "const __importMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
};

/** The backend as Electron's utilityProcess runs it: out/backend/main.cjs with its migrations beside it. */
export async function buildBackend(outDir) {
  await build({
    ...common,
    ...importMetaUrl,
    entryPoints: ['electron/backend/entries/utilityProcessMain.ts'],
    outfile: path.join(outDir, 'backend', 'main.cjs'),
    format: 'cjs',
  });
  await buildBackendSupport(path.join(outDir, 'backend'));
}

/** What a bundled backend entry finds beside itself: its worker threads and its migrations (the tests' bundle uses it too). */
export async function buildBackendSupport(backendDir) {
  // Worker threads, each found beside main.cjs by its client: the site compiler (sites/compileClient.ts), the document
  // reader (intake/readClient.ts) and OCR (infra/ocr/ocrClient.ts).
  const workers = {
    compileWorker: 'electron/backend/domains/sites/compileWorker.ts',
    readWorker: 'electron/backend/domains/intake/readWorker.ts',
    ocrWorker: 'electron/backend/infra/ocr/ocrWorker.ts',
  };
  for (const [name, entry] of Object.entries(workers))
    await build({ ...common, ...importMetaUrl, entryPoints: [entry], outfile: path.join(backendDir, `${name}.cjs`), format: 'cjs' });
  cpSync(path.join(root, 'electron/backend/infra/db/migrations'), path.join(backendDir, 'migrations'), { recursive: true });
}

export async function buildShell(outDir) {
  await build({
    ...common,
    entryPoints: ['electron/main/index.ts'],
    outfile: path.join(outDir, 'main', 'index.cjs'),
    format: 'cjs',
    external: ['electron'],
  });
  await build({
    ...common,
    entryPoints: ['electron/preload/index.ts'],
    outfile: path.join(outDir, 'preload', 'index.cjs'),
    format: 'cjs',
    external: ['electron'],
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const outDir = path.join(root, 'out');
  rmSync(outDir, { recursive: true, force: true });
  await buildShell(outDir);
  await buildBackend(outDir);
  if (!existsSync(path.join(root, 'renderer/dist/index.html'))) throw new Error('Build the UI first: npm run build:renderer');
  cpSync(path.join(root, 'renderer/dist'), path.join(outDir, 'renderer'), { recursive: true });
  console.log('built out/ (main, preload, backend, renderer)');
}
