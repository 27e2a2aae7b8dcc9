/**
 * The name the customer's own material goes by, where it is a shorter form of the registered one: a price list
 * titled "联益管业 出厂价格表（…）" for 临沂联益塑胶管业有限公司 (short name 联益塑胶管业) — the SMS signature the
 * customer writes himself.
 */
import { textOf, type SourceBlock } from './htmlToBlocks';

/** "联益管业" for "联益塑胶管业": the name's first two characters and its last two (the trade), a word between left out. */
export function abbreviates(short: string, name: string): boolean {
  if (short.length < 4 || short.length >= name.length) return false;
  if (!name.startsWith(short.slice(0, 2)) || !name.endsWith(short.slice(-2))) return false;
  let at = 0;
  for (const ch of name) if (ch === short[at]) at++;
  return at === short.length;
}

/** A price list's or catalogue's title: a name, then 价格表, 价目表, 报价单 … */
const LIST_TITLE = /^([\u4e00-\u9fff]{4,8})\s*(?:出厂|零售|批发|产品|最新)?(?:价格表|价目表|报价单|报价表|价格单|目录)/;

/** The enterprise's shorter name opening the material's first line, when it abbreviates one of `names`. */
export function ownNameInTitleLine(blocks: SourceBlock[], names: string[]): string | undefined {
  const first = blocks.find((b) => (b.type === 'paragraph' || b.type === 'heading') && textOf(b).trim());
  const own = first && LIST_TITLE.exec(textOf(first).trim())?.[1];
  return own && names.some((name) => abbreviates(own, name)) ? own : undefined;
}

/** Words of a registered name or a greeting, not of the name a business goes by. */
const NOT_A_BRAND_NAME = /公司|商行|集团|欢迎|您|简介|介绍|招聘|价格|价目/;

/**
 * "锦绣墙布墙纸" atop the introduction of 锦绣墙饰商行: the same brand (two characters or more) with the same trade in
 * the customer's own words (a character of it shared: 墙), is the name the business goes by. The short name with words
 * put in ("兴旺生态养鸡场" for 兴旺养鸡场) is not: the shorter stays; nor is a service of the brand ("欢乐岛生日派对").
 */
export function sameBrand(title: string, shortName: string): boolean {
  if (!/^[\u4e00-\u9fff]{4,8}$/.test(title) || shortName.length < 4 || NOT_A_BRAND_NAME.test(title)) return false;
  let brand = 0;
  while (brand < shortName.length && title[brand] === shortName[brand]) brand++;
  // The trade is what follows the first two characters (锦绣|墙饰): one of its characters says the title's rest (布墙纸).
  const trade = shortName.slice(2);
  return brand >= 2 && brand < shortName.length && [...trade].some((ch) => title.slice(brand).includes(ch)) && !inOrder(shortName, title);
}

/** Whether every character of `short` stands in `long` in its order. */
function inOrder(short: string, long: string): boolean {
  let at = 0;
  for (const ch of long) if (ch === short[at]) at++;
  return at === short.length;
}

/** The first line of a text that names the business by its brand in other words (`sameBrand`), over more text. */
export function brandTitleLine(blocks: SourceBlock[], names: string[]): string | undefined {
  const lines = blocks.filter((b) => (b.type === 'paragraph' || b.type === 'heading') && textOf(b).trim());
  const first = lines[0] && textOf(lines[0]).trim();
  return first && lines.length > 1 && names.some((name) => sameBrand(first, name)) ? first : undefined;
}
