/**
 * Writing a build out: a folder per channel (web/, wap2/, wap1/, sms/) with its pages and pictures,
 * manifest.json beside them, and optionally the same files in a zip (fflate; pictures stored, not
 * recompressed). The folder is a fresh one (exportFolder.ts puts it in place of an earlier export).
 */
import { copyFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { zip, type Zippable } from 'fflate';
import type { ManifestFile } from '../../../../shared/api/sites';
import type { CompileResult } from '../../../../shared/sites/compile';
import type { Channel } from '../../../../shared/sites/model';
import type { Report } from '../../../../shared/sites/report';
import { mapLimited } from '../assets/concurrency';
import type { PreparedAssets } from './resolver';

export interface BuiltSite {
  result: CompileResult;
  assets: PreparedAssets;
}

const channelOf = (path: string) => path.slice(0, path.indexOf('/')) as Channel;

/** Sizes of output files; a rebuild reuses the file objects of unchanged pages, so their sizes too. */
const sizes = new WeakMap<CompileResult['files'][number], number>();
function sizeOf(file: CompileResult['files'][number]): number {
  let bytes = sizes.get(file);
  if (bytes === undefined)
    sizes.set(file, (bytes = typeof file.content === 'string' ? Buffer.byteLength(file.content) : file.content.byteLength));
  return bytes;
}

/** Every file of the build — pages and pictures — as the manifest lists them, sorted by path. */
export function manifestFiles(built: BuiltSite): ManifestFile[] {
  const pages = built.result.files.map((f) => ({ path: f.path, channel: f.channel, mime: f.mime, bytes: sizeOf(f) }));
  const images = built.result.assets.flatMap((use) => {
    const derived = built.assets.byPath.get(use.path.slice(use.path.indexOf('/') + 1));
    return derived ? [{ path: use.path, channel: channelOf(use.path), mime: derived.mime, bytes: derived.bytes }] : [];
  });
  return [...pages, ...images].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

export interface Manifest {
  files: ManifestFile[];
  report: Report;
}

export const manifestOf = (built: BuiltSite): Manifest => ({ files: manifestFiles(built), report: built.result.report });

function insideOf(root: string, relative: string): string {
  const target = path.resolve(root, relative);
  if (!target.startsWith(path.resolve(root) + path.sep)) throw new Error(`output path escapes the folder: ${relative}`);
  return target;
}

/** Writes the channel folders and manifest.json into `outDir`, an empty or new folder; returns the manifest. */
export async function writeBuild(built: BuiltSite, outDir: string): Promise<Manifest> {
  await mkdir(outDir, { recursive: true });
  const pages = built.result.files;
  const images = built.result.assets.flatMap((use) => {
    const derived = built.assets.byPath.get(use.path.slice(use.path.indexOf('/') + 1));
    return derived ? [{ path: use.path, from: derived.file }] : [];
  });
  const dirs = new Set([...pages, ...images].map((f) => path.dirname(insideOf(outDir, f.path))));
  for (const dir of dirs) await mkdir(dir, { recursive: true });
  await mapLimited(pages, 16, (f) => writeFile(insideOf(outDir, f.path), f.content));
  await mapLimited(images, 16, (f) => copyFile(f.from, insideOf(outDir, f.path)));
  const manifest = manifestOf(built);
  await writeFile(path.join(outDir, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  return manifest;
}

const STORED = /\.(jpe?g|png|gif)$/i;

/** The written folder's files in one zip; pictures are stored as they are (compressing JPEG gains nothing). */
export async function zipBuild(built: BuiltSite, manifest: Manifest, zipPath: string, mtime: Date): Promise<number> {
  const encoder = new TextEncoder();
  const files: [string, Uint8Array, number][] = built.result.files.map((f) => [
    f.path,
    typeof f.content === 'string' ? encoder.encode(f.content) : f.content,
    6,
  ]);
  const images = await mapLimited(built.result.assets, 16, async (use): Promise<[string, Uint8Array, number] | undefined> => {
    const derived = built.assets.byPath.get(use.path.slice(use.path.indexOf('/') + 1));
    return derived ? [use.path, await readFile(derived.file), STORED.test(use.path) ? 0 : 6] : undefined;
  });
  files.push(...images.filter((i): i is [string, Uint8Array, number] => Boolean(i)), [
    'manifest.json',
    encoder.encode(`${JSON.stringify(manifest, null, 2)}\n`),
    6,
  ]);
  files.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)); // same site, same zip
  const entries: Zippable = Object.fromEntries(files.map(([name, data, level]) => [name, [data, { level: level as 0 | 6, mtime }]]));
  const bytes = await new Promise<Uint8Array>((resolve, reject) => zip(entries, (error, data) => (error ? reject(error) : resolve(data))));
  await mkdir(path.dirname(zipPath), { recursive: true });
  await writeFile(zipPath, bytes);
  return bytes.byteLength;
}
