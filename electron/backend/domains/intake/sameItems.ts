/**
 * The same product given in two files of one import — a Word price list ("米其林浏览者（205/55R16）
 * 680元/条") and a spreadsheet of the same stock (米其林 | 浏览者 | 205/55R16 | 680): one item, not two.
 */
import type { Item, Price } from '../../../../shared/sites/model';

/** Lower-case, full-width folded, without spaces, brackets and separators: how two files may differ in writing one name. */
const plain = (s: string) =>
  s
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s()[\]{}【】（）·•,，、;；/\\\-_*×]/g, '');

function samePrice(a: Price | undefined, b: Price | undefined): boolean {
  if (!a || !b || a.kind !== b.kind) return false;
  return a.kind !== 'amount' || (b.kind === 'amount' && a.fen === b.fen);
}

/** What a product's record says of it besides the price: its name's words, its model, its spec values. */
const partsOf = (item: Extract<Item, { kind: 'product' }>) =>
  [...item.name.split(/\s+/), item.model ?? '', ...(item.spec ?? '').split(/[；;]/).map((s) => s.replace(/^[^：:]{1,8}[：:]/, ''))]
    .map(plain)
    .filter((part) => part.length >= 2);

/**
 * "洋槐蜜 500g/瓶 68元" and "洋槐蜜 1000g/瓶 120元", "钢管 | Φ48×3.0" and "钢管 | Φ48×3.5": products of one
 * name told apart only by their spec are listed by name alone (an SMS menu, a WAP list), so the spec joins
 * the name ("洋槐蜜 500g"). Once a list needs that, every spec in it joins its name, so the list reads
 * alike ("白蜡 胸径8cm", "白蜡 胸径10cm", "垂柳 胸径8cm"); in a list without repeated names a spec stays apart.
 * A pack's content (100g, 500ml, 9L) joins only a name that repeats, unless the repeated names are told apart by
 * weights or volumes too ("干粉灭火器 4kg", "干粉灭火器 8kg", "二氧化碳灭火器 3kg"): beside sizes (鱼缸 60cm, 鱼缸 80cm)
 * it says how much the price buys, not which thing it is.
 */
export function specsInSameNames(items: Item[]): void {
  const products = items.filter((i): i is Extract<Item, { kind: 'product' }> => i.kind === 'product' && !i.model);
  const counts = new Map<string, number>();
  for (const p of products) counts.set(plain(p.name), (counts.get(plain(p.name)) ?? 0) + 1);
  if (![...counts.values()].some((count) => count > 1)) return;
  const specOf = (p: Extract<Item, { kind: 'product' }>) =>
    p.spec
      ?.split(/[；;]/)[0]!
      .replace(/^[^：:]{1,8}[：:]/, '')
      .replace(/\s*[/／][\u4e00-\u9fff]{1,2}$/, '')
      .trim();
  const repeated = (p: Extract<Item, { kind: 'product' }>) => counts.get(plain(p.name))! > 1;
  const apartByContent = products.some((p) => repeated(p) && PACK_CONTENT.test(specOf(p) ?? ''));
  for (const p of products) {
    const spec = specOf(p);
    if (spec && !NO_SIZE.test(spec) && (repeated(p) || apartByContent || !PACK_CONTENT.test(spec)))
      p.name = `${p.name} ${spec}`.slice(0, 100);
  }
}

/** A weight or volume alone: what a pack holds. */
const PACK_CONTENT = /^\d+(?:\.\d+)?\s*(?:g|kg|ml|l|克|千克|公斤|斤|毫升|升)$/i;

/** A spec cell that gives no size: made to the drawing or order (按图纸, 定制), or a dash for none. */
export const NO_SIZE = /^(?:按图纸?|按图定[制做]|来图定[制做]|按要求|按客户要求|按需定[制做]|定制|定做|非标定制|另议|无|[-—－–/／]+)$/;

/**
 * Two products are one when they cost the same and their names are the same as written apart from
 * spacing and brackets, or when every part of the shorter record (two or more: name words, model,
 * spec) stands in the other's name.
 */
export function sameProduct(a: Item, b: Item): boolean {
  if (a.kind !== 'product' || b.kind !== 'product' || !samePrice(a.price, b.price)) return false;
  if (plain(a.name) === plain(b.name)) return true;
  const [short, long] = plain(a.name).length <= plain(b.name).length ? [a, b] : [b, a];
  const parts = new Set(partsOf(short));
  const name = plain(long.name);
  return parts.size >= 2 && [...parts].every((part) => name.includes(part));
}
