/**
 * The platform's push on PostgreSQL against the same on SQLite, in the same run (issue 8, items 21
 * and 22; targets: PostgreSQL push cost ≤ 2× SQLite's, 50 devices pushing at once with p95 < 1 s).
 * In-process through the HTTP app (routing, zod, auth, transactions), each database fresh:
 *  - one device: 1,000 creates then 1,000 updates in pushes of 200, ms/op;
 *  - 50 devices pushing at once, 5 rounds: each push 10 creates and 10 updates of the device's own
 *    rows; latency per push (p50/p95/max) and ops per second.
 * PostgreSQL: PLATFORM_TEST_PG (a server's postgres database), else a throwaway cluster started with
 * scripts/pg-test-cluster.sh (durable settings) and stopped at the end.
 */
import fs from 'node:fs';
import os from 'node:os';
import { SCHEMA_VERSION } from '../../shared/platform-api/common';
import type { PushOp } from '../../shared/platform-api/sync';
import { createPlatform, type Platform } from '../../platform/src/app';
import { seedDemo } from '../../platform/src/seed';
import { creditCode, enterpriseFields, freshPgDatabase } from '../../platform/test/helpers';
import { postgresServer } from './benchPostgres';
import { emitSummary, ms, printTable, stats, tempDir } from './benchUtil';

const PASSWORD = 'bench-password';
const OPS = 1000;
const BATCH = 200;
const DEVICES = 50;
const ROUNDS = 5;
const PER_PUSH = 10; // creates, and as many updates

interface Client {
  token: string;
  clientId: string;
  opSeq: number;
  rows: string[];
}

let codes = 0;

function api(platform: Platform) {
  return async <T>(url: string, body: unknown, token?: string): Promise<T> => {
    const res = await platform.app.request(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify(body),
    });
    if (res.status !== 200 && res.status !== 201) throw new Error(`${url}: ${res.status} ${await res.text()}`);
    return (await res.json()) as T;
  };
}

async function client(call: ReturnType<typeof api>): Promise<Client> {
  const { accessToken } = await call<{ accessToken: string }>('/auth/v1/login', { user: 'jn.manager', password: PASSWORD });
  const { clientId } = await call<{ clientId: string }>('/sync/v1/clients', { schemaVersion: SCHEMA_VERSION }, accessToken);
  return { token: accessToken, clientId, opSeq: 0, rows: [] };
}

function creates(c: Client, count: number): PushOp[] {
  return Array.from({ length: count }, () => {
    const n = ++codes;
    const rowId = `${c.clientId}-${n}`;
    c.rows.push(rowId);
    return {
      opSeq: ++c.opSeq,
      mutationId: `${c.clientId}-m${c.opSeq}`,
      tbl: 'enterprise',
      rowId,
      kind: 'create',
      patch: { ...enterpriseFields(n), creditCode: creditCode(100_000 + n) },
    };
  });
}

function updates(c: Client, rows: string[]): PushOp[] {
  return rows.map((rowId) => ({
    opSeq: ++c.opSeq,
    mutationId: `${c.clientId}-m${c.opSeq}`,
    tbl: 'enterprise',
    rowId,
    kind: 'update',
    patch: { manager: `经理${c.opSeq}` },
    baseVersion: null,
  }));
}

async function push(call: ReturnType<typeof api>, c: Client, ops: PushOp[]): Promise<number> {
  const started = performance.now();
  const res = await call<{ results: { status: string }[] }>(
    '/sync/v1/push',
    { schemaVersion: SCHEMA_VERSION, clientId: c.clientId, ops },
    c.token,
  );
  const elapsed = performance.now() - started;
  const bad = res.results.find((r) => r.status !== 'applied');
  if (bad) throw new Error(`push: ${JSON.stringify(bad)}`);
  return elapsed;
}

async function measure(databaseUrl: string | undefined) {
  const dir = tempDir('ecw-platform-db-bench-');
  const platform = await createPlatform({
    dataDir: dir,
    ...(databaseUrl ? { databaseUrl } : {}),
    config: { openingDelayMs: null },
    log: () => undefined,
  });
  try {
    await seedDemo(platform.ctx, { password: PASSWORD });
    const call = api(platform);

    const one = await client(call);
    let createMs = 0;
    for (let i = 0; i < OPS; i += BATCH) createMs += await push(call, one, creates(one, BATCH));
    let updateMs = 0;
    for (let i = 0; i < OPS; i += BATCH) updateMs += await push(call, one, updates(one, one.rows.slice(i, i + BATCH)));

    const devices: Client[] = [];
    for (let i = 0; i < DEVICES; i++) devices.push(await client(call));
    for (const d of devices) await push(call, d, creates(d, PER_PUSH));
    const latencies: number[] = [];
    const started = performance.now();
    for (let round = 0; round < ROUNDS; round++) {
      latencies.push(
        ...(await Promise.all(
          devices.map((d) => push(call, d, [...creates(d, PER_PUSH), ...updates(d, d.rows.slice(-2 * PER_PUSH, -PER_PUSH))])),
        )),
      );
    }
    const opsPerSecond = (DEVICES * ROUNDS * 2 * PER_PUSH) / ((performance.now() - started) / 1000);
    return {
      createPerOp: createMs / OPS,
      updatePerOp: updateMs / OPS,
      perOp: (createMs + updateMs) / (2 * OPS),
      concurrent: stats(latencies),
      opsPerSecond,
    };
  } finally {
    await platform.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

async function main() {
  const server = postgresServer();
  if (!server) {
    console.log('\nplatformDatabases: skipped — no PostgreSQL (set PLATFORM_TEST_PG, or apt-get install postgresql).');
    return;
  }
  try {
    const sqlite = await measure(undefined);
    const database = await freshPgDatabase(server.url);
    let postgres: Awaited<ReturnType<typeof measure>>;
    try {
      postgres = await measure(database.url);
    } finally {
      await database.drop();
    }
    const row = (name: string, s: Awaited<ReturnType<typeof measure>>) => ({
      database: name,
      'create ms/op': ms(s.createPerOp),
      'update ms/op': ms(s.updatePerOp),
      'push ms/op': ms(s.perOp),
      [`${DEVICES} devices at once: push p50`]: `${ms(s.concurrent.p50)} ms`,
      p95: `${ms(s.concurrent.p95)} ms`,
      max: `${ms(s.concurrent.max)} ms`,
      'ops/s': s.opsPerSecond.toFixed(0),
    });
    printTable(
      `Platform push, PostgreSQL against SQLite (in-process HTTP, ${os.cpus().length} cores; one device: ${OPS} creates + ${OPS} updates in pushes of ${BATCH}; ${DEVICES} devices × ${ROUNDS} rounds of ${2 * PER_PUSH} ops)`,
      [
        row('SQLite (reference)', sqlite),
        row('PostgreSQL', postgres),
        {
          database: 'PostgreSQL / SQLite',
          'create ms/op': (postgres.createPerOp / sqlite.createPerOp).toFixed(2),
          'update ms/op': (postgres.updatePerOp / sqlite.updatePerOp).toFixed(2),
          'push ms/op': `${(postgres.perOp / sqlite.perOp).toFixed(2)}× (target ≤ 2)`,
          [`${DEVICES} devices at once: push p50`]: (postgres.concurrent.p50 / sqlite.concurrent.p50).toFixed(2),
          p95: `${(postgres.concurrent.p95 / sqlite.concurrent.p95).toFixed(2)} (target < 1000 ms)`,
          max: '',
          'ops/s': (postgres.opsPerSecond / sqlite.opsPerSecond).toFixed(2),
        },
      ],
    );
    emitSummary('platformDatabases', [
      { metric: 'PostgreSQL push ms/op', value: postgres.perOp, referenceName: 'SQLite push ms/op', reference: sqlite.perOp },
      {
        metric: `PostgreSQL, ${DEVICES} devices at once: push p95`,
        value: postgres.concurrent.p95,
        targetMs: 1000,
        referenceName: 'SQLite p95',
        reference: sqlite.concurrent.p95,
      },
    ]);
  } finally {
    server.stop();
  }
}

main().catch((error: Error) => {
  console.error(error.stack ?? String(error));
  process.exit(1);
});
