/**
 * The enterprise list at 5,000 enterprises (issue 8 item 17): each kind of search, filter and order
 * through the dispatcher (`enterprises.list`, a page of 100 plus the total), p50/p95 per kind, and the
 * first pinyin-initials search (which works out the initials of every name). A fifth of the
 * enterprises hold an active plan (signed opening orders), a tenth a platform status.
 */
import { rmSync } from 'node:fs';
import { startBackend } from '../../electron/backend/app/backend';
import { pinyin } from 'pinyin-pro';
import { randomSource } from './generateEnterprises';
import { emitSummary, ms, printTable, seededDataDir, stats } from './benchUtil';

const COUNT = 5_000;
const RUNS = 200;
const TARGET_MS = 20;

interface Sample {
  id: string;
  name: string;
  contact_name: string;
  city: string;
  district: string;
}

const random = randomSource(7);
const pick = <T>(list: T[]): T => list[Math.floor(random() * list.length)]!;
const initials = (name: string, length: number) =>
  pinyin(name.slice(0, length), { pattern: 'first', toneType: 'none', type: 'array' }).join('');
const TRADES = ['科技', '贸易', '机械', '物流', '食品', '餐饮', '医药', '建设'];

/** Gives some enterprises an opening order and some a platform status, as signing and syncing would have. */
function seedPlansAndStatuses(db: import('better-sqlite3').Database, ids: string[]): void {
  const order = db.prepare(
    `INSERT INTO service_order (id, enterprise_id, kind, plan_code, request_date, effective_date, status, quote_json, catalog_version, created_by, created_at, signed_at)
     VALUES (?, ?, 'open', ?, '2026-01-05', '2026-01-05', 'signed', '{}', 1, '李敏', '2026-01-05T01:00:00Z', '2026-01-05T01:00:00Z')`,
  );
  const status = db.prepare('UPDATE enterprise SET platform_status = ? WHERE id = ?');
  db.transaction(() => {
    ids.forEach((id, i) => {
      if (i % 5 === 0) order.run(`bench-order-${i}`, id, i % 10 === 0 ? 'site-standard' : 'site-business');
      if (i % 10 === 3) status.run(i % 20 === 3 ? 'opened' : 'registered', id);
    });
  })();
}

async function main() {
  const { dir } = seededDataDir(COUNT);
  const backend = startBackend({ dataDir: dir, checkOutputs: true });
  const db = backend.database()! as unknown as import('better-sqlite3').Database;
  const samples = db.prepare<[], Sample>('SELECT id, name, contact_name, city, district FROM enterprise').all();
  seedPlansAndStatuses(
    db,
    samples.map((s) => s.id),
  );
  const list = async (input: Record<string, unknown>) => {
    const result = await backend.dispatcher.invoke('enterprises.list', { limit: 100, ...input });
    if (!result.ok) throw new Error(`enterprises.list failed: ${JSON.stringify(result.error)}`);
    return (result.value as { total: number }).total;
  };
  await list({}); // the first page, as the app opens

  let started = performance.now();
  const firstTotal = await list({ query: initials(samples[0]!.name, 4) });
  const firstInitialsMs = performance.now() - started;

  const kinds: { kind: string; input: () => Record<string, unknown> }[] = [
    { kind: 'name, 2 chars', input: () => ({ query: pick(samples).name.slice(2, 4) }) },
    { kind: 'two words: city + trade', input: () => ({ query: `${pick(samples).city.replace(/市$/, '')} ${pick(TRADES)}` }) },
    { kind: 'contact name', input: () => ({ query: pick(samples).contact_name }) },
    { kind: 'district', input: () => ({ query: pick(samples).district }) },
    { kind: 'pinyin initials, 4 letters', input: () => ({ query: initials(pick(samples).name, 4) }) },
    { kind: 'status filter', input: () => ({ status: pick(['local', 'registered', 'opened']) }) },
    { kind: 'plan filter', input: () => ({ planCode: pick(['site-standard', 'site-business', 'none']) }) },
    { kind: 'sorted by name, no query', input: () => ({ sort: 'name' }) },
    { kind: 'words + plan + sorted by name', input: () => ({ query: pick(TRADES), planCode: 'none', sort: 'name' }) },
  ];
  const rows = [];
  const all: number[] = [];
  const summary = [];
  for (const { kind, input } of kinds) {
    const times: number[] = [];
    const totals: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const query = input();
      started = performance.now();
      totals.push(await list(query));
      times.push(performance.now() - started);
    }
    const s = stats(times);
    all.push(...times);
    rows.push({ kind, 'p50 ms': ms(s.p50), 'p95 ms': ms(s.p95), 'max ms': ms(s.max), 'median hits': stats(totals).p50 });
    summary.push({ metric: `list p95 at 5,000: ${kind}`, value: s.p95, targetMs: TARGET_MS });
  }
  const overall = stats(all);
  printTable(
    `The enterprise list over ${COUNT.toLocaleString()} enterprises via the dispatcher (${RUNS} runs per kind, one page of 100 and the total)`,
    rows,
  );
  console.log(`\nall kinds: p50 ${ms(overall.p50)} ms, p95 ${ms(overall.p95)} ms (target < ${TARGET_MS} ms)`);
  console.log(`first pinyin-initials search (works out every name's initials): ${ms(firstInitialsMs)} ms, ${firstTotal} found`);
  emitSummary('listSearch', [
    { metric: 'list p95 at 5,000, all kinds', value: overall.p95, targetMs: TARGET_MS },
    ...summary.filter((s) => /two words|pinyin|plan filter/.test(s.metric)),
    { metric: 'first pinyin-initials search at 5,000', value: firstInitialsMs },
  ]);
  backend.close();
  rmSync(dir, { recursive: true, force: true });
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
