/**
 * Old Excel workbooks (.xls, BIFF8 and BIFF5) and WPS spreadsheets (.et), read with SheetJS
 * (@e965/xlsx: SheetJS 0.20.3 as published to npm). Only cell values are read: no formulas are
 * evaluated (BIFF keeps each formula's last result), no links followed, no HTML or styles built.
 * The cell text is what the .xlsx path (exceljs) gives: numbers without float noise or exponent,
 * date-formatted serials as ISO dates. BIFF5 strings are 8-bit in the file's codepage (GBK/CP936
 * in China), decoded through SheetJS's codepage tables. Struck-through text is withdrawn and left out
 * (legacyExcelStrike.ts), as on the .xlsx path.
 */
import * as XLSX from '@e965/xlsx';
import * as codepages from '@e965/xlsx/dist/cpexcel';
import { struckCells } from './legacyExcelStrike';

XLSX.set_cptable(codepages);

export class LegacyExcelProblem extends Error {
  constructor(
    readonly reason: 'encrypted' | 'damaged',
    message: string,
  ) {
    super(message);
  }
}

export interface LegacyRow {
  /** As the spreadsheet numbers it (1 = the first row). */
  number: number;
  cells: string[];
}

export interface LegacySheet {
  name: string;
  rows: LegacyRow[];
}

export interface LegacyLimits {
  maxRows: number;
  maxColumns: number;
  /** Give a merged cell's value to every cell it covers (a department merged down a column). */
  fillMerged: boolean;
}

/** An OLE compound file: how .xls, .et, .doc and password-protected .xlsx files begin. */
export const isOle = (b: Uint8Array) => b[0] === 0xd0 && b[1] === 0xcf && b[2] === 0x11 && b[3] === 0xe0;
/** A password-protected .xlsx is an OLE file whose stream names are UTF-16: "EncryptedPackage". */
export const isEncryptedPackage = (b: Uint8Array) =>
  Buffer.from(b.subarray(0, 1 << 20)).includes(Buffer.from('EncryptedPackage', 'utf16le'));

function serialToIsoDate(serial: number, date1904: boolean): string {
  const { y, m, d } = XLSX.SSF.parse_date_code(serial, { date1904 });
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

function numberText(value: number): string {
  if (Number.isInteger(value) && Math.abs(value) < Number.MAX_SAFE_INTEGER) return BigInt(value).toString();
  return String(Math.round(value * 1e6) / 1e6);
}

function cellText(cell: XLSX.CellObject | undefined, date1904: boolean): string {
  if (!cell || cell.v === undefined || cell.v === null) return '';
  if (cell.t === 'n' && typeof cell.v === 'number')
    return cell.z && XLSX.SSF.is_date(cell.z) ? serialToIsoDate(cell.v, date1904) : numberText(cell.v);
  if (cell.t === 'd' && cell.v instanceof Date) return cell.v.toISOString().slice(0, 10);
  if (cell.t === 'e' || cell.t === 'z') return '';
  return String(cell.v);
}

function readWorksheet(sheet: XLSX.WorkSheet, limits: LegacyLimits, date1904: boolean, struck?: Map<string, string>): LegacyRow[] {
  if (!sheet['!ref']) return [];
  const range = XLSX.utils.decode_range(sheet['!ref']);
  const lastRow = Math.min(range.e.r, range.s.r + limits.maxRows - 1);
  const lastColumn = Math.min(range.e.c, limits.maxColumns - 1);
  const cell = (r: number, c: number) =>
    struck?.get(`${r}:${c}`) ?? cellText(sheet[XLSX.utils.encode_cell({ r, c })] as XLSX.CellObject | undefined, date1904);
  // grid[i] is row range.s.r + i
  const grid = Array.from({ length: lastRow - range.s.r + 1 }, (_, i) =>
    Array.from({ length: lastColumn + 1 }, (_, c) => cell(range.s.r + i, c)),
  );
  if (limits.fillMerged)
    for (const merge of sheet['!merges'] ?? []) {
      const value = grid[merge.s.r - range.s.r]?.[merge.s.c] ?? '';
      for (const row of grid.slice(Math.max(merge.s.r - range.s.r, 0), merge.e.r - range.s.r + 1))
        for (let c = merge.s.c; c <= Math.min(merge.e.c, lastColumn); c++) row[c] = value;
    }
  const rows = grid.map((cells, i) => ({ number: range.s.r + i + 1, cells }));
  return rows.filter((row) => row.cells.some((text) => text !== ''));
}

/** The visible sheets of an .xls/.et workbook as text cells; a password or damage is a LegacyExcelProblem. */
export function readLegacyExcel(bytes: Uint8Array, limits: LegacyLimits): LegacySheet[] {
  if (isEncryptedPackage(bytes)) throw new LegacyExcelProblem('encrypted', 'The workbook is protected with a password.');
  let workbook: XLSX.WorkBook;
  try {
    workbook = XLSX.read(bytes, {
      type: 'buffer',
      dense: false,
      cellFormula: false,
      cellHTML: false,
      cellText: false,
      cellStyles: false,
      cellNF: true, // the number format tells a date serial from a number
      bookVBA: false,
      sheetRows: limits.maxRows,
    });
  } catch (error) {
    const message = (error as Error).message ?? String(error);
    // SheetJS's words for a FILEPASS record or an encrypted package (it reads no passwords).
    if (/password-protected|password is incorrect/i.test(message))
      throw new LegacyExcelProblem('encrypted', 'The workbook is protected with a password.');
    throw new LegacyExcelProblem('damaged', `The workbook is damaged or is not an Excel workbook (${message.split('\n')[0]}).`);
  }
  const date1904 = Boolean(workbook.Workbook?.WBProps?.date1904);
  const struck = isOle(bytes) ? struckCells(bytes) : [];
  return workbook.SheetNames.flatMap((name, i) => {
    if (workbook.Workbook?.Sheets?.[i]?.Hidden) return [];
    const sheet = workbook.Sheets[name];
    return sheet ? [{ name, rows: readWorksheet(sheet, limits, date1904, struck[i]) }] : [];
  });
}
