/**
 * Rebuilding after editing one item, on the generated site of 1,000 items and 200 photos (derived
 * sizes cached). Two paths, both timed per edit:
 * - the editor's live preview: the compiler of shared/sites/ kept warm with immutable content
 *   updates, as the site builder's preview runs it in the window — target < 50 ms;
 * - the backend: the edit saved through the dispatcher (`sites.updateItem`), then `sites.build`
 *   (cached picture sizes, the compile worker's warm compiler, manifest + report back).
 * Reference, same run: a cold build of the same content. Run alone: `npx tsx test/bench/siteRebuild.bench.ts`.
 */
import { prepareAssets } from '../../electron/backend/domains/sites/build';
import { getSite } from '../../electron/backend/domains/sites/service';
import { createCompiler } from '../../shared/sites/compile';
import type { Item, SiteContent } from '../../shared/sites/model';
import { templateFor } from '../../shared/sites/templates/catalog';
import { emitSummary, ms, printTable, ratio, stats } from './benchUtil';
import { benchSite } from './siteFixture';

const EDITS = 40;
const TARGET_MS = 50;

type Product = Extract<Item, { kind: 'product' }>;
const edited = (product: Product, i: number): Product => ({
  ...product,
  description: [{ type: 'paragraph', runs: [{ text: `第${i}次修改：新茶上市，欢迎品尝。` }] }],
});

/** The content with one item replaced, as an immutable update (unchanged parts keep their identity). */
function withItem(content: SiteContent, item: Item): SiteContent {
  const columns = content.columns.map((column) => {
    const index = column.items.findIndex((i) => i.id === item.id);
    if (index < 0) return column;
    const items = column.items.slice();
    items[index] = item;
    return { ...column, items };
  });
  return { ...content, columns };
}

async function main() {
  const site = await benchSite(1000, 200);
  console.log(`set up a site of 1,000 items and 200 photos (derived sizes cached) in ${(site.setupMs / 1000).toFixed(1)} s`);
  const call = async (name: string, input: unknown) => {
    const result = await site.backend.dispatcher.invoke(name, input);
    if (!result.ok) throw new Error(`${name} failed: ${JSON.stringify(result.error)}`);
    return result.value;
  };

  let content = getSite(site.ctx, site.siteId).content;
  const { resolver } = await prepareAssets(site.ctx, content);
  const coldStarted = performance.now();
  createCompiler().compile(content, templateFor(content), resolver);
  const coldMs = performance.now() - coldStarted;

  // The editor opened the site: its compiler and the backend's are warm.
  const editor = createCompiler({ immutableContent: true });
  editor.compile(content, templateFor(content), resolver);
  await call('sites.build', { siteId: site.siteId });

  const products = content.columns.find((c) => c.type === 'products')!.items.filter((i): i is Product => i.kind === 'product');
  const edits = Array.from({ length: EDITS }, (_, i) => edited(products[(i * 37) % products.length]!, i));
  // The preview runs in the window's process, the backend in its own: timed apart, as they run.
  const preview: number[] = [];
  for (const item of edits) {
    content = withItem(content, item);
    const started = performance.now();
    editor.compile(content, templateFor(content), resolver);
    preview.push(performance.now() - started);
  }
  const saves: number[] = [];
  const builds: number[] = [];
  for (const item of edits) {
    let started = performance.now();
    await call('sites.updateItem', { siteId: site.siteId, itemId: item.id, item });
    saves.push(performance.now() - started);
    started = performance.now();
    await call('sites.build', { siteId: site.siteId });
    builds.push(performance.now() - started);
  }
  const check = JSON.stringify(
    createCompiler()
      .compile(content, templateFor(content), resolver)
      .files.map((f) => [f.path, f.content]),
  );
  if (check !== JSON.stringify(editor.compile(content, templateFor(content), resolver).files.map((f) => [f.path, f.content])))
    throw new Error('the incremental rebuild differs from a cold build');

  const p = stats(preview);
  const b = stats(builds);
  const s = stats(saves);
  printTable(`Edit one item of 1,000, then rebuild all four channels (${EDITS} edits)`, [
    {
      what: 'live preview rebuild (compiler, immutable edits)',
      p50: ms(p.p50),
      p95: ms(p.p95),
      max: ms(p.max),
      target: `< ${TARGET_MS}`,
      ok: p.p95 < TARGET_MS ? 'yes' : 'NO',
    },
    {
      what: 'backend sites.build after the save (worker, manifest + report)',
      p50: ms(b.p50),
      p95: ms(b.p95),
      max: ms(b.max),
      target: '',
      ok: '',
    },
    {
      what: 'saving the edit (sites.updateItem: validation + outbox + audit)',
      p50: ms(s.p50),
      p95: ms(s.p95),
      max: ms(s.max),
      target: '',
      ok: '',
    },
    { what: 'reference: cold build of the same site', p50: ms(coldMs), p95: '', max: '', target: '', ok: '' },
  ]);
  console.log(`\nlive preview rebuild / cold build = ${ratio(p.p50, coldMs)}`);
  emitSummary('siteRebuild', [
    {
      metric: 'live preview rebuild after editing one item (p95)',
      value: p.p95,
      targetMs: TARGET_MS,
      referenceName: 'cold build',
      reference: coldMs,
    },
    { metric: 'backend sites.build after an edit (p95)', value: b.p95 },
    { metric: 'save one item edit (p50)', value: s.p50 },
  ]);
  site.backend.close();
}

await main();
