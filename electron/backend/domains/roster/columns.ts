/**
 * Which row of a roster sheet is its header and which column holds what. Headers are matched
 * against HEADER_ALIASES (shared/domain/roster.ts); a sheet without a header (a paste of bare
 * rows) is read by what its columns hold: 11-digit mobiles, short Chinese names, 6-digit numbers,
 * e-mail addresses. The manager can change the mapping; the preview shows every column with a few
 * samples so the choice is easy.
 */
import { HEADER_ALIASES, ROSTER_FIELDS, type ColumnMapping, type RosterField } from '../../../../shared/domain/roster';
import type { RosterSheet, SheetRow } from './rosterFile';

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

/** A sheet without a header: each field to the column where most values look like it. */
function mappingFromContent(rows: SheetRow[]): ColumnMapping {
  const sample = rows.slice(0, 200);
  const width = Math.max(0, ...sample.map((r) => r.cells.length));
  const share = (column: number, test: RegExp) => {
    const values = sample.map((r) => (r.cells[column] ?? '').normalize('NFKC').replace(/\s+/g, '')).filter(Boolean);
    return values.length ? values.filter((v) => test.test(v)).length / values.length : 0;
  };
  const mapping = emptyMapping();
  const used = new Set<number>();
  const pick = (field: RosterField, test: RegExp) => {
    let best = -1;
    let bestShare = 0.6;
    for (let c = 0; c < width; c++) {
      const s = used.has(c) ? 0 : share(c, test);
      if (s > bestShare) [best, bestShare] = [c, s];
    }
    if (best >= 0) {
      mapping[field] = best;
      used.add(best);
    }
  };
  pick('mobile', MOBILE_LIKE);
  pick('shortNumber', SHORT_LIKE);
  pick('email', EMAIL_LIKE);
  pick('department', DEPARTMENT_LIKE);
  pick('name', NAME_LIKE);
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
  return {
    headerRow: header.number,
    headers: header.cells,
    mapping: best.mapping,
    data: sheet.rows.slice(best.index + 1),
    score: best.score,
  };
}

/** The sheet to import: the one asked for, else the visible sheet whose header names most fields. */
export function chooseSheet(sheets: RosterSheet[], wanted?: string): RosterSheet | undefined {
  if (wanted !== undefined) return sheets.find((s) => s.name === wanted);
  let best: { sheet: RosterSheet; score: number } | undefined;
  for (const sheet of sheets) {
    if (!sheet.rows.some((r) => r.cells.some((c) => c.trim()))) continue;
    const { score } = sheetLayout(sheet);
    if (!best || score > best.score) best = { sheet, score };
  }
  return best?.sheet;
}
