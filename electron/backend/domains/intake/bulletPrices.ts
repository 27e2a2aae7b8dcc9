/**
 * The price a product's bullets state (a Word list nested under the product's name): "参考价：280—350元/平方米（含…）",
 * a bullet that is only the price ("120元/只", "80元起，市区上门取送"), or priced variants ("普通石英表：20元",
 * "瑞士机械表：380元起", "高端表：面议"). One priced bullet is the product's price; several are its variants, and
 * the product is priced from the lowest of them.
 */
import { isMarkedPrice, parsePrice } from '../../../../shared/sites/price';
import { runsText, type ListItem, type Price } from '../../../../shared/sites/model';
import { isRestrictedPriceLabel } from './tables';

/** A label before the value ("参考价：", "普通石英表："), short and without a clause of its own. */
const LABEL = /^([^：:，,。；;]{1,20})[：:]\s*/;
/** A remark in brackets after the price ("（含主体钢结构及围护，不含基础）"). */
const TRAILING_REMARK = /\s*[（(][^（）()]*[）)]\s*$/;
/** A price quoted as the old or list price ("原价1880元"), not what the customer pays now. */
const LIST_PRICE = /^(?:原价|定价|市场价|标价|门市价|指导价|划线价|吊牌价)/;

interface BulletPrice {
  price: Price;
  listPrice: boolean;
}

/** The price one bullet states: its value after a label, up to the first clause break. */
function bulletPrice(text: string): BulletPrice | undefined {
  const trimmed = text.trim();
  const label = LABEL.exec(trimmed);
  if (label && isRestrictedPriceLabel(label[1]!)) return undefined;
  const value = trimmed.slice(label?.[0].length ?? 0).replace(TRAILING_REMARK, '');
  const first = value.split(/[，,；;。]/)[0]!.trim();
  // "原价1880元": a price word glued to the amount.
  const glued = /^([\u4e00-\u9fff]{0,3}价)\s*(.+)$/.exec(first);
  const amount = glued && !label ? glued[2]! : first;
  if (!amount || !isMarkedPrice(amount)) return undefined;
  const price = parsePrice(amount);
  if (!price) return undefined;
  if (glued && !label && isRestrictedPriceLabel(glued[1]!)) return undefined;
  return { price, listPrice: LIST_PRICE.test(label?.[1] ?? glued?.[1] ?? '') };
}

/**
 * The price the bullets state, or undefined when none states one. A list price ("原价") gives way to a
 * current one; of several prices the lowest amount, marked "from" — 面议 only when no bullet has an amount.
 */
export function priceOfBullets(texts: string[]): Price | undefined {
  let found = texts.map(bulletPrice).filter((p): p is BulletPrice => Boolean(p));
  if (found.some((p) => !p.listPrice)) found = found.filter((p) => !p.listPrice);
  if (found.length === 0) return undefined;
  if (found.length === 1) return found[0]!.price;
  const amounts = found.map((p) => p.price).filter((p): p is Extract<Price, { kind: 'amount' }> => p.kind === 'amount');
  if (amounts.length === 0) return found[0]!.price;
  const lowest = amounts.reduce((low, p) => (p.fen < low.fen ? p : low));
  return { kind: 'amount', fen: lowest.fen, ...(lowest.unit ? { unit: lowest.unit } : {}), from: true };
}

/** Every entry's text of a list, nested entries included, in reading order. */
export const bulletTexts = (items: ListItem[]): string[] =>
  items.flatMap((item) => [runsText(item.runs), ...bulletTexts(item.children ?? [])]).filter((text) => text.trim());
