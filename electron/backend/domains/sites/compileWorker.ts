/**
 * The site compiler in a worker thread: compiling a large site takes seconds, which must not hold
 * up the dispatcher. The worker keeps one incremental compiler per site, so a rebuild after an edit
 * renders only the pages that changed. It answers with what the caller needs — the manifest and
 * report, one page, or the files written to a folder (and zip) — never the whole output.
 */
import { parentPort } from 'node:worker_threads';
import { createCompiler, type Compiler } from '../../../../shared/sites/compile';
import type { SiteContent } from '../../../../shared/sites/model';
import { templateFor } from '../../../../shared/sites/templates/catalog';
import type { DerivedImage } from '../assets/derived';
import { manifestFiles, writeBuild, zipBuild, type BuiltSite } from './exportSite';
import { resolverOver } from './resolver';

export type CompileTask =
  { kind: 'summary' } | { kind: 'page'; path: string } | { kind: 'write'; outDir: string; zip?: { path: string; mtime: string } };

export interface CompileRequest {
  id: number;
  /** Which compiler cache to use: one per site and data folder. */
  siteKey: string;
  /** The content as JSON (a string crosses to the worker without a deep copy). */
  contentJson: string;
  derived: DerivedImage[];
  task: CompileTask;
}

export type CompileResponse = { id: number; ok: true; json: string } | { id: number; ok: false; message: string };

const MAX_COMPILERS = 8;
const compilers = new Map<string, Compiler>();

function compilerFor(key: string): Compiler {
  const compiler = compilers.get(key) ?? createCompiler();
  compilers.delete(key);
  compilers.set(key, compiler); // most recently used last
  if (compilers.size > MAX_COMPILERS) compilers.delete(compilers.keys().next().value!);
  return compiler;
}

/** The last build per site: asked again for the same content and pictures (previews of several pages), it is reused as it is. */
const lastBuilt = new Map<string, { contentJson: string; derivedJson: string; built: BuiltSite }>();

function build(request: CompileRequest): BuiltSite {
  const derivedJson = JSON.stringify(request.derived);
  const last = lastBuilt.get(request.siteKey);
  if (last && last.contentJson === request.contentJson && last.derivedJson === derivedJson) return last.built;
  const content = JSON.parse(request.contentJson) as SiteContent;
  const assets = resolverOver(request.derived);
  const result = compilerFor(request.siteKey).compile(content, templateFor(content), assets.resolver);
  const built: BuiltSite = { result, assets };
  lastBuilt.set(request.siteKey, { contentJson: request.contentJson, derivedJson, built });
  if (lastBuilt.size > MAX_COMPILERS) lastBuilt.delete(lastBuilt.keys().next().value!);
  return built;
}

async function handle(request: CompileRequest): Promise<unknown> {
  const built = build(request);
  const { result } = built;
  const task = request.task;
  if (task.kind === 'page') {
    const file = result.files.find((f) => f.path === task.path);
    return {
      files: [],
      report: result.report,
      page: file && {
        path: file.path,
        mime: file.mime,
        content: typeof file.content === 'string' ? file.content : Buffer.from(file.content).toString('utf8'),
      },
    };
  }
  if (task.kind === 'write') {
    const manifest = await writeBuild(built, task.outDir);
    const zipBytes = task.zip ? await zipBuild(built, manifest, task.zip.path, new Date(task.zip.mtime)) : undefined;
    return { ...manifest, zipBytes };
  }
  return { files: manifestFiles(built), report: result.report };
}

parentPort?.on('message', (request: CompileRequest) => {
  handle(request).then(
    (value) => parentPort!.postMessage({ id: request.id, ok: true, json: JSON.stringify(value) } satisfies CompileResponse),
    (error: Error) =>
      parentPort!.postMessage({ id: request.id, ok: false, message: error.stack ?? String(error) } satisfies CompileResponse),
  );
});
