// Tries to fetch Electron's binary (npm's allowScripts keeps electron's own install script off).
// Where the download is impossible the install still succeeds: `npm start` then opens browser mode.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { electronBinary } from './electron-binary.mjs';

if (!existsSync('node_modules/electron/install.js') || electronBinary() || process.env.ELECTRON_SKIP_BINARY_DOWNLOAD) process.exit(0);
const attempt = spawnSync(process.execPath, ['node_modules/electron/install.js'], { stdio: 'pipe', timeout: 60_000 });
if (attempt.status === 0 && electronBinary()) {
  console.log('Electron binary installed.');
} else {
  console.log(
    "Note: Electron's binary could not be downloaded (no access to its download host). Everything else is installed; `npm start` will open browser mode instead.",
  );
}
