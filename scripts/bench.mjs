// `npm run bench [-- filter…]`: runs each test/bench/*.bench.ts (whose name contains a filter) with
// tsx, one after another, shows their output, then one summary table of every bench's numbers.
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const benchDir = path.join(root, 'test', 'bench');
const filters = process.argv.slice(2);
const files = readdirSync(benchDir)
  .filter((f) => f.endsWith('.bench.ts') && (filters.length === 0 || filters.some((x) => f.includes(x))))
  .sort();

function run(file, cache) {
  return new Promise((resolve) => {
    const summaries = [];
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(benchDir, file)], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'inherit'],
      env: { ...process.env, ECW_BENCH_CACHE: cache },
    });
    let buffer = '';
    child.stdout.on('data', (chunk) => {
      buffer += chunk;
      const lines = buffer.split('\n');
      buffer = lines.pop();
      for (const line of lines) {
        if (line.startsWith('BENCH_SUMMARY ')) summaries.push(JSON.parse(line.slice('BENCH_SUMMARY '.length)));
        else process.stdout.write(`${line}\n`);
      }
    });
    child.on('exit', (code) => resolve({ code, summaries }));
  });
}

const fmt = (v) => (v === undefined || v === null ? '' : v >= 100 ? v.toFixed(0) : v.toFixed(1));

function printSummary(results) {
  const rows = results.flatMap(({ file, code, summaries }) =>
    code !== 0
      ? [[file, 'FAILED (see above)', '', '', '', '', '']]
      : summaries.flatMap(({ bench, entries }) =>
          entries.map((e) => [
            bench,
            e.metric,
            `${fmt(e.value)} ms`,
            e.targetMs ? `< ${e.targetMs} ms` : '',
            e.targetMs ? (e.value < e.targetMs ? 'yes' : 'NO') : '',
            e.reference !== undefined ? `${fmt(e.reference)} ms (${e.referenceName})` : '',
            e.reference ? `${(e.value / e.reference).toFixed(2)}×` : '',
          ]),
        ),
  );
  const head = ['bench', 'metric', 'value', 'target', 'met', 'reference (same run)', 'value/ref'];
  const width = (s) => [...s].reduce((w, c) => w + (/[\u2e80-\uffef]/.test(c) ? 2 : 1), 0);
  const widths = head.map((h, i) => Math.max(width(h), ...rows.map((r) => width(r[i]))));
  const line = (cells) => cells.map((c, i) => c + ' '.repeat(widths[i] - width(c))).join('  ');
  console.log(`\n=== Benchmark summary (${os.cpus().length} cores, ${os.cpus()[0]?.model ?? 'unknown CPU'}, Node ${process.version}) ===`);
  console.log(line(head));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  rows.forEach((r) => console.log(line(r)));
}

const cache = mkdtempSync(path.join(os.tmpdir(), 'ecw-bench-cache-'));
const results = [];
try {
  for (const file of files) {
    console.log(`\n▶ ${file}`);
    const started = Date.now();
    const result = await run(file, cache);
    console.log(
      `  ${file}: ${result.code === 0 ? 'done' : `FAILED (exit ${result.code})`} in ${((Date.now() - started) / 1000).toFixed(1)} s`,
    );
    results.push({ file, ...result });
  }
} finally {
  rmSync(cache, { recursive: true, force: true });
}
printSummary(results);
process.exit(results.some((r) => r.code !== 0) ? 1 : 0);
