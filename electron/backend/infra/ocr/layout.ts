/**
 * OCR boxes → rows of text, top to bottom. A phone photo of a page is skewed: boxes of one printed
 * line do not share a y, so a box joins a row when its middle lies on the row's slope. Within a
 * row, a gap wider than a character or so separates cells ("清蒸鲈鱼      时价"); a wide vertical
 * gap becomes an empty row, as the empty line it was on paper.
 */
import type { OcrLine } from './types';

export interface OcrRow {
  text: string;
  /** The row's boxes left to right, when there are several with wide gaps between them. */
  cells: string[];
  /** Mean confidence of its boxes. */
  score: number;
}

interface Box {
  line: OcrLine;
  left: number;
  right: number;
  middleY: number;
  height: number;
  /** Rise per pixel to the right, from the box's top edge. */
  slope: number;
}

function boxOf(line: OcrLine): Box {
  const xs = line.box.map((p) => p[0]);
  const ys = line.box.map((p) => p[1]);
  const [tl, tr, br, bl] =
    line.box.length === 4
      ? line.box
      : [
          [Math.min(...xs), Math.min(...ys)],
          [Math.max(...xs), Math.min(...ys)],
          [Math.max(...xs), Math.max(...ys)],
          [Math.min(...xs), Math.max(...ys)],
        ];
  const width = Math.max(1, tr![0] - tl![0]);
  return {
    line,
    left: Math.min(...xs),
    right: Math.max(...xs),
    middleY: ys.reduce((a, b) => a + b, 0) / ys.length,
    height: Math.max(1, (bl![1] - tl![1] + br![1] - tr![1]) / 2),
    slope: (tr![1] - tl![1]) / width,
  };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

export function ocrRows(lines: OcrLine[]): OcrRow[] {
  const boxes = lines.filter((l) => l.text.trim()).map(boxOf);
  if (boxes.length === 0) return [];
  const slope = median(boxes.map((b) => b.slope));
  const lineHeight = median(boxes.map((b) => b.height));
  // Where each box's middle would be at x = 0 if the page were straight: boxes of one row agree.
  const level = (b: Box) => b.middleY - slope * ((b.left + b.right) / 2);
  const rows: Box[][] = [];
  for (const box of [...boxes].sort((a, b) => level(a) - level(b))) {
    const row = rows.at(-1);
    if (row && Math.abs(level(box) - level(row[0]!)) < lineHeight * 0.5) row.push(box);
    else rows.push([box]);
  }
  const out: OcrRow[] = [];
  rows.forEach((row, i) => {
    if (i > 0 && level(row[0]!) - level(rows[i - 1]![0]!) > lineHeight * 2.2) out.push({ text: '', cells: [], score: 1 });
    const sorted = row.sort((a, b) => a.left - b.left);
    const cells: string[] = [];
    sorted.forEach((box, j) => {
      const gap = j === 0 ? 0 : box.left - sorted[j - 1]!.right;
      if (j === 0 || gap > lineHeight * 1.2) cells.push(box.line.text);
      else cells[cells.length - 1] += (gap > lineHeight * 0.3 ? ' ' : '') + box.line.text;
    });
    // A box that itself holds a wide gap ("清蒸加吉鱼 时价") keeps it as one cell: the line rules decide.
    out.push({
      text: cells.join('  '),
      cells: cells.length > 1 ? cells : [],
      score: sorted.reduce((a, b) => a + b.line.score, 0) / sorted.length,
    });
  });
  return out;
}
