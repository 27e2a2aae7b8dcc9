/**
 * Big inputs (issue 9): 300 phone-sized photos (4000×3000, photo-like, each different) and a folder
 * of 200 documents + those 300 photos, imported through the dispatcher.
 * - Memory peak of a 300-photo import: RSS of a fresh process (it hosts the dispatcher and the
 *   workers) sampled every 20 ms, above its RSS just before the import. Reference, same run: sharp
 *   alone re-encoding the same photos two at a time in another fresh process (reencodeFloor).
 * - Responsiveness: a request every 20 ms while the 500 files import, each cycle timed. Reference,
 *   same run: the same requests on the same backend just before, idle.
 * Run alone: `npx tsx test/bench/intakeBulk.bench.ts`.
 */
import { spawn } from 'node:child_process';
import { linkSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { stopReadWorker } from '../../electron/backend/domains/intake/readClient';
import { stopOcrWorker } from '../../electron/backend/infra/ocr/ocrClient';
import { createTestBackend } from '../helpers/backend';
import { answeringWhile } from '../helpers/responsiveness';
import { teaEnterprise } from '../integration/sites/support';
import { buildDocx } from '../fixtures/materials/make/docx';
import { emitSummary, ms, printTable, ratio, reencodeFloor, stats, tempDir } from './benchUtil';
import { benchPhotos } from './sitePhotos';

const DOCUMENTS = 200;
const PHOTOS = 300;
const IDLE_MS = 3000;
const MB = 1024 * 1024;

interface MemoryRun {
  baselineMb: number;
  peakMb: number;
  ms: number;
}

/** A folder of the photos (hard links, no copies) and, when asked, 200 documents: half Word, half text. */
function folderOf(photos: string[], documents: number): string {
  const dir = tempDir('ecw-bulk-');
  photos.forEach((file, i) => linkSync(file, path.join(dir, `IMG_${String(i).padStart(4, '0')}.jpg`)));
  for (let i = 0; i < documents; i++) {
    if (i % 2 === 0)
      writeFileSync(
        path.join(dir, `产品说明${i}.docx`),
        buildDocx([{ p: '产品中心', style: 'heading 1' }, ...Array.from({ length: 20 }, (_, j) => ({ p: `产品${i}-${j} ${j + 10}元` }))]),
      );
    else
      writeFileSync(
        path.join(dir, `新闻${i}.txt`),
        ['新闻动态', ...Array.from({ length: 10 }, (_, j) => `2026-0${(j % 9) + 1}-1${j % 9} 第${i}号店活动${j}圆满结束，感谢光临。`)].join(
          '\n',
        ),
      );
  }
  return dir;
}

/** Runs `work` while sampling this process's RSS; what it reports is measured from just before `work`. */
async function measured(work: () => Promise<unknown>): Promise<MemoryRun> {
  const baseline = process.memoryUsage().rss;
  let peak = baseline;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
  const started = performance.now();
  await work();
  const elapsed = performance.now() - started;
  clearInterval(sampler);
  return { baselineMb: baseline / MB, peakMb: Math.max(peak, process.memoryUsage().rss) / MB, ms: elapsed };
}

/** In a fresh child process: `import` imports the folder into a new backend, `sharp` re-encodes its photos alone. */
async function child(part: 'import' | 'sharp', dir: string): Promise<void> {
  let run: MemoryRun;
  if (part === 'sharp') run = await measured(() => reencodeFloor(readdirSync(dir).map((name) => path.join(dir, name))));
  else {
    const backend = createTestBackend();
    const enterpriseId = await teaEnterprise(backend);
    run = await measured(() => backend.call('sites.import', { enterpriseId, paths: [dir] }));
    backend.cleanup();
  }
  console.log(`MEMORY ${JSON.stringify(run)}`);
  process.exit(0);
}

function inChild(part: 'import' | 'sharp', dir: string): Promise<MemoryRun> {
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), part, dir], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    proc.stdout.on('data', (chunk) => (out += chunk));
    proc.on('exit', (code) => {
      const line = out.split('\n').find((l) => l.startsWith('MEMORY '));
      if (code !== 0 || !line) reject(new Error(`${part} child failed (exit ${code})`));
      else resolve(JSON.parse(line.slice('MEMORY '.length)) as MemoryRun);
    });
  });
}

async function responsiveness(dir: string) {
  const backend = createTestBackend();
  const enterpriseId = await teaEnterprise(backend);
  const idle = await answeringWhile(backend, () => new Promise((resolve) => setTimeout(resolve, IDLE_MS)));
  const loop = monitorEventLoopDelay({ resolution: 10 });
  loop.enable();
  const busy = await answeringWhile(backend, () => backend.call('sites.import', { enterpriseId, paths: [dir] }));
  loop.disable();
  backend.cleanup();
  await stopReadWorker();
  await stopOcrWorker();
  return {
    idle: stats(idle.cycles),
    busy: stats(busy.cycles),
    importMs: busy.workMs,
    report: busy.result,
    loopP99: loop.percentile(99) / 1e6,
    loopMax: loop.max / 1e6,
  };
}

async function main() {
  const { files: photos } = await benchPhotos(PHOTOS);
  const photoDir = folderOf(photos, 0);
  const ours = await inChild('import', photoDir);
  const floor = await inChild('sharp', photoDir);
  const above = (run: MemoryRun) => run.peakMb - run.baselineMb;
  printTable(`Memory of a ${PHOTOS}-photo import (4000×3000 JPEG), each in a fresh process`, [
    {
      what: 'sites.import of the photos',
      'before MB': Math.round(ours.baselineMb),
      'peak MB': Math.round(ours.peakMb),
      'peak above before': Math.round(above(ours)),
      'time ms': ms(ours.ms),
    },
    {
      what: 'reference: sharp alone re-encoding them',
      'before MB': Math.round(floor.baselineMb),
      'peak MB': Math.round(floor.peakMb),
      'peak above before': Math.round(above(floor)),
      'time ms': ms(floor.ms),
    },
  ]);
  console.log(`\nmemory above the start: import / sharp alone = ${ratio(above(ours), above(floor))}; time ${ratio(ours.ms, floor.ms)}`);

  const r = await responsiveness(folderOf(photos, DOCUMENTS));
  printTable(`Import of ${DOCUMENTS} documents + ${PHOTOS} photos while a request is made every 20 ms`, [
    {
      what: 'import',
      value: `${ms(r.importMs)} ms`,
      note: `${r.report.columns.reduce((n, col) => n + col.items, 0)} items, ${r.report.problems.length} problems`,
    },
    {
      what: 'request cycle during the import',
      value: `p50 ${ms(r.busy.p50)} ms, p95 ${ms(r.busy.p95)} ms, max ${ms(r.busy.max)} ms`,
      note: `${r.busy.n} answered`,
    },
    {
      what: 'reference: request cycle idle, before',
      value: `p50 ${ms(r.idle.p50)} ms, p95 ${ms(r.idle.p95)} ms, max ${ms(r.idle.max)} ms`,
      note: `${r.idle.n} answered`,
    },
    { what: 'event-loop delay during the import', value: `p99 ${ms(r.loopP99)} ms, max ${ms(r.loopMax)} ms`, note: '' },
  ]);
  console.log(`\nrequest cycle during the import / idle: p50 ${ratio(r.busy.p50, r.idle.p50)}, p95 ${ratio(r.busy.p95, r.idle.p95)}`);
  emitSummary('intakeBulk', [
    { metric: `import ${PHOTOS} photos (12 MP)`, value: ours.ms, referenceName: 'sharp alone', reference: floor.ms },
    { metric: `import ${DOCUMENTS} docs + ${PHOTOS} photos`, value: r.importMs },
    { metric: 'request cycle during import (p95)', value: r.busy.p95, referenceName: 'idle, same backend', reference: r.idle.p95 },
  ]);
}

const [part, dir] = process.argv.slice(2);
if (part === 'import' || part === 'sharp') await child(part, dir!);
else await main();
