/**
 * Pulling fields out of customer prose: "规格：250克/罐。价格：368元。", "门店茶艺师 3名",
 * "待遇：月薪4500-6500元", "月薪8000-12000元", "学费1280元/期". Each extractor returns what it found
 * and the text that is left, so nothing is silently lost. Prices are read by shared/sites/price.ts,
 * the parser the editor uses too.
 */
import type { ContactBlock, Price } from '../../../../shared/sites/model';
import { isMarkedPrice, parsePrice as readPrice } from '../../../../shared/sites/price';
import { parseContact } from './contact';

export { findDate } from './dates';

export interface LabeledValue {
  label: string;
  value: string;
}

const COLON = '[：:]';
/** A value ends at a sentence end, a line end, or where the next label begins. */
const VALUE_END = /[。；;\n]/;

/**
 * Finds "label：value" pairs for the given labels. Returns the pairs and the text without them.
 * Labels are tried longest first so that 联系电话 wins over 电话.
 */
export function extractLabeled(text: string, labels: readonly string[]): { found: LabeledValue[]; rest: string } {
  const sorted = [...labels].sort((a, b) => b.length - a.length);
  const labelPattern = new RegExp(`(${sorted.map(escapeRegExp).join('|')})\\s*${COLON}\\s*`, 'g');
  const starts = [...text.matchAll(labelPattern)];
  if (starts.length === 0) return { found: [], rest: text };
  const found: LabeledValue[] = [];
  let rest = text.slice(0, starts[0]!.index);
  starts.forEach((match, i) => {
    const valueStart = match.index! + match[0].length;
    const nextLabel = starts[i + 1]?.index ?? text.length;
    const segment = text.slice(valueStart, nextLabel);
    const end = segment.search(VALUE_END);
    const value = (end < 0 ? segment : segment.slice(0, end)).trim();
    if (value) found.push({ label: match[1]!, value });
    const after = end < 0 ? '' : segment.slice(end + 1);
    rest += after;
  });
  return { found, rest: rest.replace(/\s{2,}/g, ' ').trim() };
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** "368元", "￥1,280.50", "98元/斤", "16.8万元", "面议" → a model price; undefined when the whole value is not one. */
export function parsePrice(value: string): Price | undefined {
  return readPrice(value);
}

/**
 * "10元第二份半价", "12元买一送一", "10元 送饮料": an offer written straight after an amount in 元 (the wide space a menu
 * had lost in OCR, or none typed).
 */
const OFFER = '(?:第[二三2-3]|买[一二三\\d]|满\\d|[送赠]|任选)[^\\s，,。；;]{1,11}';
const AMOUNT_IN_YUAN = '\\d\\s*元(?:\\s*[/／]\\s*[\\u4e00-\\u9fff]{1,2})?';

/** A price cell that is an amount and such an offer: [cell, amount, offer]; undefined for any other cell. */
export const amountThenOffer = (cell: string) =>
  new RegExp(`^(\\S*?${AMOUNT_IN_YUAN})[ \\t]?(${OFFER})$`, 'u').exec(cell.trim()) ?? undefined;

/** A line with such an offer at its end set apart from the amount by a wide space, as a menu's columns are. */
export const offerApart = (line: string) => line.replace(new RegExp(`(${AMOUNT_IN_YUAN})[ \\t]?(${OFFER})$`, 'u'), '$1　$2');

/** A label in front of an amount: 学费1280元/期, 单价：65元, 每桌888元 (the 价/费 words people put before a price). */
const PRICE_LABEL = /^(?:价格|价钱|收费|报价|费用|[\u4e00-\u9fff]{0,3}[价费])\s*[：:]?\s*/;

/** "学费1600元": a label before an amount that says it is money (元, ¥), as a clause of a sentence ends. */
export const isLabeledMarkedPrice = (value: string) =>
  PRICE_LABEL.test(value) && isMarkedPrice(value.replace(PRICE_LABEL, '')) && Boolean(parseLabeledPrice(value));

/** A price that may carry such a label: "学费1280元/期" → 1280元/期. */
export function parseLabeledPrice(value: string): Price | undefined {
  return readPrice(value) ?? (PRICE_LABEL.test(value) ? readPrice(value.replace(PRICE_LABEL, '')) : undefined);
}

const CHINESE_DIGITS: Record<string, number> = { 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10 };

/** "3", "两", "十二" → 3, 2, 12; undefined for anything else. */
export function countOf(raw: string): number | undefined {
  if (/^\d{1,4}$/.test(raw)) return Number(raw);
  if (/^[一二两三四五六七八九]$/.test(raw)) return CHINESE_DIGITS[raw];
  const tens = /^([一二三四五六七八九])?十([一二三四五六七八九])?$/.exec(raw);
  if (tens) return (tens[1] ? CHINESE_DIGITS[tens[1]]! : 1) * 10 + (tens[2] ? CHINESE_DIGITS[tens[2]]! : 0);
  return undefined;
}

/** "门店茶艺师 3名" → { title: '门店茶艺师', headcount: 3 }; "店长（两名）" too. */
export function splitHeadcount(title: string): { title: string; headcount?: number } {
  const match = /^(.*?)[\s（(]*(\d{1,4}|[一二两三四五六七八九十]{1,3})\s*(?:名|人|位)[)）]?$/.exec(title.trim());
  if (!match || !match[1]!.trim()) return { title: title.trim() };
  const headcount = countOf(match[2]!);
  return headcount && headcount > 0 ? { title: match[1]!.trim(), headcount } : { title: title.trim() };
}

/** Words that say a clause is about pay: 月薪8000-12000元, 底薪+提成, 计件工资, 月收入1万以上, 按小时结算, 日结, 一天150块, 每场80元 (a show or shift paid as such), 一天120 (a day's pay said without 元), 熟手一个月5000-7000元 (whose pay). */
/** "学徒期2500", "出师后4000+", "试用期3000元": the pay of a stage of the job. */
const STAGE_PAY = /^(?:学徒期|试用期|实习期|见习期|出师后?|转正后?)间?\s*(?:工资|月薪)?\s*\d{3,5}/;

const PAY_CLAUSE =
  /(?:月薪|年薪|日薪|时薪|底薪|薪资|薪水|薪酬|工资|待遇|收入|月入|提成|计件|\d+\s*元\s*\/\s*(?:月|天|小时|场|班)|按(?:小时|天|日|周|月|件|单)(?:结算|计酬|计薪|发放|算钱|给钱)|[日周]结|每(?:小时|天|月|场|班)\s*\d+\s*元|(?:一|每)(?:天|日|小时)\s*\d+(?:\s*[-~～到至]\s*\d+)?\s*[元块]|^(?:熟手|新手|学徒|老手|大工|小工)?(?:一个?月|每个?月)\s*\d{3,5}(?:\s*[-~～到至]\s*\d{3,5})?\s*元?(?:左右|以上|起)?(?:[包管](?:吃住|吃|住|饭|午饭|三餐))?$|^(?:一|每)(?:天|日)\s*\d{2,4}(?:\s*[-~～到至]\s*\d{2,4})?$)/;

/** "每樘80元", "每件1.5元", "一双鞋底25元", "织一件成人毛衣给120元": the rate of one piece of work. */
const PER_PIECE =
  /^(?:每[\u4e00-\u9fff]{1,2}|[\u4e00-\u9fff]{0,2}[一每][双件个只条套张樘把顶台根斤][\u4e00-\u9fff]{0,8}?(?:给|付|算)?)\s*\d+(?:\.\d+)?\s*[元块]/;

/** "…会开车工资4000到6000": a pay word and the amount after it ending words said without a break. */
const SAID_PAY =
  /(月薪|工资|底薪|薪资|待遇)(?:是|在|给)?\s*(\d[\d.,]*\s*[千万kK]?\s*(?:(?:到|至|-|~|～)\s*\d[\d.,]*\s*[千万kK]?)?\s*(?:元|块)?(?:\/月)?(?:以上|起|左右)?)$/;

/**
 * "待遇：月薪4500-6500元，五险一金。" / "待遇面议" / "…，月薪8000-12000元。" → the pay text, and what
 * is left of the paragraph. A labelled pay runs to the sentence end; an unlabelled one is the
 * clause that names it.
 */
export function extractPay(text: string): { pay?: string; rest: string } {
  const labeled = /(待遇|薪资|薪酬|工资|月薪)\s*[：:]\s*([^。；;\n]+)[。；;]?/.exec(text);
  if (labeled) {
    const pay = labeled[1] === '月薪' ? `月薪${labeled[2]!.trim()}` : labeled[2]!.trim();
    return { pay, rest: (text.slice(0, labeled.index) + text.slice(labeled.index + labeled[0].length)).trim() };
  }
  const negotiable = /(待遇|薪资|工资|薪酬)面议[。；;]?/.exec(text);
  if (negotiable)
    return { pay: '面议', rest: (text.slice(0, negotiable.index) + text.slice(negotiable.index + negotiable[0].length)).trim() };
  // Text written without punctuation ("包吃住 月工资2500元起") parts its clauses with spaces.
  const unpunctuated = !/[，,。；;！!、]/.test(text);
  const said = unpunctuated && !/\s/.test(text) ? SAID_PAY.exec(text) : null;
  if (said)
    return {
      pay: said[1] === '月薪' ? `月薪${said[2]}` : said[2]!,
      rest: (text.slice(0, said.index) + text.slice(said.index + said[0].length)).trim(),
    };
  const clauses = text.split(unpunctuated ? /(?<=\s)(?=\S)/ : /(?<=[，,。；;！!])/);
  const isPay = (clause: string) => PAY_CLAUSE.test(clause.replace(/[，,。；;！!]$/, '')) || STAGE_PAY.test(clause.trim());
  const index = clauses.findIndex(isPay);
  if (index < 0) return { rest: text };
  // "计件，能吃苦，月收入7000元以上": a pay without an amount takes the amount a later pay clause names; a piece rate
  // takes the rate per piece ("按樘计件，每樘80元", "每件1.5元").
  const perPiece = (c: string) => /计件|按件/.test(clauses[index]!) && PER_PIECE.test(c.trim());
  const amount = /\d/.test(clauses[index]!) ? -1 : clauses.findIndex((c, i) => i > index && (isPay(c) || perPiece(c)) && /\d/.test(c));
  // "学徒期2500，出师后4000+", "底薪3000+提成，月收入4000-6000元": pay clauses one after the other are one pay.
  let stages = index + 1;
  while (stages < clauses.length && isPay(clauses[stages]!) && /\d/.test(clauses[stages]!)) stages++;
  const payClauses = [...new Set([...Array.from({ length: stages - index }, (_, i) => index + i), ...(amount > 0 ? [amount] : [])])];
  const pay = payClauses.map((i) => clauses[i]!.replace(/[，,。；;！!]$/, '').trim()).join('，');
  const others = clauses.filter((_, i) => !payClauses.includes(i));
  if (unpunctuated)
    return {
      pay,
      rest: others
        .map((c) => c.trim())
        .join(' ')
        .trim(),
    };
  const rest = others
    .join('')
    .replace(/[，,]$/, '。')
    .trim();
  return { pay, rest };
}

/** Contact lines ("地址：… 电话：… 手机：…（王经理） 邮箱：…") → a contact block, or undefined if none found. */
export function parseContactLines(lines: string[]): ContactBlock | undefined {
  return parseContact(lines);
}
