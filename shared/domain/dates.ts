/** Calendar dates as ISO strings (`YYYY-MM-DD`) and months (`YYYY-MM`): no time zones, no clocks. */

export const ISO_DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
export const ISO_MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

export function isRealDate(date: string): boolean {
  if (!ISO_DATE.test(date)) return false;
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return d <= daysInMonth(y, m);
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export const monthOf = (date: string): string => date.slice(0, 7);
export const dayOf = (date: string): number => Number(date.slice(8, 10));

export function addMonths(month: string, n: number): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const index = y * 12 + (m - 1) + n;
  return `${String(Math.floor(index / 12)).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}`;
}

export function monthsBetween(from: string, to: string): number {
  const [fy, fm] = from.split('-').map(Number) as [number, number];
  const [ty, tm] = to.split('-').map(Number) as [number, number];
  return (ty - fy) * 12 + (tm - fm);
}

/** The first day of the month after `date`: when a plan change takes effect. */
export const firstOfNextMonth = (date: string): string => `${addMonths(monthOf(date), 1)}-01`;

/** Today's date in China (UTC+8), from an instant: what a clerk at the counter calls "today". */
export function chinaDate(instant: Date): string {
  return new Date(instant.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}

/** This month in China (UTC+8), `YYYY-MM`, from an instant. */
export const chinaMonth = (instant: Date): string => chinaDate(instant).slice(0, 7);

/** An instant as a clerk in China reads it: `YYYY-MM-DD HH:mm` (UTC+8). */
export const chinaMinute = (instant: Date): string =>
  new Date(instant.getTime() + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ');
