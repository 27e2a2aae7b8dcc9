/**
 * The desktop sync engine against the reference platform in its own process on loopback
 * (SYNC.md §4): no-op sync, bootstrap of 1,000 and 20,000 records (~2 KB each), push of 1,000
 * queued ops, 10 remote changes, a dedup check of 100 hashes, convergence of 5 devices after 500
 * ops. Each is compared with a reference measured in the same run: the same HTTP requests made
 * with bare fetch() — so the ratio is what the engine (SQLite writes, merging, bookkeeping) adds.
 */
import { randomBytes } from 'node:crypto';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { SCHEMA_VERSION, type PushOp } from '../../shared/platform-api';
import path from 'node:path';
import Database from 'better-sqlite3';
import { emitSummary, ms, printTable, stats } from './benchUtil';
import { startPlatform, type PlatformProcess } from '../helpers/platform';
import { createDevice, jinanEnterprise, type Device } from '../helpers/syncDevice';

const NOTE = '泉城路老字号茶庄，经营绿茶、红茶、乌龙茶及茶具。'.repeat(20).slice(0, 480); // ~1.4 KB of UTF-8: rows of ~2 KB
let index = 1;

interface Raw {
  token: string;
  clientId: string;
  post<T = Record<string, unknown>>(path: string, body: unknown): Promise<T>;
}

async function rawClient(platform: PlatformProcess, user = 'jn.manager'): Promise<Raw> {
  const post = async <T>(path: string, body: unknown, token?: string): Promise<T> => {
    const response = await fetch(`${platform.url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify(body),
    });
    if (!response.ok) throw new Error(`${path}: HTTP ${response.status} ${await response.text()}`);
    return (await response.json()) as T;
  };
  const { accessToken } = await post<{ accessToken: string }>('/auth/v1/login', { user, password: platform.login(user).password });
  const { clientId } = await post<{ clientId: string }>('/sync/v1/clients', { schemaVersion: SCHEMA_VERSION }, accessToken);
  return { token: accessToken, clientId, post: (path, body) => post(path, body, accessToken) };
}

/** Creates `count` enterprises on the platform with raw pushes of 200 (seeding, and the push reference). */
async function rawCreates(raw: Raw, count: number, firstOpSeq = 1): Promise<{ ms: number; nextOpSeq: number }> {
  let opSeq = firstOpSeq;
  const started = performance.now();
  for (let done = 0; done < count; done += 200) {
    const ops: PushOp[] = [];
    for (let k = 0; k < Math.min(200, count - done); k++) {
      const i = index++;
      const { creditCode, ...fields } = jinanEnterprise(i, { note: NOTE });
      ops.push({
        opSeq,
        mutationId: `bench-${raw.clientId}-${opSeq}`,
        tbl: 'enterprise',
        rowId: crypto.randomUUID(),
        kind: 'create',
        patch: { ...fields, creditCode, industryDivision: null, contact: { ...fields.contact, email: null } },
      });
      opSeq++;
    }
    const res = await raw.post<{ results: { status: string; message?: string }[] }>('/sync/v1/push', {
      schemaVersion: SCHEMA_VERSION,
      clientId: raw.clientId,
      ops,
    });
    const bad = res.results.find((r) => r.status !== 'applied');
    if (bad) throw new Error(`seeding: ${JSON.stringify(bad)}`);
  }
  return { ms: performance.now() - started, nextOpSeq: opSeq };
}

/** Pulls every page from scratch with bare fetch, applying nothing. */
async function rawBootstrap(raw: Raw): Promise<number> {
  const started = performance.now();
  let cursor: string | null = null;
  for (;;) {
    const page: { cursor: string; hasMore: boolean } = await raw.post('/sync/v1/pull', {
      schemaVersion: SCHEMA_VERSION,
      clientId: raw.clientId,
      cursor,
      limit: 500,
    });
    cursor = page.cursor;
    if (!page.hasMore) break;
  }
  return performance.now() - started;
}

async function device(platform: PlatformProcess, name: string, onPullTransaction?: (ms: number, rows: number) => void): Promise<Device> {
  const d = await createDevice(name, onPullTransaction ? { setup: { onPullTransaction } } : {});
  await d.signIn(platform.url, 'jn.manager', platform.login('jn.manager').password);
  return d;
}

async function timed<T>(work: () => Promise<T>): Promise<[number, T]> {
  const started = performance.now();
  const value = await work();
  return [performance.now() - started, value];
}

async function bootstrap(platform: PlatformProcess, raw: Raw, rows: number) {
  const loop = monitorEventLoopDelay({ resolution: 5 });
  const transactions: number[] = [];
  const d = await device(platform, `bootstrap-${rows}`, (ms) => transactions.push(ms));
  loop.enable();
  const [engineMs, report] = await timed(() => d.sync());
  loop.disable();
  if (report.pulled < rows) throw new Error(`bootstrap pulled ${report.pulled} of ${rows}`);
  const referenceMs = await rawBootstrap(raw);
  return {
    d,
    engineMs,
    referenceMs,
    blockedMs: loop.max / 1e6,
    longestTx: Math.max(...transactions),
    tx95: stats(transactions).p95,
    pulled: report.pulled,
  };
}

async function main() {
  const platform = await startPlatform();
  const devices: Device[] = [];
  try {
    const raw = await rawClient(platform);
    let opSeq = (await rawCreates(raw, 1000)).nextOpSeq;

    // Bootstrap 1,000.
    const small = await bootstrap(platform, raw, 1000);
    devices.push(small.d);

    // No-op sync, and 10 remote changes.
    const noop: number[] = [];
    const noopRef: number[] = [];
    const cursor = small.d.cursor();
    for (let i = 0; i < 60; i++) {
      const [noopMs, noopReport] = await timed(() => small.d.sync());
      if (noopReport.outcome !== 'ok' || noopReport.pulled + noopReport.pushed !== 0)
        throw new Error(`no-op sync: ${JSON.stringify(noopReport)}`);
      noop.push(noopMs);
      noopRef.push(
        (await timed(() => raw.post('/sync/v1/pull', { schemaVersion: SCHEMA_VERSION, clientId: raw.clientId, cursor, limit: 500 })))[0],
      );
    }
    const writer = await device(platform, 'writer');
    devices.push(writer);
    await writer.sync();
    const ids = writer
      .enterprises()
      .slice(0, 10)
      .map((e) => e.id as string);
    const tenChanges: number[] = [];
    for (let round = 0; round < 5; round++) {
      for (const id of ids) await writer.editEnterprise(id, (f) => ({ ...f, manager: `经理${round}` }));
      await writer.sync();
      tenChanges.push((await timed(() => small.d.sync()))[0]);
    }

    // Push 1,000 queued ops (5 requests of 200), and the same 1,000 creates pushed raw.
    const pusher = await device(platform, 'pusher');
    devices.push(pusher);
    await pusher.sync();
    for (let i = 0; i < 1000; i++) await pusher.call('enterprises.create', jinanEnterprise(index++, { note: NOTE }));
    const [pushMs, pushReport] = await timed(() => pusher.sync());
    if (pushReport.pushed !== 1000) throw new Error(`pushed ${pushReport.pushed}`);
    const pushRef = await rawCreates(raw, 1000, opSeq);
    opSeq = pushRef.nextOpSeq;

    // Dedup check of 100 hashes, through the engine's client and bare.
    const hashes = Array.from({ length: 100 }, () => randomBytes(32).toString('hex'));
    const { createPlatformClient } = await import('../../electron/backend/domains/sync/platform');
    const { checkResponseSchema } = await import('../../shared/platform-api');
    const client = createPlatformClient(platform.url, pusher.engine.session);
    const dedup: number[] = [];
    const dedupRef: number[] = [];
    for (let i = 0; i < 30; i++) {
      dedup.push((await timed(() => client.json('/assets/v1/check', checkResponseSchema, { body: { hashes } })))[0]);
      dedupRef.push((await timed(() => raw.post('/assets/v1/check', { hashes })))[0]);
    }

    // Convergence: 5 devices, 500 offline ops (creates and edits of shared rows), then sync until quiet.
    const five = await Promise.all(Array.from({ length: 5 }, (_, i) => device(platform, `five-${i}`)));
    devices.push(...five);
    for (const d of five) await d.sync();
    const shared = five[0]!
      .enterprises()
      .slice(0, 50)
      .map((e) => e.id as string);
    for (let op = 0; op < 500; op++) {
      const d = five[op % 5]!;
      if (op % 5 === 0) await d.createEnterprise(creditIndex());
      else
        await d.editEnterprise(shared[op % 50]!, (f) => ({
          ...f,
          [op % 2 ? 'manager' : 'address']: op % 2 ? `经理${op}` : `济南市历下区收敛路${op}号`,
        }));
    }
    const [convergeMs] = await timed(async () => {
      for (let round = 0; round < 10; round++) {
        let moved = 0;
        for (const d of five) {
          const r = await d.sync();
          moved += r.pushed + r.pulled + r.pending;
        }
        if (moved === 0) break;
      }
    });

    // Bootstrap 20,000 (19,000 more rows ~2 KB each).
    opSeq = (await rawCreates(raw, 20_000 - platformRows(platform), opSeq)).nextOpSeq;
    const big = await bootstrap(platform, raw, 20_000);
    devices.push(big.d);

    const noopStats = stats(noop);
    const noopRefStats = stats(noopRef);
    const dedupStats = stats(dedup);
    const dedupRefStats = stats(dedupRef);
    printTable('Sync engine vs bare fetch of the same requests (platform in its own process, loopback)', [
      {
        scenario: 'bootstrap 1,000 rows',
        engine: `${ms(small.engineMs)} ms`,
        reference: `${ms(small.referenceMs)} ms`,
        ratio: (small.engineMs / small.referenceMs).toFixed(2),
        target: '< 2000 ms',
        note: `write tx p95 ${ms(small.tx95)} / max ${ms(small.longestTx)} ms (target < 50); event-loop max delay ${ms(small.blockedMs)} ms`,
      },
      {
        scenario: 'bootstrap 20,000 rows',
        engine: `${ms(big.engineMs)} ms`,
        reference: `${ms(big.referenceMs)} ms`,
        ratio: (big.engineMs / big.referenceMs).toFixed(2),
        target: '< 30000 ms',
        note: `write tx p95 ${ms(big.tx95)} / max ${ms(big.longestTx)} ms (target < 100); event-loop max delay ${ms(big.blockedMs)} ms`,
      },
      {
        scenario: 'no-op sync (p95)',
        engine: `${ms(noopStats.p95)} ms`,
        reference: `${ms(noopRefStats.p95)} ms`,
        ratio: (noopStats.p95 / noopRefStats.p95).toFixed(2),
        target: '< 100 ms',
        note: `p50 ${ms(noopStats.p50)} ms, 1 request`,
      },
      {
        scenario: '10 remote changes (p50)',
        engine: `${ms(stats(tenChanges).p50)} ms`,
        reference: '',
        ratio: '',
        target: '< 200 ms',
        note: '',
      },
      {
        scenario: 'push 1,000 queued ops',
        engine: `${ms(pushMs)} ms`,
        reference: `${ms(pushRef.ms)} ms`,
        ratio: (pushMs / pushRef.ms).toFixed(2),
        target: '< 5000 ms',
        note: `${ms(pushRef.ms / 1000)} ms/op on the platform (target < 3)`,
      },
      {
        scenario: 'dedup check of 100 hashes (p95)',
        engine: `${ms(dedupStats.p95)} ms`,
        reference: `${ms(dedupRefStats.p95)} ms`,
        ratio: (dedupStats.p95 / dedupRefStats.p95).toFixed(2),
        target: '< 100 ms',
        note: '1 request',
      },
      {
        scenario: 'converge 5 devices after 500 ops',
        engine: `${ms(convergeMs)} ms`,
        reference: '',
        ratio: '',
        target: '< 10000 ms',
        note: '',
      },
    ]);
    emitSummary('sync', [
      {
        metric: 'bootstrap 1,000 rows',
        value: small.engineMs,
        targetMs: 2000,
        referenceName: 'bare fetch of the pages',
        reference: small.referenceMs,
      },
      { metric: 'bootstrap 1,000: longest write tx', value: small.longestTx, targetMs: 50 },
      {
        metric: 'bootstrap 20,000 rows',
        value: big.engineMs,
        targetMs: 30_000,
        referenceName: 'bare fetch of the pages',
        reference: big.referenceMs,
      },
      { metric: 'bootstrap 20,000: longest write tx', value: big.longestTx, targetMs: 100 },
      { metric: 'bootstrap 20,000: event-loop max delay', value: big.blockedMs },
      { metric: 'no-op sync p95', value: noopStats.p95, targetMs: 100, referenceName: 'bare pull request', reference: noopRefStats.p95 },
      { metric: '10 remote changes p50', value: stats(tenChanges).p50, targetMs: 200 },
      {
        metric: 'push 1,000 queued ops',
        value: pushMs,
        targetMs: 5000,
        referenceName: 'bare pushes of 1,000 creates',
        reference: pushRef.ms,
      },
      { metric: 'platform ms/op (bare push)', value: pushRef.ms / 1000, targetMs: 3 },
      {
        metric: 'dedup check 100 hashes p95',
        value: dedupStats.p95,
        targetMs: 100,
        referenceName: 'bare check request',
        reference: dedupRefStats.p95,
      },
      { metric: 'converge 5 devices / 500 ops', value: convergeMs, targetMs: 10_000 },
    ]);
  } finally {
    devices.forEach((d) => d.cleanup());
    await platform.stop();
  }
}

let creditCounter = 500_000;
const creditIndex = () => creditCounter++;

function platformRows(platform: PlatformProcess): number {
  const db = new Database(path.join(platform.dataDir, 'platform.sqlite'), { readonly: true });
  try {
    return db.prepare('SELECT count(*) FROM enterprise WHERE deleted = 0').pluck().get() as number;
  } finally {
    db.close();
  }
}
main().catch((error) => {
  console.error(error);
  process.exit(1);
});
