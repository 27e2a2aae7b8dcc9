/**
 * Platform server-side costs (SYNC.md §4: "server < 3 ms/op"), in-process through the HTTP app
 * (routing, zod parsing, auth, one durable transaction per op), on a real SQLite file with
 * synchronous=FULL. References measured in the same run on the same disk:
 *  - push: a bare better-sqlite3 single-row INSERT transaction (WAL, FULL) — one durable commit —,
 *    timed between push batches;
 *  - pull: a bare better-sqlite3 SELECT of 500 rows by seq with JSON.parse of each body, before each page.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { SCHEMA_VERSION } from '../../shared/platform-api/common';
import type { PushOp } from '../../shared/platform-api/sync';
import { createPlatform } from '../../platform/src/app';
import { seedDemo } from '../../platform/src/seed';
import { creditCode, enterpriseFields } from '../../platform/test/helpers';

const OPS = 1000;
const BATCH = 200;
const PULL_ROWS = 2000;
const PAGE = 500;
const TARGET_PUSH_MS_PER_OP = 3;

const percentile = (values: number[], p: number) =>
  [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.ceil((p / 100) * values.length) - 1)]!;
const fmt = (v: number) => (v >= 100 ? v.toFixed(0) : v >= 10 ? v.toFixed(1) : v.toFixed(2));

async function main() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ecw-platform-bench-'));
  // PLATFORM_BENCH_DATABASE_URL=postgres://… measures the same on an (empty) PostgreSQL database.
  const databaseUrl = process.env.PLATFORM_BENCH_DATABASE_URL;
  const platform = await createPlatform({
    dataDir: dir,
    ...(databaseUrl ? { databaseUrl } : {}),
    config: { openingDelayMs: null },
    log: () => undefined,
  });
  await seedDemo(platform.ctx, { password: 'bench-password' });
  const call = async (url: string, body: unknown, token?: string) => {
    const res = await platform.app.request(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify(body),
    });
    if (res.status !== 200 && res.status !== 201) throw new Error(`${url}: ${res.status} ${await res.text()}`);
    return res.json() as Promise<Record<string, unknown>>;
  };
  const token = ((await call('/auth/v1/login', { user: 'jn.manager', password: 'bench-password' })) as { accessToken: string }).accessToken;
  const clientId = ((await call('/sync/v1/clients', { schemaVersion: SCHEMA_VERSION }, token)) as { clientId: string }).clientId;

  let opSeq = 0;
  const op = (o: Omit<PushOp, 'opSeq' | 'mutationId'>): PushOp => ({ ...o, opSeq: ++opSeq, mutationId: `bench-${opSeq}` });
  const pushTimed = async (ops: PushOp[]) => {
    const started = performance.now();
    const res = (await call('/sync/v1/push', { schemaVersion: SCHEMA_VERSION, clientId, ops }, token)) as { results: { status: string }[] };
    const elapsed = performance.now() - started;
    if (res.results.some((r) => r.status === 'rejected'))
      throw new Error(`rejected: ${JSON.stringify(res.results.find((r) => r.status === 'rejected'))}`);
    return elapsed;
  };

  // Reference: one durable single-row commit, same disk, same settings, timed between push batches
  // so both see the same load (the machine is shared).
  const ref = new Database(path.join(dir, 'reference.sqlite'));
  ref.pragma('journal_mode = WAL');
  ref.pragma('synchronous = FULL');
  ref.exec('CREATE TABLE t (id TEXT PRIMARY KEY, seq INTEGER NOT NULL, data TEXT NOT NULL)');
  const insert = ref.prepare('INSERT INTO t (id, seq, data) VALUES (?, ?, ?)');
  const refRow = (i: number) => JSON.stringify({ ...enterpriseFields(i), status: 'registered', groupCode: null });
  const commitOne = ref.transaction((i: number) => insert.run(`r${i}`, i, refRow(i)));
  let refCommits = 0;
  let refCommitTotal = 0;
  const referenceCommits = (count: number) => {
    const started = performance.now();
    for (let k = 0; k < count; k++) commitOne(refCommits++);
    refCommitTotal += performance.now() - started;
  };

  // Push: creates, then updates (the merge path), in batches of 200 as the desktop sends them.
  const ids = Array.from({ length: OPS }, (_, i) => `bench-ent-${i}`);
  let createMs = 0;
  for (let i = 0; i < OPS; i += BATCH) {
    referenceCommits(50);
    createMs += await pushTimed(
      ids.slice(i, i + BATCH).map((id, k) =>
        op({
          tbl: 'enterprise',
          rowId: id,
          kind: 'create',
          patch: { ...enterpriseFields(10_000 + i + k), creditCode: creditCode(10_000 + i + k) },
        }),
      ),
    );
  }
  let updateMs = 0;
  for (let i = 0; i < OPS; i += BATCH) {
    referenceCommits(50);
    updateMs += await pushTimed(
      ids.slice(i, i + BATCH).map((id, k) =>
        op({
          tbl: 'enterprise',
          rowId: id,
          kind: 'update',
          patch: { manager: `经理${i + k}`, address: `济南市历下区经十路${i + k}号` },
          baseVersion: 1,
        }),
      ),
    );
  }
  const refCommitMs = refCommitTotal / refCommits;
  const fill = ref.transaction(() => {
    for (let i = refCommits; i < PULL_ROWS; i++) insert.run(`r${i}`, i, refRow(i));
  });
  fill();
  const replayStarted = performance.now();
  await call('/sync/v1/push', { schemaVersion: SCHEMA_VERSION, clientId, ops: [] }, token);
  const emptyPushMs = performance.now() - replayStarted;

  // Pull: more rows, then pages of 500 from a bootstrap.
  for (let i = OPS; i < PULL_ROWS; i += BATCH)
    await pushTimed(
      Array.from({ length: BATCH }, (_, k) =>
        op({
          tbl: 'enterprise',
          rowId: `bench-ent-${i + k}`,
          kind: 'create',
          patch: { ...enterpriseFields(10_000 + i + k), creditCode: creditCode(10_000 + i + k) },
        }),
      ),
    );
  const select = ref.prepare('SELECT id, seq, data FROM t WHERE seq > ? ORDER BY seq LIMIT ?');
  const refPageTimes: number[] = [];
  const pageTimes: number[] = [];
  for (let round = 0; round < 5; round++) {
    let cursor: string | null = null;
    let from = -1;
    do {
      const refStarted = performance.now();
      const rows = select.all(from, PAGE) as { data: string }[];
      JSON.stringify(rows.map((r) => JSON.parse(r.data) as unknown));
      refPageTimes.push(performance.now() - refStarted);
      from = (from + PAGE) % PULL_ROWS;
      const started = performance.now();
      const page = (await call('/sync/v1/pull', { schemaVersion: SCHEMA_VERSION, clientId, cursor, limit: PAGE }, token)) as {
        cursor: string;
        hasMore: boolean;
        changes: unknown[];
      };
      pageTimes.push(performance.now() - started);
      if (page.changes.length !== PAGE && page.hasMore) throw new Error('short page');
      cursor = page.hasMore ? page.cursor : null;
    } while (cursor);
  }

  const pushPerOp = (createMs + updateMs) / (2 * OPS);
  const pull50 = percentile(pageTimes, 50);
  const ref50 = percentile(refPageTimes, 50);
  console.log(
    `\nPlatform push/pull (in-process HTTP, ${databaseUrl ? 'PostgreSQL' : 'SQLite WAL + synchronous=FULL'}, ${os.cpus().length} cores)`,
  );
  console.log(`  push create       ${fmt(createMs / OPS)} ms/op   (${OPS} ops in batches of ${BATCH})`);
  console.log(`  push update/merge ${fmt(updateMs / OPS)} ms/op`);
  console.log(
    `  push (all)        ${fmt(pushPerOp)} ms/op   target < ${TARGET_PUSH_MS_PER_OP}   reference durable commit ${fmt(refCommitMs)} ms → ${(pushPerOp / refCommitMs).toFixed(2)}×`,
  );
  console.log(`  empty push        ${fmt(emptyPushMs)} ms`);
  console.log(
    `  pull page of ${PAGE}  p50 ${fmt(pull50)} ms, p95 ${fmt(percentile(pageTimes, 95))} ms   reference bare SELECT+JSON p50 ${fmt(ref50)} ms → ${(pull50 / ref50).toFixed(2)}×`,
  );
  console.log(
    `BENCH_SUMMARY ${JSON.stringify({
      bench: 'platform',
      entries: [
        {
          metric: 'push, server ms/op',
          value: pushPerOp,
          targetMs: TARGET_PUSH_MS_PER_OP,
          referenceName: 'bare durable commit',
          reference: refCommitMs,
        },
        { metric: `pull page of ${PAGE} (p50)`, value: pull50, referenceName: 'bare SELECT + JSON', reference: ref50 },
      ],
    })}`,
  );
  ref.close();
  await platform.close();
  fs.rmSync(dir, { recursive: true, force: true });
}

main().catch((err: Error) => {
  console.error(err.stack ?? String(err));
  process.exit(1);
});
