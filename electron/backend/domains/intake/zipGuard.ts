/**
 * Office files (.docx, .xlsx) are zip archives: before a reader unpacks one, its contents are
 * checked, so a small file that expands to gigabytes (or holds a million entries) is refused with a
 * clear message instead of taking the machine's memory. The sizes the zip declares are checked
 * first; then every entry is inflated as a stream and counted, without keeping it, because a
 * crafted zip can declare small sizes and unpack to far more (the readers would only notice after
 * unpacking it all).
 */
import { Inflate } from 'fflate';

/** Everything in the archive, pictures included. */
export const MAX_UNPACKED_BYTES = 200 * 1024 * 1024;
/**
 * The XML a reader parses into memory (document text, sheets, shared strings). Parsing costs
 * about 70 times its size in memory; 10 MB is some 20,000 paragraphs of real Word XML.
 */
const MAX_MARKUP_BYTES = 10 * 1024 * 1024;
export const MAX_ENTRIES = 5000;

const CHUNK = 64 * 1024;

export class ZipProblem extends Error {
  constructor(
    readonly code: 'office.too_large' | 'office.unreadable',
    message: string,
  ) {
    super(message);
  }
}

interface Entry {
  name: string;
  compression: number;
  compressedSize: number;
  declaredSize: number;
  dataStart: number;
}

const unreadable = (why: string) => new ZipProblem('office.unreadable', `The file is damaged or not an Office document (${why}).`);
const isMarkup = (name: string) => /\.(xml|rels)$/i.test(name);
const megabytes = (bytes: number) => Math.ceil(bytes / 1024 / 1024);

/** The central directory's entries, as the readers (JSZip in mammoth and exceljs) see them. */
function directory(bytes: Uint8Array): Entry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let end = bytes.length - 22;
  while (end >= 0 && view.getUint32(end, true) !== 0x06054b50) end--;
  if (end < 0) throw unreadable('no zip directory');
  const count = view.getUint16(end + 10, true);
  if (count > MAX_ENTRIES)
    throw new ZipProblem(
      'office.too_large',
      `The document holds ${count} parts (at most ${MAX_ENTRIES} are read): it is damaged or not a real document.`,
    );
  let offset = view.getUint32(end + 16, true);
  const entries: Entry[] = [];
  for (let i = 0; i < count; i++) {
    if (offset + 46 > bytes.length || view.getUint32(offset, true) !== 0x02014b50) throw unreadable('a broken zip directory');
    const nameLength = view.getUint16(offset + 28, true);
    const local = view.getUint32(offset + 42, true);
    // ZIP64 (sizes of 4 GB and more) is never needed by an Office file small enough to import.
    if (view.getUint32(offset + 20, true) === 0xffffffff || view.getUint32(offset + 24, true) === 0xffffffff || local === 0xffffffff)
      throw unreadable('ZIP64 sizes');
    if (local + 30 > bytes.length || view.getUint32(local, true) !== 0x04034b50) throw unreadable('a broken zip entry');
    entries.push({
      name: new TextDecoder().decode(bytes.subarray(offset + 46, offset + 46 + nameLength)),
      compression: view.getUint16(offset + 10, true),
      compressedSize: view.getUint32(offset + 20, true),
      declaredSize: view.getUint32(offset + 24, true),
      dataStart: local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true),
    });
    offset += 46 + nameLength + view.getUint16(offset + 30, true) + view.getUint16(offset + 32, true);
  }
  return entries;
}

class Budget {
  private total = 0;
  private markup = 0;

  add(entry: Entry, bytes: number): void {
    this.total += bytes;
    if (isMarkup(entry.name)) this.markup += bytes;
    if (this.markup > MAX_MARKUP_BYTES)
      throw new ZipProblem(
        'office.too_large',
        `The document's text unpacks to more than ${megabytes(MAX_MARKUP_BYTES)} MB (at most ${megabytes(MAX_MARKUP_BYTES)} MB are read): split it into smaller documents.`,
      );
    if (this.total > MAX_UNPACKED_BYTES)
      throw new ZipProblem(
        'office.too_large',
        `The document unpacks to more than ${megabytes(MAX_UNPACKED_BYTES)} MB (at most ${megabytes(MAX_UNPACKED_BYTES)} MB are read): save it again without embedded videos or huge pictures, or split it.`,
      );
  }
}

/** Inflates one entry chunk by chunk, counting what comes out and keeping none of it. */
function countInflated(bytes: Uint8Array, entry: Entry, budget: Budget): void {
  const data = bytes.subarray(entry.dataStart, entry.dataStart + entry.compressedSize);
  if (entry.compression === 0) return budget.add(entry, data.length);
  if (entry.compression !== 8) throw unreadable(`compression method ${entry.compression}`);
  const inflate = new Inflate((chunk) => budget.add(entry, chunk.length));
  try {
    for (let at = 0; at < data.length; at += CHUNK) inflate.push(data.subarray(at, at + CHUNK), at + CHUNK >= data.length);
  } catch (error) {
    if (error instanceof ZipProblem) throw error;
    throw unreadable((error as Error).message);
  }
}

/** Throws ZipProblem when the archive is too large once unpacked (declared or real) or is not a zip at all. */
export function checkZip(bytes: Uint8Array): void {
  const entries = directory(bytes);
  const declared = new Budget();
  for (const entry of entries) declared.add(entry, entry.declaredSize);
  const real = new Budget();
  for (const entry of entries) countInflated(bytes, entry, real);
}
