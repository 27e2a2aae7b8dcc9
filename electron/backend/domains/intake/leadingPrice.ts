/**
 * A line that opens with its price and goes on with what the price includes: "月租200元（含每月2000张，
 * 超出0.03元/张）", "50元/天起，押金另收", "￥380 上门安装". Written under the product's name in a price
 * list (a scanned rental sheet). A rent by the period in front of the amount (月租, 日租, 每月) is its unit.
 */
import type { Price } from '../../../../shared/sites/model';
import { isMarkedPrice, parsePrice } from '../../../../shared/sites/price';
import { parseLabeledPrice } from './fields';

/** "月租", "日租金", "每月": the period a rent or fee is paid by, in front of its amount. */
const PERIOD = /^(?:([月日天年周季])租金?|租金?每?([月日天年周季])|每([月日天年周季次]))\s*[：:]?\s*/;
const UNIT_OF: Record<string, string> = { 日: '天', 天: '天', 月: '月', 年: '年', 周: '周', 季: '季', 次: '次' };
/** An amount first on the line, maybe per a unit and 起: "200元", "50元/天起", "￥380". */
const AMOUNT = /^((?:[￥¥]\s*)?\d[\d,]*(?:\.\d+)?\s*(?:万元|元|块)?(?:\s*[/／每]\s*[\u4e00-\u9fffA-Za-z]{1,2})?\s*起?)(.*)$/u;

/** The price a line opens with, and what follows it (a comma or the brackets around it taken off) as remarks. */
export function leadingPrice(text: string): { price: Price; remarks: string } | undefined {
  const trimmed = text.trim();
  if (trimmed.length <= 12 && isMarkedPrice(trimmed)) {
    const price = parseLabeledPrice(trimmed);
    if (price) return { price, remarks: '' };
  }
  const period = PERIOD.exec(trimmed);
  const [, amount, rest] = AMOUNT.exec(trimmed.slice(period?.[0].length ?? 0)) ?? [];
  if (!amount || !/[元块万￥¥]/.test(amount) || !isMarkedPrice(amount.trim())) return undefined;
  const price = parsePrice(amount.trim());
  if (!price) return undefined;
  const unit = period && UNIT_OF[(period[1] ?? period[2] ?? period[3])!];
  if (unit && price.kind === 'amount' && !price.unit) price.unit = unit;
  const remarks = rest!
    .trim()
    .replace(/^[，,；;、]\s*/, '')
    .replace(/^[（(](.*)[）)]$/u, '$1')
    .trim();
  return { price, remarks };
}
