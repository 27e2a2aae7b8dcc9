/**
 * Festival dates for care messages (关怀短信). Solar festivals repeat yearly (`--MM-DD`); lunar ones
 * move, so they are listed per year (Chinese calendar, 2026–2030; later years need an update).
 */
const SOLAR: Record<string, string> = {
  元旦: '--01-01',
  妇女节: '--03-08',
  劳动节: '--05-01',
  五一: '--05-01',
  儿童节: '--06-01',
  教师节: '--09-10',
  国庆: '--10-01',
  国庆节: '--10-01',
  圣诞: '--12-25',
  圣诞节: '--12-25',
};

const LUNAR: Record<string, string[]> = {
  春节: ['2026-02-17', '2027-02-06', '2028-01-26', '2029-02-13', '2030-02-03'],
  元宵: ['2026-03-03', '2027-02-20', '2028-02-09', '2029-02-27', '2030-02-17'],
  端午: ['2026-06-19', '2027-06-09', '2028-05-28', '2029-06-16', '2030-06-05'],
  中秋: ['2026-09-25', '2027-09-15', '2028-10-03', '2029-09-22', '2030-09-12'],
};

export interface Festival {
  /** As written: 中秋节, 春节 … */
  name: string;
  /** ISO date of the next occurrence on or after `today`, or `--MM-DD` for a yearly solar date. */
  date: string;
}

const NAMES = [...Object.keys(SOLAR), ...Object.keys(LUNAR)].sort((a, b) => b.length - a.length);

/** The first festival named in `text`, with its next date; undefined when none is named or its date is unknown. */
export function findFestival(text: string, today: string): Festival | undefined {
  const name = NAMES.find((n) => text.includes(n));
  if (!name) return undefined;
  const written = text.includes(`${name}节`) ? `${name}节` : name;
  if (SOLAR[name]) return { name: written, date: SOLAR[name] };
  const next = LUNAR[name]!.find((d) => d >= today);
  return next ? { name: written, date: next } : undefined;
}
