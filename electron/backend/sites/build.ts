/**
 * Building a site: every picture's derived sizes made (or taken from the cache), then the pure
 * compiler of shared/sites/ run with a resolver over that cache. One compiler per site is kept,
 * so a rebuild after an edit renders only the pages that changed.
 */
import type Database from 'better-sqlite3';
import type { ManifestFile } from '../../../shared/api/sites';
import { derivedImagePath, IMAGE_VARIANT_IDS, type AssetResolver, type DerivedImage as CompilerImage, type ImageVariant } from '../../../shared/sites/assets';
import { createCompiler, type CompileResult, type Compiler } from '../../../shared/sites/compile';
import type { Channel, SiteContent } from '../../../shared/sites/model';
import { templateFor } from '../../../shared/sites/templates/catalog';
import { mapLimited } from '../assets/concurrency';
import { ensureDerived, type DerivedImage } from '../assets/derived';
import { hasAssetFile } from '../assets/store';
import type { BackendContext } from '../context';
import { imagesOfContent } from './repository';

export interface PreparedAssets {
  resolver: AssetResolver;
  /** Output path (relative to a channel folder, e.g. `assets/<sha>-web480.jpg`) → the cached file. */
  byPath: Map<string, DerivedImage>;
}

const EXTENSION: Record<string, 'jpg' | 'png' | 'gif'> = { 'image/jpeg': 'jpg', 'image/png': 'png', 'image/gif': 'gif' };

/** Pictures the compiled site shows (the tray is never compiled). */
export const imagesToBuild = (content: SiteContent) => imagesOfContent({ ...content, unsorted: [] });

/** Derived files this process has made or checked, per data folder: rebuilds skip the checks. */
const checked = new Map<string, Map<string, DerivedImage>>();

/**
 * Makes sure every variant of every picture exists, two pictures at a time. A picture whose
 * original is not on this machine (not downloaded yet) is left out: the report shows it missing.
 * `recheck` looks at the files again (export does, since it copies them).
 */
export async function prepareAssets(
  ctx: Pick<BackendContext, 'db' | 'dataDir' | 'now'>,
  content: SiteContent,
  options: { recheck?: boolean; onProgress?: (done: number, total: number) => void } = {},
): Promise<PreparedAssets> {
  const hashes = imagesToBuild(content);
  let memory = checked.get(ctx.dataDir);
  if (!memory) checked.set(ctx.dataDir, (memory = new Map()));
  const known = new Map<string, DerivedImage>();
  let done = 0;
  await mapLimited(hashes, 2, async (sha256) => {
    for (const variant of IMAGE_VARIANT_IDS) {
      const key = `${sha256}/${variant}`;
      const remembered = options.recheck ? undefined : memory.get(key);
      if (remembered) {
        known.set(key, remembered);
        continue;
      }
      if (!hasAssetFile(ctx.dataDir, sha256) && !hasAllCached(ctx.db, sha256)) break;
      try {
        const derived = await ensureDerived(ctx, sha256, variant);
        known.set(key, derived);
        memory.set(key, derived);
      } catch {
        // a damaged original: reported by the compiler as a missing image
      }
    }
    options.onProgress?.(++done, hashes.length);
  });
  return resolverOver(known);
}

function hasAllCached(db: Database.Database, sha256: string): boolean {
  const row = db.prepare<[string], { n: number }>('SELECT count(*) AS n FROM asset_derived WHERE sha256 = ?').get(sha256);
  return (row?.n ?? 0) >= IMAGE_VARIANT_IDS.length;
}

function resolverOver(known: Map<string, DerivedImage>): PreparedAssets {
  const byPath = new Map<string, DerivedImage>();
  const answers = new Map<string, CompilerImage>();
  for (const [key, derived] of known) {
    const path = derivedImagePath(derived.sha256, derived.variant, EXTENSION[derived.mime] ?? 'jpg');
    byPath.set(path, derived);
    answers.set(key, { path, width: derived.width, height: derived.height, bytes: derived.bytes });
  }
  return { byPath, resolver: { resolve: (sha256: string, variant: ImageVariant) => answers.get(`${sha256}/${variant}`) } };
}

/** One compiler per site (and connection), so rebuilds reuse every page whose inputs did not change. */
const compilers = new Map<string, Compiler>();
const MAX_COMPILERS = 8;

function compilerFor(key: string): Compiler {
  let compiler = compilers.get(key);
  if (compiler) compilers.delete(key);
  else compiler = createCompiler();
  compilers.set(key, compiler); // most recently used last
  if (compilers.size > MAX_COMPILERS) compilers.delete(compilers.keys().next().value!);
  return compiler;
}

export interface BuiltSite {
  result: CompileResult;
  assets: PreparedAssets;
}

export async function buildSite(
  ctx: BackendContext,
  siteId: string,
  content: SiteContent,
  options: { recheck?: boolean; onProgress?: (done: number, total: number) => void } = {},
): Promise<BuiltSite> {
  const assets = await prepareAssets(ctx, content, options);
  const result = compilerFor(`${ctx.dataDir}\0${siteId}`).compile(content, templateFor(content), assets.resolver);
  return { result, assets };
}

const channelOf = (path: string) => path.slice(0, path.indexOf('/')) as Channel;

/** Every file of the build — pages and pictures — as the manifest lists them, sorted by path. */
export function manifestFiles(built: BuiltSite): ManifestFile[] {
  const pages = built.result.files.map((f) => ({
    path: f.path,
    channel: f.channel,
    mime: f.mime,
    bytes: typeof f.content === 'string' ? Buffer.byteLength(f.content) : f.content.byteLength,
  }));
  const images = built.result.assets.flatMap((use) => {
    const derived = built.assets.byPath.get(use.path.slice(use.path.indexOf('/') + 1));
    return derived ? [{ path: use.path, channel: channelOf(use.path), mime: derived.mime, bytes: derived.bytes }] : [];
  });
  return [...pages, ...images].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}
