/**
 * Dates said in the Chinese (lunar) calendar, as shop notices give them: "农历腊月初八", "腊月二十三",
 * "正月十六", "阴历八月十五". No year is written; the date taken is the occurrence nearest to today.
 * The conversion uses the calendar built into Intl (ICU), so no table needs updating.
 */

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
let calendar: Intl.DateTimeFormat | undefined;

/** The lunar month and day of a Gregorian day ("6bis" for a leap month: never matched). */
function lunarOf(time: number): { month: string; day: string } {
  calendar ??= new Intl.DateTimeFormat('en-u-ca-chinese', { timeZone: 'UTC', month: 'numeric', day: 'numeric' });
  const parts = calendar.formatToParts(new Date(time));
  return { month: parts.find((p) => p.type === 'month')!.value, day: parts.find((p) => p.type === 'day')!.value };
}

/** The Gregorian date of lunar month `month`, day `day` nearest to `today` (within a year either way). */
export function gregorianOf(month: number, day: number, today: string): string | undefined {
  const start = new Date(`${today}T00:00:00Z`).getTime();
  for (let offset = 0; offset <= 366; offset++) {
    for (const time of offset ? [start - offset * DAY_MS, start + offset * DAY_MS] : [start]) {
      const lunar = lunarOf(time);
      if (lunar.month === String(month) && lunar.day === String(day)) return new Date(time).toISOString().slice(0, 10);
    }
  }
  return undefined;
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
