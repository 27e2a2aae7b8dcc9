/**
 * A table cell that lists several goods with bare prices joined by 、 ("公章80、财务章60、玉石章150起",
 * "挂机清洗59、中央空调内机80/台") under a header naming both ("品种及价格（元）"): one row per good, the cell
 * cut into a name column and a price column, the row's other cells (类别, 备注) repeated on each.
 */

/** One listed good: a name ending in a word or a bracket, the bare amount, a unit after a slash, 起. */
const LISTED = /^(.*[\u4e00-\u9fff）)])\s*[¥￥]?(\d+(?:\.\d+)?)\s*(元)?\s*(?:[/／]\s*([\u4e00-\u9fff]{1,2}))?\s*(起)?$/;
/** A header naming the goods and their price together: 价 or 元 in it. */
const PRICE_HEADER = /价|元/;

interface Listed {
  name: string;
  price: string;
}

function listedGoods(cell: string): Listed[] | undefined {
  const parts = cell
    .split(/[、；;]/)
    .map((p) => p.trim().replace(/[。.]$/, ''))
    .filter(Boolean);
  if (parts.length < 2) return undefined;
  const goods: Listed[] = [];
  for (const part of parts) {
    const match = LISTED.exec(part);
    if (!match || match[1]!.trim().length < 2) return undefined;
    goods.push({ name: match[1]!.trim(), price: `${match[2]}元${match[4] ? `/${match[4]}` : ''}${match[5] ?? ''}` });
  }
  return goods;
}

/** The column whose cells list goods with prices, and the row of its header; undefined when there is none. */
function listColumn(rows: string[][]): { at: number; headerAt: number } | undefined {
  const width = Math.max(0, ...rows.map((r) => r.length));
  for (let at = 0; at < width; at++) {
    const listed = rows.map((r) => (r[at] ? listedGoods(r[at]!) : undefined));
    const first = listed.findIndex(Boolean);
    if (first < 1 || listed.filter(Boolean).length < 2) continue;
    // The header is the nearest filled cell above the first list, and it names a price.
    const headerAt = rows.slice(0, first).findLastIndex((r) => (r[at] ?? '').trim() !== '');
    if (headerAt >= 0 && PRICE_HEADER.test(rows[headerAt]![at]!)) return { at, headerAt };
  }
  return undefined;
}

/** The rows with a list column cut into one row per listed good (name | price), or the rows as they were. */
export function withListCellsSplit(rows: string[][]): string[][] {
  const found = listColumn(rows);
  if (!found) return rows;
  const { at, headerAt } = found;
  const header = rows[headerAt]![at]!;
  const bracket = /[（(][^）)]*[)）]\s*$/.exec(header)?.[0] ?? '';
  return rows.flatMap((row, i) => {
    const around = (name: string, price: string) => [...row.slice(0, at), name, price, ...row.slice(at + 1)];
    if (i === headerAt) return [around('名称', `价格${bracket}`)];
    const goods = i > headerAt ? listedGoods(row[at] ?? '') : undefined;
    return goods ? goods.map((g) => around(g.name, g.price)) : [around(row[at] ?? '', '')];
  });
}

/** A bare amount as a badge shows it under a name: "59", "¥299", "128元" (a small ¥ OCR reads as "*" too). */
const BADGE_PRICE = /^[¥￥*＊]?\s*(\d+(?:\.\d+)?)\s*元?$/;
const isBadgeName = (cell: string) => /^[\u4e00-\u9fffA-Za-z（）()·\s]{2,20}$/.test(cell) && /[\u4e00-\u9fff]/.test(cell);

/**
 * Price badges set out in a grid (a poster read by OCR: "挂机清洗 | 柜机清洗" over "59 | 99"): each row of
 * names over a row of bare amounts in the same cells becomes one row per name (name | price). The rows as
 * they were unless the table is only such pairs of rows, naming two goods or more.
 */
export function withBadgesPaired(rows: string[][]): string[][] {
  const filledAt = (row: string[]) => row.flatMap((cell, i) => (cell.trim() ? [i] : []));
  const pairs = rows.map((row, i) => {
    const below = rows[i + 1];
    const at = filledAt(row);
    return (
      below !== undefined &&
      at.length > 0 &&
      at.join() === filledAt(below).join() &&
      at.every((c) => isBadgeName(row[c]!.trim()) && BADGE_PRICE.test(below[c]!.trim()))
    );
  });
  const paired = rows.every((row, i) => pairs[i] || pairs[i - 1] || filledAt(row).length === 0);
  const names = pairs.reduce((n, pair, i) => n + (pair ? filledAt(rows[i]!).length : 0), 0);
  if (names < 2 || !paired) return rows;
  return rows.flatMap((row, i) =>
    pairs[i] ? filledAt(row).map((c) => [row[c]!.trim(), `${BADGE_PRICE.exec(rows[i + 1]![c]!.trim())![1]}元`]) : [],
  );
}
