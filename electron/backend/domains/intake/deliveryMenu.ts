/**
 * A food-delivery shop page (美团外卖, 饿了么) copied from the browser or the app as text: the shop's header (rating,
 * sales, delivery time and terms, discount tags), the tab bar and the category list, then per category each dish as a
 * name line, a description, `月售856  好评率98%`, a discount tag, the price and the struck-out old price on lines of their
 * own, `已售罄`; the app's own categories (热销, 折扣) list dishes again; a compulsory tableware line and the cart's
 * footer close it. Written out as the menu the shop has: its name and notice, then a table of its dishes (分类 | 菜品 |
 * 价格 | 说明), each dish once.
 */

/** A line that is only a price: `¥32`, `￥18.5`. */
const PRICE_ONLY = /^[¥￥]\s*(\d+(?:\.\d+)?)$/;
/** The sales line under a dish (`月售856  好评率98%`, `月售2000+`). */
const SALES = /^月售\s*\d+[+万]*(?:\s|$)/;
/** The app's words around the dishes: ratings, sales, delivery, discounts, badges, the cart. */
const APP_LINE = [
  SALES,
  /^好评率/,
  /^\d(?:\.\d)?分?$/,
  /^约?\s*\d+\s*分钟$/,
  /^距离/,
  /起送|配送费?[¥￥\d]/,
  /^已选\s*\d+\s*件$/,
  /^(?:满)?\d+减\d+$/,
  /^新客|立减\d|红包|^领券|^折扣券/,
  /^\d+(?:\.\d+)?折(?:\s|$)/,
  /^(?:已)?售罄$|^已售完$|^今日售完$/,
  /^下单必选$/,
  /^(?:美团外卖|饿了么|点菜|点餐|评价|商家|店铺)$/,
];
/** Categories the app makes of dishes listed in their own category too. */
const APP_CATEGORY = /^(?:热销|折扣|优惠|特价|推荐|人气|热卖|新品|必点|爆款)(?:榜|菜品|商品)?$/;
/** The compulsory items: tableware, packing. */
const COMPULSORY = /必选|餐具|打包费|包装费/;

const isAppLine = (line: string) => APP_LINE.some((re) => re.test(line));

/** A delivery app's shop page: several dishes with sales lines and prices alone on a line, and the delivery terms. */
export function isDeliveryMenu(lines: string[]): boolean {
  const texts = lines.map((l) => l.trim());
  return (
    texts.filter((t) => SALES.test(t)).length >= 3 &&
    texts.filter((t) => PRICE_ONLY.test(t)).length >= 3 &&
    texts.some((t) => /起送|配送费|外卖/.test(t))
  );
}

interface Dish {
  name: string;
  price: string;
  description: string;
  category: string;
}

/** The page's dishes, each once: under its own category rather than one the app made (热销, 折扣). */
function dishes(texts: string[]): { dishes: Dish[]; start: number } {
  const found: Dish[] = [];
  // The category list before the first dish names every category a later line may open.
  let categoryWords = new Set<string>();
  let category = '';
  let from = 0;
  let start = -1;
  for (let i = 0; i < texts.length; i++) {
    const price = PRICE_ONLY.exec(texts[i]!);
    if (!price) continue;
    const own = texts.slice(from, i).filter((t) => t && !isAppLine(t));
    // The first dish stands under the list's first category, named again: the last line the header repeats.
    const opening = start < 0 ? own.findLastIndex((t, j) => own.indexOf(t) < j) : -1;
    if (start < 0) categoryWords = new Set(own.slice(0, Math.max(0, opening)));
    const dishLines = dishLinesOf(own.slice(opening + 1), categoryWords);
    const above = own.slice(opening + 1, own.length - dishLines.length).filter((t) => categoryWords.has(t));
    if (opening >= 0) category = own[opening]!;
    if (above.length) category = above.at(-1)!;
    // After the price: the struck-out old price (higher), the sold-out mark, the app's lines.
    let next = i + 1;
    while (next < texts.length && (!texts[next] || isAppLine(texts[next]!) || isOldPrice(texts[next]!, price[1]!))) next++;
    from = next;
    i = next - 1;
    const [name, description = ''] = dishLines;
    if (!name || !/[\u4e00-\u9fff]/.test(name)) continue;
    if (start < 0) start = texts.indexOf(name);
    found.push({ name, price: price[1]!, description, category });
  }
  const kept: Dish[] = [];
  for (const dish of found) {
    const same = kept.findIndex((d) => d.name === dish.name);
    if (same < 0) kept.push(dish);
    else if (APP_CATEGORY.test(kept[same]!.category) && !APP_CATEGORY.test(dish.category)) kept[same] = dish;
  }
  return { dishes: kept.filter((d) => !COMPULSORY.test(`${d.category} ${d.description} ${d.name}`)), start };
}

/** The dish's own lines before its price: its name and a description, back to a category line. */
function dishLinesOf(own: string[], categoryWords: Set<string>): string[] {
  const lines: string[] = [];
  for (let k = own.length - 1; k >= 0 && lines.length < 2; k--) {
    // A word of the category list opens a category, unless it is the line right before the price (a dish so named).
    if (categoryWords.has(own[k]!) && lines.length > 0) break;
    lines.unshift(own[k]!);
  }
  return lines;
}

const isOldPrice = (line: string, price: string) => {
  const old = PRICE_ONLY.exec(line);
  return Boolean(old && Number(old[1]) > Number(price));
};

/**
 * The page as the menu it shows: the shop's name and its notice (`公告：…`), a 菜单 heading over a table of the dishes,
 * each under its own category; the lines unchanged when the text is no such page.
 */
export function deliveryMenuLines(lines: string[]): string[] {
  if (!isDeliveryMenu(lines)) return lines;
  const texts = lines.map((l) => l.trim());
  const { dishes: menu, start } = dishes(texts);
  if (menu.length < 3) return lines;
  const header = texts.slice(0, Math.max(0, start)).filter((t) => t && !isAppLine(t));
  const shop = header.find((t) => /[\u4e00-\u9fff]{2}/.test(t) && !/[：:]/.test(t));
  const notices = header.filter((t) => /^(?:公告|店铺公告|商家公告)\s*[：:]/.test(t));
  // A table typed with bars: one row per dish, its category in a column of its own (a category the app made left empty).
  const out = [...(shop ? [shop] : []), ...notices, '', '菜单', '', '分类 | 菜品 | 价格 | 说明'];
  for (const dish of menu)
    out.push([APP_CATEGORY.test(dish.category) ? '' : dish.category, dish.name, `${dish.price}元`, dish.description].join(' | '));
  return out;
}
