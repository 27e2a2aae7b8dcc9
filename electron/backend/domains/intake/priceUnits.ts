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

/**
 * "重货（元/吨）", "轻货(元/方)", "整箱（元/箱）": a header naming what is charged for, its amounts in 元 per a
 * unit — a price column though no price word names it (a carrier's rates by weight and by volume).
 */
const MONEY_PER_UNIT_HEADER = /^[\u4e00-\u9fffA-Za-z]{1,6}\s*[(（]\s*元\s*[/／每]\s*([^)）\s]{1,3})\s*[)）]$/;

/** The unit of a money-per-unit header ("重货（元/吨）" → 吨), else undefined. */
export const moneyPerUnit = (header: string) => MONEY_PER_UNIT_HEADER.exec(header.trim())?.[1];

/**
 * Whether a header cell names a price by its money-per-unit alone: the row's other such headers are per other
 * units (重货 per 吨 beside 轻货 per 方: two rates, the first the price); several per the same unit are grades
 * of one good (大果 | 小果, each 元/斤), read as such by the table.
 */
export function namesPriceByUnit(cell: string, header: string[]): boolean {
  const unit = moneyPerUnit(cell);
  return Boolean(unit) && header.filter((other) => moneyPerUnit(other) === unit).length === 1;
}

/** "500g/袋", "30枚/盒", "6瓶×2/箱": a pack size, then the pack it comes in. */
const PACK_SPEC =
  /^\d+(?:\.\d+)?\s*[A-Za-z\u4e00-\u9fff]{0,3}(?:\s*[×xX*]\s*\d+\s*[A-Za-z\u4e00-\u9fff]{0,2})?\s*[/／]\s*([\u4e00-\u9fff])$/;
/** "斤", "盒": a spec that is only the unit the goods are sold by. */
const UNIT_SPEC = /^(?:斤|公斤|千克|两|个|只|袋|盒|瓶|箱|包|罐|桶|件|套|条|把|份|块|支|枚|捆|扎|卷|张)$/;

/** The unit a row's spec says its price is per: the pack of a pack size ("500g/袋" → 袋), a bare unit ("斤"). */
export function unitOfSpec(spec: string): string | undefined {
  const text = spec.trim();
  return PACK_SPEC.exec(text)?.[1] ?? (UNIT_SPEC.test(text) ? text : undefined);
}
