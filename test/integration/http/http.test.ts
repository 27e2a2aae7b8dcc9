/**
 * Browser mode's HTTP transport over real sockets: the token, Origin and Host guards, raw hostile
 * bodies, server-sent events and the static UI.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHttpServer, type RunningHttpServer } from '../../../electron/backend/transports/http';
import { createTestBackend, tempDir, type TestBackend } from '../../helpers/backend';
import { enterpriseInput } from '../../bench/generateEnterprises';

interface Reply {
  status: number;
  headers: http.IncomingHttpHeaders;
  text: string;
  json(): { ok: boolean; value?: unknown; error?: { code: string; message: string; issues?: { field: string; code: string }[] } };
}

/** One raw HTTP request: the path and every header exactly as given (fetch would normalize them). */
function request(
  port: number,
  options: { method?: string; path: string; headers?: Record<string, string>; body?: string | Buffer },
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: '127.0.0.1', port, method: options.method ?? 'GET', path: options.path, headers: options.headers },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          resolve({ status: res.statusCode!, headers: res.headers, text, json: () => JSON.parse(text) });
        });
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

let t: TestBackend;
let server: RunningHttpServer;
let staticDir: string;
const SECRET = 'top-secret-outside-the-ui-folder';

const api = (name: string, body: string | Buffer, headers: Record<string, string> = {}) =>
  request(server.port, {
    method: 'POST',
    path: `/api/${name}`,
    headers: { 'content-type': 'application/json', authorization: `Bearer ${server.token}`, ...headers },
    body,
  });

beforeAll(async () => {
  t = createTestBackend();
  const root = tempDir('ecw-static-');
  staticDir = path.join(root, 'ui');
  mkdirSync(path.join(staticDir, 'assets'), { recursive: true });
  writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>EC Workbench</title>');
  writeFileSync(path.join(staticDir, 'assets', 'app-1234.js'), 'console.log(1)');
  writeFileSync(path.join(root, 'secret.txt'), SECRET);
  server = await startHttpServer(t.backend, { staticDir, maxBodyBytes: 64 * 1024 });
});
afterAll(async () => {
  await server.close();
  t.cleanup();
});

describe('HTTP transport: who may call', () => {
  it('refuses a call without a token, or with a wrong one, with 401', async () => {
    const none = await request(server.port, { method: 'POST', path: '/api/system.status', body: '{}' });
    expect(none.status).toBe(401);
    expect(none.json().error?.code).toBe('unauthorized');
    const wrong = await api('system.status', '{}', { authorization: `Bearer ${server.token.slice(0, -1)}x` });
    expect(wrong.status).toBe(401);
    const shorter = await api('system.status', '{}', { authorization: 'Bearer abc' });
    expect(shorter.status).toBe(401);
    const inQuery = await request(server.port, { method: 'POST', path: `/api/system.status?token=${server.token}`, body: '{}' });
    expect(inQuery.status).toBe(200);
  });

  it('refuses a call from another origin with 403, even with the token', async () => {
    const foreign = await api('enterprises.list', '{}', { origin: 'http://evil.example' });
    expect(foreign.status).toBe(403);
    expect(foreign.json().error?.code).toBe('bad_origin');
    const otherPort = await api('enterprises.list', '{}', { origin: `http://127.0.0.1:${server.port + 1}` });
    expect(otherPort.status).toBe(403);
    const same = await api('enterprises.list', '{}', { origin: server.url });
    expect(same.status).toBe(200);
  });

  it('accepts exactly the origins it serves (127.0.0.1 and localhost on its port) and refuses every other (issue 8 item 9)', async () => {
    for (const origin of [server.url, `http://localhost:${server.port}`])
      expect((await api('enterprises.list', '{}', { origin })).status, origin).toBe(200);
    for (const origin of [
      `https://localhost:${server.port}`,
      `http://localhost:${server.port + 1}`,
      'http://localhost',
      `http://localhost.evil.example:${server.port}`,
      'null',
      `http://[::1]:${server.port}`,
    ])
      expect((await api('enterprises.list', '{}', { origin })).status, origin).toBe(403);
  });

  it('refuses a wrong Host header (DNS rebinding) with 421, for the API and the UI alike', async () => {
    const rebinding = await api('enterprises.list', '{}', { host: `evil.example:${server.port}` });
    expect(rebinding.status).toBe(421);
    expect((await request(server.port, { path: '/', headers: { host: 'evil.example' } })).status).toBe(421);
    expect((await api('enterprises.list', '{}', { host: `localhost:${server.port}` })).status).toBe(200);
  });

  it('listens on 127.0.0.1 only', async () => {
    expect(server.url).toBe(`http://127.0.0.1:${server.port}`);
    const external = Object.values(os.networkInterfaces())
      .flat()
      .find((a) => a && !a.internal && a.family === 'IPv4');
    const addresses = [external?.address, '::1'].filter((a): a is string => Boolean(a));
    for (const address of addresses) {
      const outcome = await new Promise<string>((resolve) => {
        const socket = net.connect({ host: address, port: server.port });
        socket.once('connect', () => (socket.destroy(), resolve('connected')));
        socket.once('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? 'error'));
      });
      expect(outcome, `connecting on ${address}`).not.toBe('connected');
    }
  });

  it('answers GET on a procedure with 405', async () => {
    const reply = await request(server.port, { path: '/api/system.status', headers: { authorization: `Bearer ${server.token}` } });
    expect(reply.status).toBe(405);
  });
});

describe('HTTP transport: hostile bodies (the UI bypassed)', () => {
  it('rejects an invalid enterprise with invalid_input and per-field issues', async () => {
    const body = JSON.stringify({
      ...enterpriseInput(1),
      creditCode: '91350100m000100y42',
      contact: { name: '', mobile: '+86 138-0013-800' },
    });
    const reply = await api('enterprises.create', body);
    expect(reply.status).toBe(200);
    const { ok, error } = reply.json();
    expect(ok).toBe(false);
    expect(error?.code).toBe('invalid_input');
    expect(error?.issues?.map((i) => `${i.field}:${i.code}`).sort()).toEqual([
      'contact.mobile:mobile.invalid',
      'contact.name:contact.name.required',
      'creditCode:credit_code.check',
    ]);
  });

  it('answers a body that is not JSON with 400 invalid_json', async () => {
    for (const body of ['{"name": ', 'name=x&creditCode=y', '\u0000\u0001binary']) {
      const reply = await api('enterprises.create', body);
      expect(reply.status).toBe(400);
      expect(reply.json().error?.code).toBe('invalid_json');
    }
  });

  it('answers an oversize body with 413 and stays up', async () => {
    const reply = await api('drafts.save', JSON.stringify({ key: 'big', value: 'x'.repeat(200 * 1024) }));
    expect(reply.status).toBe(413);
    expect((await api('drafts.get', JSON.stringify({ key: 'big' }))).json()).toEqual({ ok: true, value: null });
  });

  it('is not polluted by a __proto__ payload, and stores nothing from it', async () => {
    const reply = await api('enterprises.create', '{"__proto__": {"polluted": true}, "constructor": {"prototype": {"polluted": true}}}');
    expect(reply.json().error?.code).toBe('invalid_input');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    const list = await api('enterprises.list', '{}');
    expect(list.json()).toEqual({ ok: true, value: { total: 0, rows: [] } });
  });

  it('answers an unknown procedure with unknown_procedure, a malformed path without falling over', async () => {
    expect((await api('system.format', '{}')).json().error?.code).toBe('unknown_procedure');
    expect((await api('%E0%A4%A', '{}')).status).toBeGreaterThanOrEqual(400);
    expect((await api('system.status', '{}')).status).toBe(200);
  });
});

describe('HTTP transport: malformed addresses and local paths (issue 8 item 9)', () => {
  it('answers a malformed % escape with 400, for a procedure and for a UI path', async () => {
    const procedure = await api('%E0%A4%A', '{}');
    expect(procedure.status).toBe(400);
    expect(procedure.json().error?.code).toBe('bad_request');
    expect((await request(server.port, { path: '/%E0%A4%A' })).status).toBe(400);
    expect((await request(server.port, { path: '/assets/%zz.js' })).status).toBe(400);
    expect((await api('system.status', '{}')).status).toBe(200);
  });

  it('takes no file-system path from the page: an import is an upload and an export a download', async () => {
    const imported = await api('sites.import', JSON.stringify({ enterpriseId: 'e1', paths: [os.homedir()] }));
    expect(imported.status).toBe(403);
    expect(imported.json().error?.code).toBe('local_path_refused');
    const exported = await api('sites.export', JSON.stringify({ siteId: 's1', outDir: path.join(os.tmpdir(), 'anywhere') }));
    expect(exported.status).toBe(403);
    expect(exported.json().error?.code).toBe('local_path_refused');
    // Without a path the call goes on to the backend as usual.
    const upload = await api(
      'sites.import',
      JSON.stringify({ enterpriseId: 'e1', files: [{ name: 'a.txt', base64: Buffer.from('茶').toString('base64') }] }),
    );
    expect(upload.json().error?.code).not.toBe('local_path_refused');
    expect((await api('sites.export', JSON.stringify({ siteId: 's1' }))).json().error?.code).toBe('site.not_found');
  });
});

describe('HTTP transport: events', () => {
  it('delivers data.changed over SSE after a create', async () => {
    const frames: string[] = [];
    const events = await new Promise<http.IncomingMessage>((resolve, reject) => {
      http.get({ host: '127.0.0.1', port: server.port, path: `/api/events?token=${server.token}` }, resolve).on('error', reject);
    });
    expect(events.statusCode).toBe(200);
    expect(events.headers['content-type']).toBe('text/event-stream');
    const received = new Promise<void>((resolve) =>
      events.on('data', (chunk: Buffer) => {
        frames.push(chunk.toString());
        if (frames.join('').includes('event: data.changed')) resolve();
      }),
    );
    const created = await api('enterprises.create', JSON.stringify(enterpriseInput(5)));
    const id = (created.json().value as { id: string }).id;
    await received;
    events.destroy();
    const frame = frames
      .join('')
      .split('\n\n')
      .find((f) => f.startsWith('event: data.changed'))!;
    expect(JSON.parse(frame.split('\ndata: ')[1]!)).toEqual({ entity: 'enterprise', id });
  });

  it('refuses the event stream without the token', async () => {
    expect((await request(server.port, { path: '/api/events' })).status).toBe(401);
  });
});

describe('HTTP transport: the UI files', () => {
  it('serves the UI with a strict Content-Security-Policy', async () => {
    const reply = await request(server.port, { path: '/' });
    expect(reply.status).toBe(200);
    expect(reply.text).toContain('<title>EC Workbench</title>');
    const csp = reply.headers['content-security-policy']!;
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe-(inline|eval)/);
    expect(csp).toContain("object-src 'none'");
    expect(reply.headers['x-content-type-options']).toBe('nosniff');
    const asset = await request(server.port, { path: '/assets/app-1234.js' });
    expect(asset.headers['content-type']).toContain('text/javascript');
    expect(asset.headers['cache-control']).toContain('immutable');
  });

  it('falls back to index.html for client-side routes', async () => {
    const reply = await request(server.port, { path: '/enterprises/new' });
    expect(reply.status).toBe(200);
    expect(reply.text).toContain('<title>EC Workbench</title>');
  });

  it('never serves a file outside the UI folder', async () => {
    const attempts = [
      '/../secret.txt',
      '/%2e%2e/secret.txt',
      '/..%2fsecret.txt',
      '/assets/..%2f..%2fsecret.txt',
      '/%2e%2e%2fsecret.txt',
      '/..%5csecret.txt',
      '/assets/%2e%2e/%2e%2e/secret.txt',
    ];
    for (const attempt of attempts) {
      const reply = await request(server.port, { path: attempt });
      expect(reply.text, attempt).not.toContain(SECRET);
    }
    expect((await request(server.port, { path: '/..%2fsecret.txt' })).status).toBe(403);
  });
});
