// Bundles the Electron shell (main, preload) and the backend with esbuild into out/, next to the built UI.
import { build } from 'esbuild';
import { cpSync, existsSync, rmSync } from 'node:fs';

const common = { bundle: true, platform: 'node', target: 'node20', sourcemap: true, logLevel: 'warning', packages: 'external' };
// The backend uses import.meta.url to find its migrations; in a CommonJS bundle it comes from __filename.
const importMetaUrl = { define: { 'import.meta.url': '__importMetaUrl' }, banner: { js: "const __importMetaUrl = require('node:url').pathToFileURL(__filename).href;" } };

rmSync('out', { recursive: true, force: true });
await build({ ...common, entryPoints: ['electron/main/index.ts'], outfile: 'out/main/index.cjs', format: 'cjs', external: ['electron'] });
await build({ ...common, entryPoints: ['electron/preload/index.ts'], outfile: 'out/preload/index.cjs', format: 'cjs', external: ['electron'] });
await build({ ...common, ...importMetaUrl, entryPoints: ['electron/backend/main.ts'], outfile: 'out/backend/main.cjs', format: 'cjs' });
cpSync('electron/backend/db/migrations', 'out/backend/migrations', { recursive: true });
if (!existsSync('renderer/dist/index.html')) throw new Error('Build the UI first: npm run build:renderer');
cpSync('renderer/dist', 'out/renderer', { recursive: true });
console.log('built out/ (main, preload, backend, renderer)');
