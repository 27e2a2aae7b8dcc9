/**
 * The simulator's web side: the handset page (a phone with a keypad and its messages) and a JSON
 * API to text from a number, read what it received (WAP Push decoded), and inject faults.
 *
 *   GET  /                           the handset page (?number=13800138000)
 *   GET  /api/status                 link sessions, counters, faults
 *   GET  /api/handsets               numbers seen
 *   GET  /api/handsets/{number}      what it received (decoded) and sent
 *   POST /api/handsets/{number}/mo   {to, text}: an MO from that number → {msgIds}
 *   POST /api/faults                 {flowControlNext, maxSubmitsPerSecond, respDelayMs, dropAfterSubmits, reportDelayMs, undeliverable, silent}
 *   POST /api/drop                   drop every SP link now
 *   POST /api/raw                    {hex}: write raw octets to every SP link
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { z } from 'zod';
import { HANDSET_PAGE, HANDSET_SCRIPT, HANDSET_STYLE } from './page';
import type { IsmgSimulator } from './simulator';

const MAX_BODY = 64 * 1024;
const NUMBER = /^\d{3,21}$/;

const moSchema = z.object({ to: z.string().regex(/^\d{1,21}$/), text: z.string().min(1).max(1000) });
const faultsSchema = z
  .object({
    flowControlNext: z.number().int().min(0),
    maxSubmitsPerSecond: z.number().int().min(1).nullable(),
    respDelayMs: z.number().int().min(0).max(600_000),
    dropAfterSubmits: z.number().int().min(1).nullable(),
    reportDelayMs: z.number().int().min(0).max(3_600_000).nullable(),
    undeliverable: z.array(z.string().regex(NUMBER)),
    silent: z.boolean(),
  })
  .partial()
  .strict();
const rawSchema = z.object({
  hex: z
    .string()
    .regex(/^([0-9a-fA-F]{2})+$/)
    .max(2 * MAX_BODY),
});

class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** An oversized body is read to its end (so the client gets the 413) unless it goes on far too long. */
function readJson(req: http.IncomingMessage): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY) chunks.push(chunk);
      else if (size > 16 * MAX_BODY) req.destroy();
    });
    req.on('end', () => {
      if (size > MAX_BODY) return reject(new ApiError(413, 'payload_too_large', `Bodies are at most ${MAX_BODY} octets.`));
      try {
        resolve(chunks.length ? JSON.parse(Buffer.concat(chunks).toString('utf8')) : {});
      } catch {
        reject(new ApiError(400, 'invalid_request', 'The body is not JSON.'));
      }
    });
    req.on('error', reject);
  });
}

function parse<T>(schema: z.ZodType<T>, value: unknown): T {
  const result = schema.safeParse(value);
  if (!result.success)
    throw new ApiError(400, 'invalid_request', result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
  return result.data;
}

function send(res: http.ServerResponse, status: number, body: unknown, type = 'application/json; charset=utf-8'): void {
  res.writeHead(status, {
    'content-type': type,
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
    'content-security-policy': "default-src 'self'",
  });
  res.end(typeof body === 'string' ? body : JSON.stringify(body));
}

async function route(sim: IsmgSimulator, req: http.IncomingMessage): Promise<[number, unknown, string?]> {
  const url = new URL(req.url ?? '/', 'http://localhost');
  const path = url.pathname;
  const handset = /^\/api\/handsets\/([^/]+)(\/mo)?$/.exec(path);
  if (req.method === 'GET' && path === '/') return [200, HANDSET_PAGE, 'text/html; charset=utf-8'];
  if (req.method === 'GET' && path === '/handset.js') return [200, HANDSET_SCRIPT, 'text/javascript; charset=utf-8'];
  if (req.method === 'GET' && path === '/handset.css') return [200, HANDSET_STYLE, 'text/css; charset=utf-8'];
  if (req.method === 'GET' && path === '/favicon.ico') return [204, ''];
  if (req.method === 'GET' && path === '/api/status') return [200, sim.status()];
  if (req.method === 'GET' && path === '/api/handsets') return [200, { handsets: sim.handsets.numbers() }];
  if (handset) {
    const number = decodeURIComponent(handset[1]!);
    if (!NUMBER.test(number)) throw new ApiError(400, 'invalid_request', 'A number is 3–21 digits.');
    if (req.method === 'GET' && !handset[2]) return [200, sim.handsets.view(number)];
    if (req.method === 'POST' && handset[2]) {
      const mo = parse(moSchema, await readJson(req));
      return [202, { msgIds: sim.sendMo(number, mo.to, mo.text) }];
    }
  }
  if (req.method === 'POST' && path === '/api/faults') return [200, { faults: sim.setFaults(parse(faultsSchema, await readJson(req))) }];
  if (req.method === 'POST' && path === '/api/drop') return [200, { dropped: sim.dropLinks() }];
  if (req.method === 'POST' && path === '/api/raw')
    return [200, { links: sim.sendRaw(Buffer.from(parse(rawSchema, await readJson(req)).hex, 'hex')) }];
  throw new ApiError(404, 'not_found', `No ${req.method} ${path}.`);
}

export interface HandsetServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

export function startHandsetServer(sim: IsmgSimulator, host: string, port: number): Promise<HandsetServer> {
  const server = http.createServer((req, res) => {
    route(sim, req).then(
      ([status, body, type]) => send(res, status, body, type),
      (err: Error) =>
        err instanceof ApiError
          ? send(res, err.status, { code: err.code, message: err.message })
          : send(res, 500, { code: 'internal', message: err.message }),
    );
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      const actual = (server.address() as AddressInfo).port;
      resolve({
        url: `http://${host.includes(':') ? `[${host}]` : host}:${actual}`,
        port: actual,
        close: () =>
          new Promise<void>((done) => {
            server.close(() => done());
            server.closeAllConnections();
          }),
      });
    });
  });
}
