/**
 * Every HTTP input is size-limited before it is parsed (issue 8, items 4 and 8): bodies (413), JSON
 * nesting (400, or a per-op rejection in a push), content types (415), headers (431), all documented.
 */
import http from 'node:http';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SCHEMA_VERSION } from '../../shared/platform-api/common';
import { MAX_PUSH_BYTES } from '../../shared/platform-api/sync';
import { WorkLimiter } from '../src/http/workLimiter';
import { createEnterprise, describeOnDatabases, mutationId, startTestPlatform, type TestPlatform } from './helpers';

/** Raw HTTP, so the test controls Content-Length, chunking and header sizes. */
function rawRequest(
  base: string,
  options: { method: string; path: string; headers?: Record<string, string>; body?: Buffer; chunked?: boolean },
) {
  return new Promise<{ status: number; body: string }>((resolve, reject) => {
    const url = new URL(base);
    const headers = {
      'content-type': 'application/json',
      ...options.headers,
      ...(options.body && !options.chunked ? { 'content-length': String(options.body.length) } : {}),
    };
    const req = http.request(
      { host: url.hostname, port: url.port, path: options.path, method: options.method, headers, agent: false },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (d: string) => (text += d));
        res.on('end', () => resolve({ status: res.statusCode!, body: text }));
      },
    );
    // The server may answer and close before the whole body is sent: that is the point.
    req.on('error', (error: NodeJS.ErrnoException) => (error.code === 'EPIPE' || error.code === 'ECONNRESET' ? undefined : reject(error)));
    if (options.body && options.chunked) {
      const step = 64 * 1024;
      for (let at = 0; at < options.body.length; at += step) req.write(options.body.subarray(at, at + step));
    } else if (options.body) req.write(options.body);
    req.end();
  });
}

const nested = (depth: number): unknown => JSON.parse('['.repeat(depth) + ']'.repeat(depth));

describe('WorkLimiter', () => {
  it('runs at most N tasks at once, queues M more in order, and refuses beyond that without running the work', async () => {
    const limiter = new WorkLimiter(2, 1, () => new Error('busy'));
    const started: number[] = [];
    const open: (() => void)[] = [];
    const gates = [0, 1, 2].map((i) => new Promise<void>((resolve) => (open[i] = resolve)));
    const tasks = [0, 1, 2].map((i) =>
      limiter.run(async () => {
        started.push(i);
        await gates[i];
        return i;
      }),
    );
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(started).toEqual([0, 1]);
    await expect(limiter.run(async () => started.push(99))).rejects.toThrow('busy');
    open[0]!();
    await tasks[0];
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(started).toEqual([0, 1, 2]);
    open[1]!();
    open[2]!();
    expect(await Promise.all(tasks)).toEqual([0, 1, 2]);
    expect(started).not.toContain(99);
  });
});

describeOnDatabases('request limits', (database) => {
  let t: TestPlatform;
  beforeEach(async () => {
    t = await startTestPlatform({ database });
  });
  afterEach(async () => t.close());

  it('answers 413 to a body over the route’s limit without reading it, on every route that takes a body', async () => {
    const token = (await t.api.login('admin')).accessToken;
    const tooBig = JSON.stringify({ note: 'x'.repeat(200 * 1024) });
    const routes: [string, string][] = [
      ['POST', '/auth/v1/login'],
      ['POST', '/auth/v1/refresh'],
      ['POST', '/auth/v1/logout'],
      ['POST', '/sync/v1/clients'],
      ['POST', '/sync/v1/pull'],
      ['POST', '/assets/v1/check'],
      ['POST', '/assets/v1/uploads'],
      ['POST', '/admin/users'],
      ['PATCH', '/admin/users/jn.clerk'],
      ['POST', '/admin/compact'],
    ];
    for (const [method, url] of routes) {
      const r = await t.platform.app.request(url, {
        method,
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, 'content-length': String(tooBig.length) },
        body: tooBig,
      });
      expect([url, r.status, ((await r.json()) as { code: string }).code]).toEqual([url, 413, 'payload_too_large']);
    }
    // A push may carry up to its own limit.
    const push = await t.api.call(
      'POST',
      '/sync/v1/push',
      { schemaVersion: SCHEMA_VERSION, clientId: 'c', ops: [], pad: 'x'.repeat(MAX_PUSH_BYTES) },
      token,
    );
    expect(push.status).toBe(413);
  });

  it('answers 413 over a real connection to 50 MB sent with a length or in chunks, and stays up', async () => {
    const base = await t.serve();
    const body = Buffer.alloc(50 * 1024 * 1024, 0x20);
    const withLength = await rawRequest(base, { method: 'POST', path: '/auth/v1/login', body });
    expect(withLength.status).toBe(413);
    const chunked = await rawRequest(base, { method: 'POST', path: '/auth/v1/login', body, chunked: true });
    expect(chunked.status).toBe(413);
    expect(JSON.parse(chunked.body)).toMatchObject({ code: 'payload_too_large' });
    expect((await rawRequest(base, { method: 'GET', path: '/health' })).status).toBe(200);
  });

  it('answers 400 to JSON nested deeper than the limit, on routes other than push', async () => {
    const r = await t.api.call('POST', '/auth/v1/login', { user: 'jn.manager', password: 'x', extra: nested(100) });
    expect(r.status).toBe(400);
    expect(r.body).toMatchObject({ code: 'invalid_request', message: expect.stringContaining('nested') });
  });

  it('rejects a push op nested thousands of levels deep on its own; the ops around it apply, and a retry answers the same', async () => {
    const device = await t.api.device('jn.manager');
    const deep = { ...createEnterprise(1), patch: { name: nested(3500) } };
    const ops = [createEnterprise(2), deep, createEnterprise(3)].map((op, i) => ({ ...op, opSeq: i + 1, mutationId: mutationId() }));
    const first = await device.pushRaw(ops);
    expect(first.status).toBe(200);
    expect(first.body.results.map((r) => [r.status, r.code])).toEqual([
      ['applied', undefined],
      ['rejected', 'invalid'],
      ['applied', undefined],
    ]);
    const retried = await device.pushRaw(ops);
    expect(retried.status).toBe(200);
    expect(retried.body.results.map((r) => r.status)).toEqual(['duplicate', 'duplicate', 'duplicate']);
    expect(retried.body.results[1]).toMatchObject({ originalStatus: 'rejected', code: 'invalid' });
  });

  it('caps concurrent upload chunks (each holds a 4 MiB buffer): one beyond them gets 503', async () => {
    await t.close();
    t = await startTestPlatform({ database, config: { uploadWorkers: 1, uploadQueue: 0 } });
    const device = await t.api.device('jn.manager');
    const start = async (size: number) =>
      (
        await t.api.call(
          'POST',
          '/assets/v1/uploads',
          { clientId: device.clientId, sha256: 'a'.repeat(63) + String(size % 10), size, mime: 'image/png' },
          device.token,
        )
      ).body.uploadId as string;
    const patch = (uploadId: string, body: Uint8Array | ReadableStream<Uint8Array>) =>
      t.platform.app.request(`/assets/v1/uploads/${uploadId}`, {
        method: 'PATCH',
        headers: { authorization: `Bearer ${device.token}`, 'content-type': 'application/offset+octet-stream', 'upload-offset': '0' },
        body,
        duplex: 'half',
      } as RequestInit);
    let finish: () => void = () => undefined;
    const slowBody = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new Uint8Array(10));
        finish = () => controller.close();
      },
    });
    const slow = patch(await start(1000), slowBody);
    await new Promise((resolve) => setTimeout(resolve, 200));
    const refused = await patch(await start(1001), new Uint8Array(10));
    expect(refused.status).toBe(503);
    finish();
    expect((await slow).status).toBe(204);
  });

  it('answers 415 unsupported_media_type to a body that is not JSON', async () => {
    const r = await t.platform.app.request('/auth/v1/login', {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: '{"user":"a","password":"b"}',
    });
    expect(r.status).toBe(415);
    expect(await r.json()).toMatchObject({ code: 'unsupported_media_type' });
  });

  it('answers 431 with an error body to oversized headers', async () => {
    const base = await t.serve();
    const r = await rawRequest(base, { method: 'GET', path: '/health', headers: { 'x-padding': 'x'.repeat(64 * 1024) } });
    expect(r.status).toBe(431);
    expect(JSON.parse(r.body)).toMatchObject({ code: 'headers_too_large' });
  });

  it('documents 400, 413, 415 and 431 in the OpenAPI document wherever they can happen', async () => {
    const doc = (await t.api.call('GET', '/openapi.json')).body as {
      paths: Record<string, Record<string, { requestBody?: unknown; responses: Record<string, unknown> }>>;
    };
    for (const [url, operations] of Object.entries(doc.paths)) {
      for (const [method, operation] of Object.entries(operations)) {
        const documented = Object.keys(operation.responses);
        expect([method, url, documented]).toEqual([method, url, expect.arrayContaining(['431'])]);
        if (operation.requestBody) expect([method, url, documented]).toEqual([method, url, expect.arrayContaining(['400', '413', '415'])]);
      }
    }
  });
});
