/** A plain append-only log in the data directory; stacks go here, never to the UI. */
import { appendFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';

export type Logger = (message: string, error?: unknown) => void;

export function createLogger(dataDir: string, alsoToStderr = false): Logger {
  const dir = path.join(dataDir, 'logs');
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, 'backend.log');
  return (message, error) => {
    const detail = error instanceof Error ? `\n${error.stack ?? error.message}` : error === undefined ? '' : `\n${String(error)}`;
    const line = `${new Date().toISOString()} ${message}${detail}\n`;
    try {
      appendFileSync(file, line);
    } catch {
      /* a full disk must not take the backend down with it */
    }
    if (alsoToStderr) process.stderr.write(line);
  };
}
