// Whether Electron's own binary is installed (its package installs fine without it).
import { createRequire } from 'node:module';
import { existsSync } from 'node:fs';

export function electronBinary() {
  try {
    const binary = createRequire(import.meta.url)('electron');
    return typeof binary === 'string' && existsSync(binary) ? binary : null;
  } catch {
    return null;
  }
}
