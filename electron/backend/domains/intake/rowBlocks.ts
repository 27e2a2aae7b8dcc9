/**
 * A sheet written as cards, one product a block of rows: its name alone on a row, then a row per
 * field ("规格 | 14-26寸", "价格 | 35元", "说明 | …"), the same fields in every block. Read as a table
 * with a 名称 column and a column per field, so it is structured like any price list.
 */
import type { UnfoldedGrid } from './crossTab';
import { headerRole } from './tables';

const clean = (cell: string) => cell.replace(/\s+/g, ' ').trim();
const filledOf = (row: string[]) => row.map(clean).filter(Boolean);

/** A field's label: short, no figures ("规格", "价格", "说明"). */
const isLabel = (text: string) => text.length <= 6 && !/\d/.test(text);

interface Block {
  name: string;
  fields: Map<string, string>;
}

/**
 * The grid read as blocks of a name row and field rows, or undefined when it is not written so:
 * at least two blocks, each field row's label known from the blocks, a price or spec among them.
 */
export function readRowBlocks(grid: string[][]): UnfoldedGrid | undefined {
  const rows = grid.map(filledOf).filter((cells) => cells.length > 0);
  // Labels: first cells of two-cell rows, repeated (a label with its value left empty stands alone).
  const paired = new Set(rows.filter((cells) => cells.length === 2 && isLabel(cells[0]!)).map((cells) => cells[0]!));
  const counts = new Map<string, number>();
  for (const cells of rows) if (cells.length <= 2 && paired.has(cells[0]!)) counts.set(cells[0]!, (counts.get(cells[0]!) ?? 0) + 1);
  const labels = new Set([...counts].filter(([, n]) => n >= 2).map(([label]) => label));
  if (![...labels].some((label) => ['price', 'spec'].includes(headerRole(label) ?? ''))) return undefined;
  const isField = (cells: string[]) => labels.has(cells[0]!) && cells.length <= 2;
  const blocks: Block[] = [];
  const titles: string[][] = [];
  const notes: string[] = [];
  rows.forEach((cells, i) => {
    if (isField(cells)) {
      const block = blocks.at(-1);
      if (!block) return titles.push(cells);
      if (block.fields.has(cells[0]!)) return undefined;
      block.fields.set(cells[0]!, cells[1] ?? '');
      return undefined;
    }
    const next = rows[i + 1];
    if (cells.length === 1 && next && isField(next)) blocks.push({ name: cells[0]!, fields: new Map() });
    else if (blocks.length === 0) titles.push(cells);
    else notes.push(cells.join(' '));
  });
  if (blocks.length < 2 || titles.length > 3) return undefined;
  // Every row not in a block stands before the first or after the last one.
  const lastNameAt = rows.findIndex((cells) => cells.length === 1 && cells[0] === blocks.at(-1)!.name);
  if (notes.length > 3 || rows.slice(lastNameAt + 1).filter((cells) => !isField(cells)).length < notes.length) return undefined;
  const fields = [...labels].filter((label) => blocks.some((b) => b.fields.has(label)));
  return {
    rows: [...titles, ['名称', ...fields], ...blocks.map((b) => [b.name, ...fields.map((f) => b.fields.get(f) ?? '')])],
    notes,
  };
}
