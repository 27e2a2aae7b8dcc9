/**
 * A roster as it arrives: an .xlsx workbook (exceljs), an old .xls or WPS .et workbook (SheetJS,
 * through intake/legacyExcel.ts), a .csv file in UTF-8 or GBK (papaparse, after
 * textDecoding), a web system's "export to Excel" that is an HTML table named .xls (read as intake
 * reads it, intake/webPage.ts), the tables of a Word .docx 通讯录 (mammoth), or cells pasted from a spreadsheet (tab-separated). Each becomes sheets of text
 * cells with the row numbers the customer sees. Merged cells give their value to every cell they
 * cover (a department merged down a column belongs to each member in it); a formula gives its
 * saved result. Anything that is not a readable spreadsheet gets a RosterFileProblem saying what
 * to do.
 */
import ExcelJS from 'exceljs';
import { unzipSync } from 'fflate';
import mammoth from 'mammoth';
import Papa from 'papaparse';
import { isOle, LegacyExcelProblem, readLegacyExcel } from '../intake/legacyExcel';
import { decodeText, TextDecodingProblem } from '../intake/textDecoding';
import { decodeHtml, isHtml, webPageTables } from '../intake/webPage';

export const MAX_ROSTER_ROWS = 20_000;
export const MAX_ROSTER_COLUMNS = 60;
/** An .xlsx is a zip: refuse one that would unpack to more than this before exceljs reads it. */
const MAX_UNPACKED_BYTES = 200 * 1024 * 1024;

export type RosterFileProblemCode =
  'roster.file_unreadable' | 'roster.file_encrypted' | 'roster.file_damaged' | 'roster.file_too_large' | 'roster.file_empty';

export class RosterFileProblem extends Error {
  constructor(
    readonly code: RosterFileProblemCode,
    message: string,
  ) {
    super(message);
  }
}

/** A formula cell whose file holds no saved result (written by a program, never opened in Excel). */
export const FORMULA_WITHOUT_VALUE = '\u0000formula';

export interface SheetRow {
  /** As the spreadsheet numbers it (1 = the file's first line). */
  number: number;
  cells: string[];
  /** The sheet the row came from, when several sheets are read as one. */
  sheet?: string;
}

export interface RosterSheet {
  name: string;
  rows: SheetRow[];
}

export interface RosterSource {
  kind: 'xlsx' | 'xls' | 'docx' | 'csv' | 'paste';
  sheets: RosterSheet[];
}

const isZip = (b: Uint8Array) => b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;

function cellText(cell: ExcelJS.Cell): string {
  const value = cell.value;
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isInteger(value) ? String(value) : String(Math.round(value * 1e6) / 1e6);
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object' && 'formula' in value) {
    const result = value.result;
    if (result === undefined || result === null) return FORMULA_WITHOUT_VALUE;
    if (typeof result === 'object' && 'error' in result) return '';
    return result instanceof Date ? result.toISOString().slice(0, 10) : String(result);
  }
  if (typeof value === 'object' && 'error' in value) return '';
  return cell.text;
}

/** What the zip says it unpacks to and which files it holds (its directory is read; nothing is unpacked). */
function zipDirectory(bytes: Uint8Array): { size: number; names: string[] } {
  let size = 0;
  const names: string[] = [];
  try {
    unzipSync(bytes, {
      filter: (file) => {
        size += file.originalSize;
        names.push(file.name);
        return false;
      },
    });
  } catch (error) {
    throw new RosterFileProblem('roster.file_unreadable', `The file is damaged or not an Excel workbook (${(error as Error).message}).`);
  }
  if (size > MAX_UNPACKED_BYTES)
    throw new RosterFileProblem('roster.file_too_large', 'The file unpacks to more than 200 MB: it is not a roster.');
  return { size, names };
}

/** A 通讯录 kept as a table in Word (.docx, or WPS saving as .docx): each table a sheet (表1, 表2 …). */
async function readWordTables(bytes: Uint8Array): Promise<RosterSheet[]> {
  let html: string;
  try {
    html = (await mammoth.convertToHtml({ buffer: Buffer.from(bytes) })).value;
  } catch (error) {
    throw new RosterFileProblem('roster.file_unreadable', `The Word document cannot be read (${(error as Error).message.split('\n')[0]}).`);
  }
  const sheets = tableSheets(webPageTables(html));
  if (sheets.length === 0)
    throw new RosterFileProblem(
      'roster.file_unreadable',
      'The Word document holds no table: put the roster in a table, or save it from Excel as .xlsx.',
    );
  return sheets;
}

/** Tables of a page or document as sheets (表1, 表2 …), rows numbered as the page lists them. */
const tableSheets = (tables: string[][][]): RosterSheet[] =>
  tables.map((rows, i) => ({
    name: `表${i + 1}`,
    rows: rows.slice(0, MAX_ROSTER_ROWS + 50).map((cells, row) => ({ number: row + 1, cells: cells.slice(0, MAX_ROSTER_COLUMNS) })),
  }));

async function readXlsx(bytes: Uint8Array): Promise<RosterSheet[]> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  } catch (error) {
    throw new RosterFileProblem(
      'roster.file_unreadable',
      `The file is not an Excel workbook that can be read (${(error as Error).message.split('\n')[0]}).`,
    );
  }
  if (workbook.worksheets.length === 0)
    throw new RosterFileProblem(
      'roster.file_unreadable',
      'The file is a zip archive but not an Excel workbook or a Word document: save the roster from Excel as .xlsx.',
    );
  const sheets: RosterSheet[] = [];
  workbook.eachSheet((worksheet) => {
    if (worksheet.state !== 'visible') return;
    const rows: SheetRow[] = [];
    worksheet.eachRow({ includeEmpty: false }, (row, number) => {
      if (rows.length >= MAX_ROSTER_ROWS + 50) return;
      const cells: string[] = [];
      row.eachCell({ includeEmpty: true }, (cell, column) => {
        if (column <= MAX_ROSTER_COLUMNS) cells[column - 1] = cellText(cell);
      });
      rows.push({ number, cells: Array.from(cells, (c) => c ?? '') });
    });
    sheets.push({ name: worksheet.name, rows });
  });
  return sheets;
}

/** Password-protected workbooks (.xlsx or .xls) and old .xls/.et ones are all OLE files. */
function readXls(bytes: Uint8Array): RosterSheet[] {
  try {
    return readLegacyExcel(bytes, { maxRows: MAX_ROSTER_ROWS + 50, maxColumns: MAX_ROSTER_COLUMNS, fillMerged: true });
  } catch (error) {
    if (!(error instanceof LegacyExcelProblem)) throw error;
    if (error.reason === 'encrypted')
      throw new RosterFileProblem(
        'roster.file_encrypted',
        'The workbook is protected with a password: open it in Excel or WPS, remove the password (文件 → 信息 → 保护工作簿), save it and import it again.',
      );
    throw new RosterFileProblem(
      'roster.file_damaged',
      `${error.message} Open it in Excel or WPS, save it again (as .xlsx or .xls) and import it again.`,
    );
  }
}

function readDelimited(text: string): SheetRow[] {
  const parsed = Papa.parse(text.replace(/^\ufeff/, ''), { skipEmptyLines: false });
  return parsed.data
    .slice(0, MAX_ROSTER_ROWS + 50)
    .map((cells, i) => ({ number: i + 1, cells: cells.slice(0, MAX_ROSTER_COLUMNS).map((c) => String(c ?? '')) }));
}

export async function readRosterBytes(bytes: Uint8Array, fileName: string): Promise<RosterSource> {
  if (bytes.length === 0) throw new RosterFileProblem('roster.file_empty', 'The file is empty.');
  if (isOle(bytes)) return { kind: 'xls', sheets: readXls(bytes) };
  if (isZip(bytes))
    return zipDirectory(bytes).names.includes('word/document.xml')
      ? { kind: 'docx', sheets: await readWordTables(bytes) }
      : { kind: 'xlsx', sheets: await readXlsx(bytes) };
  if (isHtml(bytes)) return { kind: 'xls', sheets: htmlSheets(bytes) };
  if (/\.(xlsx|xlsm|xls|et|docx)$/i.test(fileName))
    throw new RosterFileProblem(
      'roster.file_unreadable',
      'The file is named like a workbook but is not one: save it again from Excel as .xlsx.',
    );
  let text: string;
  try {
    text = decodeText(bytes).text;
  } catch (error) {
    if (error instanceof TextDecodingProblem)
      throw new RosterFileProblem(
        'roster.file_unreadable',
        'The file is neither a workbook (.xlsx) nor a text table (.csv): save the roster from Excel as .xlsx or .csv.',
      );
    throw error;
  }
  return { kind: 'csv', sheets: [{ name: fileName.replace(/\.[^.]+$/, '') || 'csv', rows: readDelimited(text) }] };
}

/** An HTML page's tables as sheets. */
function htmlSheets(bytes: Uint8Array): RosterSheet[] {
  const sheets = tableSheets(webPageTables(decodeHtml(bytes)));
  if (sheets.length === 0)
    throw new RosterFileProblem('roster.file_unreadable', 'The file is a web page without a table: save the roster from Excel as .xlsx.');
  return sheets;
}

/** Cells copied from Excel or WPS arrive as tab-separated lines. */
export function readPastedRoster(text: string): RosterSource {
  return { kind: 'paste', sheets: [{ name: '粘贴', rows: readDelimited(text.replace(/\r\n?/g, '\n')) }] };
}
