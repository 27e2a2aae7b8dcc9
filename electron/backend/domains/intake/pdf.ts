/**
 * PDF brochures through pdf.js (the legacy build, which runs in Node): the text of each page put
 * back into lines (items on one baseline, wide gaps as table cells), wrapped lines joined into
 * paragraphs, larger lines as heading candidates, and the pictures kept where they stand.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import sharp from 'sharp';
import { numberingOf } from './headings';
import { printedBrackets } from './ocrText';
import type { SourceBlock } from './htmlToBlocks';
import { linesToBlocks, type TextLine } from './lines';
import { printMargins, withoutPageChromeBlocks } from './pageChrome';
import { drawsOutlines, renderPage } from './pdfRender';
import { pageRules, ruleBetween, rulesAcross, type PageRules } from './pdfRules';
import { isPageNumber } from './printedPages';

export const MAX_PDF_PAGES = 60;
/** Pictures smaller than this (rules, bullets, tiny icons) are not kept. */
const MIN_PICTURE_SIDE = 120;

export class PdfProblem extends Error {
  constructor(
    readonly code: 'pdf.encrypted' | 'pdf.unreadable' | 'pdf.no_text' | 'pdf.outlined_text',
    message: string,
  ) {
    super(message);
  }
}

/** What pdf.js gives per run of text: the string, its transform (x, y, size) and width. */
type TextItem = { str: string; transform: number[]; width: number };

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');
let pdfjs: Promise<PdfJs> | undefined;
const loadPdfJs = () => (pdfjs ??= import('pdfjs-dist/legacy/build/pdf.mjs'));

/** pdf.js's character maps and standard fonts, for PDFs whose Chinese fonts are not embedded. */
function resourceUrls() {
  const root = path.dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
  return {
    cMapUrl: `${pathToFileURL(path.join(root, 'cmaps')).href}/`,
    standardFontDataUrl: `${pathToFileURL(path.join(root, 'standard_fonts')).href}/`,
  };
}

interface PlacedLine extends TextLine {
  top: number;
  left: number;
  right: number;
  /** Where each cell starts and ends, left to right. */
  cellLefts: number[];
  cellRights?: number[];
  /** The vertical rules the line runs between, left to right, when a ruled table's cells hold it. */
  rules?: number[];
}

const isCjk = (ch: string | undefined) => Boolean(ch && /[\u3000-\u9fff\uff00-\uffef]/.test(ch));

/**
 * Items on one baseline → a line; a gap wider than 1.5 em separates cells, a narrower one is a space (between Latin words, a
 * fifth of an em). An item starting at one of the table's `columns` starts a cell however near the text before it ends.
 */
function lineOf(items: TextItem[], pageHeight: number, columns: number[] = [], tableColumns: number[] = []): PlacedLine {
  const sorted = [...items].sort((a, b) => a.transform[4]! - b.transform[4]!);
  const size = Math.max(...sorted.map((i) => Math.hypot(i.transform[2]!, i.transform[3]!)));
  const cells: { text: string; left: number; right: number }[] = [];
  let end: number | undefined;
  for (const item of sorted) {
    const x = item.transform[4]!;
    const current = cells.at(-1);
    const atColumn = end !== undefined && x > end && columns.some((start) => Math.abs(start - x) < 1);
    if (!current || end === undefined || x - end > size * 1.5 || atColumn) cells.push({ text: item.str, left: x, right: x + item.width });
    // A gap of half an em is a typed space, also between Chinese words ("亲子游泳 6个月-3岁"): Chinese text set solid has none.
    else
      current.text +=
        (x - end > size * 0.5 || (x - end > size * 0.2 && !isCjk(current.text.at(-1)) && !isCjk(item.str[0])) ? ' ' : '') + item.str;
    end = x + item.width;
    cells.at(-1)!.right = end;
  }
  const clean = withSkippedCells(
    cells.map((c) => ({ ...c, text: c.text.replace(/\s+/g, ' ').trim() })).filter((c) => c.text),
    tableColumns,
  );
  return {
    text: clean.map((c) => c.text).join('  '),
    ...(clean.length > 1 ? { cells: clean.map((c) => c.text) } : {}),
    cellLefts: clean.map((c) => c.left),
    cellRights: clean.map((c) => c.right),
    size,
    top: pageHeight - sorted[0]!.transform[5]!,
    left: sorted[0]!.transform[4]!,
    right: end ?? 0,
  };
}

/**
 * A row of a table whose columns are known, with a cell left empty (no model written): the next cell starts at a column
 * further on, and an empty cell stands for each column skipped, so every cell stays under its column's heading.
 */
function withSkippedCells<T extends { text: string; left: number; right: number }>(cells: T[], columns: number[]): T[] {
  if (!columns.length) return cells;
  const starts = [...columns].sort((a, b) => a - b);
  const columnOf = (x: number) => starts.filter((start) => start <= x + 1).length;
  const out: T[] = [];
  for (const [i, cell] of cells.entries()) {
    const column = columnOf(cell.left);
    const atStart = starts.some((start) => Math.abs(start - cell.left) < 1);
    if (i > 0 && atStart)
      for (let skipped = columnOf(cells[i - 1]!.left) + 1; skipped < column; skipped++)
        out.push({ ...cell, text: '', left: starts[skipped - 1]!, right: starts[skipped - 1]! });
    out.push(cell);
  }
  return out;
}

/**
 * Groups a page's text items into lines, top to bottom; the rows of a table are cut at its columns: at the vertical rules
 * the page draws across a row (`rules`), else where the cells of several rows start.
 */
function pageLines(items: TextItem[], pageHeight: number, rules?: PageRules): PlacedLine[] {
  const visible = items.filter((i) => i.str.trim());
  const rows: TextItem[][] = [];
  for (const item of [...visible].sort((a, b) => b.transform[5]! - a.transform[5]!)) {
    const size = Math.hypot(item.transform[2]!, item.transform[3]!);
    const row = rows.find((r) => Math.abs(r[0]!.transform[5]! - item.transform[5]!) < size * 0.4);
    if (row) row.push(item);
    else rows.push([item]);
  }
  const ruled = rows.map((r) => (rules ? ruledLine(r, pageHeight, rules) : undefined));
  const lines = rows.map((r, i) => ruled[i] ?? lineOf(r, pageHeight));
  const starts = columnStarts(
    lines.filter((_, i) => !ruled[i]),
    3,
  );
  const tables = tableRuns(lines);
  const placed = lines
    .map((line, i) => {
      if (ruled[i]) return line;
      const table = tables.find((run) => run.includes(i));
      const tableStarts = table
        ? columnStarts(
            table.map((j) => lines[j]!),
            2,
          )
        : [];
      return line.cells && (starts.length || tableStarts.length)
        ? lineOf(rows[i]!, pageHeight, [...starts, ...tableStarts], tableStarts)
        : line;
    })
    .sort((a, b) => a.top - b.top);
  return rules ? withinRuledCells(placed, rules) : placed;
}

/**
 * A line in a ruled table: its items between the vertical rules that cross it, one cell between each two rules (an empty
 * one where nothing is written). Undefined when fewer than two rules cross the line or text stands outside them.
 */
function ruledLine(row: TextItem[], pageHeight: number, rules: PageRules): PlacedLine | undefined {
  let items = row;
  const size = Math.max(...items.map((i) => Math.hypot(i.transform[2]!, i.transform[3]!)));
  const middle = topOf(items[0]!, pageHeight) - size * 0.35;
  const xs = rulesAcross(rules, middle);
  const centre = (i: TextItem) => leftOf(i) + i.width / 2;
  if (xs.length < 2) return undefined;
  items = items.flatMap((item) => splitAtRules(item, xs));
  if (items.some((i) => centre(i) < xs[0]! || centre(i) > xs.at(-1)!)) return undefined;
  const boxes = xs.slice(1).map((right, k) => items.filter((i) => centre(i) >= xs[k]! && centre(i) < right));
  const texts = boxes.map((box) => (box.length ? (lineOf(box, pageHeight).cells?.join(' ') ?? lineOf(box, pageHeight).text) : ''));
  const whole = lineOf(items, pageHeight);
  const cells = texts.length > 1 ? texts : undefined;
  return {
    ...whole,
    text: cells ? cells.join('  ') : texts[0]!,
    ...(cells ? { cells } : { cells: undefined }),
    cellLefts: cells ? xs.slice(0, -1) : [whole.left],
    cellRights: cells ? xs.slice(1) : [whole.right],
    rules: xs,
  };
}

/**
 * pdf.js joins runs close on one line into one item, with a space between ("165 for grills"), also across a rule between
 * two cells: such an item is cut at the space nearest the rule, its width shared out by characters.
 */
function splitAtRules(item: TextItem, xs: number[]): TextItem[] {
  const [left, right] = [leftOf(item), rightOf(item)];
  const x = xs.find((rule) => rule > left + 2 && rule < right - 2);
  if (x === undefined || !/\s/.test(item.str.trim())) return [item];
  const perCharacter = item.width / item.str.length;
  const spaces = [...item.str.matchAll(/\s+/g)].filter((m) => m.index > 0 && m.index + m[0].length < item.str.length);
  if (!spaces.length) return [item];
  const cut = spaces.reduce((a, b) => (Math.abs(left + a.index * perCharacter - x) <= Math.abs(left + b.index * perCharacter - x) ? a : b));
  const head = item.str.slice(0, cut.index);
  const tail = item.str.slice(cut.index + cut[0].length);
  const tailLeft = left + (cut.index + cut[0].length) * perCharacter;
  const moved = (transform: number[], to: number) => [...transform.slice(0, 4), to, transform[5]!];
  return [
    { str: head, transform: item.transform, width: head.length * perCharacter },
    ...splitAtRules({ str: tail, transform: moved(item.transform, tailLeft), width: right - tailLeft }, xs),
  ];
}

/**
 * Lines of one ruled box joined: a cell's text wrapped onto a second line stays in its cell, the rows one under the other
 * being apart only where a horizontal rule runs between them. A box of one cell (a merged row under a table: notes, the
 * contact) is joined only where its line ran out of room for the next line's first word, so a framed list of short
 * lines stays lines.
 */
function withinRuledCells(lines: PlacedLine[], rules: PageRules): PlacedLine[] {
  const out: PlacedLine[] = [];
  // The top of the last line joined into the box: a rule under it ends the box.
  let lastTop = 0;
  for (const line of lines) {
    const previous = out.at(-1);
    const same = previous?.rules && line.rules && previous.rules.join() === line.rules.join();
    const size = line.size ?? 10;
    const [left, right] = [line.rules?.[0] ?? 0, line.rules?.at(-1) ?? 0];
    const apart =
      !previous ||
      !same ||
      ruleBetween(rules, lastTop, line.top - size * 0.8, left, right) ||
      !ruleAbove(rules, previous, left, right) ||
      (!line.cells && !previous.cells && right - previous.right - size * 0.5 >= firstWordWidth(line.text, size));
    lastTop = line.top;
    if (apart) {
      out.push(line);
      continue;
    }
    const cells = previous.cells ? previous.cells.map((cell, k) => glued(cell, line.cells?.[k] ?? '')) : undefined;
    out[out.length - 1] = {
      ...previous,
      text: cells ? cells.join('  ') : glued(previous.text, line.text),
      ...(cells ? { cells } : {}),
      right: line.right,
    };
  }
  return out;
}

/** A horizontal rule closes the box above the line: the table is ruled across, so rows without one between are one row. */
const ruleAbove = (rules: PageRules, line: PlacedLine, left: number, right: number) =>
  ruleBetween(rules, line.top - (line.size ?? 10) * 3, line.top - (line.size ?? 10) * 0.8, left, right);

/** Two pieces of a cell's text joined: a space between Latin words only (not after a dash or slash: "6000-" / "8000元"). */
const glued = (a: string, b: string) => (!a || !b ? a + b : a + (!isCjk(a.at(-1)) && !isCjk(b[0]) && !/[-/]$/.test(a) ? ' ' : '') + b);

/** About how wide the line's first unbreakable piece is: a run of Latin letters and digits, else one character. */
function firstWordWidth(text: string, size: number): number {
  const latin = /^[A-Za-z0-9.@+\-]+/.exec(text)?.[0];
  return latin ? latin.length * size * 0.55 : size;
}

/**
 * The lines of each table on a page, by index: lines in cells one under the other, with the lines between them that
 * hold one wrapped cell; a line of text at the table's left edge (a heading, a paragraph) ends it.
 */
function tableRuns(lines: PlacedLine[]): number[][] {
  const runs: number[][] = [];
  let run: number[] = [];
  let left = Infinity;
  for (const [i, line] of lines.entries()) {
    if (line.cells) {
      run.push(i);
      left = Math.min(left, line.left);
    } else if (line.left <= left + 2) {
      if (run.length >= 2) runs.push(run);
      run = [];
      left = Infinity;
    }
  }
  if (run.length >= 2) runs.push(run);
  return runs;
}

/**
 * Where a table's columns start: a cell start (after the first cell) that three rows or more share. A name that fills its
 * cell ends close to the next column ("光威战狼台钓竿4.5 根"), nearer than the gap that separates cells elsewhere.
 */
function columnStarts(lines: PlacedLine[], rowsAtLeast: number): number[] {
  const counts = new Map<number, number>();
  for (const line of lines)
    if (line.cells) for (const left of line.cellLefts.slice(1)) counts.set(Math.round(left), (counts.get(Math.round(left)) ?? 0) + 1);
  // Within one table two rows make a column too (a model written in two rows only), unless a start more rows share lies
  // within an em: a centred heading and its wrapped second line start near the column, not at it.
  const shared = [...counts].filter(([, n]) => n >= rowsAtLeast);
  // An em of the lines' type, at least 10 points (a scanner app's OCR layer sets each line's cells a little apart).
  const sizes = lines.map((l) => l.size ?? 0).sort((a, b) => a - b);
  const em = Math.max(10, sizes[Math.floor(sizes.length / 2)] ?? 0);
  return shared.filter(([x, n]) => n >= 3 || !shared.some(([y, m]) => m > n && Math.abs(x - y) < em)).map(([x]) => x);
}

/** "智能控制仪……………￥280": a name led by dots to its price, a line of a price list however far it runs. */
const LEADER_LINE = /(?:\.{4,}|…{2,}|·{4,}|-{4,})\s*\S{1,16}$/;

/**
 * A line that starts something of its own, wherever the one above ends: a label ("咨询电话：…"), a date
 * ("11月15日 …", "2026年10月 …"), a numbering, a position with its headcount ("前台接待1名 …").
 */
function startsOwnLine(text: string): boolean {
  const t = text.trim();
  return (
    /^[^，。；\s]{1,8}[：:]/.test(t) ||
    /^(?:(?:19|20)\d{2}\s*[年\-/.]\s*\d{1,2}(?!\d)|\d{1,2}\s*月\s*\d{1,2}\s*[日号])/.test(t) ||
    /^[\u4e00-\u9fffA-Za-z]{2,10}\s*\d{1,3}\s*[名人位](?![\u4e00-\u9fff])/.test(t) ||
    Boolean(numberingOf(t))
  );
}

/**
 * A line that continues the one above: same size, no cells, the one above running to the right margin
 * (and no price list line), and the line not starting something of its own. A phone's article sets its lines up to
 * 1.9 lines apart.
 */
function continues(previous: PlacedLine, line: PlacedLine, rightMargin: number): boolean {
  if (previous.cells || line.cells || previous.rules || line.rules || Math.abs((previous.size ?? 0) - (line.size ?? 0)) > 0.5) return false;
  if (LEADER_LINE.test(previous.text) || LEADER_LINE.test(line.text) || startsOwnLine(line.text)) return false;
  const size = line.size ?? 10;
  return (
    previous.right >= rightMargin - size * 2 && line.top - previous.top <= size * 1.9 && Math.abs(line.left - previous.left) < size * 3
  );
}

/**
 * A short line over a line that starts with a price ("拉坯体验" / "￥168/人 1.5小时"): the name of the next item in a list,
 * not the rest of the line above, however far that runs.
 */
function namesPriceUnder(line: PlacedLine, next: PlacedLine | undefined): boolean {
  return Boolean(next && /^[￥¥]\s*\d/.test(next.text) && line.text.length <= 20 && !/[，。；,;]/.test(line.text));
}

/**
 * A table cell's text wrapped onto the next line ("计件，月均6000-" / "8000元"): the line right under a
 * table row with nothing in the row's first column. Returns the row with the text joined into the
 * cells it stands under, or undefined when the line is a row (or text) of its own.
 */
function wrappedCells(row: PlacedLine, line: PlacedLine, after: PlacedLine | undefined): PlacedLine | undefined {
  const size = line.size ?? 10;
  if (!row.cells || line.top - row.top > size * 1.8) return undefined;
  if (line.left < row.cellLefts[1]! - size && !wrappedFirstCell(row, line, after)) return undefined;
  const parts = line.cells ?? [line.text];
  const cells = [...row.cells];
  parts.forEach((part, i) => {
    const left = line.cellLefts[i] ?? line.left;
    const column = Math.max(
      0,
      row.cellLefts.findLastIndex((x) => x <= left + size),
    );
    cells[column] += (!isCjk(cells[column]!.at(-1)) && !isCjk(part[0]) && !/[-/]$/.test(cells[column]!) ? ' ' : '') + part;
  });
  return { ...row, cells, text: cells.join('  '), top: line.top };
}

/**
 * A table's heading row wrapped in its narrow cells ("序  产品名称  单  单价" / "号  位  （元）"): a line of words right under a
 * row of words, no figures in either, each of its pieces under one of the row's cells. Returns the row with each piece joined
 * to the heading it stands under, or undefined.
 */
function wrappedHeadings(row: PlacedLine, line: PlacedLine): PlacedLine | undefined {
  const size = line.size ?? 10;
  if (!row.cells || !line.cells || row.cells.length < 3 || line.cells.length > row.cells.length) return undefined;
  if (line.top - row.top > size * 1.8 || [...row.cells, ...line.cells].some((cell) => /\d/.test(cell))) return undefined;
  const under = line.cellLefts.map((left) => row.cellLefts.findIndex((x) => Math.abs(x - left) < size * 1.5));
  if (under.some((column) => column < 0) || new Set(under).size < under.length) return undefined;
  const cells = [...row.cells];
  line.cells.forEach((part, i) => {
    if (!part) return;
    const above = cells[under[i]!]!;
    cells[under[i]!] = above + (!isCjk(above.at(-1)) && !isCjk(part[0]) ? ' ' : '') + part;
  });
  return { ...row, cells, text: cells.join('  '), top: line.top };
}

/**
 * The rest of a row's first cell on the line under it ("光威战狼台钓竿4.5" / "米"): one piece under the first cell, which
 * ran to within three characters of the next column (Word moves a closing bracket down with the character before it), in
 * the same size (a heading under a table starts something else), with the table going on under it or closing a bracket
 * the cell left open ("禧玛诺路亚竿（直" / "柄）"): a line of text under a table is no part of its last row.
 */
function wrappedFirstCell(row: PlacedLine, line: PlacedLine, after: PlacedLine | undefined): boolean {
  const size = line.size ?? 10;
  const next = row.cellLefts[1]!;
  const first = row.cells![0]!;
  const closesBracket = /[（(][^）)]*$/.test(first) && /^[^（(]*[）)]/.test(line.text);
  return (
    !line.cells &&
    (Boolean(after?.cells) || closesBracket) &&
    Math.abs((row.size ?? 0) - size) <= 0.5 &&
    Math.abs(line.left - row.cellLefts[0]!) < size &&
    line.right < next &&
    (row.cellRights?.[0] ?? 0) > next - size * 3.5
  );
}

/**
 * Wrapped lines and wrapped table cells joined; a paragraph gap (more than 1.8 lines) becomes an empty line, which marks headings.
 * Text wraps at a right margin that several lines reach; where only the longest line reaches it (a slide's
 * short lines, a list), no line is taken for the rest of the one above.
 */
function paragraphs(lines: PlacedLine[], document?: { margin?: number }): PlacedLine[] {
  const widest = Math.max(...lines.map((l) => l.right));
  const reaching = lines.filter((l) => !l.cells && l.right >= widest - (l.size ?? 10) * 2).length;
  // A page of few lines wraps at the margin the document's earlier pages showed, when its longest line reaches that.
  const earlier = document?.margin !== undefined && Math.abs(widest - document.margin) <= 12 ? document.margin : Infinity;
  const rightMargin = reaching >= 2 ? widest : earlier;
  if (document && reaching >= 2) document.margin = widest;
  const out: PlacedLine[] = [];
  for (const [i, line] of lines.entries()) {
    const previous = out.at(-1);
    const joined = previous && (wrappedHeadings(previous, line) ?? wrappedCells(previous, line, lines[i + 1]));
    if (joined) out[out.length - 1] = joined;
    else if (previous && previous.text && continues(previous, line, rightMargin) && !namesPriceUnder(line, lines[i + 1])) {
      const glue = !isCjk(previous.text.at(-1)) && !isCjk(line.text[0]) ? ' ' : '';
      out[out.length - 1] = { ...previous, text: previous.text + glue + line.text, right: line.right, top: line.top };
    } else {
      // Rows of a ruled table (a sheet printed with tall rows) are no paragraphs apart.
      const rows = previous?.rules && line.rules && line.top - previous.top <= (line.size ?? 10) * 4;
      if (previous && previous.text && !rows && line.top - previous.top > (line.size ?? 10) * 2.4)
        out.push({ text: '', top: previous.top, left: 0, right: 0, cellLefts: [] });
      out.push(line);
    }
  }
  return out;
}

const leftOf = (item: TextItem) => item.transform[4]!;
const rightOf = (item: TextItem) => item.transform[4]! + item.width;
const topOf = (item: TextItem, pageHeight: number) => pageHeight - item.transform[5]!;

/**
 * A page set in newspaper columns (a brochure in two columns, a tri-fold in three, portrait or landscape): each gutter is
 * an empty vertical band in the middle of the page that no text crosses below the page's heading lines. Returns the items
 * above the columns and each column's items, left to right; undefined for a page in one column (a table's column gaps
 * are crossed by the full-width text below or above them, or its rows run across the gaps).
 */
function newspaperColumns(items: TextItem[], pageWidth: number, pageHeight: number): [TextItem[], TextItem[][]] | undefined {
  let gutters = freeBands(items, pageWidth, pageHeight);
  const rowOf = (i: TextItem) => Math.round(topOf(i, pageHeight));
  const rows = (list: TextItem[]) => new Set(list.map(rowOf)).size;
  for (;;) {
    // One gutter lies in the middle of the page; two or more divide it into panels.
    if (gutters.length === 1 && (gutters[0]! < pageWidth * 0.3 || gutters[0]! > pageWidth * 0.7)) return undefined;
    if (!gutters.length) return undefined;
    const titleRows = new Set(items.filter((i) => gutters.some((x) => leftOf(i) < x && rightOf(i) > x)).map(rowOf));
    const header = items.filter((i) => titleRows.has(rowOf(i)));
    const body = items.filter((i) => !titleRows.has(rowOf(i)));
    const columns = gutters.map(() => [] as TextItem[]).concat([[]]);
    for (const item of body) columns[gutters.filter((x) => x <= leftOf(item)).length]!.push(item);
    // A column of a few lines (a caption, a stray note) is no column of its own: the gutter beside it goes.
    const thin = columns.findIndex((c) => rows(c) < (gutters.length > 1 ? 3 : 4));
    if (thin < 0) return isOneTable(body, gutters, pageHeight) ? undefined : [header, columns];
    gutters = gutters.filter((_, k) => k !== Math.max(0, thin - 1));
  }
}

/** The middles of the empty vertical bands (8 pt or wider) between a quarter and three quarters of the page's width. */
function freeBands(items: TextItem[], pageWidth: number, pageHeight: number): number[] {
  const GUTTER = 8;
  const bands: number[] = [];
  const from = Math.round(pageWidth * 0.25);
  const to = Math.round(pageWidth * 0.75);
  let start: number | undefined;
  for (let x = from; x <= to; x++) {
    const free = onlyHeadingsCross(items, x, pageHeight);
    if (free) start ??= x;
    if ((!free || x === to) && start !== undefined) {
      if (x - start >= GUTTER) bands.push((start + x) / 2);
      start = undefined;
    }
  }
  return bands;
}

/**
 * A table whose column gaps look like gutters (a price list: name and unit left, prices right): most lines across a gap
 * hold more cells than the columns they run over (two columns of prose hold one a column); in three columns or more,
 * two rows in three or more have text in the first column and another (a table's rows start with their names, where
 * a brochure's panels each run lines of their own).
 */
function isOneTable(body: TextItem[], gutters: number[], pageHeight: number): boolean {
  const columnOf = (x: number) => gutters.filter((g) => g <= x).length;
  const lines = pageLines(body, pageHeight);
  const across = lines.filter((l) => columnOf(l.left) !== columnOf(l.right));
  const crowded = across.filter((l) => (l.cells?.length ?? 1) > columnOf(l.right) - columnOf(l.left) + 1).length;
  if (crowded * 2 > across.length) return true;
  const named = lines.filter((l) => columnOf(l.left) === 0 && columnOf(l.right) > 0).length;
  return gutters.length > 1 && named * 3 >= lines.length * 2;
}

/** No text crosses `x` except the lines of a title above everything else (a title over both columns). */
function onlyHeadingsCross(items: TextItem[], x: number, pageHeight: number): boolean {
  const crossingRows = new Set(items.filter((i) => leftOf(i) < x && rightOf(i) > x).map((i) => Math.round(topOf(i, pageHeight))));
  if (crossingRows.size === 0) return true;
  const besideTops = items.map((i) => Math.round(topOf(i, pageHeight))).filter((top) => !crossingRows.has(top));
  return besideTops.length > 0 && Math.max(...crossingRows) < Math.min(...besideTops);
}

/** A page's lines in reading order: in newspaper columns, the heading lines, then each column, left to right. */
function pageText(
  items: TextItem[],
  pageWidth: number,
  pageHeight: number,
  document?: { margin?: number },
  rules?: PageRules,
): PlacedLine[] {
  const visible = items.filter((i) => i.str.trim());
  const columns = newspaperColumns(visible, pageWidth, pageHeight);
  if (!columns) {
    // The browser's print header and footer go before paragraphs are joined: their width is no margin the text wraps at.
    const lines = pageLines(visible, pageHeight, rules);
    const margins = printMargins(lines.map((l) => l.text));
    return paragraphs(
      lines.filter((_, i) => !margins.has(i)),
      document,
    );
  }
  const [header, body] = columns;
  // Tops keep the order when pictures are sorted in: each column comes after the one on its left.
  const shift = (lines: PlacedLine[], by: number) => lines.map((l) => ({ ...l, top: l.top + by }));
  return [
    ...paragraphs(pageLines(header, pageHeight)),
    ...body.flatMap((column, k) => shift(paragraphs(pageLines(column, pageHeight)), k * pageHeight)),
  ];
}

interface PlacedPicture {
  top: number;
  bytes: Buffer;
  /** The share of the page the picture covers. */
  cover: number;
}

type OperatorList = Awaited<ReturnType<PdfPage['getOperatorList']>>;

/** The page's pictures with their position: the operator list walked with its transform stack. */
async function pagePictures(
  page: PdfPage,
  list: OperatorList,
  OPS: PdfJs['OPS'],
  pageWidth: number,
  pageHeight: number,
): Promise<PlacedPicture[]> {
  const pictures: PlacedPicture[] = [];
  let ctm = [1, 0, 0, 1, 0, 0];
  const stack: number[][] = [];
  for (let i = 0; i < list.fnArray.length; i++) {
    const fn = list.fnArray[i];
    const args = list.argsArray[i] as unknown[];
    if (fn === OPS.save) stack.push(ctm);
    else if (fn === OPS.restore) ctm = stack.pop() ?? [1, 0, 0, 1, 0, 0];
    else if (fn === OPS.transform) {
      const [a, b, c, d, e, f] = args as number[];
      ctm = [
        a! * ctm[0]! + b! * ctm[2]!,
        a! * ctm[1]! + b! * ctm[3]!,
        c! * ctm[0]! + d! * ctm[2]!,
        c! * ctm[1]! + d! * ctm[3]!,
        e! * ctm[0]! + f! * ctm[2]! + ctm[4]!,
        e! * ctm[1]! + f! * ctm[3]! + ctm[5]!,
      ];
    } else if (fn === OPS.paintImageXObject) {
      const image = await new Promise<{ width: number; height: number; kind: number; data?: Uint8ClampedArray } | undefined>((resolve) => {
        try {
          page.objs.get(args[0] as string, resolve);
        } catch {
          resolve(undefined);
        }
      });
      if (!image?.data || image.width < MIN_PICTURE_SIDE || image.height < MIN_PICTURE_SIDE) continue;
      const channels = image.kind === 3 ? 4 : image.kind === 2 ? 3 : 0;
      if (!channels) continue; // 1-bit masks and the like: not photos
      const bytes = await sharp(Buffer.from(image.data.buffer, image.data.byteOffset, image.data.byteLength), {
        raw: { width: image.width, height: image.height, channels },
      })
        .jpeg({ quality: 90 })
        .toBuffer();
      const cover = Math.abs(ctm[0]! * ctm[3]! - ctm[1]! * ctm[2]!) / (pageWidth * pageHeight);
      pictures.push({ top: pageHeight - (ctm[5]! + Math.max(ctm[3]!, 0)), bytes, cover });
    }
  }
  return pictures;
}

type PdfDocument = Awaited<ReturnType<PdfJs['getDocument']>['promise']>;
type PdfPage = Awaited<ReturnType<PdfDocument['getPage']>>;

/** Opens a PDF with pdf.js (no eval, no system fonts), runs `use` on it and frees it; a password or damage is a PdfProblem. */
async function withPdf<T>(bytes: Uint8Array, use: (document: PdfDocument, OPS: PdfJs['OPS']) => Promise<T>): Promise<T> {
  const { getDocument, OPS } = await loadPdfJs();
  let document;
  try {
    document = await getDocument({
      data: new Uint8Array(bytes),
      ...resourceUrls(),
      cMapPacked: true,
      isEvalSupported: false,
      disableFontFace: true,
      useSystemFonts: false,
      verbosity: 0,
    }).promise;
  } catch (error) {
    const name = (error as Error).name;
    if (name === 'PasswordException')
      throw new PdfProblem(
        'pdf.encrypted',
        'The PDF is protected with a password: save it again without a password (or print it to a new PDF) and import it again.',
      );
    throw new PdfProblem(
      'pdf.unreadable',
      `The PDF cannot be read (${(error as Error).message.split('\n')[0]}): it is damaged or not a PDF.`,
    );
  }
  try {
    return await use(document, OPS);
  } finally {
    await document.destroy();
  }
}

const textItems = async (page: PdfPage) => (await page.getTextContent()).items.flatMap((i) => ('str' in i ? [i as TextItem] : []));

/**
 * A PDF's text lines as printed, page by page (no paragraphs joined, cells kept): for a form such as
 * a scanned licence with a text layer. Empty when the PDF holds no text.
 */
export function pdfTextLines(bytes: Uint8Array, maxPages = 2): Promise<TextLine[]> {
  return withPdf(bytes, async (document) => {
    const lines: TextLine[] = [];
    for (let number = 1; number <= Math.min(document.numPages, maxPages); number++) {
      const page = await document.getPage(number);
      const placed = pageLines(await textItems(page), page.view[3]! - page.view[1]!);
      lines.push(...placed.map((l) => ({ text: l.text, ...(l.cells ? { cells: l.cells } : {}) })));
      page.cleanup();
    }
    return lines;
  });
}

export interface PdfContent {
  blocks: SourceBlock[];
  pages: number;
  /** Most of the text is a scanner app's OCR layer over page pictures: read by OCR, so to be checked. */
  ocr: boolean;
  /** The pictures of pages whose text is an OCR layer (the scans themselves, not pictures on the page), in page order. */
  scannedPages: Buffer[];
  /** Pages without text that draw their letters as outlines (转曲), rendered as PNG pictures to be read by OCR. */
  drawnPages: Buffer[];
  /** Outlined pages that could not be rendered (no canvas on this platform). */
  unrenderedPages: number;
}

export const OUTLINED_TEXT_MESSAGE =
  'The PDF has its text turned into outlines (转曲, a print file) and its pages could not be rendered to be read: send the original file (Word, CorelDRAW, Illustrator) or photos of the printed sheet.';

/** A ruled table that ends a page: where its vertical rules stand, and its first row (the header a next page may repeat). */
interface OpenTable {
  rules: number[];
  header: string;
}

const sameRules = (a: number[], b: number[]) => a.length === b.length && a.every((x, i) => Math.abs(x - b[i]!) < 1.5);

/** The first line of a page is a row of the table the page before ended with: cells between the same rules. */
const continuesTable = (table: OpenTable, line: PlacedLine) => Boolean(line.cells && line.rules && sameRules(line.rules, table.rules));

/** The ruled table a page's lines end with (its rows with cells between the same rules), or undefined. */
function openTable(lines: (PlacedLine | { top: number; block: SourceBlock })[], before: OpenTable | undefined): OpenTable | undefined {
  const placed = lines.filter((l) => 'block' in l || l.text);
  const last = placed.at(-1);
  if (!last || 'block' in last || !last.cells || !last.rules) return undefined;
  let start = placed.length - 1;
  for (let i = placed.length - 2; i >= 0; i--) {
    const line = placed[i]!;
    if ('block' in line || !line.cells || !line.rules || !sameRules(line.rules, last.rules)) break;
    start = i;
  }
  const first = placed[start] as PlacedLine;
  // The whole page continued the table before: its header is the one that table began with.
  if (start === 0 && before && sameRules(before.rules, last.rules)) return before;
  return { rules: last.rules, header: first.text };
}

/** A picture covering this much of a page without text may be a scanned page (Word keeps its margins around it). */
const SCAN_COVER = 0.3;

/** An OCR layer's line with its brackets as printed (ocrText.ts). */
const printedLine = (line: PlacedLine) => ({
  text: printedBrackets(line.text),
  ...(line.cells ? { cells: line.cells.map(printedBrackets) } : {}),
});

/** A picture covering this much of a page whose text is all invisible is the scanned page under its OCR text. */
const OCR_LAYER_COVER = 0.6;

/**
 * Whether the page shows text and all of it invisibly (text rendering mode 3, or 7: clip only): the OCR layer a
 * scanner app (扫描全能王, Adobe Scan, a copier) lays over the page's picture, so the text can be searched and copied.
 */
function onlyInvisibleText(list: OperatorList, OPS: PdfJs['OPS']): boolean {
  const shows = new Set<number>([OPS.showText, OPS.showSpacedText, OPS.nextLineShowText, OPS.nextLineSetSpacingShowText]);
  const stack: number[] = [];
  let mode = 0;
  let shown = false;
  for (let i = 0; i < list.fnArray.length; i++) {
    const fn = list.fnArray[i]!;
    // The rendering mode is part of the graphics state: saved and restored with it.
    if (fn === OPS.save) stack.push(mode);
    else if (fn === OPS.restore) mode = stack.pop() ?? 0;
    else if (fn === OPS.setTextRenderingMode) mode = (list.argsArray[i] as number[])[0] ?? 0;
    else if (shows.has(fn)) {
      if (mode !== 3 && mode !== 7) return false;
      shown = true;
    }
  }
  return shown;
}

/**
 * Reads a PDF. `storeImage` receives each picture and returns its sha256 (or undefined when it
 * cannot be used); pictures become image blocks where they stand in the text. A large picture alone on a page
 * without text (a price sheet scanned and inserted after typed pages) may be a scanned page: it also goes to
 * `scannedPage`, to be read by OCR when it looks like a page. A page without text or such a picture that draws its
 * letters as outlines is rendered (`drawnPages`); when no page has text, the blocks are empty and those pages are the PDF.
 */
export function readPdf(
  bytes: Uint8Array,
  storeImage: (bytes: Buffer) => Promise<string | undefined>,
  scannedPage?: (bytes: Buffer) => void,
): Promise<PdfContent> {
  return withPdf(bytes, async (document, OPS) => {
    const lines: TextLine[] = [];
    const pages = Math.min(document.numPages, MAX_PDF_PAGES);
    const wrapping: { margin?: number } = {};
    let table: OpenTable | undefined;
    const scannedPages: Buffer[] = [];
    const drawnPages: Buffer[] = [];
    let unrenderedPages = 0;
    let ocrPages = 0;
    let textPages = 0;
    for (let number = 1; number <= pages; number++) {
      const page = await document.getPage(number);
      const height = page.view[3]! - page.view[1]!;
      const list = await page.getOperatorList();
      const rules = pageRules(list, OPS, height);
      const placed: (PlacedLine | { top: number; block: SourceBlock })[] = pageText(
        await textItems(page),
        page.view[2]! - page.view[0]!,
        height,
        wrapping,
        rules,
      ).filter((l) => !isPageNumber(l.text));
      const pictures = await pagePictures(page, list, OPS, page.view[2]! - page.view[0]!, height);
      const scan = onlyInvisibleText(list, OPS) ? pictures.find((p) => p.cover >= OCR_LAYER_COVER) : undefined;
      if (placed.length) textPages++;
      else if (!pictures.some((p) => p.cover >= SCAN_COVER) && drawsOutlines(list, OPS)) {
        const drawn = await renderPage(page);
        if (drawn) drawnPages.push(drawn);
        else unrenderedPages++;
      }
      if (scan) {
        ocrPages++;
        scannedPages.push(scan.bytes);
        for (const line of placed) if (!('block' in line)) Object.assign(line, printedLine(line));
      }
      // Each picture stands after the last line above it (the scan under an OCR layer is the page, not a picture on it).
      for (const picture of pictures) {
        if (picture === scan) continue;
        if (placed.every((l) => 'block' in l) && picture.cover >= SCAN_COVER) scannedPage?.(picture.bytes);
        const sha256 = await storeImage(picture.bytes);
        if (sha256) placed.push({ top: picture.top, block: { type: 'image', image: { sha256, alt: '' } } });
      }
      placed.sort((a, b) => a.top - b.top);
      const margins = printMargins(placed.map((l) => ('block' in l ? '' : l.text)));
      const kept = placed.filter((_, i) => !margins.has(i));
      const first = kept.find((l) => 'block' in l || l.text);
      // A ruled table going on from the page before (its header repeated or not) stays one table.
      if (table && first && !('block' in first) && continuesTable(table, first)) {
        while (lines.length && !lines.at(-1)!.text && !lines.at(-1)!.block) lines.pop();
        if (first.text === table.header) kept.splice(kept.indexOf(first), 1);
      }
      lines.push(
        ...kept.map((l): TextLine =>
          'block' in l
            ? { text: '', block: l.block }
            : { text: l.text, ...(l.cells ? { cells: l.cells } : {}), ...(l.size ? { size: l.size } : {}) },
        ),
        { text: '' },
      );
      table = openTable(kept, table);
      page.cleanup();
    }
    const hasText = lines.some((l) => l.text.trim());
    if (!hasText && drawnPages.length) return { blocks: [], pages, ocr: true, scannedPages, drawnPages, unrenderedPages };
    if (!hasText && unrenderedPages) throw new PdfProblem('pdf.outlined_text', OUTLINED_TEXT_MESSAGE);
    if (!hasText)
      throw new PdfProblem(
        'pdf.no_text',
        'The PDF holds no text, only scanned pages: export its pages as pictures (JPEG) and import those, so they are read by OCR.',
      );
    return {
      blocks: withoutPageChromeBlocks(linesToBlocks(lines)),
      pages,
      ocr: ocrPages * 2 >= textPages && ocrPages > 0,
      scannedPages,
      drawnPages,
      unrenderedPages,
    };
  });
}
