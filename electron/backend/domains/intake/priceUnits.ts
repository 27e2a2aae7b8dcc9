/**
 * What a price table says about its amounts outside the cells: a header "价格（万元）" over bare numbers
 * (`1.8` is 18,000 元, as dealers in antiques, cars and machines write), a title line "价格单位：元/吨" over a
 * quote whose cells are bare amounts (each is per 吨, unless the cell names its own unit: `75元/袋`).
 */
/** The fields of a table's column this reads and sets (tables.ts's TableColumn). */
interface PricedColumn {
  role: string;
  unit?: string;
  tenThousands?: boolean;
}

/** "价格（万元）", "售价(万)", "报价（万元/套）": the amounts are in 万元. */
const TEN_THOUSANDS_HEADER = /[(（]\s*万元?\s*(?:[/／每][^)）]{1,4})?[)）]/;

/** "价格单位：元/吨", "单位：万元", "计价单位：元/斤（特别注明的除外）" in the lines above a table. */
const TITLE_UNIT = /单位\s*[：:]\s*(万)?元\s*(?:[/／每]\s*([\u4e00-\u9fff]{1,3}))?/;

/** Whether a price header says its amounts are in 万元. */
export const inTenThousands = (header: string) => TEN_THOUSANDS_HEADER.test(header);

/** The price column takes the unit and the scale the title lines give, where its header gives none. */
export function unitsFromTitle(columns: PricedColumn[], title: string): void {
  const price = columns.find((c) => c.role === 'price');
  const match = TITLE_UNIT.exec(title);
  if (!price || !match) return;
  if (match[1] && !price.tenThousands) price.tenThousands = true;
  if (match[2] && !price.unit) price.unit = match[2];
}

const BARE_NUMBER = /^\d{1,6}(?:\.\d{1,4})?$/;

/** A bare number under a 万元 header written out as the amount it is ("1.8" → "1.8万元"); any other cell as it is. */
export const scaledPriceCell = (column: PricedColumn | undefined, cell: string) =>
  column?.tenThousands && BARE_NUMBER.test(cell.trim()) ? `${cell.trim()}万元` : cell;
