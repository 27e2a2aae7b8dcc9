/**
 * Price lists and catalogues as spreadsheets: .xlsx through exceljs, old .xls, WPS .et and
 * LibreOffice/WPS OpenDocument .ods through SheetJS (legacyExcel.ts), .csv through papaparse (UTF-8 or GBK, as Chinese Excel saves it), and
 * web pages or CSV text saved under an Excel name (webPage.ts). All
 * give the same sheets of text cells, so one structuring path serves them: each sheet becomes a
 * table block, its title lines above the header as text, its name a sub-heading when the workbook
 * has several (瓷砖, 卫浴 → categories).
 */
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { contactSheetLine } from './contactSheet';
import { unfoldPriceGrid } from './crossTab';
import { runsText, type ImageRef } from '../../../../shared/sites/model';
import type { SourceBlock } from './htmlToBlocks';
import { isOle, LegacyExcelProblem, readLegacyExcel } from './legacyExcel';
import { linesToBlocks } from './lines';
import { withoutStruckText } from './odsStrike';
import { readRowBlocks } from './rowBlocks';
import { contactPairLines, oneUnderAnother, sideBySide } from './sheetParts';
import { sheetPageLines } from './sheetPageLines';
import { anchoredPictures, dispImgId, excelCellPictures, wpsCellPictures, type SheetPicture } from './sheetPictures';
import { currentSheets } from './supersededSheets';
import { readTable } from './tables';
import { decodeText, TextDecodingProblem } from './textDecoding';
import { decodeHtml, isHtml, webPageTables } from './webPage';
import { checkZip, ZipProblem } from './zipGuard';

export const MAX_SHEET_ROWS = 5000;
export const MAX_SHEET_COLUMNS = 50;

export class SpreadsheetProblem extends Error {
  constructor(
    readonly code: 'sheet.unreadable' | 'sheet.damaged' | 'sheet.too_large' | 'sheet.encrypted',
    message: string,
  ) {
    super(message);
  }
}

export interface Sheet {
  name: string;
  rows: string[][];
  /** The printed page header's and footer's lines (sheetPageLines.ts), where a workbook has them. */
  pageLines?: string[];
  /** Pictures in a row's cells or anchored over it (sheetPictures.ts), by the row's index in `rows`. */
  pictures?: { row: number; pictures: SheetPicture[] }[];
  /** Those pictures once stored, by the row's cells: each becomes that row's item's photo. */
  rowImages?: { cells: string[]; images: ImageRef[] }[];
  /** The sheet the workbook opens on (its active tab), where the workbook says. */
  active?: boolean;
}

/**
 * A cell as people see it: numbers without float noise, dates as ISO, formulas by their result.
 * Struck-through text is deleted text: a struck cell reads empty, struck rich-text runs (an old price
 * struck before the new one, `2980 2580`) are left out.
 */
function cellText(cell: ExcelJS.Cell): string {
  const value = cell.value;
  if (value === null || value === undefined || cell.font?.strike) return '';
  if (typeof value === 'object' && 'richText' in value)
    return value.richText
      .filter((run) => !run.font?.strike)
      .map((run) => run.text)
      .join('')
      .trim();
  if (typeof value === 'number') return String(Math.round(value * 1e6) / 1e6);
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object' && 'result' in value)
    return value.result === undefined || value.result === null
      ? ''
      : String(value.result instanceof Date ? value.result.toISOString().slice(0, 10) : value.result);
  return cell.text.trim();
}

/** The zip limits (zipGuard), failing as the spreadsheet's own problem. */
function checkSheetZip(bytes: Uint8Array): void {
  try {
    checkZip(bytes);
  } catch (error) {
    if (error instanceof ZipProblem)
      throw new SpreadsheetProblem(error.code === 'office.too_large' ? 'sheet.too_large' : 'sheet.unreadable', error.message);
    throw error;
  }
}

export async function readXlsx(bytes: Uint8Array): Promise<Sheet[]> {
  // An .xlsx with a password is an OLE file, and so is an old .xls saved under the new name.
  if (isOle(bytes)) return readXls(bytes);
  if (!isZip(bytes)) {
    const sheets = textWorkbook(bytes);
    if (sheets) return sheets;
  }
  checkSheetZip(bytes);
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  } catch (error) {
    throw new SpreadsheetProblem('sheet.unreadable', `The workbook cannot be read (${(error as Error).message.split('\n')[0]}).`);
  }
  const sheets: Sheet[] = [];
  const inCell = wpsCellPictures(bytes);
  const excelInCell = excelCellPictures(bytes);
  const activeTab = workbook.views?.[0]?.activeTab ?? 0;
  let tab = -1;
  workbook.eachSheet((worksheet) => {
    tab++;
    if (worksheet.state !== 'visible') return;
    const rows: string[][] = [];
    const pictures: Sheet['pictures'] = [];
    const anchored = anchoredPictures(workbook, worksheet);
    const placedInCells = excelInCell.get(worksheet.name);
    worksheet.eachRow({ includeEmpty: false }, (row) => {
      // What the customer hid (进价, 供应商 columns of a stock export) is not for the site; rows folded away
      // under an outline group's summary row (an outline level) are current goods, only collapsed.
      if (rows.length >= MAX_SHEET_ROWS || (row.hidden && !row.outlineLevel) || withdrawnByComment(row)) return;
      const cells: string[] = [];
      const rowPictures = [...(anchored.get(row.number) ?? [])];
      row.eachCell({ includeEmpty: true }, (cell, column) => {
        if (column > MAX_SHEET_COLUMNS) return;
        if (worksheet.getColumn(column).hidden) {
          cells[column - 1] = '';
          return;
        }
        const picture = placedInCells?.get(cell.address) ?? inCellPicture(cell, inCell);
        if (picture) rowPictures.push(picture);
        if (picture !== undefined) {
          cells[column - 1] = '';
          return;
        }
        // A merged cell repeats its value in every cell it covers: keep it once.
        cells[column - 1] = cell.isMerged && cell.master !== cell ? '' : withVoidingComment(cell, cellText(cell));
      });
      if (rowPictures.length) pictures.push({ row: rows.length, pictures: rowPictures });
      rows.push(Array.from(cells, (c) => c ?? ''));
    });
    const pageLines = sheetPageLines(worksheet.headerFooter);
    if (rows.some((r) => r.some(Boolean)))
      sheets.push({
        name: worksheet.name,
        rows,
        ...(pageLines.length ? { pageLines } : {}),
        ...(pictures.length ? { pictures } : {}),
        ...(tab === activeTab ? { active: true } : {}),
      });
  });
  return sheets;
}

/**
 * A WPS in-cell picture formula (`=DISPIMG("ID_…",1)`): its picture, or null when the workbook does not hold it
 * (the formula still is no text); undefined for any other cell.
 */
function inCellPicture(cell: ExcelJS.Cell, pictures: Map<string, SheetPicture>): SheetPicture | null | undefined {
  const value = cell.value;
  const formula = value && typeof value === 'object' && 'formula' in value ? String(value.formula ?? '') : '';
  const id = dispImgId(formula);
  return id === undefined ? undefined : (pictures.get(id) ?? null);
}

/** A comment saying a row's item is no longer sold or not to be quoted ("已停产，别往外报了", "已下架"). */
const WITHDRAWN = /停产|停售|下架|不再(?:生产|销售|供应|供货)|(?:别|不要|不能|勿)(?:往外|对外)?报|不对外/;

/** The text of a cell's comment (an Excel note: a string, or rich text runs). */
function commentText(cell: ExcelJS.Cell): string {
  const note = cell.note as string | { texts?: { text: string }[] } | undefined;
  return typeof note === 'string' ? note : (note?.texts ?? []).map((t) => t.text).join('');
}

/**
 * A comment voiding the amount it is on ("此价作废，有人问就说面议"), and what to say instead. Not "不算运费" or
 * "过期无效": the price itself is what no longer counts.
 */
const VOIDED = /作废|不算数|不作数|不算了|(?:价格?|报价)(?:已|就)?(?:不算|无效)/;
const INSTEAD = /面议|电议|议价|另议/;

/**
 * A cell's amount as the comment on it leaves it: voided, the price is what the comment says to answer instead
 * (面议), else none; an amount without such a comment as written.
 */
function withVoidingComment(cell: ExcelJS.Cell, text: string): string {
  const comment = commentText(cell);
  if (!/\d/.test(text) || !VOIDED.test(comment)) return text;
  return INSTEAD.exec(comment)?.[0] ?? '';
}

/** A row the customer left in the sheet but whose comment withdraws it: like a hidden row, not for the site. */
function withdrawnByComment(row: ExcelJS.Row): boolean {
  let withdrawn = false;
  row.eachCell((cell) => {
    withdrawn ||= WITHDRAWN.test(commentText(cell));
  });
  return withdrawn;
}

const isZip = (bytes: Uint8Array) => bytes[0] === 0x50 && bytes[1] === 0x4b;

/**
 * A workbook that is text under an Excel name, as web systems export "to Excel": an HTML page (its
 * tables are the sheets) or CSV / tab-separated text. Undefined when the bytes are not text.
 */
function textWorkbook(bytes: Uint8Array): Sheet[] | undefined {
  if (isSpreadsheetXml(bytes)) return readSpreadsheetXml(bytes);
  if (isHtml(bytes))
    return webPageTables(decodeHtml(bytes)).map((rows, i) => ({
      name: `表${i + 1}`,
      rows: rows.slice(0, MAX_SHEET_ROWS).map((row) => row.slice(0, MAX_SHEET_COLUMNS)),
    }));
  try {
    return [readCsv(bytes, 'Sheet1')];
  } catch (error) {
    if (error instanceof TextDecodingProblem) return undefined;
    throw error;
  }
}

export function readCsv(bytes: Uint8Array, name: string): Sheet {
  const { text } = decodeText(bytes);
  return textSheet(Papa.parse(text, { skipEmptyLines: 'greedy' }).data as string[][], name);
}

/** Rows parsed from text (CSV, tab-separated) as a sheet within the sheet limits, cells trimmed. */
export const textSheet = (rows: string[][], name: string): Sheet => ({
  name,
  rows: rows.slice(0, MAX_SHEET_ROWS).map((row) => row.slice(0, MAX_SHEET_COLUMNS).map((cell) => String(cell ?? '').trim())),
});

/**
 * "XML Spreadsheet 2003" (Excel 2003's and WPS's `<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet">`,
 * saved as .xml or under .xls): known by its namespace or its `progid="Excel.Sheet"` processing instruction.
 */
export function isSpreadsheetXml(bytes: Uint8Array): boolean {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 4096));
  return (
    /^\s*(?:\uFEFF|\xEF\xBB\xBF)?<\?xml/.test(head) &&
    /urn:schemas-microsoft-com:office:spreadsheet|progid\s*=\s*["']Excel\.Sheet/i.test(head)
  );
}

/** An XML Spreadsheet 2003 workbook, read by SheetJS like an old .xls. */
export const readSpreadsheetXml = (bytes: Uint8Array): Sheet[] => sheetJsSheets(bytes);

/** An old Excel .xls or WPS .et workbook; one that is really an .xlsx (renamed) goes to exceljs. */
export async function readXls(bytes: Uint8Array): Promise<Sheet[]> {
  if (!isOle(bytes)) return readXlsx(bytes);
  return sheetJsSheets(bytes);
}

/**
 * An OpenDocument spreadsheet (.ods, as LibreOffice and WPS save one): a zip, checked before SheetJS unpacks it; its
 * struck-through text (withdrawn, as in .xlsx) taken out first (odsStrike.ts).
 */
export function readOds(bytes: Uint8Array): Sheet[] {
  if (!isZip(bytes))
    throw new SpreadsheetProblem(
      'sheet.unreadable',
      'The file is not an OpenDocument .ods spreadsheet (it is damaged or has the wrong name).',
    );
  checkSheetZip(bytes);
  return sheetJsSheets(withoutStruckText(bytes));
}

/** The visible, non-empty sheets of a workbook SheetJS reads (.xls, .et, .ods). */
function sheetJsSheets(bytes: Uint8Array): Sheet[] {
  try {
    const sheets = readLegacyExcel(bytes, { maxRows: MAX_SHEET_ROWS, maxColumns: MAX_SHEET_COLUMNS, fillMerged: false });
    return sheets
      .filter((sheet) => sheet.rows.length > 0)
      .map((sheet) => ({ name: sheet.name, rows: sheet.rows.map((row) => row.cells.map((cell) => cell.trim())) }));
  } catch (error) {
    if (!(error instanceof LegacyExcelProblem)) throw error;
    if (error.reason === 'encrypted')
      throw new SpreadsheetProblem(
        'sheet.encrypted',
        'This workbook is protected with a password: open it in Excel or WPS, remove the password, save it and import it again.',
      );
    throw new SpreadsheetProblem('sheet.damaged', `${error.message} Open it in Excel or WPS, save it again and import it again.`);
  }
}

const paragraph = (text: string): SourceBlock => ({ type: 'paragraph', runs: [{ text }] });
const DEFAULT_SHEET_NAME = /^(sheet|工作表|表)\s*\d*$/i;

/** A sheet's name as a heading, when the workbook has several sheets and the name is not Excel's default. */
const sheetHeading = (sheet: Sheet, named: boolean): SourceBlock[] =>
  named && !DEFAULT_SHEET_NAME.test(sheet.name.trim())
    ? [{ type: 'heading', level: 2, runs: [{ text: sheet.name.trim() }], look: true }]
    : [];

/** Sheets → blocks: per sheet its name (when there are several), its title lines, and its table from the header row on. */
export function sheetBlocks(workbook: Sheet[]): SourceBlock[] {
  // Last year's copy of a price list is not for the site (supersededSheets.ts).
  const sheets = currentSheets(workbook);
  const named = sheets.length > 1;
  return sheets.flatMap((sheet): SourceBlock[] => {
    const width = Math.max(...sheet.rows.map((r) => r.length));
    const grid = sheet.rows.filter((r) => r.some((c) => c.trim())).map((r) => Array.from({ length: width }, (_, i) => r[i] ?? ''));
    // Tables side by side (prices, and a contact table beside them) are read one after the other.
    const parts = sideBySide(grid);
    const heading = sheetHeading(sheet, named);
    const partBlocks = (part: string[][]) => contactPairLines(part)?.map(paragraph) ?? gridBlocks(part, heading.length > 0);
    const blocks = [...heading, ...(parts ? parts.flatMap(partBlocks) : gridBlocks(grid, heading.length > 0))];
    return sheet.rowImages ? withRowImages(blocks, sheet.rowImages) : blocks;
  });
}

const rowKey = (cells: string[]) =>
  cells
    .map((c) => c.trim())
    .join('\u0001')
    .replace(/\u0001+$/, '');

/**
 * The pictures of a sheet's rows as image blocks after the table that holds each row, in row order, named by the
 * row's name cell (columnItems.ts gives a picture to the item of that name); pictures of rows no table kept follow
 * the sheet's blocks.
 */
function withRowImages(blocks: SourceBlock[], rowImages: NonNullable<Sheet['rowImages']>): SourceBlock[] {
  const left = new Map(rowImages.map((r) => [rowKey(r.cells), r.images]));
  const image = (ref: ImageRef, alt: string): SourceBlock => ({ type: 'image', image: { ...ref, alt: alt.slice(0, 200) } });
  const out = blocks.flatMap((block): SourceBlock[] => {
    if (block.type !== 'table') return [block];
    const grid = block.rows.map((row) => row.map((cell) => runsText(cell)));
    const nameAt = readTable(grid, 1, block.header).columns.findIndex((c) => c.role === 'name');
    const pictures = grid.flatMap((cells) => {
      const images = left.get(rowKey(cells));
      left.delete(rowKey(cells));
      return (images ?? []).map((ref) => image(ref, (cells[nameAt] ?? '').trim()));
    });
    return [block, ...pictures];
  });
  return [...out, ...[...left.values()].flat().map((ref) => image(ref, ''))];
}

/**
 * One table's grid → blocks: a contact sheet's line, lines of text, a price grid or product blocks unfolded, or a
 * table. `underName`: the sheet's name stands over it as a heading.
 */
function gridBlocks(grid: string[][], underName: boolean): SourceBlock[] {
  const contact = contactSheetLine(grid);
  if (contact) return [paragraph(contact)];
  // A sheet of one column (说明, 备注: notes, a contact, a profile typed with its own numbered headings) is
  // lines of text, read as typed text is; its headings stand under the sheet's name.
  if (grid.every((row) => row.filter((c) => c.trim()).length <= 1)) return typedSheet(grid, underName);
  const stacked = oneUnderAnother(grid);
  if (stacked) return [...gridBlocks(stacked[0]!, underName), ...titledPart(stacked[1]!, underName)];
  const unfolded = unfoldPriceGrid(grid) ?? readRowBlocks(grid);
  if (unfolded) return [...tableBlocks(unfolded.rows), ...unfolded.notes.map(paragraph)];
  return tableBlocks(grid);
}

/**
 * A table under another on a sheet named as a heading: a short line of its own above its header ("招聘") is its
 * heading, beside the sheet's name (without the name, text before a heading would have no column).
 */
function titledPart(grid: string[][], underName: boolean): SourceBlock[] {
  const title = grid[0]!.filter((c) => c.trim());
  if (!underName || title.length !== 1 || grid.length < 3) return gridBlocks(grid, underName);
  const heading: SourceBlock = { type: 'heading', level: 2, runs: [{ text: title[0]!.trim() }], look: true };
  return [heading, ...gridBlocks(grid.slice(1), underName)];
}

/**
 * A one-column sheet's lines as typed text (lines.ts); under the sheet's name its headings go a level lower. A cell
 * typed with line breaks (Alt+Enter: a whole profile in one merged cell) gives each of its lines.
 */
function typedSheet(grid: string[][], underName: boolean): SourceBlock[] {
  const lines = grid.flatMap((row) =>
    row
      .join('')
      .trim()
      .split(/\r?\n/)
      .map((text) => ({ text: text.trim() })),
  );
  const blocks = linesToBlocks(lines);
  return underName ? blocks.map((b) => (b.type === 'heading' ? { ...b, level: Math.min(6, b.level + 2) } : b)) : blocks;
}

/** A sheet's grid as its title lines and its table from the header row on. */
function tableBlocks(grid: string[][]): SourceBlock[] {
  const reading = readTable(grid, 10);
  const titleLines = reading.titleRows.map((r) => r.filter(Boolean).join(' ')).filter(Boolean);
  const rows = reading.hasHeader ? grid.slice(reading.titleRows.length) : grid;
  // Rows closing the table with one cell merged across (the contact, 以上价格含税…) are lines under it, not
  // items — in a table without other such rows (a sheet laid out with them is unwrapped as a whole: layoutTable.ts).
  const nameAt = reading.columns.findIndex((c) => c.role === 'name');
  let end = rows.length;
  while (reading.hasHeader && end > 2 && isClosingRow(rows[end - 1]!, nameAt)) end--;
  if (rows.slice(1, end).some((row) => row.filter((c) => c.trim()).length === 1)) end = rows.length;
  return [
    ...titleLines.map(paragraph),
    { type: 'table', header: reading.hasHeader, rows: rows.slice(0, end).map((r) => r.map((c) => [{ text: c }])) },
    ...rows.slice(end).map((r) => paragraph(r.join('').trim())),
  ];
}

/** A row with text in one cell only, outside the names' column, and words in it. */
function isClosingRow(row: string[], nameAt: number): boolean {
  const filled = row.flatMap((cell, i) => (cell.trim() ? [i] : []));
  return filled.length === 1 && filled[0] !== nameAt && /[\u4e00-\u9fff]{2}/.test(row[filled[0]!]!);
}
