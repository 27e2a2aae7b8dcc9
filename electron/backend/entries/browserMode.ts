/**
 * Browser mode: the backend with its HTTP transport, serving the built UI on 127.0.0.1.
 *   npm run web [-- --data-dir DIR] [--port P] [--no-open] [--check-outputs]
 * Prints `ECW_READY {json}` on one line when listening (tests and scripts read it).
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { startBackend } from '../app/backend';
import { warmSearchIndexSoon } from '../domains/enterprises/service';
import { defaultDataDir } from '../infra/dataDir';
import { startHttpServer, type HttpServerOptions } from '../transports/http';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

async function main() {
  const { values } = parseArgs({
    options: {
      'data-dir': { type: 'string' },
      port: { type: 'string' },
      'no-open': { type: 'boolean', default: false },
      dev: { type: 'boolean', default: false },
      /** Check every procedure's output against its schema (tests and `web:dev`). */
      'check-outputs': { type: 'boolean', default: false },
    },
  });
  const dataDir = values['data-dir'] ? path.resolve(values['data-dir']) : defaultDataDir();
  const backend = startBackend({ dataDir, logToStderr: false, checkOutputs: values['check-outputs'] || values.dev });
  warmSearchIndexSoon(backend.database);
  const options: HttpServerOptions = { port: values.port ? Number(values.port) : 0 };
  if (values.dev) {
    const { createServer } = await import('vite');
    const vite = await createServer({
      configFile: path.join(repoRoot, 'vite.config.ts'),
      server: { middlewareMode: true },
      appType: 'spa',
    });
    options.fallback = (req, res) => vite.middlewares(req, res);
  } else {
    options.staticDir = path.join(repoRoot, 'renderer', 'dist');
  }
  const server = await startHttpServer(backend, options);
  process.stdout.write(`EC Workbench (browser mode) — data in ${dataDir}\nOpen ${server.openUrl}\n`);
  process.stdout.write(`ECW_READY ${JSON.stringify({ url: server.url, token: server.token, openUrl: server.openUrl, dataDir })}\n`);
  if (!values['no-open'] && !process.env.CI) openBrowser(server.openUrl);

  const stop = async () => {
    await server.close();
    backend.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
}

function openBrowser(url: string) {
  const command = process.platform === 'darwin' ? 'open' : process.platform === 'win32' ? 'explorer' : 'xdg-open';
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) return;
  spawn(command, [url], { detached: true, stdio: 'ignore' })
    .on('error', () => undefined)
    .unref();
}

main().catch((error) => {
  process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});
