/** The platform as a real process on a loopback port: CLI start-up, a full sync round trip, dropped uploads, kill -9. */
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { CHUNK_SIZE } from '../../shared/platform-api/assets';
import type { DemoLogin } from '../../shared/platform-api/auth';
import { createPlatform } from '../src/app';
import { listen, type Listening } from '../src/listen';
import { seedDemo } from '../src/seed';
import {
  Api,
  DEMO_PASSWORD,
  createEnterprise,
  describeOnDatabases,
  freshPgDatabase,
  mutationId,
  orderOp,
  tempDir,
  type Loose,
  type Reply,
  type TestDatabase,
} from './helpers';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const children: ChildProcess[] = [];
const cleanups: (() => Promise<void>)[] = [];

afterEach(async () => {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
  for (const c of cleanups.splice(0)) await c();
});

const pgDatabases = new Map<string, string>();

/** The database of a platform on `dir`: its SQLite file, or a fresh PostgreSQL database (the same one again for the same dir). */
async function databaseUrlFor(database: TestDatabase, dir: string): Promise<string | undefined> {
  if (database === 'sqlite') return undefined;
  if (!pgDatabases.has(dir)) {
    const fresh = await freshPgDatabase();
    pgDatabases.set(dir, fresh.url);
    cleanups.push(fresh.drop);
  }
  return pgDatabases.get(dir);
}

/** Starts `platform/src/server.ts` as its own node process and waits for its ready line. */
async function startProcess(
  database: TestDatabase,
  dataDir: string,
  extra: string[] = [],
): Promise<{ url: string; child: ChildProcess; output: () => string }> {
  const databaseUrl = await databaseUrlFor(database, dataDir);
  const args = [
    '--import',
    'tsx',
    'platform/src/server.ts',
    '--port',
    '0',
    '--data-dir',
    dataDir,
    ...(databaseUrl ? ['--database-url', databaseUrl] : []),
    ...extra,
  ];
  const child = spawn(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  let out = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no ready line:\n${out}`)), 30_000);
    const onData = (d: Buffer) => {
      out += d.toString();
      const line = /PLATFORM_READY (.+)/.exec(out)?.[1];
      if (line) {
        clearTimeout(timer);
        resolve((JSON.parse(line) as { url: string }).url);
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => reject(new Error(`exited ${code}:\n${out}`)));
  });
  return { url, child, output: () => out };
}

const httpApi = (url: string) => new Api((p, init) => fetch(url + p, init));

describeOnDatabases('the platform as a process', (database) => {
  describe('platform process', () => {
    it('starts from the CLI with demo logins, then a device logs in, pushes, and another pulls it; the order opens by itself', async () => {
      const dir = await tempDir();
      cleanups.push(() => fs.rm(dir, { recursive: true, force: true }));
      const { url, child, output } = await startProcess(database, dir, ['--opening-delay-ms', '200']);
      expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      const logins = JSON.parse(await fs.readFile(path.join(dir, 'demo-logins.json'), 'utf8')) as DemoLogin[];
      expect(logins.map((l) => l.role)).toEqual(
        expect.arrayContaining(['customer_manager', 'business_hall_clerk', 'agent', 'administrator']),
      );
      expect(logins.map((l) => l.region)).toEqual(expect.arrayContaining(['山东省/济南市', '山东省/青岛市']));
      const manager = logins.find((l) => l.user === 'jn.manager')!;
      expect(output()).toContain(manager.password);

      const api = httpApi(url);
      // The demo passwords are random per data dir, never a fixed default.
      expect((await api.call('POST', '/auth/v1/login', { user: 'jn.manager', password: DEMO_PASSWORD })).status).toBe(401);
      const session = await api.login('jn.manager', manager.password);
      const reg = await api.call('POST', '/sync/v1/clients', { schemaVersion: 1, deviceName: '王经理的笔记本' }, session.accessToken);
      const ent = createEnterprise(1);
      const order = orderOp(ent.rowId, 'open', 'site-standard');
      const push = await api.call(
        'POST',
        '/sync/v1/push',
        {
          schemaVersion: 1,
          clientId: reg.body.clientId,
          ops: [
            { ...ent, opSeq: 1, mutationId: mutationId() },
            { ...order, opSeq: 2, mutationId: mutationId() },
          ],
        },
        session.accessToken,
      );
      expect(push.body.results.map((r: Loose) => r.status)).toEqual(['applied', 'applied']);

      const clerk = logins.find((l) => l.user === 'jn.clerk')!;
      const clerkSession = await api.login('jn.clerk', clerk.password);
      const clerkReg = await api.call('POST', '/sync/v1/clients', { schemaVersion: 1 }, clerkSession.accessToken);
      await expect
        .poll(
          async () => {
            const pull = await api.call(
              'POST',
              '/sync/v1/pull',
              { schemaVersion: 1, clientId: clerkReg.body.clientId },
              clerkSession.accessToken,
            );
            return pull.body.changes.find((c: Loose) => c.tbl === 'enterprise')?.row;
          },
          { timeout: 10_000 },
        )
        .toMatchObject({ name: '济南测试企业1有限公司', status: 'opened', groupCode: expect.stringMatching(/^JT/) });

      const doc = await api.call('GET', '/openapi.json');
      expect(Object.keys(doc.body.paths)).toEqual(
        expect.arrayContaining([
          '/auth/v1/login',
          '/sync/v1/push',
          '/sync/v1/pull',
          '/assets/v1/uploads/{id}',
          '/catalog/v1',
          '/admin/sms-outbox',
        ]),
      );
      child.kill('SIGTERM');
    });

    it('survives kill -9 in the middle of pushes: every op applies exactly once after the device retries', async () => {
      const dir = await tempDir();
      cleanups.push(() => fs.rm(dir, { recursive: true, force: true }));
      const first = await startProcess(database, dir);
      const logins = JSON.parse(await fs.readFile(path.join(dir, 'demo-logins.json'), 'utf8')) as DemoLogin[];
      const password = logins.find((l) => l.user === 'jn.manager')!.password;
      let api = httpApi(first.url);
      const session = await api.login('jn.manager', password);
      const clientId = (await api.call('POST', '/sync/v1/clients', { schemaVersion: 1 }, session.accessToken)).body.clientId;
      const ops = Array.from({ length: 300 }, (_, i) => ({ ...createEnterprise(5000 + i), opSeq: i + 1, mutationId: mutationId() }));
      const pushFrom = (opSeq: number) =>
        api.call('POST', '/sync/v1/push', { schemaVersion: 1, clientId, ops: ops.slice(opSeq - 1, opSeq - 1 + 20) }, session.accessToken);

      // Push in batches until the process dies under us.
      let acked = 0;
      const pushing = (async () => {
        while (acked < ops.length) {
          const r = await pushFrom(acked + 1).catch(() => undefined);
          if (!r) return;
          acked = r.body.lastAppliedOpSeq;
        }
      })();
      await expect.poll(() => acked, { timeout: 20_000, interval: 5 }).toBeGreaterThanOrEqual(40);
      first.child.kill('SIGKILL');
      await pushing;
      expect(acked).toBeLessThan(ops.length);

      const second = await startProcess(database, dir);
      api = httpApi(second.url);
      for (let guard = 0; acked < ops.length && guard < 100; guard++) {
        // The device does not know what the last request did: it resends from its own acked watermark.
        const r = await pushFrom(acked + 1);
        expect(r.status).toBe(200);
        acked = r.body.lastAppliedOpSeq;
      }
      expect(acked).toBe(ops.length);
      const pulled: Loose[] = [];
      let cursor: string | null = null;
      for (;;) {
        const r: Reply<Loose> = await api.call(
          'POST',
          '/sync/v1/pull',
          { schemaVersion: 1, clientId, cursor, limit: 1000 },
          session.accessToken,
        );
        pulled.push(...r.body.changes);
        cursor = r.body.cursor;
        if (!r.body.hasMore) break;
      }
      expect(pulled).toHaveLength(ops.length);
      expect(new Set(pulled.map((c) => c.id)).size).toBe(ops.length);
    });
  });

  describe('uploads over a real connection', () => {
    let server: Listening;

    it('resumes an upload whose connection dropped mid-chunk from the last stored offset', async () => {
      const dir = await tempDir();
      const databaseUrl = await databaseUrlFor(database, dir);
      const platform = await createPlatform({
        dataDir: dir,
        ...(databaseUrl ? { databaseUrl } : {}),
        config: { openingDelayMs: null },
        log: () => undefined,
      });
      await seedDemo(platform.ctx, { password: DEMO_PASSWORD });
      server = await listen(platform);
      cleanups.push(async () => {
        await server.close();
        await fs.rm(dir, { recursive: true, force: true });
      });
      const api = httpApi(server.url);
      const device = await api.device('jn.agent');
      const photo = randomBytes(2 * CHUNK_SIZE + 12345);
      const hash = createHash('sha256').update(photo).digest('hex');
      const created = await api.call(
        'POST',
        '/assets/v1/uploads',
        { clientId: device.clientId, sha256: hash, size: photo.length, mime: 'image/jpeg' },
        device.token,
      );
      const uploadId = created.body.uploadId as string;
      const headers = (offset: number, chunk: Uint8Array) => ({
        authorization: `Bearer ${device.token}`,
        'content-type': 'application/offset+octet-stream',
        'upload-offset': String(offset),
        'upload-checksum': `sha256 ${createHash('sha256').update(chunk).digest('base64')}`,
      });
      const put = (offset: number, chunk: Uint8Array) =>
        fetch(`${server.url}/assets/v1/uploads/${uploadId}`, { method: 'PATCH', headers: headers(offset, chunk), body: chunk });

      expect((await put(0, photo.subarray(0, CHUNK_SIZE))).status).toBe(204);

      // Second chunk: the laptop loses Wi-Fi after 1 MiB of 4.
      const chunk = photo.subarray(CHUNK_SIZE, 2 * CHUNK_SIZE);
      await new Promise<void>((resolve) => {
        const req = http.request(`${server.url}/assets/v1/uploads/${uploadId}`, {
          method: 'PATCH',
          headers: { ...headers(CHUNK_SIZE, chunk), 'content-length': String(chunk.length) },
        });
        req.on('error', () => resolve());
        req.write(chunk.subarray(0, 1024 * 1024), () => setTimeout(() => req.destroy(), 100));
        req.on('close', () => resolve());
      });

      const offset = await fetch(`${server.url}/assets/v1/uploads/${uploadId}`, {
        method: 'HEAD',
        headers: { authorization: `Bearer ${device.token}` },
      });
      expect(Number(offset.headers.get('upload-offset'))).toBe(CHUNK_SIZE);
      expect((await put(CHUNK_SIZE, chunk)).status).toBe(204);
      const done = await put(2 * CHUNK_SIZE, photo.subarray(2 * CHUNK_SIZE));
      expect(done.status).toBe(201);
      const blob = await fetch(`${server.url}/assets/v1/blobs/${hash}`, {
        headers: { authorization: `Bearer ${device.token}`, range: `bytes=${CHUNK_SIZE}-` },
      });
      expect(blob.status).toBe(206);
      expect(Buffer.from(await blob.arrayBuffer()).equals(photo.subarray(CHUNK_SIZE))).toBe(true);
    });
  });
});
