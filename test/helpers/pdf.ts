/** PDFs in tests: their text as poppler's pdftotext reads it (tests that use it run under describeWith(['pdftotext'])), and small ones written by hand. */
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

/**
 * A one-page PDF written by hand, in Helvetica 12 pt (enough for the intake's line reader): each line a
 * list of runs at their x positions, one line every 16 pt from `top` down.
 */
export function helveticaPdf(lines: [number, string][][], page = { width: 612, height: 792, top: 750 }): Uint8Array {
  const stream = lines
    .flatMap((runs, i) => runs.map(([x, text]) => `BT /F1 12 Tf ${x} ${page.top - i * 16} Td (${text}) Tj ET`))
    .join('\n');
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${page.width} ${page.height}] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
  ];
  return pdfOf(objects);
}

/** Lines at x = 50, one under the other, on a letter-size page. */
export const simplePdf = (lines: string[]): Uint8Array => helveticaPdf(lines.map((line) => [[50, line]]));

/** A page of `drawnPdf`: Helvetica runs at (x, y, size) and straight lines stroked from (x1, y1) to (x2, y2), in points from the bottom. */
export interface DrawnPage {
  runs: [x: number, y: number, text: string, size?: number][];
  lines?: [x1: number, y1: number, x2: number, y2: number][];
}

/** A PDF of several pages written by hand, with text and ruling lines (a sheet printed with its cells bordered). */
export function drawnPdf(pages: DrawnPage[], size = { width: 842, height: 595 }): Uint8Array {
  const objects = ['<< /Type /Catalog /Pages 2 0 R >>', '', '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>'];
  const kids: number[] = [];
  for (const page of pages) {
    const stream = [
      ...page.runs.map(([x, y, text, points = 12]) => `BT /F1 ${points} Tf ${x} ${y} Td (${text}) Tj ET`),
      ...(page.lines ?? []).map(([x1, y1, x2, y2]) => `0.5 w ${x1} ${y1} m ${x2} ${y2} l S`),
    ].join('\n');
    objects.push(`<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`);
    objects.push(
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${size.width} ${size.height}] /Resources << /Font << /F1 3 0 R >> >> /Contents ${objects.length} 0 R >>`,
    );
    kids.push(objects.length);
  }
  objects[1] = `<< /Type /Pages /Kids [${kids.map((k) => `${k} 0 R`).join(' ')}] /Count ${kids.length} >>`;
  return pdfOf(objects);
}

/** The objects (1, 2, … in order) as a PDF file with its cross-reference table. */
function pdfOf(objects: string[]): Uint8Array {
  let pdf = '%PDF-1.4\n';
  const offsets = objects.map((body, i) => {
    const offset = pdf.length;
    pdf += `${i + 1} 0 obj\n${body}\nendobj\n`;
    return offset;
  });
  const xref = pdf.length;
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new TextEncoder().encode(pdf);
}
