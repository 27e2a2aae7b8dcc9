// `npm start`: the desktop app when Electron's binary is installed, else browser mode with a one-line notice.
import { spawnSync } from 'node:child_process';
import { electronBinary } from './electron-binary.mjs';

const run = (command, args) => spawnSync(command, args, { stdio: 'inherit', shell: process.platform === 'win32' }).status ?? 1;
const binary = electronBinary();

if (!binary) {
  console.log('Electron is not installed here (its binary could not be downloaded), so EC Workbench opens in browser mode: npm run web');
  process.exit(run('npm', ['run', '-s', 'web', '--', ...process.argv.slice(2)]));
}

// better-sqlite3 is native: rebuild it for Electron's ABI, run, then rebuild it back for Node so tests keep working.
let status =
  run('npm', ['run', '-s', 'build:renderer']) ||
  run('npm', ['run', '-s', 'build:electron']) ||
  run('npx', ['electron-builder', 'install-app-deps']);
if (status === 0) status = run(binary, ['.', ...process.argv.slice(2)]);
run('npm', ['rebuild', 'better-sqlite3']);
process.exit(status);
