/** Small helpers shared by the benchmarks: percentiles, tables, the summary line, seeded data dirs. */
import { copyFileSync, existsSync, mkdirSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { DATABASE_FILE } from '../../electron/backend/app/backend';
import { seedDataDir } from './generateEnterprises';

export interface Stats {
  n: number;
  p50: number;
  p95: number;
  max: number;
}

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}

export const stats = (values: number[]): Stats => ({
  n: values.length,
  p50: percentile(values, 50),
  p95: percentile(values, 95),
  max: Math.max(...values),
});

export const ms = (value: number) => (value >= 100 ? value.toFixed(0) : value >= 10 ? value.toFixed(1) : value.toFixed(2));
export const ratio = (ours: number, reference: number) => `${(ours / reference).toFixed(2)}×`;

/** Prints rows as an aligned plain-text table (CJK characters count double). */
export function printTable(title: string, rows: Record<string, string | number>[]): void {
  if (rows.length === 0) return;
  const width = (s: string) => [...s].reduce((w, c) => w + (/[\u2e80-\uffef]/.test(c) ? 2 : 1), 0);
  const pad = (s: string, w: number) => s + ' '.repeat(Math.max(0, w - width(s)));
  const keys = Object.keys(rows[0]!);
  const cells = rows.map((r) => keys.map((k) => String(r[k])));
  const widths = keys.map((k, i) => Math.max(width(k), ...cells.map((c) => width(c[i]!))));
  console.log(`\n${title}`);
  console.log(keys.map((k, i) => pad(k, widths[i]!)).join('  '));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const c of cells) console.log(c.map((v, i) => pad(v, widths[i]!)).join('  '));
}

export interface SummaryEntry {
  metric: string;
  /** Milliseconds. */
  value: number;
  targetMs?: number;
  referenceName?: string;
  reference?: number;
}

/** One machine-readable line per bench; scripts/bench.mjs gathers them into the final table. */
export function emitSummary(bench: string, entries: SummaryEntry[]): void {
  console.log(`BENCH_SUMMARY ${JSON.stringify({ bench, entries })}`);
}

export const tempDir = (prefix: string) => mkdtempSync(path.join(os.tmpdir(), prefix));

/**
 * A fresh data dir holding `count` generated enterprises. Under `npm run bench` the seeded file is
 * made once per run (ECW_BENCH_CACHE) and copied — it is closed and checkpointed, so a copy is whole.
 */
export function seededDataDir(count: number): { dir: string; seedMs: number | null } {
  const dir = tempDir('ecw-bench-');
  const cacheRoot = process.env.ECW_BENCH_CACHE;
  if (!cacheRoot) {
    const started = performance.now();
    seedDataDir(dir, count);
    return { dir, seedMs: performance.now() - started };
  }
  const cached = path.join(cacheRoot, `enterprises-${count}`);
  let seedMs: number | null = null;
  if (!existsSync(path.join(cached, DATABASE_FILE))) {
    mkdirSync(cached, { recursive: true });
    const started = performance.now();
    seedDataDir(cached, count);
    seedMs = performance.now() - started;
  }
  copyFileSync(path.join(cached, DATABASE_FILE), path.join(dir, DATABASE_FILE));
  return { dir, seedMs };
}

/**
 * The floor of any photo import: every photo (bytes, or a file sharp reads itself) decoded, oriented
 * and encoded once by sharp alone, two at a time as intake does — the least an import that applies
 * EXIF orientation and strips metadata must do.
 */
export async function reencodeFloor(photos: (Uint8Array | string)[]): Promise<number> {
  const started = performance.now();
  const queue = [...photos];
  await Promise.all(
    [0, 1].map(async () => {
      for (let p = queue.shift(); p; p = queue.shift()) await sharp(p).rotate().jpeg({ quality: 90 }).toBuffer();
    }),
  );
  return performance.now() - started;
}
