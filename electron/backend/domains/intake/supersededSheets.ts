/**
 * Workbooks where the owner copied last year's sheet to make this year's: the sheets are versions of one price
 * list (the same header, mostly the same goods) and only the current one is for the site — a product only on
 * the old sheet is withdrawn. Sheets that are not versions of each other (categories on separate sheets, each
 * with its own goods) are all current.
 */

/** The sheet as this module needs it: its name, its rows, and whether the workbook opens on it. */
export interface VersionedSheet {
  name: string;
  rows: string[][];
  active?: boolean;
}

/** A sheet name saying the sheet is superseded: 旧价, 作废, 停用, 过期, old, 备份. */
const OLD_NAME = /旧(?:价|版|表|单|款)|^旧|[（(]旧[)）]|作废|停用|过期|废弃|备份|历史价|\bold\b|backup/i;

const norm = (cell: string) => cell.replace(/\s+/g, '').replace(/[（(].*?[)）]/g, '');

/** The header row: the first row with three or more filled cells; undefined when there is none. */
function headerIndex(rows: string[][]): number | undefined {
  const at = rows.findIndex((row) => row.filter((c) => c.trim()).length >= 3);
  return at < 0 ? undefined : at;
}

const headerKey = (sheet: VersionedSheet, at: number) => sheet.rows[at]!.map(norm).join('|').replace(/\|+$/, '');

/** The distinct names in the first filled column under the header. */
function names(sheet: VersionedSheet, at: number): Set<string> {
  const column = sheet.rows[at]!.findIndex((c) => c.trim());
  return new Set(
    sheet.rows
      .slice(at + 1)
      .filter((row) => row.filter((c) => c.trim()).length >= 2)
      .map((row) => norm(row[column] ?? ''))
      .filter(Boolean),
  );
}

/** The latest year (and month) a sheet's name or title lines above its header mention, as yyyymm; 0 when none. */
function sheetDate(sheet: VersionedSheet, at: number): number {
  const text = [sheet.name, ...sheet.rows.slice(0, at).flat()].join(' ');
  let latest = 0;
  for (const m of text.matchAll(/(?<!\d)((?:19|20)\d{2})(?!\d)\s*(?:年|[.\-/])?\s*(?:(\d{1,2})(?!\d))?/g)) {
    const month = Number(m[2] ?? 0);
    latest = Math.max(latest, Number(m[1]) * 100 + (month >= 1 && month <= 12 ? month : 0));
  }
  return latest;
}

/** A sheet's name without what tells versions apart: digits, dates, brackets, 新/旧, copy marks ("价格表 (2)" → 价格表). */
const versionName = (name: string) => name.replace(/[\d\s()（）._\-—/年月日]|新|旧|副本|copy/gi, '');

/** Two sheets are versions of one list: the same header and at least half the smaller one's names shared. */
function versionsOf(a: Set<string>, b: Set<string>): boolean {
  const shared = [...a].filter((name) => b.has(name)).length;
  return shared >= 2 && shared * 2 >= Math.min(a.size, b.size);
}

/**
 * The sheets without those a sibling version supersedes: within sheets of the same header and mostly the same
 * goods, one named old (旧价, 作废) gives way, then one dated earlier than a sibling (in its name or title), then —
 * when still several are left — those the workbook does not open on.
 */
export function currentSheets<S extends VersionedSheet>(sheets: S[]): S[] {
  if (sheets.length < 2) return sheets;
  const read = sheets.map((sheet) => {
    const at = headerIndex(sheet.rows);
    return at === undefined ? undefined : { key: headerKey(sheet, at), names: names(sheet, at), date: sheetDate(sheet, at) };
  });
  const dropped = new Set<number>();
  sheets.forEach((_, i) => {
    const own = read[i];
    if (!own) return;
    const group = sheets.flatMap((_, j) => {
      const other = read[j];
      return other && (j === i || (other.key === own.key && versionsOf(own.names, other.names))) ? [j] : [];
    });
    if (group.length < 2) return;
    const survivors = supersede(
      group,
      (j) => OLD_NAME.test(sheets[j]!.name),
      (j) => read[j]!.date,
      (j) => !!sheets[j]!.active,
      (j) => versionName(sheets[j]!.name),
    );
    if (!survivors.includes(i)) dropped.add(i);
  });
  const kept = sheets.filter((_, i) => !dropped.has(i));
  return kept.length ? kept : sheets;
}

/** The current sheets of one group of versions, each rule applied only when it leaves at least one sheet. */
function supersede(
  group: number[],
  old: (i: number) => boolean,
  date: (i: number) => number,
  active: (i: number) => boolean,
  name: (i: number) => string,
) {
  let left = group;
  const narrow = (keep: (i: number) => boolean) => {
    const next = left.filter(keep);
    if (next.length) left = next;
  };
  narrow((i) => !old(i));
  // Dates decide only when every version has one (an undated sheet may be the current one, renamed).
  const latest = Math.max(...left.map(date));
  if (left.every((i) => date(i) > 0)) narrow((i) => date(i) === latest);
  // The active tab alone tells versions apart only when their names do not (价格表 and 价格表 (2)): sheets named
  // 男装 and 女装 listing the same goods are categories, whichever the workbook opens on.
  if (left.length > 1 && new Set(left.map(name)).size === 1) narrow(active);
  return left;
}
