/**
 * A price grid (a cross-tab): what is priced down the first column, what is done to it across the
 * header row, a price in each cell ("机型＼项目 | 换外屏 | 换电池", "iPhone 13 | 380 | 160"). Each priced
 * cell is one item named "row column" ("iPhone 13 换外屏"); a dash or an empty cell is no item.
 */
import { parsePrice } from '../../../../shared/sites/price';
import { headerRole } from './tables';

const clean = (cell: string) => cell.replace(/\s+/g, ' ').trim();
const NOTHING = /^[-—–/／×xX无]*$/;
const NUMBER = /^\d+(?:\.\d+)?$/;

/** A cell of the grid: a price (marked or a bare number) or nothing. */
const isPriceCell = (cell: string) => NUMBER.test(clean(cell)) || parsePrice(clean(cell))?.kind === 'amount';

/**
 * The corner cell: empty, split by a diagonal ("机型＼项目", "型号/项目") or naming what the rows
 * are (品名, 型号).
 */
function isCorner(cell: string): boolean {
  const text = clean(cell);
  if (!text || /[＼\\]/.test(text) || /^[^\d/／]{1,6}[/／][^\d/／]{1,6}$/.test(text)) return true;
  const role = headerRole(text);
  return role === 'name' || role === 'model';
}

/**
 * The header across: at least two cells, all filled with words that are not field names
 * (零售价 | 批发价 are two prices of one item, not two items) and not prices themselves.
 */
function isAcrossHeader(row: string[]): boolean {
  const across = row.slice(1).map(clean);
  return (
    across.length >= 2 &&
    across.every((cell) => cell && cell.length <= 20 && !headerRole(cell) && !isPriceCell(cell)) &&
    new Set(across).size === across.length
  );
}

/** Rows under the header: a name, then only prices or nothing, most of them prices. */
function isPriceRows(rows: string[][]): boolean {
  if (rows.length < 2) return false;
  const cells = rows.flatMap((row) => row.slice(1).map(clean));
  const prices = cells.filter(isPriceCell).length;
  return (
    rows.every((row) => clean(row[0] ?? '') && !isPriceCell(row[0]!)) &&
    cells.every((cell) => isPriceCell(cell) || NOTHING.test(cell)) &&
    prices * 4 >= cells.length * 3
  );
}

export interface UnfoldedGrid {
  /** The title rows above the grid, then a 名称 | 价格 header and one row per priced cell. */
  rows: string[][];
  /** Lines under the grid (注：…), as text. */
  notes: string[];
}

/**
 * A price grid unfolded into a 名称 | 价格 table, or undefined when the grid is no price grid.
 * `searchRows`: how many top rows may hold the header.
 */
export function unfoldPriceGrid(grid: string[][], searchRows = 10): UnfoldedGrid | undefined {
  for (let at = 0; at < Math.min(searchRows, grid.length - 2); at++) {
    const header = grid[at]!;
    if (!isCorner(header[0] ?? '') || !isAcrossHeader(header)) continue;
    const below = grid.slice(at + 1).filter((row) => row.some((cell) => clean(cell)));
    const body = below.filter((row) => row.slice(1).some((cell) => clean(cell)));
    // Lines under the grid (注：…) stay below it as notes.
    if (!isPriceRows(body) || body.length < below.length - 2) continue;
    const items = body.flatMap((row) =>
      header.slice(1).flatMap((across, i) => {
        const cell = clean(row[i + 1] ?? '');
        return isPriceCell(cell) ? [[`${clean(row[0]!)} ${clean(across)}`, cell]] : [];
      }),
    );
    const notes = below.filter((row) => !body.includes(row)).map((row) => row.map(clean).filter(Boolean).join(' '));
    return { rows: [...grid.slice(0, at), ['名称', '价格'], ...items], notes };
  }
  return undefined;
}
