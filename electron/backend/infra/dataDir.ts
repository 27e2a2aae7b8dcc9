/** Where the data lives: `--data-dir`, else ECW_DATA_DIR, else the same folder Electron's userData uses. */
import os from 'node:os';
import path from 'node:path';

export const PRODUCT_NAME = 'EC Workbench';

export function defaultDataDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.ECW_DATA_DIR) return path.resolve(env.ECW_DATA_DIR);
  const home = os.homedir();
  if (process.platform === 'win32') return path.join(env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), PRODUCT_NAME);
  if (process.platform === 'darwin') return path.join(home, 'Library', 'Application Support', PRODUCT_NAME);
  return path.join(env.XDG_CONFIG_HOME ?? path.join(home, '.config'), PRODUCT_NAME);
}
