/**
 * Dates said in the Chinese (lunar) calendar, as shop notices give them: "农历腊月初八", "腊月二十三",
 * "正月十六", "阴历八月十五". No year is written; the date taken is the occurrence nearest to today.
 * The conversion uses lunar-typescript (the almanac's own month lengths), not Intl's Chinese calendar:
 * ICU computes new moons approximately and puts 2027's 正月初一 on 02-07 instead of 02-06.
 */
import { Lunar, Solar } from 'lunar-typescript';

const MONTH = '正|冬|腊|十一|十二|一|二|三|四|五|六|七|八|九|十';
const DAY = '初[一二三四五六七八九十]|十[一二三四五六七八九]|二十[一二三四五六七八九]?|廿[一二三四五六七八九]|三十|十';

/**
 * A lunar month and day. Without 农历/阴历 in front, only where the words are the lunar calendar's own
 * (正月, 冬月, 腊月, or a day like 初八, 廿三): "十二月十日" stays a Gregorian date.
 */
export const LUNAR_DATE = new RegExp(`(农历|阴历)?\\s*(${MONTH})月\\s*(${DAY})(?![一二三四五六七八九十日号])`);

const MONTH_NUMBER: Record<string, number> = { 正: 1, 冬: 11, 腊: 12 };
const DIGITS = '一二三四五六七八九';

function numberOf(text: string): number {
  if (text === '十') return 10;
  if (text === '三十') return 30;
  const digit = (c: string | undefined) => (c ? DIGITS.indexOf(c) + 1 : 0);
  if (text.startsWith('初')) return text === '初十' ? 10 : digit(text[1]);
  if (text.startsWith('廿')) return 20 + digit(text[1]);
  if (text.startsWith('二十')) return 20 + digit(text[2]);
  if (text.startsWith('十')) return 10 + digit(text[1]);
  return digit(text);
}

export interface LunarDate {
  /** The Gregorian date, ISO. */
  iso: string;
  index: number;
  length: number;
}

const DAY_MS = 86_400_000;

/** The Gregorian day of a lunar month and day in one lunar year; undefined where that month is shorter. */
function inLunarYear(year: number, month: number, day: number): number | undefined {
  try {
    const solar = Lunar.fromYmd(year, month, day).getSolar();
    return Date.UTC(solar.getYear(), solar.getMonth() - 1, solar.getDay());
  } catch {
    // 三十 of a 29-day month: 腊月三十 is how people say New Year's Eve (除夕) whatever the month's length.
    return month === 12 && day === 30 ? inLunarYear(year, 12, 29) : undefined;
  }
}

/** The Gregorian date of lunar month `month`, day `day` nearest to `today` (within a year either way; the earlier on a tie). */
export function gregorianOf(month: number, day: number, today: string): string | undefined {
  const start = new Date(`${today}T00:00:00Z`).getTime();
  const [y, m, d] = today.split('-').map(Number) as [number, number, number];
  const year = Solar.fromYmd(y, m, d).getLunar().getYear();
  let best: number | undefined;
  for (const time of [year - 1, year, year + 1].map((candidate) => inLunarYear(candidate, month, day))) {
    if (time === undefined || Math.abs(time - start) > 366 * DAY_MS) continue;
    if (best === undefined || Math.abs(time - start) < Math.abs(best - start)) best = time;
  }
  return best === undefined ? undefined : new Date(best).toISOString().slice(0, 10);
}

/** The first lunar date in `text`, as a Gregorian date near `today`. */
export function findLunarDate(text: string, today: string): LunarDate | undefined {
  const match = LUNAR_DATE.exec(text);
  if (!match) return undefined;
  const [, marked, monthWord, dayWord] = match;
  const ownWords = /^[正冬腊]$/.test(monthWord!) || /^[初廿]/.test(dayWord!);
  if (!marked && !ownWords) return undefined;
  const month = MONTH_NUMBER[monthWord!] ?? numberOf(monthWord!);
  const day = numberOf(dayWord!);
  if (month < 1 || month > 12 || day < 1 || day > 30) return undefined;
  const iso = gregorianOf(month, day, today);
  return iso ? { iso, index: match.index + match[0].length - match[0].trimStart().length, length: match[0].trim().length } : undefined;
}
