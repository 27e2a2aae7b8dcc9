/**
 * The customer's material as the browser hands it over: dropped files and folders (walked with the
 * File System entries API), or picked with a file or folder input; read as base64 for `sites.import`.
 */

export interface PickedFile {
  /** Path inside what was picked, e.g. `photos/普洱.jpg`. */
  name: string;
  file: File;
}

function readAllEntries(reader: FileSystemDirectoryReader): Promise<FileSystemEntry[]> {
  return new Promise((resolve, reject) => {
    const all: FileSystemEntry[] = [];
    const next = () =>
      reader.readEntries((entries) => {
        if (entries.length === 0) return resolve(all);
        all.push(...entries);
        next();
      }, reject);
    next();
  });
}

const fileOf = (entry: FileSystemFileEntry) => new Promise<File>((resolve, reject) => entry.file(resolve, reject));

async function walk(entry: FileSystemEntry, out: PickedFile[]): Promise<void> {
  if (entry.isFile) {
    out.push({ name: entry.fullPath.replace(/^\/+/, ''), file: await fileOf(entry as FileSystemFileEntry) });
  } else if (entry.isDirectory) {
    const children = await readAllEntries((entry as FileSystemDirectoryEntry).createReader());
    for (const child of children) await walk(child, out);
  }
}

/** Must be called during the drop event: the entries are only available then. */
export function filesFromDrop(data: DataTransfer): Promise<PickedFile[]> {
  const entries = [...data.items].map((item) => item.webkitGetAsEntry?.()).filter((e): e is FileSystemEntry => Boolean(e));
  if (entries.length === 0) return Promise.resolve([...data.files].map((file) => ({ name: file.name, file })));
  return (async () => {
    const out: PickedFile[] = [];
    for (const entry of entries) await walk(entry, out);
    return stripCommonRoot(out);
  })();
}

export function filesFromInput(list: FileList): PickedFile[] {
  return stripCommonRoot([...list].map((file) => ({ name: file.webkitRelativePath || file.name, file })));
}

/** A folder picked or dropped whole: its own name is not part of the paths the report shows. */
export function stripCommonRoot(files: PickedFile[]): PickedFile[] {
  const roots = new Set(files.map((f) => (f.name.includes('/') ? f.name.slice(0, f.name.indexOf('/')) : '')));
  if (roots.size !== 1 || roots.has('')) return files;
  return files.map((f) => ({ ...f, name: f.name.slice(f.name.indexOf('/') + 1) }));
}

const HIDDEN = /(^|\/)(\.|__MACOSX\/|Thumbs\.db$|desktop\.ini$)/i;

/** System clutter (.DS_Store, Thumbs.db, __MACOSX) is never material. */
export const isClutter = (file: PickedFile) => HIDDEN.test(file.name);

export function toBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const url = String(reader.result);
      resolve(url.slice(url.indexOf(',') + 1));
    };
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.readAsDataURL(file);
  });
}

const rank = (name: string) => (/\.(docx?|wps|txt|json|xlsx|xlsm|xls|csv|pdf)$/i.test(name) ? 0 : 1);

/** Documents first (their headings make the columns photos are matched to), then the rest by name. */
export const inImportOrder = (files: PickedFile[]) =>
  [...files].sort((a, b) => rank(a.name) - rank(b.name) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));

/** Splits into groups whose base64 stays under `maxBytes` (4/3 of the file size) and `maxFiles`. */
export function batchesOf(files: PickedFile[], maxBytes: number, maxFiles: number): PickedFile[][] {
  const batches: PickedFile[][] = [];
  let current: PickedFile[] = [];
  let size = 0;
  for (const file of files) {
    const cost = Math.ceil(file.file.size / 3) * 4;
    if (current.length && (size + cost > maxBytes || current.length >= maxFiles)) {
      batches.push(current);
      current = [];
      size = 0;
    }
    current.push(file);
    size += cost;
  }
  if (current.length) batches.push(current);
  return batches;
}
