/**
 * Material sent as one archive (how a folder travels by WeChat, QQ or e-mail): a .zip, checked like
 * Office files (zipGuard.ts: entry count and unpacked size, counted for real), or a .rar or .7z
 * (sevenZip.ts: 7-Zip as WebAssembly), checked from its listing before it is unpacked: entry count,
 * unpacked size and how many times the archive's size that is. The format is sniffed from the
 * bytes, never the name. Unpacked in the read worker, the files come back to importMaterials.ts and
 * are read like the folder's own, under the archive's name ("资料.rar/产品/白茶.jpg"), so folder
 * hints inside it still count; an archive inside one is not unpacked (importMaterials.ts). Names
 * written by Chinese Windows into a .zip are GBK bytes without the zip's UTF-8 flag; they are
 * decoded as such. Entries encrypted one by one are named; the rest goes on.
 */
import { unzipSync } from 'fflate';
import { SevenZipError, unpackSevenZip, type SevenZipEntry } from './sevenZip';
import { isClutter, MAX_FILES } from './sources';
import { checkZip, MAX_ENTRIES, MAX_UNPACKED_BYTES, ZipProblem } from './zipGuard';

/** An archive that unpacks to more than this many times its size (and over 20 MB) is a bomb, not material. */
const MAX_RATIO = 200;
const RATIO_FLOOR_BYTES = 20 * 1024 * 1024;

export interface ArchiveContents {
  files: { name: string; bytes: Uint8Array }[];
  /** Entries left out because they are encrypted (their names inside the archive). */
  encrypted: string[];
  /** Entries left out because their data is damaged (a CRC error). */
  damaged: string[];
}

export class ArchiveProblem extends Error {
  constructor(
    readonly code: 'archive.unreadable' | 'archive.too_large' | 'archive.encrypted',
    message: string,
  ) {
    super(message);
  }
}

/** fflate decodes a name without the UTF-8 flag as Latin-1: its bytes are then UTF-8 (macOS) or GBK (Windows). */
export function entryName(name: string): string {
  if ([...name].some((ch) => ch.charCodeAt(0) > 0xff) || !/[\u0080-\u00ff]/.test(name)) return name;
  const bytes = Buffer.from(name, 'latin1');
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('gb18030').decode(bytes);
  }
}

/** The general purpose flag of each entry: bit 0 is set when the entry is encrypted. */
function encrypted(bytes: Uint8Array): boolean {
  for (let at = 0; at + 30 <= bytes.length;) {
    if (bytes[at] !== 0x50 || bytes[at + 1] !== 0x4b || bytes[at + 2] !== 0x03 || bytes[at + 3] !== 0x04) return false;
    if (bytes[at + 6]! & 1) return true;
    const view = new DataView(bytes.buffer, bytes.byteOffset + at, 30);
    at += 30 + view.getUint16(26, true) + view.getUint16(28, true) + view.getUint32(18, true);
  }
  return false;
}

const startsWith = (bytes: Uint8Array, magic: number[]) => magic.every((byte, i) => bytes[i] === byte);
const isSevenZip = (bytes: Uint8Array) => startsWith(bytes, [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c]);
/** "Rar!\x1a\x07": RAR 1.5–4 and RAR 5 alike. */
const isRar = (bytes: Uint8Array) => startsWith(bytes, [0x52, 0x61, 0x72, 0x21, 0x1a, 0x07]);

/** A name inside an archive as a relative path: no drive, no leading slash, no "." or ".." parts. */
const safeName = (name: string) =>
  name
    .replace(/\\/g, '/')
    .replace(/^[a-z]:/i, '')
    .split('/')
    .filter((part) => part !== '' && part !== '.' && part !== '..')
    .join('/');

const megabytes = (bytes: number) => Math.ceil(bytes / 1024 / 1024);

/** The limits a .zip gets from zipGuard.ts, from a .7z/.rar's listing. */
function checkListing(entries: SevenZipEntry[], archiveBytes: number): void {
  if (entries.length > MAX_ENTRIES)
    throw new ArchiveProblem('archive.too_large', `The archive holds ${entries.length} entries (at most ${MAX_ENTRIES} are read).`);
  const total = entries.reduce((sum, entry) => sum + entry.size, 0);
  if (total > MAX_UNPACKED_BYTES)
    throw new ArchiveProblem(
      'archive.too_large',
      `The archive unpacks to ${megabytes(total)} MB (at most ${megabytes(MAX_UNPACKED_BYTES)} MB are read): unpack it and import its folders one by one.`,
    );
  if (total > RATIO_FLOOR_BYTES && total > archiveBytes * MAX_RATIO)
    throw new ArchiveProblem(
      'archive.too_large',
      `The archive unpacks to ${Math.round(total / archiveBytes)} times its size: it is damaged or made to fill the disk.`,
    );
}

async function readSevenZip(bytes: Uint8Array): Promise<ArchiveContents> {
  try {
    return await unpackSevenZip(bytes, (entries) => checkListing(entries, bytes.byteLength));
  } catch (error) {
    if (!(error instanceof SevenZipError)) throw error;
    throw error.reason === 'encrypted'
      ? new ArchiveProblem('archive.encrypted', 'The archive is protected with a password: unpack it and import the folder.')
      : new ArchiveProblem('archive.unreadable', error.message);
  }
}

/** Folders and system clutter left out, names made safe, at most MAX_FILES files. */
function keptFiles(files: { name: string; bytes: Uint8Array }[]): { name: string; bytes: Uint8Array }[] {
  return files
    .map((file) => ({ name: safeName(file.name), bytes: file.bytes }))
    .filter((file) => file.name !== '' && !file.name.split('/').some((part) => isClutter(part)))
    .slice(0, MAX_FILES);
}

/** The archive's files (.zip, .rar or .7z, by content), and the names of entries left out as encrypted. */
export async function readArchive(bytes: Uint8Array): Promise<ArchiveContents> {
  if (isSevenZip(bytes) || isRar(bytes)) {
    const contents = await readSevenZip(bytes);
    return { files: keptFiles(contents.files), encrypted: contents.encrypted.map(safeName), damaged: contents.damaged.map(safeName) };
  }
  return { files: keptFiles(readZip(bytes)), encrypted: [], damaged: [] };
}

function readZip(bytes: Uint8Array): { name: string; bytes: Uint8Array }[] {
  try {
    checkZip(bytes);
  } catch (error) {
    if (error instanceof ZipProblem)
      throw new ArchiveProblem(
        error.code === 'office.too_large' ? 'archive.too_large' : 'archive.unreadable',
        error.code === 'office.too_large' ? error.message : 'The archive is damaged or not a .zip, .rar or .7z file.',
      );
    throw error;
  }
  if (encrypted(bytes))
    throw new ArchiveProblem('archive.encrypted', 'The archive is protected with a password: unpack it and import the folder.');
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes);
  } catch (error) {
    throw new ArchiveProblem('archive.unreadable', `The archive cannot be unpacked (${(error as Error).message}).`);
  }
  return Object.entries(files)
    .filter(([name]) => !/[\\/]$/.test(name))
    .map(([name, data]) => ({ name: entryName(name), bytes: data }));
}
