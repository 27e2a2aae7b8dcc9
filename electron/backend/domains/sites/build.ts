/**
 * Building a site: every picture's derived sizes made (or taken from the cache) here, then the pure
 * compiler of shared/sites/ run in the compile worker with a resolver over that cache. The worker
 * keeps one compiler per site, so a rebuild after an edit renders only the pages that changed.
 */
import type { ManifestFile } from '../../../../shared/api/sites';
import { IMAGE_VARIANT_IDS } from '../../../../shared/sites/assets';
import type { SiteContent } from '../../../../shared/sites/model';
import type { Report } from '../../../../shared/sites/report';
import { mapLimited } from '../assets/concurrency';
import { ensureDerived, type DerivedImage } from '../assets/derived';
import { derivedCount } from '../assets/repository';
import { hasAssetFile } from '../assets/store';
import type { ReadContext } from '../../app/context';
import { compileInWorker } from './compileClient';
import type { CompileTask } from './compileWorker';
import { imagesOfContent } from './repository';
import { resolverOver, type PreparedAssets } from './resolver';

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
  ctx: Pick<ReadContext, 'db' | 'dataDir' | 'now' | 'writes'>,
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
      if (!hasAssetFile(ctx.dataDir, sha256) && derivedCount(ctx.db, sha256) < IMAGE_VARIANT_IDS.length) break;
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
  return resolverOver(known.values());
}

export interface BuildAnswer {
  files: ManifestFile[];
  report: Report;
  /** For a `page` task: the page, if the build has it. */
  page?: { path: string; mime: string; content: string };
  /** For a `write` task with a zip: its size. */
  zipBytes?: number;
}

export interface BuildOptions {
  recheck?: boolean;
  onProgress?: (done: number, total: number) => void;
  /** The content's JSON when the caller has it already (getSiteForBuild). */
  contentJson?: string;
}

/** Prepares the pictures, then compiles in the worker and does `task` there. */
export async function buildSite(
  ctx: Pick<ReadContext, 'db' | 'dataDir' | 'now' | 'writes'>,
  siteId: string,
  content: SiteContent,
  task: CompileTask = { kind: 'summary' },
  options: BuildOptions = {},
): Promise<{ answer: BuildAnswer; assets: PreparedAssets }> {
  const assets = await prepareAssets(ctx, content, options);
  const contentJson = options.contentJson ?? JSON.stringify(content);
  const answer = await compileInWorker<BuildAnswer>({
    siteKey: `${ctx.dataDir}\0${siteId}`,
    contentJson,
    derived: [...assets.byPath.values()],
    task,
  });
  return { answer, assets };
}
