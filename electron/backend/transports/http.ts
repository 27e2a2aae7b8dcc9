/**
 * Browser mode: the same dispatcher behind `POST /api/<name>` and server-sent events on
 * `GET /api/events`, bound to 127.0.0.1, guarded by a random per-run token and Host/Origin checks
 * (so another web page or a DNS-rebinding attacker cannot drive it). Also serves the built UI.
 * The page names no file-system path (shared/api/localPaths.ts): it uploads and downloads.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createReadStream, existsSync, statSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { FILES_PATH, isFileName } from '../../../shared/api/files';
import { LOCAL_PATH_REFUSED, localPathField } from '../../../shared/api/localPaths';
import type { Backend } from '../app/backend';
import { serveFile } from './httpFiles';

export interface HttpServerOptions {
  port?: number;
  token?: string;
  /** The built renderer (renderer/dist); omitted in API-only use. */
  staticDir?: string;
  maxBodyBytes?: number;
  /** Serves everything that is not /api (the Vite dev server in `npm run web:dev`). */
  fallback?: (req: http.IncomingMessage, res: http.ServerResponse) => void;
}

export interface RunningHttpServer {
  url: string;
  port: number;
  token: string;
  /** The address to open: it hands the token to the page once. */
  openUrl: string;
  close(): Promise<void>;
}

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
  '.ico': 'image/x-icon',
  '.ttf': 'font/ttf',
};

const CSP =
  "default-src 'self'; img-src 'self' data: blob:; media-src 'self' blob: data:; style-src 'self' 'unsafe-inline'; script-src 'self'; connect-src 'self'; frame-src 'self'; object-src 'none'; base-uri 'none'";

function sameToken(given: string | null | undefined, token: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

function readBody(req: http.IncomingMessage, limit: number): Promise<string> {
  return new Promise((resolve, reject) => {
    let size = 0;
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        reject(Object.assign(new Error('body too large'), { status: 413 }));
        // Drain and discard the rest: destroying the socket here would reset it before the 413 arrives.
        req.removeAllListeners('data');
        req.resume();
      } else chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/** A path segment decoded, or a 400 for a malformed % escape. */
function decodePath(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    throw Object.assign(new Error('The address has a malformed % escape.'), { status: 400 });
  }
}

const ERROR_CODES: Record<number, string> = { 400: 'bad_request', 413: 'payload_too_large' };

function sendJson(res: http.ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
    'content-length': Buffer.byteLength(text),
  });
  res.end(text);
}

export function startHttpServer(backend: Backend, options: HttpServerOptions = {}): Promise<RunningHttpServer> {
  const token = options.token ?? randomBytes(24).toString('base64url');
  const maxBody = options.maxBodyBytes ?? 64 * 1024 * 1024;
  let origin = '';
  const allowedHosts = new Set<string>();
  /** The origins of the pages this server serves: one per Host it answers to. */
  const allowedOrigins = new Set<string>();
  const sseClients = new Set<http.ServerResponse>();

  const unsubscribe = backend.onAny((event, payload) => {
    const frame = `event: ${event}\ndata: ${JSON.stringify(payload)}\n\n`;
    for (const client of sseClients) client.write(frame);
  });

  const server = http.createServer((req, res) => void answer(req, res));

  async function answer(req: http.IncomingMessage, res: http.ServerResponse) {
    try {
      if (!allowedHosts.has(req.headers.host ?? ''))
        return sendJson(res, 421, { ok: false, error: { code: 'bad_host', message: 'Wrong Host header.' } });
      const url = new URL(req.url ?? '/', origin);
      if (url.pathname.startsWith('/api/')) return await handleApi(req, res, url);
      if (options.fallback) return options.fallback(req, res);
      return serveStatic(res, url.pathname);
    } catch (error) {
      const status = (error as { status?: number }).status ?? 500;
      if (status >= 500) backend.log('http request failed', error);
      if (!res.headersSent)
        sendJson(res, status, { ok: false, error: { code: ERROR_CODES[status] ?? 'internal', message: (error as Error).message } });
      else res.end();
    }
  }

  async function handleApi(req: http.IncomingMessage, res: http.ServerResponse, url: URL) {
    const requestOrigin = req.headers.origin;
    if (requestOrigin !== undefined && !allowedOrigins.has(requestOrigin))
      return sendJson(res, 403, { ok: false, error: { code: 'bad_origin', message: 'Cross-origin request refused.' } });
    const bearer = req.headers.authorization?.replace(/^Bearer /, '');
    if (!sameToken(bearer ?? url.searchParams.get('token'), token))
      return sendJson(res, 401, { ok: false, error: { code: 'unauthorized', message: 'Missing or wrong token.' } });

    if (url.pathname === '/api/events' && req.method === 'GET') {
      res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' });
      res.write(': connected\n\n');
      sseClients.add(res);
      req.on('close', () => sseClients.delete(res));
      return;
    }
    if (url.pathname.startsWith(FILES_PATH)) return serveFile(backend, req, res, url);
    if (req.method !== 'POST') return sendJson(res, 405, { ok: false, error: { code: 'method_not_allowed', message: 'Use POST.' } });
    const name = decodePath(url.pathname.slice('/api/'.length));
    if (isFileName(name))
      return sendJson(res, 405, {
        ok: false,
        error: { code: 'method_not_allowed', message: `A file is read with GET ${FILES_PATH}${name}.` },
      });
    const text = await readBody(req, maxBody);
    let input: unknown;
    try {
      input = text ? JSON.parse(text) : {};
    } catch {
      return sendJson(res, 400, { ok: false, error: { code: 'invalid_json', message: 'The request body is not JSON.' } });
    }
    const pathField = localPathField(name, input);
    if (pathField)
      return sendJson(res, 403, {
        ok: false,
        error: {
          code: LOCAL_PATH_REFUSED,
          message: `The page may not name a file-system path (${pathField}); upload or download instead.`,
          field: pathField,
        },
      });
    sendJson(res, 200, await backend.dispatcher.invoke(name, input));
  }

  function serveStatic(res: http.ServerResponse, pathname: string) {
    const root = options.staticDir;
    if (!root || !existsSync(root)) {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
      return res.end('The UI is not built: run `npm run build:renderer`.');
    }
    const decoded = decodePath(pathname);
    let file = path.resolve(root, '.' + (decoded === '/' ? '/index.html' : decoded));
    if (!file.startsWith(path.resolve(root) + path.sep)) {
      res.writeHead(403);
      return res.end();
    }
    if (!existsSync(file) || !statSync(file).isFile()) file = path.join(root, 'index.html');
    const immutable = file.includes(`${path.sep}assets${path.sep}`);
    res.writeHead(200, {
      'content-type': MIME[path.extname(file)] ?? 'application/octet-stream',
      'content-security-policy': CSP,
      'x-content-type-options': 'nosniff',
      'cache-control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
    });
    createReadStream(file).pipe(res);
  }

  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      origin = `http://127.0.0.1:${port}`;
      allowedHosts.add(`127.0.0.1:${port}`).add(`localhost:${port}`);
      for (const host of allowedHosts) allowedOrigins.add(`http://${host}`);
      resolve({
        url: origin,
        port,
        token,
        openUrl: `${origin}/?token=${token}`,
        close: () =>
          new Promise<void>((done) => {
            unsubscribe();
            for (const client of sseClients) client.end();
            server.close(() => done());
            server.closeAllConnections();
          }),
      });
    });
  });
}
