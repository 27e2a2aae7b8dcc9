/**
 * Importing the tea company's folder (a Word document with two pictures, a notes file, six photos
 * from 1920×1080 to 6000×4000 and a broken one) into a fresh site, through the dispatcher.
 * Target: < 3 s. Reference, same run: sharp alone decoding and re-encoding the same photos — the
 * least any import that applies EXIF orientation and strips metadata must do.
 * Run alone: `npx tsx test/bench/siteImport.bench.ts`.
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { startBackend } from '../../electron/backend/app/backend';
import { FIXTURES_DIR } from '../helpers/paths';
import { emitSummary, ms, printTable, ratio, reencodeFloor, stats, tempDir } from './benchUtil';

const MATERIALS = path.join(FIXTURES_DIR, 'materials', 'quancheng-tea');
const ROUNDS = 5;
const TARGET_MS = 3000;

async function call<T>(backend: ReturnType<typeof startBackend>, name: string, input: unknown): Promise<T> {
  const result = await backend.dispatcher.invoke(name, input);
  if (!result.ok) throw new Error(`${name} failed: ${JSON.stringify(result.error)}`);
  return result.value as T;
}

async function importOnce(): Promise<{ ms: number; problems: number; columns: number }> {
  const backend = startBackend({ dataDir: tempDir('ecw-import-bench-'), checkOutputs: true });
  const enterprise = JSON.parse(readFileSync(path.join(MATERIALS, 'enterprise.json'), 'utf8')) as Record<string, unknown>;
  const { id } = await call<{ id: string }>(backend, 'enterprises.create', {
    name: enterprise.name,
    creditCode: enterprise.creditCode,
    industrySection: enterprise.industrySection,
    region: enterprise.region,
    address: enterprise.address,
    contact: enterprise.contact,
    manager: '李经理',
    channel: 'customer_manager',
  });
  const started = performance.now();
  const report = await call<{ problems: unknown[]; columns: unknown[] }>(backend, 'sites.import', { enterpriseId: id, paths: [MATERIALS] });
  const elapsed = performance.now() - started;
  backend.close();
  return { ms: elapsed, problems: report.problems.length, columns: report.columns.length };
}

const floorPhotos = () => {
  const dir = path.join(MATERIALS, 'photos');
  return readdirSync(dir)
    .filter((f) => f !== 'IMG_0042.JPG')
    .map((f) => readFileSync(path.join(dir, f)));
};

async function main() {
  await importOnce(); // warm-up: module loading, font and template caches
  const ours: number[] = [];
  const floor: number[] = [];
  let last = { problems: 0, columns: 0 };
  for (let round = 0; round < ROUNDS; round++) {
    floor.push(await reencodeFloor(floorPhotos()));
    const run = await importOnce();
    ours.push(run.ms);
    last = run;
  }
  const o = stats(ours);
  const f = stats(floor);
  printTable(`Import of materials/quancheng-tea (${ROUNDS} rounds, fresh data folder each)`, [
    { what: 'sites.import (whole folder)', p50: ms(o.p50), max: ms(o.max), target: `< ${TARGET_MS}`, ok: o.max < TARGET_MS ? 'yes' : 'NO' },
    { what: 'reference: sharp re-encoding the photos', p50: ms(f.p50), max: ms(f.max), target: '', ok: '' },
  ]);
  console.log(`\nimport / sharp floor = ${ratio(o.p50, f.p50)} (p50); ${last.columns} columns, ${last.problems} problem(s) reported`);
  emitSummary('siteImport', [
    { metric: 'import fixture folder (p50)', value: o.p50, targetMs: TARGET_MS, referenceName: 'sharp re-encode floor', reference: f.p50 },
  ]);
}

await main();
