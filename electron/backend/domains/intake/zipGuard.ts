/**
 * Office files (.docx, .xlsx) are zip archives: before a reader unpacks one, its directory is
 * checked, so a small file that expands to gigabytes (or holds a million entries) is refused with a
 * clear message instead of taking the machine's memory.
 */
import { unzipSync } from 'fflate';

export const MAX_UNPACKED_BYTES = 200 * 1024 * 1024;
export const MAX_ENTRIES = 5000;

export class ZipProblem extends Error {
  constructor(
    readonly code: 'office.too_large' | 'office.unreadable',
    message: string,
  ) {
    super(message);
  }
}

/** Throws ZipProblem when the archive's declared contents are too large or it is not a zip at all. */
export function checkZip(bytes: Uint8Array): void {
  let total = 0;
  let entries = 0;
  try {
    // The filter sees every entry's declared size and unpacks none of them.
    unzipSync(bytes, {
      filter: (file) => {
        entries++;
        total += file.originalSize;
        return false;
      },
    });
  } catch (error) {
    throw new ZipProblem('office.unreadable', `The file is damaged or not an Office document (${(error as Error).message}).`);
  }
  if (entries > MAX_ENTRIES) throw new ZipProblem('office.too_large', `The document holds ${entries} parts (at most ${MAX_ENTRIES} are read): it is damaged or not a real document.`);
  if (total > MAX_UNPACKED_BYTES) throw new ZipProblem('office.too_large', `The document unpacks to ${Math.round(total / 1024 / 1024)} MB (at most ${MAX_UNPACKED_BYTES / 1024 / 1024} MB are read): save it again without embedded videos or huge pictures, or split it.`);
}
