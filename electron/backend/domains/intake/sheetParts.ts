/**
 * Two tables set side by side on one sheet (today's prices on the left, a 联系方式 table of labels and values on the
 * right, an empty column between them): each is read on its own, the left one first; so are two tables one under
 * the other, the second starting at a header row of its own. A table of labels and values that are contact fields
 * (地址 | …, 电话 | …, 联系人 | …) is contact lines.
 */
import { isContactLine } from './contact';
import { isHeaderRow } from './tables';

/** The columns of a grid that hold nothing. */
const emptyColumns = (grid: string[][], width: number) =>
  Array.from({ length: width }, (_, i) => i).filter((i) => grid.every((row) => !(row[i] ?? '').trim()));

/** The grid's rows cut to columns `from`…`to` (exclusive), rows left empty dropped. */
const slice = (grid: string[][], from: number, to: number) =>
  grid.map((row) => Array.from({ length: to - from }, (_, i) => row[from + i] ?? '')).filter((row) => row.some((c) => c.trim()));

/**
 * Two tables end at different rows: below the first row with text on both sides of a gap, two rows or more have
 * text on one side only (one table with an empty column has at most a total or a note under it).
 */
function unevenRows(grid: string[][], gaps: number[]): boolean {
  const gap = gaps.find((g) => grid.some((row) => row.slice(0, g).some((c) => c.trim()) && row.slice(g + 1).some((c) => c.trim())));
  if (gap === undefined) return false;
  const sides = grid.map((row) => [row.slice(0, gap).some((c) => c.trim()), row.slice(gap + 1).some((c) => c.trim())]);
  const first = sides.findIndex(([left, right]) => left && right);
  return sides.slice(first).filter(([left, right]) => left !== right).length >= 2;
}

/**
 * The tables of a sheet with an empty column between them, each of two columns or more and two rows or more,
 * left to right; undefined for a sheet of one table.
 */
export function sideBySide(grid: string[][]): string[][][] | undefined {
  const width = Math.max(0, ...grid.map((row) => row.length));
  const parts: string[][][] = [];
  let start = 0;
  for (const gap of [...emptyColumns(grid, width), width]) {
    if (gap > start) parts.push(slice(grid, start, gap));
    start = gap + 1;
  }
  const tables = parts.filter((part) => part.length >= 2 && Math.max(...part.map((row) => row.filter((c) => c.trim()).length)) >= 2);
  return tables.length >= 2 && unevenRows(grid, emptyColumns(grid, width)) ? tables : undefined;
}

/**
 * A table of labels and values naming contact fields ("联系方式" over 地址 | 淄博市…, 电话 | 0533-…, 联系人 | 杨老板):
 * its pairs as "label：value" lines (a caption row of one cell left out); undefined for any other table.
 */
export function contactPairLines(grid: string[][]): string[] | undefined {
  const rows = grid.map((row) => row.map((c) => c.trim()).filter(Boolean));
  const pairs = rows.filter((row) => row.length === 2);
  if (pairs.length < 2 || rows.some((row) => row.length > 2)) return undefined;
  const lines = pairs.map(([label, value]) => `${label}：${value}`);
  return lines.filter(isContactLine).length * 3 >= lines.length * 2 && pairs.every(([label]) => label!.length <= 8) ? lines : undefined;
}

/**
 * Tables one under the other on a sheet (寄件地区 | 首重 | 续重 over its rows, then 其他服务 | 价格 | 备注 over
 * others): a header row below the first table's rows starts the next table. Undefined for a sheet of one table.
 */
export function oneUnderAnother(grid: string[][]): string[][][] | undefined {
  const first = grid.slice(0, 10).findIndex(isHeaderRow);
  // A header among rows is short words only (not "车险 | 多家公司比价出单 | 按车型报价", a row that names fields by chance).
  const words = (row: string[]) => row.every((cell) => cell.trim().length <= 6 && !/\d/.test(cell));
  const header = first < 0 ? -1 : grid.findIndex((row, i) => i > first + 1 && words(row) && isHeaderRow(row));
  // "招聘" in a row of its own straight above the header is the second table's title.
  let next = header;
  while (next > first + 2 && grid[next - 1]!.filter((c) => c.trim()).length === 1 && grid[next - 1]!.join('').trim().length <= 12) next--;
  return header < 0 ? undefined : [grid.slice(0, next), grid.slice(next)];
}
