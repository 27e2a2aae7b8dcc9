/**
 * Rebuilding after editing one item, on the generated site of 1,000 items and 200 photos: the edit
 * is saved through the dispatcher (`sites.updateItem`), then the site is rebuilt as the editor's
 * preview does (`buildSite`: cached picture sizes, then the compile worker's compiler for this site
 * reusing unchanged pages; the answer is the manifest and report, as `sites.build` returns).
 * Target: rebuild < 50 ms. Reference, same run: a cold build of the same content.
 * Run alone: `npx tsx test/bench/siteRebuild.bench.ts`.
 */
import { buildSite } from '../../electron/backend/sites/build';
import { getSite } from '../../electron/backend/sites/service';
import type { Item } from '../../shared/sites/model';
import { emitSummary, ms, printTable, ratio, stats } from './benchUtil';
import { benchSite } from './siteFixture';

const EDITS = 30;
const TARGET_MS = 50;

async function main() {
  const site = await benchSite(1000, 200);
  console.log(`set up a site of 1,000 items and 200 photos (derived sizes cached) in ${(site.setupMs / 1000).toFixed(1)} s`);
  const call = async (name: string, input: unknown) => {
    const result = await site.backend.dispatcher.invoke(name, input);
    if (!result.ok) throw new Error(`${name} failed: ${JSON.stringify(result.error)}`);
    return result.value;
  };

  const coldStarted = performance.now();
  await buildSite(site.ctx, `cold-${site.siteId}`, getSite(site.ctx, site.siteId).content);
  const coldMs = performance.now() - coldStarted;
  await buildSite(site.ctx, site.siteId, getSite(site.ctx, site.siteId).content); // the editor opened the site: its compiler is warm

  const products = getSite(site.ctx, site.siteId).content.columns.find((c) => c.type === 'products')!.items.filter((i): i is Extract<Item, { kind: 'product' }> => i.kind === 'product');
  const saves: number[] = [];
  const rebuilds: number[] = [];
  /** CPU time of this process: what the rebuild costs when other programs are not competing for the cores. */
  const rebuildCpu: number[] = [];
  let last: Awaited<ReturnType<typeof buildSite>> | undefined;
  for (let i = 0; i < EDITS; i++) {
    const product = products[(i * 37) % products.length]!;
    const edited = { ...product, description: [{ type: 'paragraph' as const, runs: [{ text: `第${i}次修改：新茶上市，欢迎品尝。` }] }] };
    const saveStarted = performance.now();
    await call('sites.updateItem', { siteId: site.siteId, itemId: product.id, item: edited });
    saves.push(performance.now() - saveStarted);
    const content = getSite(site.ctx, site.siteId).content;
    const started = performance.now();
    const cpu = process.cpuUsage();
    const rebuilt = await buildSite(site.ctx, site.siteId, content);
    rebuilds.push(performance.now() - started);
    const used = process.cpuUsage(cpu);
    rebuildCpu.push((used.user + used.system) / 1000);
    last = rebuilt;
  }
  // The reused pages must be exactly what a cold build of the edited site gives.
  const cold = await buildSite(site.ctx, `check-${site.siteId}`, getSite(site.ctx, site.siteId).content);
  if (JSON.stringify(cold.answer) !== JSON.stringify(last?.answer)) throw new Error('the incremental rebuild differs from a cold build');
  const r = stats(rebuilds);
  const c = stats(rebuildCpu);
  const s = stats(saves);
  printTable(`Edit one item of 1,000, then rebuild all four channels (${EDITS} edits)`, [
    { what: 'rebuild (cached pictures, unchanged pages reused)', p50: ms(r.p50), p95: ms(r.p95), max: ms(r.max), target: `< ${TARGET_MS}`, ok: r.p95 < TARGET_MS ? 'yes' : 'NO' },
    { what: 'rebuild, CPU time of this process', p50: ms(c.p50), p95: ms(c.p95), max: ms(c.max), target: '', ok: '' },
    { what: 'reference: cold build of the same site', p50: ms(coldMs), p95: '', max: '', target: '', ok: '' },
    { what: 'saving the edit (sites.updateItem, validation + outbox + audit)', p50: ms(s.p50), p95: ms(s.p95), max: ms(s.max), target: '', ok: '' },
  ]);
  console.log(`\nrebuild / cold build = ${ratio(r.p50, coldMs)}`);
  emitSummary('siteRebuild', [
    { metric: 'rebuild after editing one item (p95)', value: r.p95, targetMs: TARGET_MS, referenceName: 'cold build', reference: coldMs },
    { metric: 'rebuild after editing one item, CPU (p95)', value: c.p95, targetMs: TARGET_MS },
    { metric: 'save one item edit (p50)', value: s.p50 },
  ]);
  site.backend.close();
}

await main();
