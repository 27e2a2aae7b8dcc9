/**
 * Prices as people write them, read into the content model's `Price` (integer fen): "368元",
 * "￥1,280.50", "16.8万元" (= 168,000 元), "3千", "200-400元/颗", "1.2～1.5万元/台", "180元起",
 * "98元/斤", "每晚288元", full-width digits, amounts in Chinese numerals ("两千八", "一万二") — also the capital numerals of
 * receipts and price boards ("叁仟捌佰捌拾元", "每付叁元") — and the words that stand for no amount: 面议, 电议, 时价 ….
 * One parser for the importer and the editor's price box, so both understand the same thing.
 */
import type { Price } from './model';

/** The largest price accepted: 100 亿元 (anything larger is a typing mistake, not a product). */
export const MAX_PRICE_FEN = 1_000_000_000_000;

/** Words that stand for "ask us" instead of an amount; 面议 is the default meaning. "电话咨询": the price is asked by phone. */
const NO_AMOUNT = [
  '价格面议',
  '面议',
  '电议',
  '议价',
  '面谈',
  '时价',
  '另议',
  '电话咨询',
  '来电咨询',
  '电话询价',
  '来电询价',
  '电话详询',
  '来电详询',
  '电询',
] as const;

const MULTIPLIERS: Record<string, number> = { 千: 1_000, k: 1_000, K: 1_000, 万: 10_000, w: 10_000, W: 10_000, 亿: 100_000_000 };

const NUMBER = String.raw`(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?`;
const MULTIPLIER = '([千万亿kKwW])?';
const CURRENCY = String.raw`(?:¥|RMB|CNY|人民币)?`;
const YUAN = '(?:元|块钱|块|圆)?';
const RANGE = '(?:-|~|—|–|至|到)';
/** 吨, 晚, 人/天, and a unit with its quantity: 500g, 2斤. */
const UNIT = String.raw`(\d{0,4}[^\s\d,.;，。；、()（）]{1,6}?)`;

/**
 * "价格" written as one expression: [currency] number [multiplier] [– number [multiplier]] [元]
 * [/unit | 起]. Groups: 1–3 low (int, decimals, multiplier), 4–6 high, 7 unit, 8 起.
 */
const EXPRESSION = new RegExp(
  String.raw`^${CURRENCY}\s*${NUMBER}\s*${MULTIPLIER}\s*${YUAN}(?:\s*${RANGE}\s*${CURRENCY}\s*${NUMBER}\s*${MULTIPLIER}\s*${YUAN})?(?:\s*(?:/|每|一)\s*${UNIT})?\s*(起)?$`,
);

/** "每晚288元", "每吨3650元", "每平方米1.5元": the unit written before the amount. */
const UNIT_FIRST = new RegExp(String.raw`^每\s*([^\s\d,.;，。；、()（）¥]{1,4}?)\s*(?=[¥\d])(.+)$`);

export type PriceReading = { ok: true; price: Price } | { ok: false; reason: 'empty' | 'unreadable' | 'too_large' | 'range_reversed' };

/** Full-width digits and signs (１２８，￥，／) as their ASCII forms; spaces trimmed. */
/** The price words written in traditional characters (面議, 1.2萬, 時價, 電議): read as their simplified forms. */
const TRADITIONAL_PRICE_WORDS: Record<string, string> = {
  議: '议',
  萬: '万',
  價: '价',
  時: '时',
  談: '谈',
  塊: '块',
  電: '电',
  單: '单',
  報: '报',
};

/** The capital numerals (大写数字) of receipts and price boards, as the everyday ones: 叁仟捌佰 → 三千八百. */
const CAPITAL_NUMERALS: Record<string, string> = {
  壹: '一',
  贰: '二',
  貳: '二',
  叁: '三',
  參: '三',
  肆: '四',
  伍: '五',
  陆: '六',
  陸: '六',
  柒: '七',
  捌: '八',
  玖: '九',
  拾: '十',
  佰: '百',
  仟: '千',
  〇: '零',
};

/** "元/㎡": the square-metre sign would become "m2" under NFKC, a unit with a digit in it. */
const withAreaUnits = (text: string) => text.replace(/㎡|m²/g, '平方米').replace(/㎥|m³/g, '立方米');

function normalize(text: string): string {
  return (
    withAreaUnits(text)
      .normalize('NFKC')
      .replace(/[議萬價時談塊電單報]/g, (ch) => TRADITIONAL_PRICE_WORDS[ch]!)
      .replace(/[壹贰貳叁參肆伍陆陸柒捌玖拾佰仟〇]/g, (ch) => CAPITAL_NUMERALS[ch]!)
      // "陆仟陆佰元整": 整 closes an amount written out in full, as on a receipt.
      .replace(/([元圆])整/g, '$1')
      .replace(/\s+/g, ' ')
      .trim()
  );
}

function toFen(integer: string, decimals: string | undefined, multiplierChar: string | undefined): number | undefined {
  const multiplier = multiplierChar ? MULTIPLIERS[multiplierChar]! : 1;
  // Exact decimal arithmetic in fen: "16.8" 万 → 168 × 10^(4+2-1) fen, never 16.8 × 10000 in floating point.
  const digits = `${integer.replace(/,/g, '')}${decimals ?? ''}`;
  const scale = Math.log10(multiplier) + 2 - (decimals?.length ?? 0);
  if (scale < 0) {
    // More decimals than fen can hold ("1.234元"): refuse rather than round silently.
    if (!/0+$/.test(digits.slice(scale))) return undefined;
    return Number(digits.slice(0, scale));
  }
  const fen = Number(digits) * 10 ** scale;
  return Number.isSafeInteger(fen) ? fen : undefined;
}

const CHINESE_DIGIT: Record<string, number> = { 零: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const CHINESE_UNIT: Record<string, number> = { 十: 10, 百: 100, 千: 1_000 };

/** "两千八" → 2800, "五百八" → 580, "一千零五十" → 1050: a number below 10 000 said in Chinese, the last digit a tenth of the unit before it when said short. */
function smallChineseNumber(text: string): number | undefined {
  let total = 0;
  let digit: number | undefined;
  let lastUnit = 0;
  let zero = false;
  for (const ch of text) {
    if (ch === '零') zero = true;
    else if (ch in CHINESE_DIGIT) {
      if (digit !== undefined) return undefined;
      digit = CHINESE_DIGIT[ch]!;
    } else {
      const unit = CHINESE_UNIT[ch]!;
      if (lastUnit && unit >= lastUnit) return undefined;
      total += (digit ?? 1) * unit;
      lastUnit = unit;
      digit = undefined;
    }
  }
  if (digit !== undefined) total += !zero && lastUnit >= 100 ? (digit * lastUnit) / 10 : digit;
  return total;
}

/**
 * "两千八", "一万二", "三千五百": an amount said in Chinese numerals (with a 十/百/千/万 in it), as digits; a
 * lone digit only when 元 follows ("三元", from "叁元").
 */
function chineseAmount(text: string, yuan: boolean): number | undefined {
  if (yuan && /^[一二两三四五六七八九]$/.test(text)) return CHINESE_DIGIT[text];
  if (!/^[零一二两三四五六七八九十百千万]+$/.test(text) || !/[十百千万]/.test(text)) return undefined;
  const [high, low = '', ...more] = text.split('万');
  if (more.length) return undefined;
  const highValue = high ? smallChineseNumber(high) : text.includes('万') ? 1 : 0;
  // "一万二" is 12 000: a lone digit after 万 counts thousands.
  const lowValue = /^[一二两三四五六七八九]$/.test(low) && text.includes('万') ? CHINESE_DIGIT[low]! * 1_000 : smallChineseNumber(low);
  if (highValue === undefined || lowValue === undefined) return undefined;
  return (text.includes('万') ? highValue * 10_000 : highValue) + lowValue;
}

/**
 * An amount written in Chinese numerals at the start of a price, or after its unit ("两千四/学期", "三千元起",
 * "每次三十元", "三十八一斤", "一百二一趟") → its digits ("2400/学期", "每次30元", "38一斤", "120一趟").
 */
function withChineseAmount(text: string): string {
  return text.replace(
    /^(每\s*[^\s\d零一二两三四五六七八九十百千万]{1,3})?([零一二两三四五六七八九十百千万]+)(?=$|[元块/每起\s(（]|一[\u4e00-\u9fff])/,
    (whole, per: string | undefined, said: string) => {
      const value = chineseAmount(said, /^[元块]/.test(text.slice(whole.length)));
      return value === undefined ? whole : `${per ?? ''}${value}`;
    },
  );
}

const DIGIT_SAID: Record<string, string> = { 一: '1', 二: '2', 两: '2', 三: '3', 四: '4', 五: '5', 六: '6', 七: '7', 八: '8', 九: '9' };

/** "1块5一个", "2块5毛", "3块五": yuan and dimes said the spoken way → "1.5元一个". */
const withSpokenDimes = (text: string) =>
  text.replace(
    /^(\d+)\s*块\s*([1-9一二两三四五六七八九])\s*[毛角]?(?=$|[一/每起\s(（])/,
    (_, yuan: string, dime: string) => `${yuan}.${DIGIT_SAID[dime] ?? dime}元`,
  );

/**
 * Amounts in 角 (毛 when spoken) and yuan with 角 after them, as a decimal in 元: "5角", "8角/斤", "6角5" (6角5分),
 * "1毛/个", "5毛一块", "1块2/斤", "2元5角". A digit after 元 only counts as 角 where the amount ends ("10元3斤" is 3斤 for 10元).
 */
function withJiao(text: string): string {
  const end = String.raw`(?=$|\s|[/／每起]|一[\u4e00-\u9fff])`;
  return text
    .replace(
      new RegExp(String.raw`^(\d+)\s*[元块]([1-9])\s*[角毛]?(?:\s*([1-9])\s*分?)?${end}`),
      (_, yuan: string, jiao: string, fen?: string) => `${yuan}.${jiao}${fen ?? ''}元`,
    )
    .replace(
      new RegExp(String.raw`^([1-9])\s*[角毛](?:\s*([1-9])\s*分?)?${end}`),
      (_, jiao: string, fen?: string) => `0.${jiao}${fen ?? ''}元`,
    );
}

/**
 * "2.6元斤", "45块袋": a unit typed straight after 元 with its slash left out (a phone note) → "2.6元/斤". Only
 * measure words that follow an amount this way, and nothing after them ("5元包邮" stays unread).
 */
const withMissedSlash = (text: string) =>
  text.replace(
    /^(\d+(?:\.\d+)?\s*[元块])(斤|公斤|千克|两|袋|包|箱|盒|瓶|罐|桶|个|只|件|条|双|套|台|把|顶|张|本|支|根|粒|株|棵|吨|米|平米|平方米|次|位|人|天|晚)$/,
    '$1/$2',
  );

/**
 * Reads a price. `{ ok: false }` says why it is not one; the caller keeps the text as it was
 * (the importer leaves it in the description, the editor shows the reason).
 */
export function readPrice(raw: string): PriceReading {
  // "8折后 ¥640", "特价：99元": the price paid is the amount after the word.
  const text = withMissedSlash(
    withJiao(
      withSpokenDimes(
        withChineseAmount(
          normalize(raw).replace(/^(?:价格|单价|售价|报价|特价|现价|优惠价|活动价|折后价?|\d(?:\.\d)?折后价?)\s*[:：]?\s*/, ''),
        ),
      ),
    ),
  );
  if (!text) return { ok: false, reason: 'empty' };
  const word = NO_AMOUNT.find((w) => text === w || text === `${w}。`);
  if (word)
    return { ok: true, price: word === '面议' || word === '价格面议' ? { kind: 'negotiable' } : { kind: 'negotiable', text: word } };
  const unitFirst = UNIT_FIRST.exec(text);
  const match = EXPRESSION.exec(unitFirst ? unitFirst[2]! : text);
  if (!match) return { ok: false, reason: 'unreadable' };
  const [, lowInt, lowDec, lowMul, highInt, highDec, highMul, unit, from] = match;
  // "1.2-1.5万": a multiplier written once at the end applies to both ends.
  const low = toFen(lowInt!, lowDec, lowMul ?? (highInt ? highMul : undefined));
  const high = highInt ? toFen(highInt, highDec, highMul) : undefined;
  if (low === undefined || (highInt && high === undefined)) return { ok: false, reason: 'unreadable' };
  if (low > MAX_PRICE_FEN || (high ?? 0) > MAX_PRICE_FEN) return { ok: false, reason: 'too_large' };
  if (high !== undefined && high < low) return { ok: false, reason: 'range_reversed' };
  // "每次课120元", "每节课80元": the lesson is what the measure counts, the unit is the measure (次, 节, 堂).
  const perUnit = unitFirst ? unitFirst[1]!.replace(/^([次节堂])课$/, '$1') : unit;
  return {
    ok: true,
    price: {
      kind: 'amount',
      fen: low,
      ...(high !== undefined && high !== low ? { maxFen: high } : {}),
      ...(perUnit ? { unit: perUnit } : {}),
      ...(from ? { from: true } : {}),
    },
  };
}

/** The price if `text` is one, else undefined. */
export function parsePrice(text: string): Price | undefined {
  const reading = readPrice(text);
  return reading.ok ? reading.price : undefined;
}

const MARKED = /[¥元块万千毛角]|RMB|CNY|人民币/;
/** "三十八一斤", "一百二一趟": an amount said in Chinese numerals before 一 and a unit is a price said out loud. */
const SAID_PER_UNIT = /^[零一二两三四五六七八九]*[十百][零一二两三四五六七八九十百]*一[\u4e00-\u9fff]/;

/**
 * True when the text, as a whole, is a price that says so: an amount with ¥/元/万 …, or a
 * no-amount word. A bare number ("2026", "12") is not taken for a price without a column that says so.
 */
export function isMarkedPrice(text: string): boolean {
  const reading = readPrice(text);
  return reading.ok && (reading.price.kind === 'negotiable' || MARKED.test(normalize(text)) || SAID_PER_UNIT.test(normalize(text)));
}

/** "168000", "168000.5" → "168,000", "168,000.50": how the editor shows what it understood. */
export function groupedYuan(fen: number): string {
  const yuan = Math.floor(fen / 100).toLocaleString('en-US');
  const rest = fen % 100;
  return rest === 0 ? yuan : `${yuan}.${String(rest).padStart(2, '0')}`;
}
