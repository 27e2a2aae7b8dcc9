/** An .xlsx as a test reads it: the values of a sheet's rows, first row first, first column first (exceljs counts from 1). */
import ExcelJS from 'exceljs';

export async function sheetRows(bytes: Uint8Array, sheet: string): Promise<unknown[][]> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  const found = book.getWorksheet(sheet);
  if (!found) throw new Error(`no sheet ${sheet}`);
  return found
    .getSheetValues()
    .slice(1)
    .map((row) => (Array.isArray(row) ? row.slice(1) : []));
}
