/**
 * Save-enterprise p95 with synchronous=FULL, through the dispatcher, on a database already holding
 * 100,000 enterprises: creates, then edits. Reference, same run, same disk: a bare single-row INSERT
 * transaction in WAL mode with synchronous=FULL — the cost of one durable commit. Each save is
 * timed right after a reference commit, so both see the same disk and load.
 */
import path from 'node:path';
import { rmSync } from 'node:fs';
import Database from 'better-sqlite3';
import { startBackend } from '../../electron/backend/app/backend';
import { enterpriseInput } from './generateEnterprises';
import { emitSummary, ms, printTable, ratio, seededDataDir, stats } from './benchUtil';

const COUNT = 100_000;
const SAVES = 300;
const WARMUP = 20;
const TARGET_MS = 10;

async function main() {
  const { dir, seedMs } = seededDataDir(COUNT);
  if (seedMs !== null) console.log(`seeded ${COUNT.toLocaleString()} enterprises through the service in ${(seedMs / 1000).toFixed(1)} s`);
  const backend = startBackend({ dataDir: dir, checkOutputs: true });
  const synchronous = backend.database()!.pragma('synchronous', { simple: true });
  if (synchronous !== 2) throw new Error(`the app's database is not synchronous=FULL (${String(synchronous)})`);

  const referenceDb = new Database(path.join(dir, 'reference.sqlite'));
  referenceDb.pragma('journal_mode = WAL');
  referenceDb.pragma('synchronous = FULL');
  referenceDb.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT NOT NULL)');
  const insert = referenceDb.prepare('INSERT INTO t (v) VALUES (?)');
  const bareCommit = referenceDb.transaction((v: string) => insert.run(v));

  const timed = async <T>(work: () => T | Promise<T>): Promise<[number, T]> => {
    const started = performance.now();
    const value = await work();
    return [performance.now() - started, value];
  };
  const call = async (name: string, input: unknown) => {
    const result = await backend.dispatcher.invoke(name, input);
    if (!result.ok) throw new Error(`${name} failed: ${JSON.stringify(result.error)}`);
    return result.value as { id: string };
  };

  const creates: number[] = [];
  const edits: number[] = [];
  const reference: number[] = [];
  const ids: string[] = [];
  for (let i = 0; i < WARMUP + SAVES; i++) {
    const [refMs] = await timed(() => bareCommit(`row ${i}`));
    const [createMs, created] = await timed(() => call('enterprises.create', enterpriseInput(COUNT + i)));
    ids.push(created.id);
    if (i >= WARMUP) {
      reference.push(refMs);
      creates.push(createMs);
    }
  }
  for (let i = 0; i < SAVES; i++) {
    const [refMs] = await timed(() => bareCommit(`edit ${i}`));
    const id = ids[i]!;
    const [editMs] = await timed(() => call('enterprises.update', { id, fields: { ...enterpriseInput(COUNT + i), manager: `经理${i}` } }));
    reference.push(refMs);
    edits.push(editMs);
  }

  const c = stats(creates);
  const e = stats(edits);
  const r = stats(reference);
  printTable(`Saving an enterprise (synchronous=FULL, ${COUNT.toLocaleString()} already stored, ${SAVES} of each)`, [
    {
      operation: 'enterprises.create via dispatcher',
      'p50 ms': ms(c.p50),
      'p95 ms': ms(c.p95),
      'max ms': ms(c.max),
      'p95 / bare commit': ratio(c.p95, r.p95),
    },
    {
      operation: 'enterprises.update via dispatcher',
      'p50 ms': ms(e.p50),
      'p95 ms': ms(e.p95),
      'max ms': ms(e.max),
      'p95 / bare commit': ratio(e.p95, r.p95),
    },
    {
      operation: 'reference: bare 1-row INSERT commit',
      'p50 ms': ms(r.p50),
      'p95 ms': ms(r.p95),
      'max ms': ms(r.max),
      'p95 / bare commit': '1.00×',
    },
  ]);
  emitSummary('save', [
    { metric: 'save p95: create', value: c.p95, targetMs: TARGET_MS, referenceName: 'bare commit p95', reference: r.p95 },
    { metric: 'save p95: edit', value: e.p95, targetMs: TARGET_MS, referenceName: 'bare commit p95', reference: r.p95 },
  ]);
  referenceDb.close();
  backend.close();
  rmSync(dir, { recursive: true, force: true });
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
