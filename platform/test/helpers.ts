/** Test helpers: a real platform on a real SQLite file in a temp dir, driven through HTTP (in-process or over loopback). */
import fs from 'node:fs/promises';
import type { Server } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { serve, type ServerType } from '@hono/node-server';
import { describe } from 'vitest';
import { quoteFromCatalog } from '../../shared/domain/billing';
import { SEED_CATALOG } from '../../shared/domain/catalog';
import { creditCodeCheckChar } from '../../shared/domain/creditCode';
import { SCHEMA_VERSION } from '../../shared/platform-api/common';
import type { Session } from '../../shared/platform-api/auth';
import type { PullResponse, PushOp, PushResponse } from '../../shared/platform-api/sync';
import { createPlatform, type Platform, type PlatformOptions } from '../src/app';
import type { Clock } from '../src/clock';
import { answerClientErrors } from '../src/listen';
import { seedDemo } from '../src/seed';
import { adminQuery, copyMigratedSqlite, databaseUrl, migratedPgTemplate } from './databaseTemplates';

/** Replies are checked field by field in tests; a loose type keeps those checks short. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Loose = any;

export const DEMO_PASSWORD = 'demo-password-1';

export interface Reply<T = unknown> {
  status: number;
  body: T;
  headers: Headers;
}

export type Fetch = (path: string, init?: RequestInit) => Promise<Response>;

/** A settable clock. */
export class TestClock implements Clock {
  constructor(public ms = Date.parse('2026-11-20T09:00:00Z')) {}
  now() {
    return new Date(this.ms);
  }
  advance(ms: number) {
    this.ms += ms;
  }
}

export class Api {
  constructor(readonly fetch: Fetch) {}

  async call<T = Loose>(
    method: string,
    url: string,
    body?: unknown,
    token?: string,
    headers: Record<string, string> = {},
  ): Promise<Reply<T>> {
    const res = await this.fetch(url, {
      method,
      headers: {
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...headers,
      },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      /* not JSON */
    }
    return { status: res.status, body: parsed as T, headers: res.headers };
  }

  async login(user: string, password = DEMO_PASSWORD): Promise<Session> {
    const r = await this.call<Session>('POST', '/auth/v1/login', { user, password });
    if (r.status !== 200) throw new Error(`login ${user}: ${r.status} ${JSON.stringify(r.body)}`);
    return r.body;
  }

  /** A signed-in device: registers a clientId and numbers its ops. */
  async device(user: string, password = DEMO_PASSWORD): Promise<Device> {
    const session = await this.login(user, password);
    const r = await this.call<{ clientId: string }>('POST', '/sync/v1/clients', { schemaVersion: SCHEMA_VERSION }, session.accessToken);
    if (r.status !== 201) throw new Error(`register: ${r.status} ${JSON.stringify(r.body)}`);
    return new Device(this, session.accessToken, r.body.clientId);
  }
}

let mutationCounter = 0;
export const mutationId = () => `m-${process.pid}-${++mutationCounter}-${Math.random().toString(36).slice(2, 8)}`;

export type OpInput = Omit<PushOp, 'opSeq' | 'mutationId'> & { opSeq?: number; mutationId?: string };

export class Device {
  nextOpSeq = 1;
  cursor: string | null = null;

  constructor(
    /** Replaceable: a restarted platform is a new Api with the same device. */
    public api: Api,
    public token: string,
    public clientId: string,
  ) {}

  /** Numbers the ops (unless given) and pushes them; the raw reply. */
  pushRaw(ops: OpInput[]): Promise<Reply<PushResponse & { code?: string }>> {
    const numbered = ops.map((op) => ({ ...op, opSeq: op.opSeq ?? this.nextOpSeq++, mutationId: op.mutationId ?? mutationId() }));
    return this.api.call('POST', '/sync/v1/push', { schemaVersion: SCHEMA_VERSION, clientId: this.clientId, ops: numbered }, this.token);
  }

  async push(...ops: OpInput[]): Promise<PushResponse> {
    const r = await this.pushRaw(ops);
    if (r.status !== 200) throw new Error(`push: ${r.status} ${JSON.stringify(r.body)}`);
    return r.body;
  }

  pullRaw(cursor: string | null, limit?: number): Promise<Reply<PullResponse & { code?: string; resyncReason?: string }>> {
    return this.api.call(
      'POST',
      '/sync/v1/pull',
      { schemaVersion: SCHEMA_VERSION, clientId: this.clientId, cursor, ...(limit ? { limit } : {}) },
      this.token,
    );
  }

  /** Pulls every page from the saved cursor; returns all changes. */
  async pullAll(limit?: number): Promise<PullResponse['changes']> {
    const changes: PullResponse['changes'] = [];
    for (;;) {
      const r = await this.pullRaw(this.cursor, limit);
      if (r.status !== 200) throw new Error(`pull: ${r.status} ${JSON.stringify(r.body)}`);
      changes.push(...r.body.changes);
      this.cursor = r.body.cursor;
      if (!r.body.hasMore) return changes;
    }
  }
}

export interface TestPlatform {
  platform: Platform;
  dir: string;
  api: Api;
  /** JSON calls that arrive from another peer address (what @hono/node-server reports from the socket). */
  from(address: string): Api;
  /** Serves the platform on a loopback port (until close); its base URL. */
  serve(): Promise<string>;
  clock: TestClock;
  close(): Promise<void>;
}

export async function tempDir(prefix = 'ecw-platform-'): Promise<string> {
  return fs.mkdtemp(path.join(os.tmpdir(), prefix));
}

/**
 * The databases the platform's tests run on: SQLite always, PostgreSQL at PLATFORM_TEST_PG
 * (`postgres://…/postgres`; `eval "$(scripts/pg-test-cluster.sh start)"` starts one), one fresh
 * database per platform. Under CI a missing PostgreSQL fails the run instead of skipping.
 */
export type TestDatabase = 'sqlite' | 'postgres';
export const TEST_PG = process.env.PLATFORM_TEST_PG;

/** `describe(name)` once per database; the PostgreSQL half says why it skips when there is none. */
export function describeOnDatabases(name: string, body: (database: TestDatabase) => void): void {
  describe(`${name} (SQLite)`, () => body('sqlite'));
  if (!TEST_PG && process.env.CI)
    throw new Error('CI needs PostgreSQL: .ci/run starts one with scripts/pg-test-cluster.sh and sets PLATFORM_TEST_PG.');
  const skipped = ' [skipped: no PostgreSQL; eval "$(scripts/pg-test-cluster.sh start)" sets PLATFORM_TEST_PG]';
  describe.skipIf(!TEST_PG)(`${name} (PostgreSQL)${TEST_PG ? '' : skipped}`, () => body('postgres'));
}

/**
 * A new PostgreSQL database on the test server (or `server`, a URL of its `postgres` database): empty, or
 * with `migrated` a copy of the run's migrated template when there is one (else empty: the platform migrates it).
 */
export async function freshPgDatabase(server = TEST_PG, { migrated = false } = {}): Promise<{ url: string; drop(): Promise<void> }> {
  if (!server) throw new Error('PLATFORM_TEST_PG is not set.');
  const name = `ecw_test_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
  const template = migrated ? migratedPgTemplate() : undefined;
  await adminQuery(server, `CREATE DATABASE ${name}${template ? ` TEMPLATE ${template}` : ''}`);
  return { url: databaseUrl(server, name), drop: () => adminQuery(server, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}

/** PostgreSQL databases by data dir, so a platform restarted on the same dir finds its data again. */
const pgDatabases = new Map<string, { url: string; drop(): Promise<void> }>();

export interface TestPlatformOptions extends Partial<PlatformOptions> {
  /** Default SQLite. */
  database?: TestDatabase;
}

export async function startTestPlatform(options: TestPlatformOptions = {}): Promise<TestPlatform> {
  const { database = 'sqlite', ...platformOptions } = options;
  const dir = options.dataDir ?? (await tempDir());
  if (database === 'postgres' && !options.databaseUrl && !pgDatabases.has(dir))
    pgDatabases.set(dir, await freshPgDatabase(TEST_PG, { migrated: true }));
  // A data dir of its own (not one a test made, maybe with data or modes to check): the migrated file.
  if (database === 'sqlite' && !options.databaseUrl && !options.dataDir) copyMigratedSqlite(dir);
  const databaseUrl = options.databaseUrl ?? pgDatabases.get(dir)?.url;
  const clock = (options.clock as TestClock | undefined) ?? new TestClock();
  const platform = await createPlatform({
    ...platformOptions,
    ...(databaseUrl ? { databaseUrl } : {}),
    dataDir: dir,
    clock,
    config: { openingDelayMs: null, ...options.config },
    log: process.env.PLATFORM_TEST_LOG ? (l) => console.error(l) : () => undefined,
  });
  await seedDemo(platform.ctx, { password: DEMO_PASSWORD });
  const api = new Api(async (url, init) => platform.app.request(url, init));
  const servers: ServerType[] = [];
  return {
    platform,
    dir,
    api,
    from: (address) => new Api(async (url, init) => platform.app.request(url, init, { incoming: { socket: { remoteAddress: address } } })),
    serve: () =>
      new Promise((resolve) => {
        const server = serve({ fetch: platform.app.fetch, port: 0, hostname: '127.0.0.1' }, (info) =>
          resolve(`http://127.0.0.1:${info.port}`),
        );
        answerClientErrors(server as Server);
        servers.push(server);
      }),
    clock,
    close: async () => {
      for (const server of servers) {
        const closed = new Promise((done) => server.close(done));
        (server as { closeAllConnections?: () => void }).closeAllConnections?.();
        await closed;
      }
      await platform.close();
      await pgDatabases.get(dir)?.drop();
      pgDatabases.delete(dir);
      await fs.rm(dir, { recursive: true, force: true });
    },
  };
}

/** A test platform with the Jinan customer manager's device and an administrator's token: where order and site tests start. */
export async function startPlatformWithManager(
  options: TestPlatformOptions = {},
): Promise<{ t: TestPlatform; manager: Device; admin: string }> {
  const t = await startTestPlatform(options);
  return { t, manager: await t.api.device('jn.manager'), admin: (await t.api.login('admin')).accessToken };
}

/** A valid unified social credit code, different for each n. */
export function creditCode(n: number): string {
  const first17 = `91370102MA${String(n).padStart(7, '0')}`;
  return first17 + creditCodeCheckChar(first17);
}

export const JINAN = { province: '山东省', city: '济南市', district: '历下区' };
export const QINGDAO = { province: '山东省', city: '青岛市', district: '市南区' };

export function enterpriseFields(n: number, region = JINAN) {
  return {
    name: `济南测试企业${n}有限公司`,
    creditCode: creditCode(n),
    industrySection: 'I',
    industryDivision: '65',
    region,
    address: `${region.city}${region.district}泉城路${n}号`,
    contact: { name: '王建国', mobile: '13805310002', email: null },
    manager: '王经理',
    channel: 'customer_manager',
    note: null,
  };
}

let rowCounter = 0;
export const rowId = (prefix = 'row') => `${prefix}-${process.pid}-${++rowCounter}`;

export const createEnterprise = (n: number, region = JINAN, id = rowId('ent')): OpInput => ({
  tbl: 'enterprise',
  rowId: id,
  kind: 'create',
  patch: enterpriseFields(n, region),
});

export const updateOp = (tbl: 'enterprise' | 'site', id: string, patch: Record<string, unknown>, baseVersion: number | null): OpInput => ({
  tbl,
  rowId: id,
  kind: 'update',
  patch,
  baseVersion,
});

/** An `order.submit.v1` command carrying a signed order snapshot, as the desktop sends it. */
export function orderOp(
  enterpriseId: string,
  kind: 'open' | 'change' | 'cancel',
  planCode: string,
  extra: Record<string, unknown> = {},
  id = rowId('order'),
): OpInput {
  const date = '2026-12-01';
  const quote = quoteFromCatalog(SEED_CATALOG, { planCode, openDate: date, months: 3 });
  const args = {
    id,
    number: `SO-${id}`,
    enterpriseId,
    kind,
    planCode,
    requestDate: '2026-11-20',
    effectiveDate: date,
    status: 'signed',
    quote,
    catalogVersion: 1,
    signerName: '王建国',
    createdBy: 'jn.manager',
    createdAt: '2026-11-20T09:00:00Z',
    signedAt: '2026-11-20T09:05:00Z',
    audit: [],
    ...extra,
  };
  return { tbl: 'service_order', rowId: id, kind: 'command', name: 'order.submit.v1', patch: args };
}
