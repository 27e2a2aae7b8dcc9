/**
 * Where material comes from: paths on this machine (files or whole folders, as the desktop app and
 * the CLI pass them) or uploaded bytes with their names (browser mode). Files are read when they
 * are processed, so a folder of large photos is never all in memory at once.
 */
import { readdirSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { IntakeProblem } from '../../../../shared/api/sites';

export const MAX_FILES = 500;
export const MAX_FOLDER_DEPTH = 4;

export interface IntakeFile {
  /** Shown to people: the path inside the imported folder, or the file name. */
  name: string;
  size: number;
  read(): Promise<Uint8Array>;
}

/**
 * Files people never mean to import: system clutter, Office lock files, and the support files Word writes beside a web
 * page (`公司简介.files/filelist.xml`, `item0001.xml`, `props002.xml`: now that .xml files are read, named apart).
 */
export const isClutter = (name: string) =>
  /^(\.|~\$|__MACOSX$)/.test(name) ||
  /^(thumbs\.db|desktop\.ini|\.ds_store|filelist\.xml|themedata\.thmx|colorschememapping\.xml|editdata\.mso|oledata\.mso|item\d{4}\.xml|props\d{3,4}\.xml)$/i.test(
    name,
  );

const byName = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function walk(root: string, dir: string, depth: number, out: IntakeFile[], problems: IntakeProblem[]): void {
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => byName(a.name, b.name))) {
    if (isClutter(entry.name)) continue;
    const full = path.join(dir, entry.name);
    const name = path.relative(root, full).split(path.sep).join('/');
    if (entry.isDirectory()) {
      if (depth < MAX_FOLDER_DEPTH) walk(root, full, depth + 1, out, problems);
      else
        problems.push({
          file: name,
          code: 'intake.folder_too_deep',
          message: `Folders nested deeper than ${MAX_FOLDER_DEPTH} levels are not read.`,
        });
    } else if (entry.isFile()) out.push(fileAt(full, name));
  }
}

function fileAt(full: string, name: string): IntakeFile {
  return { name, size: statSync(full).size, read: () => readFile(full) };
}

/** Files and folders on disk. A path that does not exist is a problem, not a failure. */
export function filesFromPaths(paths: string[]): { files: IntakeFile[]; problems: IntakeProblem[] } {
  const files: IntakeFile[] = [];
  const problems: IntakeProblem[] = [];
  for (const p of paths) {
    const full = path.resolve(p);
    let stat;
    try {
      stat = statSync(full);
    } catch {
      problems.push({ file: p, code: 'intake.not_found', message: 'No file or folder at this path.' });
      continue;
    }
    if (stat.isDirectory()) walk(full, full, 1, files, problems);
    else files.push(fileAt(full, path.basename(full)));
  }
  return limitCount(files, problems);
}

/** Uploaded files (browser mode): names and bytes. */
export function filesFromPayloads(payloads: { name: string; bytes: Uint8Array }[]): { files: IntakeFile[]; problems: IntakeProblem[] } {
  const files = payloads
    .filter((p) => !isClutter(path.posix.basename(p.name.replace(/\\/g, '/'))))
    .map((p) => ({ name: p.name.replace(/\\/g, '/'), size: p.bytes.byteLength, read: async () => p.bytes }));
  return limitCount(files, []);
}

function limitCount(files: IntakeFile[], problems: IntakeProblem[]): { files: IntakeFile[]; problems: IntakeProblem[] } {
  if (files.length <= MAX_FILES) return { files, problems };
  for (const skipped of files.slice(MAX_FILES))
    problems.push({
      file: skipped.name,
      code: 'intake.too_many_files',
      message: `Only the first ${MAX_FILES} files of one import are read; import the rest separately.`,
    });
  return { files: files.slice(0, MAX_FILES), problems };
}
