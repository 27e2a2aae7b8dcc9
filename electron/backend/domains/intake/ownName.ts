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
