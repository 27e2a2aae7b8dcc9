/**
 * A product sold in several kinds (规格, SKUs) over several rows, as shop systems (微店, 有赞, 淘宝, 拼多多, 美团)
 * export their goods and as a sheet with the name merged down its rows reads: only the first row names the product
 * (its id, name, group, description); the rows under it leave the name empty and give another spec and its price.
 * Those rows are the product's options, not items of their own: the product is priced from its lowest option
 * ("35.9元起") when their prices differ, its spec lists them all, and each option's price is a detail line.
 */
import type { Price } from '../../../../shared/sites/model';
import { formatPrice } from '../../../../shared/sites/model';
import { rowFields, type RowFields, type TableReading } from './tables';

export interface SkuRows {
  /** The option rows under each product's first row, by the first row's index. */
  optionsOf: Map<number, string[][]>;
  /** Indexes of rows that are options of the product above them. */
  options: Set<number>;
}

/** Which rows of a table are options of the named row above them: no name (nor code), a spec, and a price. */
export function skuRows(reading: TableReading): SkuRows {
  const at = (role: string) => reading.columns.flatMap((c, i) => (c.role === role ? [i] : []));
  const [nameAt] = at('name');
  const [priceAt] = at('price');
  const specsAt = at('spec');
  const codesAt = at('code');
  const found: SkuRows = { optionsOf: new Map(), options: new Set() };
  if (nameAt === undefined || priceAt === undefined || specsAt.length === 0) return found;
  let head: number | undefined;
  reading.rows.forEach((row, index) => {
    const filled = (i: number) => Boolean(row[i]?.trim());
    if (filled(nameAt)) {
      head = index;
      return;
    }
    const isOption = head !== undefined && !codesAt.some(filled) && specsAt.some(filled) && priceOf(reading, row) !== undefined;
    if (!isOption) {
      head = undefined;
      return;
    }
    found.options.add(index);
    found.optionsOf.set(head!, [...(found.optionsOf.get(head!) ?? []), row]);
  });
  return found;
}

/** An option row's fields, read as the product's own row would be (its name written in). */
function optionFields(reading: TableReading, name: string, row: string[]): RowFields | undefined {
  const nameAt = reading.columns.findIndex((c) => c.role === 'name');
  return rowFields(
    reading,
    row.map((cell, i) => (i === nameAt ? name : cell)),
  );
}

function priceOf(reading: TableReading, row: string[]): Price | undefined {
  return optionFields(reading, '选项', row)?.price;
}

/**
 * The product's fields with its options: the lowest price, marked "from" when the options' prices differ; every
 * option's spec in the spec; each option's spec and price as a detail line when the prices differ.
 */
export function withSkuOptions(reading: TableReading, row: string[], options: string[][] = []): RowFields | undefined {
  const head = rowFields(reading, row);
  if (!head || options.length === 0) return head;
  const nameCell = row[reading.columns.findIndex((c) => c.role === 'name')]!;
  const all = [head, ...options.flatMap((option) => optionFields(reading, nameCell, option) ?? [])];
  const specs = [...new Set(all.flatMap((f) => (f.spec ? [f.spec] : [])))];
  const amounts = all.flatMap((f) => (f.price?.kind === 'amount' ? [f.price] : []));
  const differ = new Set(amounts.map((p) => `${p.fen}/${p.maxFen ?? ''}/${p.unit ?? ''}`)).size > 1;
  const merged: RowFields = { ...head, details: [...head.details] };
  if (specs.length > 0) merged.spec = specs.join('、').slice(0, 200);
  if (differ) {
    const lowest = amounts.reduce((low, p) => (p.fen < low.fen ? p : low));
    merged.price = { kind: 'amount', fen: lowest.fen, ...(lowest.unit ? { unit: lowest.unit } : {}), from: true };
    merged.details.unshift(...all.filter((f) => f.price).map((f) => `${f.spec ?? ''}：${formatPrice(f.price)}`.replace(/^：/, '')));
  } else if (!merged.price && amounts[0]) merged.price = amounts[0];
  return merged;
}
