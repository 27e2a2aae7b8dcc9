/**
 * A Word table used as the page's layout: the whole material in one table, prose in rows of one cell
 * merged across (the introduction, "近期动态：…", "长期收购：…", the address) between rows of a
 * price list. Those prose rows are taken out as paragraphs, so the rows between them stay tables
 * and every line is read as what it says. A grid whose every cell is a priced item is its cells as lines.
 */
import { runsText } from '../../../../shared/sites/model';
import { isContactLine } from './contact';
import type { SourceBlock } from './htmlToBlocks';
import { matchColumnKeyword } from './keywords';
import { postLine, productLine } from './lineItems';

type Table = Extract<SourceBlock, { type: 'table' }>;
type Row = Table['rows'][number];

/** Prose, not a short category row ("瓷砖", "卫浴") over the rows it groups. */
const PROSE = 15;

const filledCells = (row: Row) => row.filter((cell) => runsText(cell).trim());
const isProseRow = (row: Row) => filledCells(row).length === 1 && runsText(filledCells(row)[0]!).trim().length >= PROSE;

const paragraph = (text: string): SourceBlock => ({ type: 'paragraph', runs: [{ text }] });

/**
 * A prose row as paragraphs: "近期动态：A。 B。" — a label naming a column in front — is its sentences
 * (the cell's paragraphs, joined by a space when read), each read as a line of its own; a tagged
 * line ("长期收购：…", "地址：…") stays whole.
 */
function proseParagraphs(text: string): SourceBlock[] {
  const labelled = /^([^：:]{2,6})[：:]\s*(.+)$/s.exec(text);
  if (!labelled || postLine(text) || isContactLine(text) || !matchColumnKeyword(labelled[1]!)) return [paragraph(text)];
  return labelled[2]!
    .split(/(?<=[。！!；;])\s+/)
    .map((s) => s.trim())
    .filter(Boolean)
    .map(paragraph);
}

/** The table cut at its prose rows when it has two or more of them beside other rows; else the table. */
function unwrapped(table: Table): SourceBlock[] {
  const prose = table.rows.filter(isProseRow).length;
  if (prose < 2 || table.rows.length - prose < 2) return [table];
  const blocks: SourceBlock[] = [];
  let rows: Row[] = [];
  const flush = () => {
    if (rows.length) blocks.push({ type: 'table', header: false, rows });
    rows = [];
  };
  for (const row of table.rows) {
    if (!isProseRow(row)) {
      rows.push(row);
      continue;
    }
    flush();
    blocks.push(...proseParagraphs(runsText(filledCells(row)[0]!).trim()));
  }
  flush();
  return blocks;
}

/** ①…⑳: circled numbers, whose order is their code points. */
const CIRCLED = /^[\u2460-\u2473]/;

/**
 * Items set side by side in a grid ("①少儿中国舞 1680元/学期 | ④成人爵士舞 1280元/季度"): every cell a
 * priced line with its name, no header. The cells as lines, in their numbers' order when numbered
 * (down the first column, then the next), else row by row.
 */
function itemCells(table: Table): SourceBlock[] | undefined {
  if (table.rows.length < 2 || Math.max(...table.rows.map((row) => row.length)) < 2) return undefined;
  const cells = table.rows.flatMap((row) => row.map((cell) => runsText(cell).trim())).filter(Boolean);
  if (cells.length < 4 || !cells.every((cell) => productLine(cell)?.price)) return undefined;
  const ordered = cells.every((cell) => CIRCLED.test(cell)) ? [...cells].sort((a, b) => a.codePointAt(0)! - b.codePointAt(0)!) : cells;
  return ordered.map(paragraph);
}

export const unwrapLayoutTables = (blocks: SourceBlock[]): SourceBlock[] =>
  blocks.flatMap((block) => (block.type === 'table' ? (itemCells(block) ?? unwrapped(block)) : [block]));
