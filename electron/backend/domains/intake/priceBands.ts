/**
 * A price header over bands ("年缴保费（元）" over 0-17岁 | 18-40岁 | 41-60岁, "价格" over 小份 | 大份): one
 * price column on the site. Each row's price is its lowest band, marked "from" when another band costs
 * more; a band left out ("-") does not count, and a row without any amount keeps its words ("按方案").
 */
import { parseLabeledPrice } from './fields';

const filled = (cell: string | undefined) => (cell ?? '').trim() !== '';

/** The rows with the bands made one column under the price header (the band row dropped), or the rows as they were. */
export function withPriceBandsJoined(rows: string[][], headerAt: number, roleOf: (cell: string) => string | undefined): string[][] {
  const header = rows[headerAt];
  const bands = rows[headerAt + 1];
  if (!header || !bands) return rows;
  const at = header.findIndex((cell) => roleOf(cell) === 'price');
  if (at < 0) return rows;
  let end = at + 1;
  while (end < header.length && !filled(header[end])) end++;
  const span = end - at;
  // Bands, not field names: "出厂价 | 零售价" under "价格" are two prices of their own (tables.ts reads those).
  const onlyUnder = bands.every((cell, i) => (i >= at && i < end ? filled(cell) && !roleOf(cell) : !filled(cell)));
  if (span < 2 || !onlyUnder) return rows;
  const joined = (row: string[]) => [...row.slice(0, at), lowestBand(row.slice(at, end)), ...row.slice(end)];
  return [...rows.slice(0, headerAt), joined(header.map((c, i) => (i === at ? c : ''))), ...rows.slice(headerAt + 2).map(joined)];
}

function lowestBand(cells: string[]): string {
  const fen = cells.map((cell) => parseLabeledPrice(cell.trim())).flatMap((p) => (p?.kind === 'amount' ? [p.fen] : []));
  if (fen.length === 0) return cells.filter(filled).join(' ');
  const lowest = Math.min(...fen);
  const yuan = lowest % 100 === 0 ? String(lowest / 100) : (lowest / 100).toFixed(2);
  return `${yuan}元${fen.some((f) => f > lowest) ? '起' : ''}`;
}
