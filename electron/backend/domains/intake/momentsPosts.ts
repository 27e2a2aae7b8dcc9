/**
 * WeChat Moments (朋友圈) posts pasted as text: a post opens with a short headline and its #topic# tags
 * ("🎄圣诞款上新啦💅 #美甲# #圣诞美甲#"), its text follows. A headline over a dated line is the title of
 * that notice, not a line of its own.
 */
import { undecorated } from './headings';

/** The #topic# tags ending a line. */
const TOPIC_TAGS = /(?:\s*#[^#\n]{1,15}#)+\s*$/u;

/** A post's headline: the short words before its #topic# tags; undefined for any other line. */
export function taggedHeadline(text: string): string | undefined {
  const tags = TOPIC_TAGS.exec(text);
  if (!tags) return undefined;
  const head = undecorated(text.slice(0, tags.index).trim()).trim();
  return head.length >= 2 && head.length <= 24 && !/[，,。；;：:]/.test(head) ? head : undefined;
}

/**
 * "冬季保养大检查开始了！12月10日到12月31日，…": a post that opens with an exclaimed headline, its date right after.
 * The headline and the rest of the line; undefined when the line does not open so.
 */
export function exclaimedHeadline(text: string): { headline: string; rest: string } | undefined {
  const match = /^\s*([^，,。；;：:！!？?\d]{4,24}?)[！!]+\s*(\S.*)$/su.exec(text);
  if (!match) return undefined;
  const headline = undecorated(match[1]!).trim();
  return headline.length >= 4 ? { headline, rest: match[2]! } : undefined;
}

/** "【远山户外】秋季露营报名啦⛺": a shop's bracketed name in front of the post's headline. */
const LEADING_TAG = /^\s*【[^】\n]{2,12}】\s*/u;

/**
 * A post's headline over its dated line: a #topic#-tagged line ("🎄圣诞款上新啦💅 #美甲#"), or the short words
 * after a leading 【tag】 ("【某某户外】冬季徒步报名啦"); undefined for any other line.
 */
export function postHeadline(text: string): string | undefined {
  const tagged = taggedHeadline(text);
  if (tagged) return tagged;
  const tag = LEADING_TAG.exec(text);
  if (!tag) return calledHeadline(text);
  const head = undecorated(text.slice(tag[0].length).trim()).trim();
  return head.length >= 4 && head.length <= 24 && !/[，,。；;：:！!？?]/.test(head) ? head : undefined;
}

/**
 * "元旦特惠来啦🎉🎉", "年货节开始了！", "12月福利来啦～", "冬季新品上线啦": a short line called out as a post's headline —
 * ended by emoji, an exclamation, a drawn-out "～", 啦 or words that announce it, as a name or a sentence of the text is not. The words without them; undefined
 * for any other line. A month may be named ("12月福利"), no other number: a day or a price is the notice's own line.
 */
function calledHeadline(text: string): string | undefined {
  const trimmed = text.trim();
  const head = undecorated(trimmed)
    .replace(/[！!～~]+$/u, '')
    .trim();
  // "双十二福利来啦": words that announce it ("…来啦", "…开抢了") call it out as well.
  const called = /(?:\p{Extended_Pictographic}|[！!～~])\uFE0F?$|(?:来|开始|上新|开抢|上线)[啦了]$|[啦喽]$/u.test(trimmed);
  // "2027春节备货完毕": a year may be named too.
  const numbers = head.replace(/\d{1,2}\s*月(?!\s*\d)/gu, '').replace(/20\d{2}\s*年?(?!\d)/gu, '');
  return called && head.length >= 4 && head.length <= 24 && !/[，,。；;：:！!？?\d]/.test(numbers) ? head : undefined;
}

/**
 * "新本《某某》12月20日正式上车！🔥": an exclaimed opening sentence that names its day — an announcement, titled
 * by that sentence. Undefined when the line does not open so.
 */
export function datedExclamation(text: string): string | undefined {
  const match = /^\s*([^，,。；;：:！!？?]{6,30}?)[！!]/u.exec(undecorated(text.replace(LEADING_TAG, '')));
  const head = match?.[1]!.trim();
  return head && /\d{1,2}\s*月\s*\d{1,2}\s*[日号]/.test(head) ? head : undefined;
}
