/**
 * A folder of 200 documents and 300 photos (issue 9 "big inputs stay responsive"): imported through
 * the dispatcher while a request is made every 20 ms. Reports the import time, the memory peak
 * (RSS of this process, which hosts the dispatcher and the workers), the event-loop delay during the
 * import and how quickly the other requests were answered.
 * Run alone: `npx tsx test/bench/intakeBulk.bench.ts`.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import sharp from 'sharp';
import { stopReadWorker } from '../../electron/backend/domains/intake/readClient';
import { stopOcrWorker } from '../../electron/backend/infra/ocr/ocrClient';
import { createTestBackend } from '../helpers/backend';
import { answeringWhile } from '../helpers/responsiveness';
import { teaEnterprise } from '../integration/sites/support';
import { buildDocx } from '../fixtures/materials/make/docx';
import { emitSummary, ms, printTable, stats, tempDir } from './benchUtil';

const DOCUMENTS = 200;
const PHOTOS = 300;

async function folder(): Promise<string> {
  const dir = tempDir('ecw-bulk-');
  for (let i = 0; i < DOCUMENTS; i++) {
    if (i % 2 === 0)
      writeFileSync(path.join(dir, `产品说明${i}.docx`), buildDocx([{ p: '产品中心', style: 'heading 1' }, ...Array.from({ length: 20 }, (_, j) => ({ p: `产品${i}-${j} ${j + 10}元` }))]));
    else writeFileSync(path.join(dir, `新闻${i}.txt`), ['新闻动态', ...Array.from({ length: 10 }, (_, j) => `2026-0${(j % 9) + 1}-1${j % 9} 第${i}号店活动${j}圆满结束，感谢光临。`)].join('\n'));
  }
  // Phone-sized photos (12 MP): what a folder of customer photos holds.
  const base = await sharp({ create: { width: 4000, height: 3000, channels: 3, background: { r: 120, g: 140, b: 90 } } }).jpeg({ quality: 85 }).toBuffer();
  for (let i = 0; i < PHOTOS; i++) writeFileSync(path.join(dir, `IMG_${String(i).padStart(4, '0')}_${i}.jpg`), base);
  return dir;
}

async function main() {
  const dir = await folder();
  const backend = createTestBackend();
  const enterpriseId = await teaEnterprise(backend);
  let peak = process.memoryUsage().rss;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
  const loop = monitorEventLoopDelay({ resolution: 10 });
  loop.enable();
  const { result: report, workMs: importMs, cycles } = await answeringWhile(backend, () => backend.call('sites.import', { enterpriseId, paths: [dir] }));
  loop.disable();
  clearInterval(sampler);
  backend.cleanup();
  await stopReadWorker();
  await stopOcrWorker();
  const c = stats(cycles);
  printTable(`Import of ${DOCUMENTS} documents + ${PHOTOS} photos (12 MP) while a request is made every 20 ms`, [
    { what: 'import', value: `${ms(importMs)} ms`, note: `${report.columns.reduce((n, col) => n + col.items, 0)} items, ${report.problems.length} problems` },
    { what: 'memory peak (RSS)', value: `${Math.round(peak / 1024 / 1024)} MB`, note: 'dispatcher + read worker + OCR worker' },
    { what: 'event-loop delay', value: `p99 ${ms(loop.percentile(99) / 1e6)} ms, max ${ms(loop.max / 1e6)} ms`, note: '' },
    { what: 'request cycle (20 ms timer + call)', value: `p50 ${ms(c.p50)} ms, p95 ${ms(c.p95)} ms, max ${ms(c.max)} ms`, note: `${c.n} answered` },
  ]);
  emitSummary('intakeBulk', [
    { metric: `import ${DOCUMENTS} docs + ${PHOTOS} photos`, value: importMs },
    { metric: 'request cycle during import (p95)', value: c.p95 },
  ]);
}

await main();
