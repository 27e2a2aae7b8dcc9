/**
 * The folder an export goes to, and replacing it without losing anything the app did not write
 * (issue 8 item 1). The folder must be missing, empty, or a previous export of ours: its
 * manifest.json lists the files we wrote. A new export is written beside the folder and renamed
 * into its place; whatever the previous manifest did not list (the user's notes, a .git folder) is
 * moved into the new export first, at the same path, so it is never deleted.
 */
import { randomBytes } from 'node:crypto';
import { lstat, mkdir, readdir, readFile, rename, rm, rmdir } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { manifestFileSchema } from '../../../../shared/api/sites';
import { CHANNELS } from '../../../../shared/sites/model';
import { AppError } from '../../app/errors';

const MANIFEST = 'manifest.json';

/** A path a manifest of ours may list: inside a channel folder, no `.`, `..` or empty segment. */
const ourPath = z.string().refine((p) => {
  const [channel, ...rest] = p.split('/');
  return (
    (CHANNELS as readonly string[]).includes(channel!) &&
    rest.length > 0 &&
    rest.every((s) => s !== '' && s !== '.' && s !== '..' && !/[\\\0]/.test(s))
  );
});
const previousManifestSchema = z.object({
  files: z.array(manifestFileSchema.extend({ path: ourPath })),
  report: z.object({}).passthrough(),
});

/** What is at the chosen place now. */
export type ExportTarget =
  { kind: 'fresh'; dir: string; exists: boolean } | { kind: 'previous'; dir: string; ours: Set<string>; foreign: string[] };

const exists = (file: string) =>
  lstat(file).then(
    () => true,
    () => false,
  );

async function readPreviousManifest(dir: string): Promise<Set<string> | null> {
  const text = await readFile(path.join(dir, MANIFEST), 'utf8').catch(() => null);
  if (text === null) return null;
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return null;
  }
  const parsed = previousManifestSchema.safeParse(json);
  return parsed.success ? new Set(parsed.data.files.map((f) => f.path)) : null;
}

/** Every folder that holds a listed file (`web`, `web/assets`, …). */
function foldersOf(paths: Iterable<string>): Set<string> {
  const folders = new Set<string>();
  for (const p of paths) for (let d = path.posix.dirname(p); d !== '.'; d = path.posix.dirname(d)) folders.add(d);
  return folders;
}

/** Entries under `root` that a previous export with files `ours` did not write (a foreign folder whole). */
async function foreignEntries(root: string, ours: Set<string>): Promise<string[]> {
  const ourFolders = foldersOf(ours);
  const foreign: string[] = [];
  const walk = async (relative: string): Promise<void> => {
    for (const entry of await readdir(path.join(root, relative), { withFileTypes: true })) {
      const rel = relative ? `${relative}/${entry.name}` : entry.name;
      if (entry.isFile() && (ours.has(rel) || rel === MANIFEST)) continue;
      if (entry.isDirectory() && ourFolders.has(rel)) await walk(rel);
      else foreign.push(rel);
    }
  };
  await walk('');
  return foreign.sort();
}

/**
 * Checks the chosen folder (and the zip beside it, when one is written) before anything is built:
 * refuses a folder that holds things and is not a previous export of ours, and a zip of the same
 * name that did not come with such an export.
 */
export async function inspectExportTarget(dir: string, zipPath?: string): Promise<ExportTarget> {
  const stat = await lstat(dir).catch(() => null);
  let target: ExportTarget;
  if (!stat) target = { kind: 'fresh', dir, exists: false };
  else if (stat.isDirectory() && (await readdir(dir)).length === 0) target = { kind: 'fresh', dir, exists: true };
  else {
    const ours = stat.isDirectory() ? await readPreviousManifest(dir) : null;
    if (!ours)
      throw new AppError(
        'site.export_folder_not_ours',
        `${dir} is not empty and is not a previous export of this app (no manifest.json of ours); nothing was written.`,
        {
          field: 'outDir',
          details: { dir },
        },
      );
    target = { kind: 'previous', dir, ours, foreign: await foreignEntries(dir, ours) };
  }
  if (zipPath && target.kind === 'fresh' && (await exists(zipPath)))
    throw new AppError(
      'site.export_zip_not_ours',
      `${zipPath} exists and was not written with an export of this app; nothing was written.`,
      {
        field: 'outDir',
        details: { zip: zipPath },
      },
    );
  return target;
}

/** An empty folder beside the target for the new export (same file system, so it can be renamed). */
export async function stagingFolder(dir: string): Promise<string> {
  await mkdir(path.dirname(dir), { recursive: true });
  const staging = path.join(path.dirname(dir), `.${path.basename(dir)}.ecw-export-${randomBytes(6).toString('hex')}`);
  await mkdir(staging);
  return staging;
}

/** The new export's paths and every folder they need. */
function takenBy(files: string[]): Set<string> {
  return new Set([...files, MANIFEST, ...foldersOf(files)]);
}

/** Moves `entries` from one folder to another at the same relative paths, noting each in `moved`. */
async function moveEntries(entries: string[], from: string, to: string, moved: string[] = []): Promise<void> {
  for (const entry of entries) {
    await mkdir(path.dirname(path.join(to, entry)), { recursive: true });
    await rename(path.join(from, entry), path.join(to, entry));
    moved.push(entry);
  }
}

/**
 * Puts the export written in `staging` (listing `files`) in the target's place. A user's entry where
 * the new export writes is refused before anything moves. Entries not ours are moved into the new
 * export, the folders are swapped by rename, and the old one (now only files we wrote) is removed.
 */
export async function replaceWithStaged(target: ExportTarget, staging: string, files: string[]): Promise<void> {
  if (target.kind === 'fresh') {
    if (target.exists) await rmdir(target.dir); // empty: checked before
    await rename(staging, target.dir);
    return;
  }
  const taken = takenBy(files);
  const clashes = target.foreign.filter((entry) => taken.has(entry));
  if (clashes.length)
    throw new AppError(
      'site.export_folder_conflict',
      `Files the app did not write stand where the export writes its own: ${clashes.join(', ')}; nothing was changed.`,
      {
        field: 'outDir',
        details: { dir: target.dir, paths: clashes },
      },
    );
  const moved: string[] = [];
  try {
    await moveEntries(target.foreign, target.dir, staging, moved);
    const old = `${staging}.old`;
    await rename(target.dir, old);
    try {
      await rename(staging, target.dir);
    } catch (error) {
      await rename(old, target.dir);
      throw error;
    }
    moved.length = 0;
    await rm(old, { recursive: true, force: true });
  } finally {
    // On a failure before the swap, the user's entries go back where they were.
    await moveEntries(moved, staging, target.dir);
  }
}

/** Removes a staging folder (and its zip) after a failure. */
export async function discardStaging(staging: string): Promise<void> {
  await rm(staging, { recursive: true, force: true });
  await rm(`${staging}.zip`, { force: true });
}
