/**
 * Material written twice, English in one column and Chinese in the other ("PRODUCTS | 产品", "Egg
 * Noodles, 500 g, RMB 6.50/bag | 鸡蛋挂面　500克　6.50元/袋"): the site is Chinese, so the Chinese
 * column is read as the document's lines — a cell naming a column is its heading, the others lines
 * of text (spaced cells become a table, as in a typed text).
 */
import { runsText } from '../../../../shared/sites/model';
import type { SourceBlock } from './htmlToBlocks';
import { headingCore, matchColumnKeyword } from './keywords';
import { linesToBlocks } from './lines';

type Table = Extract<SourceBlock, { type: 'table' }>;

const CJK = /[\u4e00-\u9fff]/g;
const LATIN = /[A-Za-z]/g;
const count = (text: string, pattern: RegExp) => text.match(pattern)?.length ?? 0;
const isChinese = (text: string) => count(text, CJK) >= 2 && count(text, LATIN) <= count(text, CJK);
const isEnglish = (text: string) => count(text, LATIN) >= 2 && count(text, CJK) === 0;

/** The index of the Chinese column of a two-column translation table, or undefined. */
function chineseColumn(table: Table): number | undefined {
  const rows = table.rows.map((row) => row.map((cell) => runsText(cell).trim()));
  if (rows.length < 4 || rows.some((row) => row.filter(Boolean).length > 2 || row.length > 2)) return undefined;
  const pairs = rows.filter((row) => row.length === 2 && row[0] && row[1]);
  if (pairs.length * 5 < rows.length * 4) return undefined;
  for (const [english, chinese] of [
    [0, 1],
    [1, 0],
  ] as const)
    if (pairs.filter((row) => isEnglish(row[english]!) && isChinese(row[chinese]!)).length * 5 >= pairs.length * 4) return chinese;
  return undefined;
}

/** A short cell that names a column ("产品", "联系方式") is a heading over the lines after it. */
const isColumnTitle = (text: string) => text.length <= 8 && matchColumnKeyword(text) !== undefined && headingCore(text).length > 0;

function chineseBlocks(table: Table, at: number): SourceBlock[] {
  const texts = table.rows.map((row) => runsText(row[at] ?? []).trim()).filter(Boolean);
  const blocks: SourceBlock[] = [];
  let lines: string[] = [];
  const flush = () => {
    blocks.push(...linesToBlocks(lines.map((text) => ({ text }))));
    lines = [];
  };
  for (const text of texts) {
    if (!isColumnTitle(text)) {
      lines.push(text);
      continue;
    }
    flush();
    blocks.push({ type: 'heading', level: 1, runs: [{ text }], look: true });
  }
  flush();
  return blocks;
}

/** Tables written in English and Chinese side by side, replaced by their Chinese lines. */
export const chineseOfBilingualTables = (blocks: SourceBlock[]): SourceBlock[] =>
  blocks.flatMap((block) => {
    if (block.type !== 'table') return [block];
    const at = chineseColumn(block);
    return at === undefined ? [block] : chineseBlocks(block, at);
  });
