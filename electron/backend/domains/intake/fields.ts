/**
 * Pulling fields out of customer prose: "规格：250克/罐。价格：368元。", "2026年4月12日",
 * "门店茶艺师 3名", "待遇：月薪4500-6500元", "电话：0531-86001234   手机：13805310001（王经理）".
 * Each extractor returns what it found and the text that is left, so nothing is silently lost.
 */
import { isRealDate } from '../../../../shared/domain/dates';
import type { ContactBlock, Price } from '../../../../shared/sites/model';

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

const PRICE = /^(?:¥|￥|RMB\s*)?\s*(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d{1,2}))?\s*(?:元|块|圆)?(?:\s*[/／每]\s*([^\s，,。；;]{1,10}))?$/;

/** "368元", "￥1,280.50", "98元/斤", "面议" → a model price; undefined when it is not clearly a price. */
export function parsePrice(value: string): Price | undefined {
  const v = value.trim();
  if (/^(面议|电议|议价|价格面议)$/.test(v)) return { kind: 'negotiable' };
  const match = PRICE.exec(v);
  if (!match) return undefined;
  const yuan = Number(match[1]!.replace(/,/g, ''));
  const fen = yuan * 100 + Number((match[2] ?? '').padEnd(2, '0') || 0);
  if (!Number.isSafeInteger(fen)) return undefined;
  return { kind: 'amount', fen, ...(match[3] ? { unit: match[3] } : {}) };
}

/** The first date written as 2026年4月12日, 2026-04-12, 2026/4/12 or 2026.4.12, as an ISO date. */
export function findDate(text: string): string | undefined {
  const match = /(\d{4})\s*(?:年|-|\/|\.)\s*(\d{1,2})\s*(?:月|-|\/|\.)\s*(\d{1,2})\s*日?/.exec(text);
  if (!match) return undefined;
  const iso = `${match[1]}-${match[2]!.padStart(2, '0')}-${match[3]!.padStart(2, '0')}`;
  return isRealDate(iso) ? iso : undefined;
}

const CHINESE_DIGITS: Record<string, number> = { 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10 };

/** "门店茶艺师 3名" → { title: '门店茶艺师', headcount: 3 }; "店长（两名）" too. */
export function splitHeadcount(title: string): { title: string; headcount?: number } {
  const match = /^(.*?)[\s（(]*(\d{1,4}|[一二两三四五六七八九十])\s*(?:名|人|位)[)）]?$/.exec(title.trim());
  if (!match || !match[1]!.trim()) return { title: title.trim() };
  const raw = match[2]!;
  const headcount = /^\d+$/.test(raw) ? Number(raw) : CHINESE_DIGITS[raw];
  return headcount && headcount > 0 ? { title: match[1]!.trim(), headcount } : { title: title.trim() };
}

/** "待遇：月薪4500-6500元" / "待遇面议" → the pay text, and what is left of the paragraph. */
export function extractPay(text: string): { pay?: string; rest: string } {
  const labeled = /(待遇|薪资|薪酬|工资|月薪)\s*[：:]\s*([^。；;\n]+)[。；;]?/.exec(text);
  if (labeled) {
    const pay = labeled[1] === '月薪' ? `月薪${labeled[2]!.trim()}` : labeled[2]!.trim();
    return { pay, rest: (text.slice(0, labeled.index) + text.slice(labeled.index + labeled[0].length)).trim() };
  }
  const negotiable = /(待遇|薪资|工资)面议[。；;]?/.exec(text);
  if (negotiable) return { pay: '面议', rest: (text.slice(0, negotiable.index) + text.slice(negotiable.index + negotiable[0].length)).trim() };
  return { rest: text };
}

const CONTACT_LABELS = ['地址', '公司地址', '门店地址', '电话', '联系电话', '固话', '座机', '手机', '热线', '服务热线', '传真', '邮箱', '电子邮箱', '电子邮件', 'Email', 'E-mail', '营业时间', '联系人'];

/** Contact lines ("地址：… 电话：… 手机：…（王经理） 邮箱：…") → a contact block, or undefined if none found. */
export function parseContactLines(lines: string[]): ContactBlock | undefined {
  const contact: ContactBlock = { address: '', phones: [] };
  let found = false;
  for (const line of lines) {
    for (const { label, value } of extractLabeled(line, CONTACT_LABELS).found) {
      found = true;
      applyContactField(contact, label, value);
    }
  }
  return found ? contact : undefined;
}

function applyContactField(contact: ContactBlock, label: string, value: string): void {
  if (label.endsWith('地址')) contact.address = value.slice(0, 200);
  else if (/邮|mail/i.test(label)) contact.email = value.slice(0, 100);
  else if (label === '营业时间') contact.hours = value.slice(0, 100);
  else if (label === '联系人') contact.person = value.slice(0, 50);
  else {
    // "13805310001（王经理）": the person in brackets is the contact person, not part of the number.
    const person = /^(.*?)[（(]([^）)]{1,20})[)）]$/.exec(value);
    const number = (person ? person[1]! : value).trim().slice(0, 30);
    if (person && !contact.person) contact.person = person[2]!.trim();
    if (number) contact.phones.push({ label: label.replace(/^联系/, ''), number });
  }
}
