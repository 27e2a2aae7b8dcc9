/**
 * Importing each folder of the intake corpus into a fresh site through the dispatcher (conversion
 * in the read worker, OCR in the OCR worker), the largest one — by files and bytes — reported as
 * the headline. Every folder is imported once first, so the workers have loaded every reader
 * (pdf.js, exceljs, the OCR models) and the numbers are the import's own.
 * Run alone: `npx tsx test/bench/intakeCorpus.bench.ts`.
 */
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { stopReadWorker } from '../../electron/backend/domains/intake/readClient';
import { stopOcrWorker } from '../../electron/backend/infra/ocr/ocrClient';
import { createTestBackend } from '../helpers/backend';
import { CORPUS_DIR, corpusFolders, importFolder } from '../helpers/corpus';
import { emitSummary, ms, printTable, stats } from './benchUtil';

const ROUNDS = 3;

function size(dir: string): { files: number; bytes: number } {
  let files = 0;
  let bytes = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      const inner = size(full);
      files += inner.files;
      bytes += inner.bytes;
    } else {
      files++;
      bytes += statSync(full).size;
    }
  }
  return { files, bytes };
}

async function importOnce(folder: string): Promise<number> {
  const backend = createTestBackend();
  try {
    return (await importFolder(backend, CORPUS_DIR, folder)).ms;
  } finally {
    backend.cleanup();
  }
}

async function main() {
  const folders = corpusFolders(CORPUS_DIR).map((folder) => ({ folder, ...size(path.join(CORPUS_DIR, folder)) }));
  const largest = [...folders].sort((a, b) => b.files - a.files || b.bytes - a.bytes)[0]!;
  for (const { folder } of folders) await importOnce(folder); // warm-up: workers started, readers and models loaded
  const rows = [];
  let headline = 0;
  for (const { folder, files, bytes } of folders) {
    const runs: number[] = [];
    for (let round = 0; round < (folder === largest.folder ? ROUNDS : 1); round++) runs.push(await importOnce(folder));
    const p50 = stats(runs).p50;
    if (folder === largest.folder) headline = p50;
    rows.push({ folder: folder === largest.folder ? `${folder} (largest)` : folder, files, 'KB': Math.round(bytes / 1024), 'import ms': ms(p50) });
  }
  await stopReadWorker();
  await stopOcrWorker();
  printTable('Import of the intake corpus folders (warm workers; fresh data folder each)', rows);
  console.log(`\nlargest folder ${largest.folder}: ${ms(headline)} ms (p50 of ${ROUNDS})`);
  emitSummary('intakeCorpus', [{ metric: `import ${largest.folder} (p50)`, value: headline }]);
}

await main();
