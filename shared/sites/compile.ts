/**
 * compile(content, template, assets) → files + report, for WEB, WAP 2.0, WAP 1.0 and SMS.
 * Pure and deterministic. `createCompiler()` keeps the output of every page keyed by its inputs, so a
 * rebuild after an edit renders only the pages whose inputs changed.
 */
import type { AssetResolver, ImageVariant } from './assets';
import { buildContext, createVersions, pruneVersions, type CompileOptions, type SiteContext } from './context';
import { contentKey, JobSink, sameKey, type AssetUse, type ChannelPlan, type Job, type JobOutput, type OutputFile, type Unit } from './job';
import { lintPlan } from './lint';
import { CHANNELS, type Channel, type Column, type SiteContent } from './model';
import { sortFindings, type PageStat, type Report } from './report';
import { smsPlan } from './sms/menu';
import type { SiteTemplate } from './templates/types';
import { wap1Plan } from './wap1/pages';
import { wap2Plan } from './wap2/pages';
import { webPlan } from './web/pages';

export interface CompileResult {
  /** Sorted by path. */
  files: OutputFile[];
  /** Derived images the pages reference, sorted by path: copy each to `path` in the output. */
  assets: AssetUse[];
  report: Report;
}

export interface CompileStats {
  jobs: number;
  /** Jobs rendered in this run (the rest came from the cache). */
  rendered: number;
}

export interface CompilerOptions {
  /**
   * The caller never mutates content objects in place (the editor's immutable updates): an item
   * object seen before is known unchanged without serializing it, which makes rebuilds faster.
   */
  immutableContent?: boolean;
}

export interface Compiler {
  compile(content: SiteContent, template: SiteTemplate, assets: AssetResolver, options?: CompileOptions): CompileResult;
  /** What the last compile did. */
  readonly lastStats: CompileStats;
}

type Plans = [Channel | 'lint', (ctx: SiteContext) => ChannelPlan][];
const PLANS: Plans = [
  ['lint', lintPlan],
  ['web', webPlan],
  ['wap2', wap2Plan],
  ['wap1', wap1Plan],
  ['sms', smsPlan],
];

/** Resolver answers, asked once per build. */
function answers(assets: AssetResolver): (sha256: string, variant: ImageVariant) => string {
  const known = new Map<string, string>();
  return (sha256, variant) => {
    const id = `${sha256}:${variant}`;
    let answer = known.get(id);
    if (answer === undefined) known.set(id, (answer = JSON.stringify(assets.resolve(sha256, variant) ?? null)));
    return answer;
  };
}

/** Sorted by path (unique within the list); the built-in string sort is much faster than a comparator. */
function sortByPath<T extends { path: string }>(items: T[]): T[] {
  const byPath = new Map(items.map((item) => [item.path, item]));
  return [...byPath.keys()].sort().map((path) => byPath.get(path)!);
}

interface Assembly {
  outputs: JobOutput[];
  files: OutputFile[];
  pages: PageStat[];
  /** Position of each path in `files` / `pages`. */
  fileAt: Map<string, number>;
  pageAt: Map<string, number>;
  /** When the previous order was patched: which outputs differ from `previousOutputs`. */
  changed?: { indexes: number[]; previousOutputs: JobOutput[] };
}

const samePaths = (a: { path: string }[], b: { path: string }[]) => a.length === b.length && a.every((x, i) => x.path === b[i]!.path);

/**
 * Files and pages sorted by path. After a rebuild where few jobs changed and their paths did not,
 * the previous order is patched instead of sorting everything again.
 */
function sortedOutputs(outputs: JobOutput[], previous: Assembly | undefined): Assembly {
  if (previous && previous.outputs.length === outputs.length) {
    const changed: number[] = [];
    for (let i = 0; i < outputs.length && changed.length <= 64; i++) if (outputs[i] !== previous.outputs[i]) changed.push(i);
    const patchable =
      changed.length <= 64 &&
      changed.every(
        (i) => samePaths(outputs[i]!.files, previous.outputs[i]!.files) && samePaths(outputs[i]!.pages, previous.outputs[i]!.pages),
      );
    if (patchable) {
      const files = previous.files.slice();
      const pages = previous.pages.slice();
      for (const i of changed) {
        for (const f of outputs[i]!.files) files[previous.fileAt.get(f.path)!] = f;
        for (const p of outputs[i]!.pages) pages[previous.pageAt.get(p.path)!] = p;
      }
      return {
        outputs,
        files,
        pages,
        fileAt: previous.fileAt,
        pageAt: previous.pageAt,
        changed: { indexes: changed, previousOutputs: previous.outputs },
      };
    }
  }
  const files = sortByPath(outputs.flatMap((o) => o.files));
  // Page paths start with their channel's folder, so this is by channel, then path.
  const pages = sortByPath(outputs.flatMap((o) => o.pages));
  return { outputs, files, pages, fileAt: new Map(files.map((f, i) => [f.path, i])), pageAt: new Map(pages.map((p, i) => [p.path, i])) };
}

const sameAssets = (a: AssetUse[], b: AssetUse[]) =>
  a.length === b.length && a.every((x, i) => x.path === b[i]!.path && x.sha256 === b[i]!.sha256 && x.variant === b[i]!.variant);
const sameFindings = (a: JobOutput['findings'], b: JobOutput['findings']) =>
  a.length === b.length && (a.length === 0 || JSON.stringify(a) === JSON.stringify(b));

/**
 * After a patched rebuild whose changed pages kept their findings and images, the previous report's
 * findings and asset list still hold: only the pages, files and byte total move.
 */
function reassemble(sorted: Assembly, previous: CompileResult | undefined): CompileResult | undefined {
  const changed = sorted.changed;
  if (!changed || !previous) return undefined;
  let bytes = previous.report.summary.bytes;
  for (const i of changed.indexes) {
    const before = changed.previousOutputs[i]!;
    const after = sorted.outputs[i]!;
    if (!sameFindings(before.findings, after.findings) || !sameAssets(before.assets, after.assets)) return undefined;
    bytes += after.bytes - before.bytes;
  }
  const { pages, findings, summary } = previous.report;
  return {
    files: sorted.files,
    assets: previous.assets,
    report: { pages: sorted.pages === pages ? pages : sorted.pages, findings, summary: { ...summary, bytes } },
  };
}

function assemble(sorted: Assembly): CompileResult {
  const { outputs, files, pages } = sorted;
  const findings = sortFindings(outputs.flatMap((o) => o.findings));
  const assetMap = new Map<string, AssetUse>();
  for (const o of outputs) for (const a of o.assets) assetMap.set(a.path, a);
  const assets = sortByPath([...assetMap.values()]);
  const count = (severity: string) => findings.filter((f) => f.severity === severity).length;
  const pagesPerChannel = Object.fromEntries(CHANNELS.map((ch) => [ch, 0])) as Record<Channel, number>;
  for (const page of pages) pagesPerChannel[page.channel]++;
  const bytes = outputs.reduce((n, o) => n + o.bytes, 0);
  return {
    files,
    assets,
    report: {
      pages,
      findings,
      summary: { errors: count('error'), warnings: count('warning'), infos: count('info'), files: files.length, bytes, pagesPerChannel },
    },
  };
}

interface CacheEntry<T> {
  key: readonly string[];
  value: T;
}

/** A unit of a column's jobs in one channel (the column as a whole, or a block of items): reused whole while its key stays the same. */
interface UnitEntry {
  key: readonly string[];
  jobs: Map<string, CacheEntry<JobOutput>>;
  /** Every resolver answer its jobs used, once each. */
  resolutions: Map<string, { sha256: string; variant: ImageVariant; answer: string }>;
}

function resolutionsOf(jobs: Map<string, CacheEntry<JobOutput>>): UnitEntry['resolutions'] {
  const all = new Map<string, { sha256: string; variant: ImageVariant; answer: string }>();
  for (const entry of jobs.values()) for (const r of entry.value.resolutions) all.set(`${r.sha256}:${r.variant}`, r);
  return all;
}

function stillResolved(resolutions: UnitEntry['resolutions'], answer: (sha256: string, variant: ImageVariant) => string): boolean {
  for (const r of resolutions.values()) if (answer(r.sha256, r.variant) !== r.answer) return false;
  return true;
}

/** Items per block: a block whose items did not change is reused without making its jobs. */
const ITEM_BLOCK = 32;

/** The items' content tokens, once per column and build. */
const tokens = new WeakMap<SiteContext, Map<Column, string[]>>();
function itemTokens(ctx: SiteContext, column: Column): string[] {
  let byColumn = tokens.get(ctx);
  if (!byColumn) tokens.set(ctx, (byColumn = new Map()));
  let list = byColumn.get(column);
  if (!list) byColumn.set(column, (list = column.items.map((item) => ctx.tokenOf(item.id, item))));
  return list;
}

const headings = new WeakMap<SiteContext, Map<Column, string>>();
function headingOf(ctx: SiteContext, column: Column): string {
  let byColumn = headings.get(ctx);
  if (!byColumn) headings.set(ctx, (byColumn = new Map()));
  let heading = byColumn.get(column);
  if (heading === undefined) byColumn.set(column, (heading = contentKey([column.id, column.type, column.title, column.channels])));
  return heading;
}

/** A column's units: its own pages as the channel divides them, and its items in blocks; every key starts with the column's heading. */
function unitsOf(ctx: SiteContext, plan: ChannelPlan, column: Column): Unit[] {
  const heading = headingOf(ctx, column);
  const itemKeys = itemTokens(ctx, column);
  const units = plan.columnUnits(column, itemKeys).map((unit) => ({ ...unit, id: `${column.id}:${unit.id}`, key: [heading, ...unit.key] }));
  for (let start = 0; start < column.items.length; start += ITEM_BLOCK) {
    const items = column.items.slice(start, start + ITEM_BLOCK);
    units.push({
      id: `${column.id}:items:${start}`,
      key: [heading, ...itemKeys.slice(start, start + ITEM_BLOCK)],
      jobs: () => items.flatMap((item) => plan.itemJobs(column, item)),
    });
  }
  return units;
}

export function createCompiler(compilerOptions: CompilerOptions = {}): Compiler {
  const versions = createVersions(compilerOptions.immutableContent ?? false);
  let fingerprint = '';
  let siteCache = new Map<string, CacheEntry<JobOutput>>();
  let unitCache = new Map<string, UnitEntry>();
  let memo = new Map<string, CacheEntry<unknown>>();
  let assembly: Assembly | undefined;
  let result: CompileResult | undefined;
  const stats: CompileStats = { jobs: 0, rendered: 0 };
  return {
    get lastStats() {
      return { ...stats };
    },
    compile(content, template, assets, options = {}) {
      const ctx = buildContext(content, template, options, versions);
      // Everything every page shows changed: nothing cached can be reused.
      if (ctx.fingerprint !== fingerprint) {
        siteCache = new Map();
        unitCache = new Map();
        memo = new Map();
        assembly = undefined;
        result = undefined;
        fingerprint = ctx.fingerprint;
      }
      const answer = answers(assets);
      const valid = (output: JobOutput) => output.resolutions.every((r) => answer(r.sha256, r.variant) === r.answer);
      const nextSiteCache = new Map<string, CacheEntry<JobOutput>>();
      const nextUnitCache = new Map<string, UnitEntry>();
      const nextMemo = new Map<string, CacheEntry<unknown>>();
      const remember = <T>(id: string, key: readonly string[], compute: () => T): T => {
        const known = nextMemo.get(id) ?? memo.get(id);
        const entry = known && sameKey(known.key, key) ? known : { key, value: compute() };
        nextMemo.set(id, entry);
        return entry.value as T;
      };
      stats.jobs = 0;
      stats.rendered = 0;
      const outputs: JobOutput[] = [];
      /** A job's output from `previous` when its key is unchanged, else rendered now; recorded in `next`. */
      const runJob = (
        channel: Channel | 'lint',
        job: Job,
        previous: Map<string, CacheEntry<JobOutput>> | undefined,
        next: Map<string, CacheEntry<JobOutput>>,
      ) => {
        stats.jobs++;
        const known = previous?.get(job.id);
        let output = known && sameKey(known.key, job.key) && valid(known.value) ? known.value : undefined;
        if (!output) {
          const sink = new JobSink(channel, assets, remember);
          job.run(sink);
          output = sink.output;
          stats.rendered++;
        }
        next.set(job.id, { key: job.key, value: output });
        outputs.push(output);
      };
      for (const [channel, planOf] of PLANS) {
        const plan = planOf(ctx);
        for (const job of plan.site) runJob(channel, job, siteCache, nextSiteCache);
        for (const column of plan.columns) {
          for (const unit of unitsOf(ctx, plan, column)) {
            const id = `${channel}:${unit.id}`;
            const known = unitCache.get(id);
            if (known && sameKey(known.key, unit.key) && stillResolved(known.resolutions, answer)) {
              stats.jobs += known.jobs.size;
              for (const entry of known.jobs.values()) outputs.push(entry.value);
              nextUnitCache.set(id, known);
              continue;
            }
            const jobs = new Map<string, CacheEntry<JobOutput>>();
            for (const job of unit.jobs()) runJob(channel, job, known?.jobs, jobs);
            nextUnitCache.set(id, { key: unit.key, jobs, resolutions: resolutionsOf(jobs) });
          }
        }
      }
      pruneVersions(versions);
      siteCache = nextSiteCache;
      unitCache = nextUnitCache;
      memo = nextMemo;
      assembly = sortedOutputs(outputs, assembly);
      result = reassemble(assembly, result) ?? assemble(assembly);
      return result;
    },
  };
}

/** A one-off compile (no cache kept between calls). */
export function compile(content: SiteContent, template: SiteTemplate, assets: AssetResolver, options: CompileOptions = {}): CompileResult {
  return createCompiler().compile(content, template, assets, options);
}
