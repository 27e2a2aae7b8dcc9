/**
 * Dates as news items carry them: "2026年4月12日", "2026-08-15", "2026.05.20", "2026年3月" (the
 * first of the month), "8月15日" and "4月" (the year taken from the other dates in the same file, or
 * from today, and said so), dates written in Chinese numerals ("二〇二六年七月十日"), and lunar dates ("腊月初八",
 * lunarDates.ts). Only real calendar dates come out.
 */
import { isRealDate } from '../../../../shared/domain/dates';
import { findLunarDate } from './lunarDates';

export interface FoundDate {
  iso: string;
  /** The year was not written: it was taken from the file's other dates or from today. */
  yearInferred: boolean;
  /** Only the month was written: the date is the month's first day. */
  dayMissing: boolean;
  /** Where the date is in the text, and how long it is as written. */
  index: number;
  length: number;
}

const FULL = /(\d{4})\s*(?:年|-|\/|\.)\s*(\d{1,2})\s*(?:月|-|\/|\.)\s*(\d{1,2})(?!\d)(?:\s*[日号])?/;
const YEAR_MONTH = /(\d{4})\s*年\s*(\d{1,2})\s*月(?!\s*\d)/;
/** "26年3月", "26年3月5日": a two-digit year written with 年 is this century's. */
const SHORT_YEAR = /(?<!\d)(\d{2})\s*年\s*(\d{1,2})\s*月(?:\s*(\d{1,2})\s*[日号]|(?!\s*\d))/;
const MONTH_DAY = /(?<![\d年])(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]/;
/** "2027年春季学期2月20日", "2026年寒假1月18日": a year, the term or holiday it names, then the month and day of that year. */
const YEAR_TERM_DAY = /(\d{4})\s*年\s*(?:春季|秋季|夏季|冬季|春|秋|寒假|暑假|新)(?:学期|班)?\s*(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]/;
/** "4月 春茶上新", "11月起每周六…": a month alone only at the start of a line, followed by a space, a comma or 起 (from then on). */
const MONTH_AT_START = /^(\d{1,2})\s*月份?(?=[\s，,、：:]|起)/;

/** "8-15 公司通过…", "9/20 新品上市": a month and day with a dash or slash, only at the start of a line and standing apart. */
const MONTH_DAY_AT_START = /^(\d{1,2})\s*[-/]\s*(\d{1,2})(?=[\s，,、：:])/;
/** "去年十月", "今年3月5日", "上个月": a date said relative to now (today's date gives the year). */
const RELATIVE =
  /(去年|今年|前年)\s*([一二三四五六七八九十]{1,3}|\d{1,2})\s*月(?:\s*([一二三四五六七八九十]{1,3}|\d{1,2})\s*[日号])?|(上个?月|本月)/;
const CHINESE_DIGITS = '一二三四五六七八九';
/** "二〇二六年七月十日": a full date written in Chinese numerals, as on a notice. */
const FULL_CHINESE = /([〇○零一二三四五六七八九]{4})\s*年\s*([一二三四五六七八九十]{1,3})\s*月\s*([一二三四五六七八九十]{1,3})\s*[日号]/;

/** "二〇二六" → 2026: a year said digit by digit. */
const chineseYear = (text: string) => Number([...text].map((c) => String(CHINESE_DIGITS.indexOf(c) + 1)).join(''));

/** "十月" → 10, "二十一" → 21, "3" → 3. */
function numberOf(text: string): number {
  if (/^\d+$/.test(text)) return Number(text);
  const [tens, ones] = text.includes('十') ? text.split('十') : ['', text];
  const digit = (c: string | undefined) => (c ? CHINESE_DIGITS.indexOf(c) + 1 : 0);
  return (text.includes('十') ? (tens ? digit(tens) : 1) * 10 : 0) + digit(ones);
}

/** The year and month a relative date names, from today. */
function relativeDate(match: RegExpExecArray, today: string): { y: number; m: number; d?: number } {
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7));
  if (match[4]) return match[4] === '本月' ? { y: year, m: month } : month === 1 ? { y: year - 1, m: 12 } : { y: year, m: month - 1 };
  const offset = { 去年: 1, 前年: 2, 今年: 0 }[match[1] as '去年' | '前年' | '今年'];
  return { y: year - offset, m: numberOf(match[2]!), ...(match[3] ? { d: numberOf(match[3]) } : {}) };
}

const iso = (y: number, m: number, d: number) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;

/** The first full date (2026年4月12日, 2026-04-12, 2026/4/12, 2026.4.12) as an ISO date. */
export function findDate(text: string): string | undefined {
  const match = FULL.exec(text);
  if (!match) return undefined;
  const date = iso(Number(match[1]), Number(match[2]), Number(match[3]));
  return isRealDate(date) ? date : undefined;
}

/**
 * The year to give dates written without one: the most common year of the file's full dates (on a tie the one nearest
 * today's), else
 * today's — unless that puts the date more than two months ahead of today, when it is last year's.
 */
export function yearFor(month: number, day: number, fileYears: number[], today: string): number {
  if (fileYears.length) {
    const counts = new Map<number, number>();
    for (const y of fileYears) counts.set(y, (counts.get(y) ?? 0) + 1);
    // Between years as common, the one nearest today's (an article of December 2026 that names January 2027 once).
    const near = (y: number) => Math.abs(y - Number(today.slice(0, 4)));
    return [...counts].sort((a, b) => b[1] - a[1] || near(a[0]) - near(b[0]) || b[0] - a[0])[0]![0];
  }
  const year = Number(today.slice(0, 4));
  const ahead = new Date(`${iso(year, month, day)}T00:00:00Z`).getTime() - new Date(`${today}T00:00:00Z`).getTime();
  return ahead > 62 * 86_400_000 ? year - 1 : year;
}

/** The years of the full dates in some text, for `yearFor`. */
export function yearsIn(text: string): number[] {
  const short = [...text.matchAll(new RegExp(SHORT_YEAR.source, 'g'))].map((m) => 2000 + Number(m[1]));
  return [...text.matchAll(new RegExp(FULL.source, 'g')), ...text.matchAll(new RegExp(YEAR_MONTH.source, 'g'))]
    .map((m) => Number(m[1]))
    .concat([...text.matchAll(new RegExp(FULL_CHINESE.source, 'g'))].map((m) => chineseYear(m[1]!)))
    .filter((y) => y > 1900 && y < 2200)
    .concat(short);
}

/** The first date in `text` in any of the forms above; `fileYears` and `today` supply a missing year. */
export function findAnyDate(text: string, fileYears: number[], today: string): FoundDate | undefined {
  const candidates: FoundDate[] = [];
  const add = (match: RegExpExecArray | null, y: number | undefined, m: number, d: number | undefined) => {
    if (!match) return;
    const year = y ?? yearFor(m, d ?? 1, fileYears, today);
    const date = iso(year, m, d ?? 1);
    if (isRealDate(date))
      candidates.push({
        iso: date,
        yearInferred: y === undefined,
        dayMissing: d === undefined,
        index: match.index,
        length: match[0].length,
      });
  };
  const full = FULL.exec(text);
  add(full, Number(full?.[1]), Number(full?.[2]), Number(full?.[3]));
  const chinese = FULL_CHINESE.exec(text);
  if (chinese) add(chinese, chineseYear(chinese[1]!), numberOf(chinese[2]!), numberOf(chinese[3]!));
  const yearMonth = YEAR_MONTH.exec(text);
  add(yearMonth, Number(yearMonth?.[1]), Number(yearMonth?.[2]), undefined);
  const short = SHORT_YEAR.exec(text);
  add(short, 2000 + Number(short?.[1]), Number(short?.[2]), short?.[3] ? Number(short[3]) : undefined);
  const termDay = YEAR_TERM_DAY.exec(text);
  add(termDay, Number(termDay?.[1]), Number(termDay?.[2]), Number(termDay?.[3]));
  const monthDay = MONTH_DAY.exec(text);
  add(monthDay, undefined, Number(monthDay?.[1]), Number(monthDay?.[2]));
  const month = MONTH_AT_START.exec(text.trim());
  add(month, undefined, Number(month?.[1]), undefined);
  const dashed = MONTH_DAY_AT_START.exec(text.trim());
  add(dashed, undefined, Number(dashed?.[1]), Number(dashed?.[2]));
  const relative = RELATIVE.exec(text);
  if (relative) {
    const { y, m, d } = relativeDate(relative, today);
    const date = iso(y, m, d ?? 1);
    if (isRealDate(date))
      candidates.push({ iso: date, yearInferred: true, dayMissing: d === undefined, index: relative.index, length: relative[0].length });
  }
  // "农历腊月初八", "正月十六": a lunar date, its year never written.
  const lunar = findLunarDate(text, today);
  if (lunar) candidates.push({ iso: lunar.iso, yearInferred: true, dayMissing: false, index: lunar.index, length: lunar.length });
  return candidates.sort((a, b) => a.index - b.index)[0];
}

const HOUR = String.raw`\d{1,2}(?:[:：]\d{2}|点半?|时)(?:\d{1,2}分)?`;
const WEEKDAY_AND_HOUR = new RegExp(
  String.raw`^\s*(?:[（(]?(?:周|星期|礼拜)[一二三四五六日天][)）]?)?\s*(?:(?:上午|下午|晚上|中午|早上|傍晚)\s*(?:${HOUR}(?:\s*[-~～至到]\s*${HOUR})?)?|${HOUR}(?:\s*[-~～至到]\s*${HOUR})?)?(?=[\s，,、：:]|$)`,
);

/**
 * A line that starts with a date: the date, and the text after it when the date stands apart
 * ("2026-07-10 我校…" → "我校…"); when the date is part of the sentence ("8月15日起中秋…") the text
 * is the whole line.
 */
export function leadingDate(line: string, fileYears: number[], today: string): { date: FoundDate; text: string } | undefined {
  // "【2026-12-01】冬季冰雪游…", "[8月15日] …": a date in brackets stands apart.
  const bracketed = /^\s*[【[（(]\s*([^】\]）)]{3,16}?)\s*[】\]）)]\s*(.*)$/s.exec(line);
  if (bracketed) {
    const date = findAnyDate(bracketed[1]!, fileYears, today);
    if (date && date.index === 0 && date.length === bracketed[1]!.trim().length) return { date, text: bracketed[2]!.trim() };
  }
  const trimmed = line.trim();
  const date = findAnyDate(trimmed, fileYears, today);
  if (!date || date.index !== 0) return undefined;
  // "12月10日—12日双十二囤货节": a range says when the event runs, so it stays in the title.
  if (/^\s*[-—–~～至到]\s*(?:\d{1,2}\s*月\s*)?\d{1,2}\s*[日号]/.test(trimmed.slice(date.length))) return { date, text: trimmed };
  // "2027年春季学期2月20日开学": the term named in the date is what the notice is about, so it stays in the title.
  if (YEAR_TERM_DAY.test(trimmed.slice(0, date.length))) return { date, text: trimmed };
  // "12月6日（周六）上午 …", "12月13日 下午2点，…": the weekday and the hour belong to the date, not to what follows.
  const after = trimmed.slice(date.length).replace(WEEKDAY_AND_HOUR, '');
  // "2026年11月2日下午9:05": a date and an hour alone (a chat's time stamp) say nothing more.
  if (!after.trim()) return { date, text: '' };
  const apart = /^[\s，,、：:\-—]+/.exec(after);
  return { date, text: apart ? after.slice(apart[0].length).trim() : trimmed };
}

/** The text with its dates taken out ("2027年1月20日—2月5日开营" → "—开营"): what it says besides when. */
export const withoutDates = (text: string) =>
  text.replace(/(?:\d{2,4}\s*年\s*)?\d{1,2}\s*月(?:\s*\d{1,2}\s*[日号])?|\d{1,2}\s*[日号]/g, '');
