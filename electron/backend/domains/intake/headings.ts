/**
 * Headings people make without heading styles: a short line that is bold, larger or centred, set
 * apart by empty lines, numbered (第一部分, 一、, （一）, 1.), in 【brackets】, or naming a column
 * (公司简介, 联系我们 …). Shared by plain text, old Word files, PDF lines and Word paragraphs.
 */
import { isMarkedPrice } from '../../../../shared/sites/price';
import { isContactLine } from './contact';
import { matchColumnKeyword } from './keywords';

/**
 * Numbering classes, from the outermost: 第一部分 / 一、 / 1️⃣ (a phone's keycap digits) / （一） / 1. / 1.1 (an
 * outline's sub-level) / (1) / ① / A. (letters, as phone memos number their points).
 */
export type Numbering = 'part' | 'chinese' | 'keycap' | 'parenChinese' | 'arabic' | 'outline' | 'parenArabic' | 'circled' | 'letter';

const NUMBERINGS: [Numbering, RegExp][] = [
  ['part', /^第[一二三四五六七八九十\d]+(?:部分|章|节|篇)\s*/],
  // 一、 and the financial numerals of formal documents (壹、贰、).
  ['chinese', /^(?:[一二三四五六七八九十]+|[壹贰叁肆伍陆柒捌玖拾]+)\s*[、.．]\s*/],
  ['parenChinese', /^[(（][一二三四五六七八九十]+[)）]\s*/],
  // "1、", "2. ", "3）" (a closing bracket alone, as typed on a phone): not "2.8万元".
  ['arabic', /^\d{1,2}\s*(?:[、.．](?!\d)|[)）]|\s)\s*/],
  // "2.1 财税筹划", "1.2服务": not "2.8万元", "3.5元/斤", "1.5米".
  ['outline', /^\d{1,2}(?:[.．]\d{1,2})+[.．]?(?:\s+|(?=[\u4e00-\u9fff])(?![万元千百亿米斤克吨个件台折倍年月日号寸]))/],
  ['parenArabic', /^[(（]\d{1,2}[)）]\s*/],
  ['keycap', /^(?:\d\uFE0F?\u20E3|🔟)\s*/u],
  // ①, ❶, ➀, and the bracketed and stopped forms of Chinese fonts: ⑴, ⒈, ㈠.
  ['circled', /^[\u2460-\u249B\u2776-\u277F\u2780-\u2789\u3220-\u3229]\s*/],
  // Roman numerals: "Ⅱ、服务项目", "IV. 联系方式".
  ['chinese', /^(?:[\u2160-\u216B]|(?:I{1,3}|IV|V|VI{1,3}|IX|X)(?=\s*[、.．]))\s*[、.．]?\s*/],
  // "A.12月1日起…", "B、…": one capital (or small) letter and a stop, not "A4纸" or "T恤".
  ['letter', /^[A-Ha-h]\s*[.．、)）](?![A-Za-z.])\s*/],
];

/** How deep a numbering class sits below the outermost headings. */
export const NUMBERING_DEPTH: Record<Numbering, number> = {
  part: 0,
  chinese: 0,
  keycap: 0,
  parenChinese: 1,
  arabic: 2,
  outline: 3,
  parenArabic: 3,
  circled: 3,
  letter: 3,
};

export function numberingOf(text: string): { numbering: Numbering; rest: string } | undefined {
  for (const [numbering, pattern] of NUMBERINGS) {
    const match = pattern.exec(text.trim());
    if (match) return { numbering, rest: text.trim().slice(match[0].length) };
  }
  return undefined;
}

/** Emoji and bullets people put around a line ("🎉…🎉", "◆ 门诊介绍", "☎️订货热线：…"). */
const DECORATION = '[\\s\\p{Extended_Pictographic}\\u{FE0F}\\u{200D}\\u{20E3}★☆◆◇■□●○▲△▶►◎※•]+';
// A typed bullet ("- ", "* ", "· ") counts too when a space follows it (not "-18℃").
const LEADING_DECORATION = new RegExp(`^(?:${DECORATION}|[-*·]\\s+)+`, 'u');
const TRAILING_DECORATION = new RegExp(`${DECORATION}$`, 'u');

export const undecorated = (text: string) => text.replace(LEADING_DECORATION, '').replace(TRAILING_DECORATION, '');

const SENTENCE_END = /[。！？；!?;]/;

/** Leaders between a name and its price in menus and price lists: "犬猫疫苗接种——80元/针", "红烧肉……68元". */
export const LEADER = /\s*(?:—{2,}|－{2,}|-{3,}|…{2,}|\.{4,}|·{4,})\s*/;

/** 【店铺简介】 as a whole line. */
const isBracketed = (text: string) => /^[【[][^】\]]{1,20}[】\]]$/.test(text.trim());

/**
 * Whether a line can be a heading at all: short, no sentence punctuation, not "label：value",
 * not ending in a price ("九转大肠 58元" is an item), not starting with a date.
 */
export function couldBeHeading(text: string): boolean {
  const t = text.trim();
  // A comma inside brackets is a note on a name ("《神奇校车》（桥梁书版，全20册）"), not a sentence.
  if (!t || t.length > 24 || SENTENCE_END.test(t) || /[，,]/.test(t.replace(/[（(][^（()）]*[）)]/g, ''))) return false;
  // "（活动最终解释权归本店所有）": a line wholly in brackets is a remark.
  if (/^[（(][^（()）]*[）)]$/.test(t)) return false;
  // "维修安装均不含材料费", "以上价格另收运费": a remark on the prices above, not a heading.
  if (/不含|均含|另[收计加付]/.test(t)) return false;
  // "地址电话呢", "有优惠吗": a question, not a heading.
  if (/[呢吗嘛]$/.test(t)) return false;
  // "label：value" and "【供应】text" are content, not headings.
  if (/[：:]\s*\S/.test(t) || /^[【[][^】\]]+[】\]]\s*\S/.test(t)) return false;
  // "地址 嘉祥县石材园区8号": a contact label and its value after a space, typed without the colon.
  if (/^(?:地址|厂址|店址|电话|手机|联系人)\s+\S*\d/.test(t)) return false;
  // "前台接待 1名 月薪3500元": a position, its headcount and more is a job, not a heading.
  if (/\S\s+\d{1,3}\s*[名人位]\s+\S/.test(t)) return false;
  // "地址 威海市文登区龙山路36号": a contact label with its value after a space is a contact line too.
  if (isContactLine(t)) return false;
  // A date first (also after a numbering: "A.12月1日起…") starts a notice, not a heading.
  const bare = numberingOf(t)?.rest ?? t;
  // "12月会员福利" (a month naming an offer) can head a section; "12月1日起…", "12月起…" start a notice.
  const monthFirst = /^\d{1,2}\s*月(?:\s*\d|份?(?:起|开始|底|初|中|上旬|下旬|[，,\s]))/;
  if ([t, bare].some((s) => /^\d{4}\s*[年\-/.]|^\d{1,2}[-/]\d{1,2}\s|^(?:去年|今年|前年|上个?月)/.test(s) || monthFirst.test(s)))
    return false;
  // "清蒸加吉鱼……时价": a name led to its price is an item.
  const led = t.split(LEADER).filter(Boolean);
  if (led.length === 2 && isMarkedPrice(led[1]!)) return false;
  // "前台接待1名 月薪3500元": a position, its headcount and more on one line is a job line.
  if (/^[\u4e00-\u9fffA-Za-z]{2,10}\s*\d{1,3}\s*[名人位]\s+\S/.test(t)) return false;
  // "配汽车钥匙面议": a name run into 面议 (OCR closes the gap) is a priced item too.
  if (/^[^\s]{2,}(?:面议|电议|时价|议价)$/.test(t)) return false;
  // "猪肉大葱一笼10个13元": an amount in 元 ending the line, however the name before it runs.
  if (isMarkedPrice(/\d+(?:\.\d+)?\s*元$/.exec(t)?.[0] ?? '')) return false;
  // "全屋套餐（任选4台）￥299": an amount in ¥ ending the line, digits in the name before it.
  if (/[¥￥]\s*\d+(?:\.\d+)?\s*起?$/.test(t)) return false;
  const last = t.split(/\s+/).at(-1)!;
  if (isMarkedPrice(last) || isMarkedPrice(t.replace(/^.*?(?=[¥￥\d])/, ''))) return false;
  return /[\u4e00-\u9fffA-Za-z]/.test(t);
}

export interface HeadingLook {
  bold?: boolean;
  /** Font size larger than the text around it. */
  larger?: boolean;
  centered?: boolean;
  /** An empty line before or after it. */
  isolated?: boolean;
}

/**
 * Why a line is a heading, or undefined when it is not one. A column keyword or 【brackets】 or a
 * numbering alone are enough; otherwise the look must say so.
 */
export function headingReason(text: string, look: HeadingLook): 'keyword' | 'bracket' | 'numbering' | 'look' | undefined {
  if (!couldBeHeading(text)) return undefined;
  const core = text.trim().replace(/[：:]$/, '');
  if (isBracketed(core)) return 'bracket';
  const numbered = numberingOf(core);
  if (matchColumnKeyword(core) && core.length <= 16) return 'keyword';
  if (numbered && numbered.numbering !== 'arabic' && numbered.rest.length <= 15 && numbered.rest.length > 0) return 'numbering';
  if ((look.bold || look.larger || look.centered) && core.length <= 20) return 'look';
  if (look.isolated && core.length <= 15) return 'look';
  return undefined;
}
