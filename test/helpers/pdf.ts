/** A PDF's text as poppler's pdftotext reads it (tests that use it run under describeWith(['pdftotext'])). */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { tempDir } from './backend';

/** The text of `pdf`, runs of spaces and tabs squashed to one space. */
export function pdfText(pdf: Uint8Array, fileName = 'document.pdf'): string {
  const file = path.join(tempDir('ecw-pdf-'), fileName);
  writeFileSync(file, pdf);
  return execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).replace(/[ \t]+/g, ' ');
}
