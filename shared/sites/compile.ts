/**
 * compile(content, template, assets) → files + report, for WEB, WAP 2.0, WAP 1.0 and SMS.
 * Pure and deterministic. `createCompiler()` keeps the output of every page keyed by its inputs, so a
 * rebuild after an edit renders only the pages whose inputs changed.
 */
import type { AssetResolver } from './assets';
import { buildContext, type CompileOptions, type SiteContext } from './context';
import { JobSink, type AssetUse, type Job, type JobOutput, type OutputFile } from './job';
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

function stillValid(output: JobOutput, assets: AssetResolver): boolean {
  return output.resolutions.every((r) => JSON.stringify(assets.resolve(r.sha256, r.variant) ?? null) === r.answer);
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
  const bytes = files.reduce((n, f) => n + (typeof f.content === 'string' ? new TextEncoder().encode(f.content).length : f.content.length), 0);
  return { files, assets, report: { pages, findings, summary: { errors: count('error'), warnings: count('warning'), infos: count('info'), files: files.length, bytes, pagesPerChannel } } };
}

export function createCompiler(): Compiler {
  let cache = new Map<string, JobOutput>();
  let memo = new Map<string, unknown>();
  const stats: CompileStats = { jobs: 0, rendered: 0 };
  return {
    get lastStats() {
      return { ...stats };
    },
    compile(content, template, assets, options = {}) {
      const ctx = buildContext(content, template, options);
      const nextCache = new Map<string, JobOutput>();
      const nextMemo = new Map<string, unknown>();
      const remember = <T>(key: string, compute: () => T): T => {
        if (nextMemo.has(key)) return nextMemo.get(key) as T;
        const value = memo.has(key) ? (memo.get(key) as T) : compute();
        nextMemo.set(key, value);
        return value;
      };
      stats.jobs = 0;
      stats.rendered = 0;
      const outputs: JobOutput[] = [];
      for (const [channel, jobsOf] of CHANNEL_JOBS) {
        for (const job of jobsOf(ctx)) {
          stats.jobs++;
          const key = `${channel}\n${job.key}`;
          let output = nextCache.get(key) ?? cache.get(key);
          if (!output || !stillValid(output, assets)) {
            const sink = new JobSink(channel === 'lint' ? 'web' : channel, assets, remember);
            job.run(sink);
            output = sink.output;
            if (channel === 'lint') output.findings.forEach((f) => delete f.channel);
            stats.rendered++;
          }
          nextCache.set(key, output);
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
