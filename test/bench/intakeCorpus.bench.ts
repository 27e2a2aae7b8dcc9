/**
 * Importing each folder of the intake corpus into a fresh site through the dispatcher (conversion
 * in the read worker, OCR in the OCR worker), the largest one — by files and bytes — reported as
 * the headline. Every folder is imported once first, so the workers have loaded every reader
 * (pdf.js, exceljs, the OCR models) and the numbers are the import's own.
 * Reference, same run, for the largest folder: the libraries alone on its files — sharp re-encoding
 * its photos (reencodeFloor) and the OCR engine reading its photographed pages. What the import
 * takes beyond that is ours: conversion, structuring, matching, the transaction.
 * Run alone: `npx tsx test/bench/intakeCorpus.bench.ts`.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { stopReadWorker } from '../../electron/backend/domains/intake/readClient';
import { recognizeText, stopOcrWorker } from '../../electron/backend/infra/ocr/ocrClient';
import { createTestBackend } from '../helpers/backend';
import { CORPUS_DIR, corpusFolders, importFolder, readExpected } from '../helpers/corpus';
import { emitSummary, ms, printTable, ratio, reencodeFloor, stats } from './benchUtil';

const ROUNDS = 3;
const PHOTO = /\.(jpe?g|png|gif|webp)$/i;

function filesIn(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? filesIn(full) : [full];
  });
}

async function importOnce(folder: string): Promise<number> {
  const backend = createTestBackend();
  try {
    return (await importFolder(backend, CORPUS_DIR, folder)).ms;
  } finally {
    backend.cleanup();
  }
}

/** The libraries alone on the folder: photos re-encoded two at a time, then its pages read by OCR. */
async function librariesAlone(folder: string): Promise<number> {
  const files = filesIn(path.join(CORPUS_DIR, folder));
  const pages = new Set(readExpected(CORPUS_DIR, folder).pages);
  const started = performance.now();
  await reencodeFloor(files.filter((f) => PHOTO.test(f)).map((f) => readFileSync(f)));
  for (const file of files.filter((f) => pages.has(path.basename(f)))) await recognizeText(readFileSync(file));
  return performance.now() - started;
}

async function main() {
  const folders = corpusFolders(CORPUS_DIR).map((folder) => {
    const files = filesIn(path.join(CORPUS_DIR, folder));
    return { folder, files: files.length, bytes: files.reduce((n, f) => n + statSync(f).size, 0) };
  });
  const largest = [...folders].sort((a, b) => b.files - a.files || b.bytes - a.bytes)[0]!;
  for (const { folder } of folders) await importOnce(folder); // warm-up: workers started, readers and models loaded
  const rows = [];
  const ours: number[] = [];
  const floor: number[] = [];
  for (const { folder, files, bytes } of folders) {
    if (folder !== largest.folder) {
      rows.push({ folder, files, KB: Math.round(bytes / 1024), 'import ms': ms(await importOnce(folder)), 'libraries alone ms': '' });
      continue;
    }
    for (let round = 0; round < ROUNDS; round++) {
      floor.push(await librariesAlone(folder));
      ours.push(await importOnce(folder));
    }
    rows.push({
      folder: `${folder} (largest)`,
      files,
      KB: Math.round(bytes / 1024),
      'import ms': ms(stats(ours).p50),
      'libraries alone ms': ms(stats(floor).p50),
    });
  }
  await stopReadWorker();
  await stopOcrWorker();
  printTable('Import of the intake corpus folders (warm workers; fresh data folder each)', rows);
  const o = stats(ours).p50;
  const f = stats(floor).p50;
  console.log(
    `\nlargest folder ${largest.folder}: ${ms(o)} ms (p50 of ${ROUNDS}); the libraries alone on its files ${ms(f)} ms → ${ratio(o, f)}`,
  );
  emitSummary('intakeCorpus', [
    { metric: `import ${largest.folder} (p50)`, value: o, referenceName: 'sharp + OCR alone on its files', reference: f },
  ]);
}

await main();
