/**
 * Search p95 over 100,000 enterprises through the dispatcher (`enterprises.list` with a query, one
 * page of 100 plus the total), by kind of query. Reference, same run, same table: SQLite's
 * `LIKE '%q%'` scan over what a word is looked for in — name, contact's name, province/city/district,
 * credit code and mobile — newest first.
 */
import { rmSync } from 'node:fs';
import { startBackend } from '../../electron/backend/app/backend';
import { normalizeMobile } from '../../shared/domain/mobile';
import { randomSource } from './generateEnterprises';
import { emitSummary, ms, printTable, ratio, seededDataDir, stats } from './benchUtil';

const COUNT = 100_000;
const RUNS = 100;
const REFERENCE_RUNS = 30;
const TARGET_MS = 20;

interface Sample {
  name: string;
  credit_code: string;
  contact_mobile: string;
}

const random = randomSource(42);
const slice = (s: string, length: number) => {
  const core = s.replace(/(集团|股份)?有限(责任)?公司$/u, '');
  const at = Math.floor(random() * Math.max(1, core.length - length + 1));
  return core.slice(at, at + length);
};

const kinds: { kind: string; make: (s: Sample) => string }[] = [
  { kind: 'name, 2 chars', make: (s) => slice(s.name, 2) },
  { kind: 'name, 4 chars', make: (s) => slice(s.name, 4) },
  { kind: 'credit code prefix (10)', make: (s) => s.credit_code.slice(0, 10) },
  { kind: 'credit code, lower case', make: (s) => s.credit_code.toLowerCase() },
  {
    kind: 'mobile +86 138-0013-8000',
    make: (s) => `+86 ${s.contact_mobile.slice(0, 3)}-${s.contact_mobile.slice(3, 7)}-${s.contact_mobile.slice(7)}`,
  },
  { kind: 'mobile, first 7 digits', make: (s) => s.contact_mobile.slice(0, 7) },
  { kind: 'no match', make: () => '无此企业名称' },
];

async function main() {
  const { dir, seedMs } = seededDataDir(COUNT);
  if (seedMs !== null) console.log(`seeded ${COUNT.toLocaleString()} enterprises through the service in ${(seedMs / 1000).toFixed(1)} s`);
  const backend = startBackend({ dataDir: dir, checkOutputs: true });
  const db = backend.database()!;
  const invoke = async (query: string) => {
    const result = await backend.dispatcher.invoke('enterprises.list', { query, limit: 100 });
    if (!result.ok) throw new Error(`enterprises.list failed: ${JSON.stringify(result.error)}`);
    return (result.value as { total: number }).total;
  };
  const reference = db.prepare<{ q: string }, { id: string }>(
    `SELECT id FROM enterprise WHERE name LIKE @q OR contact_name LIKE @q OR province || city || district LIKE @q OR credit_code LIKE @q OR contact_mobile LIKE @q
     ORDER BY updated_at DESC, id DESC`,
  );
  const referenceSearch = (query: string) => {
    let needle = query.trim().toLowerCase();
    if (/^[+\d][\d\s-]*$/.test(needle)) needle = normalizeMobile(needle);
    return reference.all({ q: `%${needle}%` }).length; // the whole match list: its length is the total
  };

  let started = performance.now();
  await invoke('泉城');
  const coldMs = performance.now() - started;

  const samples = db.prepare<[], Sample>('SELECT name, credit_code, contact_mobile FROM enterprise ORDER BY random() LIMIT 1000').all();
  const rows = [];
  const summary = [];
  let disagreements = 0;
  const all: number[] = [];
  const allReference: number[] = [];
  for (const { kind, make } of kinds) {
    const ours: number[] = [];
    const theirs: number[] = [];
    const totals: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const query = make(samples[Math.floor(random() * samples.length)]!);
      started = performance.now();
      const total = await invoke(query);
      ours.push(performance.now() - started);
      totals.push(total);
      if (i < REFERENCE_RUNS) {
        started = performance.now();
        const referenceTotal = referenceSearch(query);
        theirs.push(performance.now() - started);
        if (referenceTotal !== total && !kind.startsWith('mobile +86')) disagreements++;
      }
    }
    const o = stats(ours);
    const r = stats(theirs);
    all.push(...ours);
    allReference.push(...theirs);
    rows.push({
      query: kind,
      'p50 ms': ms(o.p50),
      'p95 ms': ms(o.p95),
      'max ms': ms(o.max),
      'LIKE p95 ms': ms(r.p95),
      'p95 / LIKE': ratio(o.p95, r.p95),
      'median hits': stats(totals).p50,
    });
    summary.push({ metric: `search p95: ${kind}`, value: o.p95, targetMs: TARGET_MS, referenceName: 'LIKE scan p95', reference: r.p95 });
  }
  const overall = stats(all);
  const overallReference = stats(allReference);
  printTable(
    `Search over ${COUNT.toLocaleString()} enterprises via the dispatcher (${RUNS} queries per kind; reference: ${REFERENCE_RUNS} LIKE scans per kind)`,
    rows,
  );
  console.log(
    `\nall kinds: p50 ${ms(overall.p50)} ms, p95 ${ms(overall.p95)} ms (target < ${TARGET_MS} ms); LIKE scan p95 ${ms(overallReference.p95)} ms → ${ratio(overall.p95, overallReference.p95)}`,
  );
  console.log(`first search after start (loads the index): ${ms(coldMs)} ms`);
  console.log(`totals that differ from the LIKE scan: ${disagreements}`);
  emitSummary('search', [
    {
      metric: 'search p95, all kinds',
      value: overall.p95,
      targetMs: TARGET_MS,
      referenceName: 'LIKE scan p95',
      reference: overallReference.p95,
    },
    ...summary.filter((s) => s.metric.includes('name, 2') || s.metric.includes('+86')),
    { metric: 'first search after start (index load)', value: coldMs },
  ]);
  backend.close();
  rmSync(dir, { recursive: true, force: true });
  if (disagreements > 0) throw new Error(`${disagreements} searches disagreed with the LIKE scan`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
