/**
 * Material sent as one .zip (how a folder travels by WeChat or e-mail): checked like Office files
 * (zipGuard.ts: entry count and unpacked size, counted for real) and unpacked in the read worker;
 * its files come back to importMaterials.ts and are read like the folder's own, under the archive's
 * name ("资料.zip/产品/白茶.jpg"), so folder hints inside it still count. Names written by Chinese
 * Windows are GBK bytes without the zip's UTF-8 flag; they are decoded as such.
 */
import { unzipSync } from 'fflate';
import { isClutter, MAX_FILES } from './sources';
import { checkZip, ZipProblem } from './zipGuard';

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

/** The archive's files (folders and system clutter left out), at most MAX_FILES of them. */
export function readArchive(bytes: Uint8Array): { name: string; bytes: Uint8Array }[] {
  try {
    checkZip(bytes);
  } catch (error) {
    if (error instanceof ZipProblem)
      throw new ArchiveProblem(
        error.code === 'office.too_large' ? 'archive.too_large' : 'archive.unreadable',
        error.code === 'office.too_large' ? error.message : 'The archive is damaged or not a .zip file.',
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
    .map(([name, data]) => ({ name: entryName(name).replace(/\\/g, '/'), bytes: data }))
    .filter((entry) => !entry.name.endsWith('/') && !entry.name.split('/').some((part) => isClutter(part)))
    .slice(0, MAX_FILES);
}
