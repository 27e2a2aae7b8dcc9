/**
 * compile(content, template, assets) → files + report, for WEB, WAP 2.0, WAP 1.0 and SMS.
 * Pure and deterministic. `createCompiler()` keeps the output of every page keyed by its inputs, so a
 * rebuild after an edit renders only the pages whose inputs changed.
 */
import type { AssetResolver, ImageVariant } from './assets';
import { buildContext, type CompileOptions, type SiteContext } from './context';
import { JobSink, sameKey, type AssetUse, type Job, type JobOutput, type OutputFile } from './job';
import { lintJobs } from './lint';
import { CHANNELS, type Channel, type SiteContent } from './model';
import { sortFindings, type Report } from './report';
import { smsJobs } from './sms/menu';
import type { SiteTemplate } from './templates/types';
import { wap1Jobs } from './wap1/pages';
import { wap2Jobs } from './wap2/pages';
import { webJobs } from './web/pages';

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

export interface Compiler {
  compile(content: SiteContent, template: SiteTemplate, assets: AssetResolver, options?: CompileOptions): CompileResult;
  /** What the last compile did. */
  readonly lastStats: CompileStats;
}

type ChannelJobs = [Channel | 'lint', (ctx: SiteContext) => Job[]];
const CHANNEL_JOBS: ChannelJobs[] = [
  ['lint', lintJobs],
  ['web', webJobs],
  ['wap2', wap2Jobs],
  ['wap1', wap1Jobs],
  ['sms', smsJobs],
];

const byPath = <T extends { path: string }>(a: T, b: T) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0);

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

function assemble(outputs: JobOutput[]): CompileResult {
  const files = outputs.flatMap((o) => o.files).sort(byPath);
  const pages = outputs.flatMap((o) => o.pages).sort((a, b) => (a.channel < b.channel ? -1 : a.channel > b.channel ? 1 : byPath(a, b)));
  const findings = sortFindings(outputs.flatMap((o) => o.findings));
  const assetMap = new Map<string, AssetUse>();
  for (const o of outputs) for (const a of o.assets) assetMap.set(a.path, a);
  const assets = [...assetMap.values()].sort(byPath);
  const count = (severity: string) => findings.filter((f) => f.severity === severity).length;
  const pagesPerChannel = Object.fromEntries(CHANNELS.map((ch) => [ch, pages.filter((p) => p.channel === ch).length])) as Record<Channel, number>;
  const bytes = outputs.reduce((n, o) => n + o.bytes, 0);
  return { files, assets, report: { pages, findings, summary: { errors: count('error'), warnings: count('warning'), infos: count('info'), files: files.length, bytes, pagesPerChannel } } };
}

interface CacheEntry<T> {
  key: readonly string[];
  value: T;
}

export function createCompiler(): Compiler {
  let fingerprint = '';
  let cache = new Map<string, CacheEntry<JobOutput>>();
  let memo = new Map<string, CacheEntry<unknown>>();
  const stats: CompileStats = { jobs: 0, rendered: 0 };
  return {
    get lastStats() {
      return { ...stats };
    },
    compile(content, template, assets, options = {}) {
      const ctx = buildContext(content, template, options);
      // Everything every page shows changed: nothing cached can be reused.
      if (ctx.fingerprint !== fingerprint) {
        cache = new Map();
        memo = new Map();
        fingerprint = ctx.fingerprint;
      }
      const answer = answers(assets);
      const nextCache = new Map<string, CacheEntry<JobOutput>>();
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
      for (const [channel, jobsOf] of CHANNEL_JOBS) {
        for (const job of jobsOf(ctx)) {
          stats.jobs++;
          const known = cache.get(job.id);
          let output = known && sameKey(known.key, job.key) && known.value.resolutions.every((r) => answer(r.sha256, r.variant) === r.answer) ? known.value : undefined;
          if (!output) {
            const sink = new JobSink(channel === 'lint' ? 'web' : channel, assets, remember);
            job.run(sink);
            output = sink.output;
            if (channel === 'lint') output.findings.forEach((f) => delete f.channel);
            stats.rendered++;
          }
          nextCache.set(job.id, { key: job.key, value: output });
          outputs.push(output);
        }
      }
      cache = nextCache;
      memo = nextMemo;
      return assemble(outputs);
    },
  };
}

/** A one-off compile (no cache kept between calls). */
export function compile(content: SiteContent, template: SiteTemplate, assets: AssetResolver, options: CompileOptions = {}): CompileResult {
  return createCompiler().compile(content, template, assets, options);
}
