/**
 * OCR boxes → rows of text, top to bottom (two columns side by side read one after the other). A phone photo of a page is skewed: boxes of one printed
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

/**
 * `columns`: a page may be printed in two columns side by side (a handbill with a price list on each half): the rows
 * that run across the gap between them are cut there and read column by column, the left one first.
 */
export function ocrRows(lines: OcrLine[], options: { columns?: boolean } = {}): OcrRow[] {
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
  for (const row of rows) row.sort((a, b) => a.left - b.left);
  const stretches = options.columns ? readingOrder(rows, slope, lineHeight) : [rows];
  const out: OcrRow[] = [];
  stretches.forEach((stretch, k) => {
    stretch.forEach((row, i) => {
      const above = i > 0 ? stretch[i - 1] : stretches[k - 1]?.at(-1);
      const newColumn = i === 0 && k > 0 && level(row[0]!) < level(above![0]!);
      if (above && (newColumn || level(row[0]!) - level(above[0]!) > lineHeight * 2.2)) out.push({ text: '', cells: [], score: 1 });
      out.push(rowOf(row, lineHeight));
    });
  });
  return out;
}

/** A row's boxes as cells: a gap wider than a character or so separates them ("清蒸鲈鱼      时价"). */
function rowOf(row: Box[], lineHeight: number): OcrRow {
  const cells: string[] = [];
  row.forEach((box, j) => {
    const gap = j === 0 ? 0 : box.left - row[j - 1]!.right;
    if (j === 0 || gap > lineHeight * 1.2) cells.push(box.line.text);
    else cells[cells.length - 1] += (gap > lineHeight * 0.3 ? ' ' : '') + box.line.text;
  });
  // A box that itself holds a wide gap ("清蒸加吉鱼 时价") keeps it as one cell: the line rules decide.
  return {
    text: cells.join('  '),
    cells: cells.length > 1 ? cells : [],
    score: row.reduce((a, b) => a + b.line.score, 0) / row.length,
  };
}

/**
 * The rows in reading order: a stretch of rows cut by a gap between two columns side by side gives its left halves, then
 * its right halves. Returns stretches of rows, each read top to bottom.
 */
function readingOrder(rows: Box[][], slope: number, lineHeight: number): Box[][][] {
  const gutter = columnGutter(rows, slope, lineHeight);
  if (!gutter) return [rows];
  const { x, from, to } = gutter;
  const side = (row: Box[], left: boolean) => row.filter((b) => straightLeft(b, slope) < x === left);
  return [
    rows.slice(0, from),
    rows
      .slice(from, to)
      .map((row) => side(row, true))
      .filter((row) => row.length),
    rows
      .slice(from, to)
      .map((row) => side(row, false))
      .filter((row) => row.length),
    rows.slice(to),
  ].filter((stretch) => stretch.length);
}

/** A box's left and right as if the photo were straight (a vertical line on the page keeps one x). */
const straightLeft = (b: Box, slope: number) => b.left + slope * b.middleY;
const straightRight = (b: Box, slope: number) => b.right + slope * b.middleY;

/** What a cell holds, to compare the two halves of a row: an amount or a word. */
const cellKind = (text: string) => (/\d|面议|电议|时价/.test(text) ? 'amount' : 'words');

/**
 * The gap between two columns side by side: an x no box crosses in a run of consecutive rows of which three or more (and
 * most) hold cells on both sides, the same number and kinds on each (`厕所疏通 80元起 | 马桶安装 100元/个`), the right
 * halves opening with different words. A table's columns fail this: its right half repeats units or prices, or holds
 * other kinds of cells than its left.
 */
function columnGutter(rows: Box[][], slope: number, lineHeight: number): { x: number; from: number; to: number } | undefined {
  const all = rows.flat();
  const from = Math.min(...all.map((b) => straightLeft(b, slope)));
  const to = Math.max(...all.map((b) => straightRight(b, slope)));
  let best: { x: number; from: number; to: number; halves: number } | undefined;
  const candidates: { x: number; from: number; to: number; halves: number }[] = [];
  for (let x = Math.round(from + (to - from) * 0.3); x <= from + (to - from) * 0.7; x++) {
    let start = 0;
    for (let i = 0; i <= rows.length; i++) {
      const crossed = i === rows.length || rows[i]!.some((b) => straightLeft(b, slope) < x && straightRight(b, slope) > x);
      if (!crossed) continue;
      // The run from its first row with text on both sides to its last: a line on one side before or after is no column's.
      const twoSided = rows
        .slice(start, i)
        .map((row) => row.some((b) => straightRight(b, slope) <= x) && row.some((b) => straightLeft(b, slope) >= x));
      const first = start + twoSided.indexOf(true);
      const last = start + twoSided.lastIndexOf(true);
      const run = rows.slice(first, last + 1);
      const halves = run.filter((row) => halvesAlike(row, x, slope, lineHeight)).length;
      if (halves >= 3 && halves * 2 > run.length && distinctRightNames(run, x, slope))
        candidates.push({ x, from: first, to: last + 1, halves });
      start = i + 1;
    }
  }
  for (const c of candidates) if (!best || c.halves > best.halves) best = c;
  if (!best) return undefined;
  // The middle of the free band: every x of the best run's count that keeps the same rows.
  const band = candidates.filter((c) => c.halves === best.halves && c.from === best.from && c.to === best.to).map((c) => c.x);
  return { x: band[Math.floor(band.length / 2)]!, from: best.from, to: best.to };
}

function halvesAlike(row: Box[], x: number, slope: number, lineHeight: number): boolean {
  const left = row.filter((b) => straightRight(b, slope) <= x);
  const right = row.filter((b) => straightLeft(b, slope) >= x);
  if (!left.length || !right.length) return false;
  const kinds = (boxes: Box[]) => rowOf(boxes, lineHeight).text.split('  ').map(cellKind).join();
  const leftKinds = kinds(left);
  return leftKinds.includes(',') && leftKinds === kinds(right);
}

/** The right halves' first cells are mostly different words (names), not a unit or price repeated down a table. */
function distinctRightNames(run: Box[][], x: number, slope: number): boolean {
  const firsts = run.flatMap((row) => {
    const first = row.find((b) => straightLeft(b, slope) >= x);
    return first && cellKind(first.line.text) === 'words' && row.some((b) => straightRight(b, slope) <= x) ? [first.line.text] : [];
  });
  return firsts.length >= 3 && new Set(firsts).size >= firsts.length * 0.8;
}
