/**
 * A last check on what the rules made of a document: a product titled only by a price ("168.00",
 * "15元 买二送一", "定价：68.00元", "8角/斤") came from a table or page the rules misread, its name
 * elsewhere or lost. On the site it would be a card titled by a number, so it waits in the tray with
 * its price and text for the manager to place, and the guesses that made it go with it.
 */
import type { Guess } from '../../../../shared/api/sites';
import { formatPrice, type Column, type UnsortedEntry } from '../../../../shared/sites/model';
import type { GuessEnv } from './guesses';

/** What structure.ts made of one document (the parts this check reads and changes). */
interface Material {
  columns: Column[];
  unsorted: UnsortedEntry[];
  guesses: Guess[];
  ocr?: boolean;
}

/** Words that only say "price" or qualify one: 定价, 本店价, 元, 起, 买二送一 … */
const PRICE_WORDS =
  /(?:定|售|单|原|现|会员|零售|批发|到手|优惠|活动|特|参考|报|市场|本店)?价格?|买[一二两三]送[一二]|RMB|[元角分毛块万千百起约每]/giu;
/** A unit after a slash: `/斤`, `／次`. */
const PER_UNIT = /[/／][^\d\s/／,，;；]{1,4}/gu;

export function isPriceOnlyTitle(title: string): boolean {
  if (!/[\d０-９]/.test(title)) return false;
  const left = title
    .replace(PER_UNIT, '')
    .replace(PRICE_WORDS, '')
    .replace(/[\d０-９\s\p{P}\p{S}]/gu, '');
  return left === '';
}

export function trayPriceOnlyProducts<M extends Material>(material: M, env: GuessEnv, source: string): M {
  const trayed = new Set<string>();
  for (const column of material.columns) {
    column.items = column.items.filter((item) => {
      if (item.kind !== 'product' || !isPriceOnlyTitle(item.name)) return true;
      trayed.add(item.id);
      const price = formatPrice(item.price);
      const shown = price && price !== item.name ? `${item.name}（${price}）` : item.name;
      material.unsorted.push({
        id: env.newId(),
        source,
        blocks: [{ type: 'paragraph', runs: [{ text: shown }] }, ...item.description],
        images: item.images,
        note: 'A product titled only by a price: its name was not found; place it by hand.',
        ...(material.ocr ? { ocr: true } : {}),
      });
      return false;
    });
  }
  if (trayed.size > 0) material.guesses = material.guesses.filter((g) => !('itemId' in g.target && trayed.has(g.target.itemId)));
  return material;
}
