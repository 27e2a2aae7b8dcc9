/**
 * Which row of a roster sheet is its header and which column holds what. Headers are matched
 * against HEADER_ALIASES (shared/domain/roster.ts); a sheet without a header (a paste of bare
 * rows) is read by what its columns hold: 11-digit mobiles, short Chinese names, 6-digit numbers,
 * e-mail addresses. The manager can change the mapping; the preview shows every column with a few
 * samples so the choice is easy.
 */
import { ALL_SHEETS, HEADER_ALIASES, ROSTER_FIELDS, type ColumnMapping, type RosterField } from '../../../../shared/domain/roster';
import type { RosterSheet, SheetRow } from './rosterFile';
import { mobileInText } from './rows';

/** How far down a title block may push the header. */
const HEADER_SEARCH_ROWS = 20;

export interface SheetLayout {
  /** 0 when the sheet has no header row. */
  headerRow: number;
  headers: string[];
  mapping: ColumnMapping;
  /** Rows after the header. */
  data: SheetRow[];
  /** How many fields the header named (0 without a header). */
  score: number;
}

export const emptyMapping = (): ColumnMapping => Object.fromEntries(ROSTER_FIELDS.map((f) => [f, null])) as ColumnMapping;

/** "手机号码（必填）*" → "手机号码"; "E-Mail" → "e-mail". */
export const normalizeHeader = (header: string): string =>
  header
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[([【].*?[)\]】]/g, '')
    .replace(/[\s*:]/g, '');

/** How well a header names a field: an exact alias beats one it only contains; earlier aliases beat later ones. */
function fieldScores(header: string): { field: RosterField; score: number }[] {
  const h = normalizeHeader(header);
  if (!h) return [];
  const scores: { field: RosterField; score: number }[] = [];
  for (const field of ROSTER_FIELDS) {
    HEADER_ALIASES[field].forEach((alias, i) => {
      const score = h === alias ? 100 - i : h.startsWith(alias) || (alias.length > 1 && h.includes(alias)) ? 50 - i : 0;
      if (score > 0) scores.push({ field, score });
    });
  }
  return scores;
}

/** Each field to the column that names it best; a column serves one field. */
export function mappingFromHeaders(headers: string[]): { mapping: ColumnMapping; score: number } {
  const candidates = headers
    .flatMap((header, column) => fieldScores(header).map((s) => ({ ...s, column })))
    .sort((a, b) => b.score - a.score || a.column - b.column);
  const mapping = emptyMapping();
  const usedColumns = new Set<number>();
  for (const c of candidates) {
    if (mapping[c.field] !== null || usedColumns.has(c.column)) continue;
    mapping[c.field] = c.column;
    usedColumns.add(c.column);
  }
  return { mapping, score: ROSTER_FIELDS.filter((f) => mapping[f] !== null).length };
}

const MOBILE_LIKE = /^(\+?86)?-?1[3-9]\d-?\d{4}-?\d{4}$/;
const NAME_LIKE = /^[\u4e00-\u9fa5·]{2,5}$/;
const DEPARTMENT_LIKE = /^[\u4e00-\u9fa5A-Za-z0-9]{1,20}(部|处|科|室|组|中心|车间|办公室|队)$/;
const SHORT_LIKE = /^[2-9]\d{5}$/;
const EMAIL_LIKE = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;

const isMobileLike = (value: string) => MOBILE_LIKE.test(value);
/** A cell that holds a mobile among other things: "手机：182…", "150 0633 1003 / 0533-2281234". */
const holdsMobile = (value: string) => mobileInText(value) !== undefined;

/** Picks, for a field, the unused column where most values look like it (over 60 % of them). */
function columnPicker(rows: SheetRow[], known: ColumnMapping) {
  const sample = rows.slice(0, 200);
  const width = Math.max(0, ...sample.map((r) => r.cells.length));
  const share = (column: number, looksRight: (value: string) => boolean) => {
    const values = sample.map((r) => (r.cells[column] ?? '').normalize('NFKC').replace(/\s+/g, '')).filter(Boolean);
    return values.length ? values.filter(looksRight).length / values.length : 0;
  };
  const mapping = { ...known };
  const used = new Set(Object.values(known).filter((c): c is number => c !== null));
  const pick = (field: RosterField, looksRight: (value: string) => boolean) => {
    if (mapping[field] !== null) return;
    let best = -1;
    let bestShare = 0.6;
    for (let c = 0; c < width; c++) {
      const s = used.has(c) ? 0 : share(c, looksRight);
      if (s > bestShare) [best, bestShare] = [c, s];
    }
    if (best >= 0) {
      mapping[field] = best;
      used.add(best);
    }
  };
  return { mapping, pick };
}

/** A sheet without a header: each field to the column where most values look like it. */
function mappingFromContent(rows: SheetRow[]): ColumnMapping {
  const { mapping, pick } = columnPicker(rows, emptyMapping());
  pick('mobile', isMobileLike);
  pick('mobile', holdsMobile);
  pick('shortNumber', (v) => SHORT_LIKE.test(v));
  pick('email', (v) => EMAIL_LIKE.test(v));
  pick('department', (v) => DEPARTMENT_LIKE.test(v));
  pick('name', (v) => NAME_LIKE.test(v));
  return mapping;
}

/** A header that named no mobile column ("备注", "联系人电话（手机）" spelled some other way): the column that holds mobiles. */
function withMobileFromContent(rows: SheetRow[], known: ColumnMapping): ColumnMapping {
  const { mapping, pick } = columnPicker(rows, known);
  pick('mobile', holdsMobile);
  return mapping;
}

/** The header row (the one naming most fields among the first rows) and the mapping it gives. */
export function sheetLayout(sheet: RosterSheet): SheetLayout {
  let best: { index: number; mapping: ColumnMapping; score: number } | undefined;
  sheet.rows.slice(0, HEADER_SEARCH_ROWS).forEach((row, index) => {
    const { mapping, score } = mappingFromHeaders(row.cells);
    const named = mapping.name !== null || mapping.mobile !== null;
    if (named && score >= 2 && (!best || score > best.score)) best = { index, mapping, score };
  });
  if (!best) return { headerRow: 0, headers: [], mapping: mappingFromContent(sheet.rows), data: sheet.rows, score: 0 };
  const header = sheet.rows[best.index]!;
  const data = sheet.rows.slice(best.index + 1);
  const mapping = best.mapping.mobile === null ? withMobileFromContent(data, best.mapping) : best.mapping;
  return { headerRow: header.number, headers: header.cells, mapping, data, score: best.score };
}

/** The sheet to import: the one asked for; else every sheet at once (`all`, from sheetsAsOne) when they share a header; else the visible sheet whose header names most fields. */
export function chooseSheet(sheets: RosterSheet[], all: RosterSheet | undefined, wanted?: string): RosterSheet | undefined {
  if (wanted === ALL_SHEETS) return all;
  if (wanted !== undefined) return sheets.find((s) => s.name === wanted);
  if (all) return all;
  let best: { sheet: RosterSheet; score: number } | undefined;
  for (const sheet of sheets) {
    if (!sheet.rows.some((r) => r.cells.some((c) => c.trim()))) continue;
    const { score } = sheetLayout(sheet);
    if (!best || score > best.score) best = { sheet, score };
  }
  return best?.sheet;
}

const SHEET_NOT_A_DEPARTMENT =
  /^(sheet|工作表|表|第)?\s*[\d一二三四五六七八九十]+\s*(页|月|年)?$|通讯录|名单|花名册|汇总|全体|人员|员工|说明/i;
const SHEET_DEPARTMENT = /(部|处|科|室|组|中心|车间|办公室|队|班|店|厂|分公司|门市|项目部)$/;

/**
 * A workbook with one sheet per department, each with the same header: the sheets read as one, each
 * row knowing its sheet. Without a department column the sheet's name is the department, as an
 * extra column "部门" the manager sees (and can leave unmapped) in the preview.
 */
export function sheetsAsOne(sheets: RosterSheet[]): RosterSheet | undefined {
  const groups = new Map<string, { sheet: RosterSheet; layout: SheetLayout }[]>();
  for (const sheet of sheets) {
    const layout = sheetLayout(sheet);
    if (!layout.headerRow || layout.mapping.name === null || layout.mapping.mobile === null) continue;
    const key = layout.headers.map(normalizeHeader).join('|').replace(/\|+$/, '');
    groups.set(key, [...(groups.get(key) ?? []), { sheet, layout }]);
  }
  const group = [...groups.values()].sort((a, b) => b.length - a.length)[0];
  if (!group || group.length < 2) return undefined;
  const { layout: first } = group[0]!;
  const width = first.headers.length;
  const named = first.mapping.department === null && group.every(({ sheet }) => isDepartmentName(sheet.name));
  const header = { number: first.headerRow, cells: named ? [...first.headers, '部门'] : first.headers };
  const rows = group.flatMap(({ sheet, layout }) =>
    layout.data.map((row) => ({
      ...row,
      sheet: sheet.name,
      cells: named ? [...Array.from({ length: width }, (_, i) => row.cells[i] ?? ''), sheet.name] : row.cells,
    })),
  );
  return { name: ALL_SHEETS, rows: [header, ...rows] };
}

const isDepartmentName = (name: string) => !SHEET_NOT_A_DEPARTMENT.test(name.trim()) && SHEET_DEPARTMENT.test(name.trim());

/** Cells that hold the same header text (序号 … 序号). */
const sameHeader = (a: string | undefined, b: string | undefined) => !!a && normalizeHeader(a) === normalizeHeader(b ?? '');

/**
 * A phone list printed several people a row (姓名 手机 | 姓名 手机): its blocks stacked into one
 * table under the first block's header, every row keeping the number the file shows.
 */
export function unfoldSideBySide(sheet: RosterSheet): RosterSheet {
  for (const [index, header] of sheet.rows.slice(0, HEADER_SEARCH_ROWS).entries()) {
    const fields = header.cells.map((cell) => fieldScores(cell).sort((a, b) => b.score - a.score)[0]?.field);
    const names = fields.flatMap((f, c) => (f === 'name' ? [c] : []));
    if (names.length < 2) continue;
    const width = names[1]! - names[0]!;
    let start = names[0]!;
    while (start > 0 && sameHeader(header.cells[start - 1], header.cells[start - 1 + width])) start--;
    const blocks = names.map((_, b) => start + b * width);
    const isBlock = (from: number) => fields.slice(from, from + width).includes('mobile') && names.includes(from + (names[0]! - start));
    if (!blocks.every(isBlock)) continue;
    const slice = (row: SheetRow, from: number) => ({ ...row, cells: row.cells.slice(from, from + width) });
    const data = sheet.rows.slice(index + 1);
    return {
      name: sheet.name,
      rows: [...sheet.rows.slice(0, index), slice(header, blocks[0]!), ...blocks.flatMap((from) => data.map((row) => slice(row, from)))],
    };
  }
  return sheet;
}
