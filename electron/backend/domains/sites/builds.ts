/**
 * The build procedures: the report, one page's preview with its pictures, the export to a folder
 * (and zip) and the zip by address, and a picture for the editor (by address, or as base64 for scripts).
 */
import { existsSync, readFileSync } from 'node:fs';
import { rename } from 'node:fs/promises';
import path from 'node:path';
import type { ParsedInput } from '../../../../shared/api';
import type { FileBody } from '../../../../shared/api/files';
import type { ImageVariant } from '../../../../shared/sites/assets';
import type { ReadContext } from '../../app/context';
import { AppError } from '../../app/errors';
import { ensureDerived } from '../assets/derived';
import { imageFacts } from '../assets/repository';
import { assetFile, hasAssetFile } from '../assets/store';
import { buildSite, type BuildAnswer } from './build';
import { discardStaging, inspectExportTarget, replaceWithStaged, stagingFolder } from './exportFolder';
import { getSiteForBuild } from './service';

/** Where an export of a site's revision goes unless the caller names a folder (its zip beside it). */
export const defaultExportDir = (dataDir: string, siteId: string, revision: number) =>
  path.join(dataDir, 'exports', siteId, `r${revision}`);

const IMAGE_PATH = /assets\/([0-9a-f]{64})-(web480|web1200|wap2|wap1)\.(?:jpg|png|gif)/g;

export async function buildReport(ctx: ReadContext, { siteId, jobId }: ParsedInput<'sites.build'>) {
  const { site, content, contentJson } = getSiteForBuild(ctx, siteId);
  const onProgress = jobId
    ? (done: number, total: number) =>
        ctx.emit('job.progress', { jobId, label: '生成图片 images', done, total, ...(done === total ? { finished: true } : {}) })
    : undefined;
  const { answer } = await buildSite(ctx, site.id, content, { kind: 'summary' }, { contentJson, ...(onProgress ? { onProgress } : {}) });
  return { siteId, revision: site.revision, files: answer.files, report: answer.report };
}

export async function previewPage(ctx: ReadContext, { siteId, path: pagePath }: ParsedInput<'sites.preview'>) {
  const { site, content, contentJson } = getSiteForBuild(ctx, siteId);
  const { answer, assets } = await buildSite(ctx, site.id, content, { kind: 'page', path: pagePath }, { contentJson });
  const page = answer.page;
  if (!page) throw new AppError('site.page_not_found', `The build has no page ${pagePath}.`, { field: 'path' });
  const channel = page.path.slice(0, page.path.indexOf('/'));
  const seen = new Set<string>();
  const images = [...page.content.matchAll(IMAGE_PATH)].flatMap((m) => {
    const derived = assets.byPath.get(m[0]);
    if (!derived || seen.has(m[0])) return [];
    seen.add(m[0]);
    return [{ path: `${channel}/${m[0]}`, mime: derived.mime, base64: readFileSync(derived.file).toString('base64') }];
  });
  return { ...page, images };
}

/** A stored picture — the original, or a derived size (made on first use) — as a file with its size. */
async function picture(
  ctx: ReadContext,
  sha256: string,
  variant?: ImageVariant,
): Promise<{ file: string; mime: string; width: number; height: number }> {
  const missing = () => new AppError('site.image_missing', `Picture ${sha256} is not on this machine.`, { details: { sha256 } });
  if (variant) {
    const derived = await ensureDerived(ctx, sha256, variant).catch(() => undefined);
    if (!derived) throw missing();
    return derived;
  }
  const facts = imageFacts(ctx.db, sha256);
  if (!facts || !hasAssetFile(ctx.dataDir, sha256)) throw missing();
  return {
    file: assetFile(ctx.dataDir, sha256),
    mime: facts.hasAlpha ? 'image/png' : 'image/jpeg',
    width: facts.width,
    height: facts.height,
  };
}

export async function pictureData(ctx: ReadContext, input: ParsedInput<'sites.image'>) {
  const { file, mime, width, height } = await picture(ctx, input.sha256, input.variant);
  return { sha256: input.sha256, mime, width, height, base64: readFileSync(file).toString('base64') };
}

export async function pictureFile(ctx: ReadContext, input: ParsedInput<'files.image'>): Promise<FileBody> {
  const { file, mime, width, height } = await picture(ctx, input.sha256, input.variant);
  return { bytes: readFileSync(file), mime, immutable: true, image: { width, height } };
}

/** The zip an export of this revision wrote under the data folder. */
export function exportZipFile(ctx: ReadContext, { siteId, revision }: ParsedInput<'files.siteExport'>): FileBody {
  const { site } = getSiteForBuild(ctx, siteId); // a real site: its id makes the path
  const zip = `${defaultExportDir(ctx.dataDir, site.id, revision)}.zip`;
  if (!existsSync(zip))
    throw new AppError('site.export_missing', `Revision ${revision} of site ${siteId} has not been exported to a zip on this machine.`, {
      details: { siteId, revision },
    });
  return { bytes: readFileSync(zip), mime: 'application/zip', fileName: `site-r${revision}.zip` };
}

export async function exportToFolder(ctx: ReadContext, input: ParsedInput<'sites.export'>) {
  const { site, content, contentJson } = getSiteForBuild(ctx, input.siteId);
  const jobId = ctx.newId();
  const onProgress = (done: number, total: number) => ctx.emit('job.progress', { jobId, label: '生成图片 images', done, total });
  // The place and the report decide first; nothing is written when either refuses.
  const dir = path.resolve(input.outDir ?? defaultExportDir(ctx.dataDir, site.id, site.revision));
  const zipPath = `${dir}.zip`;
  const target = await inspectExportTarget(dir, input.zip ? zipPath : undefined);
  const check = await buildSite(ctx, site.id, content, { kind: 'summary' }, { recheck: true, onProgress, contentJson });
  const { summary } = check.answer.report;
  if (summary.errors > 0 && !input.force)
    throw new AppError('site.build_has_errors', `The build report has ${summary.errors} error(s); fix them or export with force.`, {
      details: { errors: summary.errors },
    });
  // Written beside the folder, then renamed into its place: nothing the app did not write is lost.
  const staging = await stagingFolder(dir);
  const zip = input.zip ? { path: `${staging}.zip`, mtime: site.updatedAt } : undefined;
  let answer: BuildAnswer;
  try {
    ({ answer } = await buildSite(ctx, site.id, content, { kind: 'write', outDir: staging, ...(zip ? { zip } : {}) }, { contentJson }));
    await replaceWithStaged(
      target,
      staging,
      answer.files.map((f) => f.path),
    );
    if (zip) await rename(zip.path, zipPath);
  } catch (error) {
    await discardStaging(staging);
    throw error;
  }
  ctx.emit('job.progress', { jobId, label: '导出完成 exported', done: 1, total: 1, finished: true });
  return {
    siteId: site.id,
    revision: site.revision,
    dir,
    ...(answer.zipBytes !== undefined ? { zipPath, zipBytes: answer.zipBytes } : {}),
    files: answer.files.length,
    report: summary,
  };
}
