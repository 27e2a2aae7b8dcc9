/**
 * A sheet saved from Excel or WPS as text (「Unicode 文本」 in UTF-16, 「文本文件(制表符分隔)」 in GBK): one row a
 * line, cells apart by tabs, a cell holding a line break or a quote written in quotes (`"保三年⏎不掉滴"`,
 * `"外层""防水布"""`). Read as a sheet, not as typed lines, so empty cells keep the columns in line and a
 * quoted line break stays inside its cell.
 */
import Papa from 'papaparse';
import { textSheet, type Sheet } from './spreadsheet';

/** Rows of a saved sheet all have the sheet's width; at least this many of them, of at least this many cells. */
const MIN_ROWS = 3;
const MIN_CELLS = 3;

/**
 * The text as a sheet when it was saved as one: three rows or more split by tabs into the same number of cells
 * (three or more), and those rows at least half of the text's rows (a title or a note line may have no tab).
 */
export function tabSeparatedSheet(text: string, name: string): Sheet | undefined {
  if (!text.includes('\t')) return undefined;
  const parsed = Papa.parse(text, { delimiter: '\t', skipEmptyLines: 'greedy' });
  if (parsed.errors.length) return undefined;
  const rows = parsed.data as string[][];
  const split = rows.filter((row) => row.length > 1);
  const width = split[0]?.length ?? 0;
  if (width < MIN_CELLS || split.length < MIN_ROWS || split.length * 2 < rows.length) return undefined;
  if (split.some((row) => row.length !== width)) return undefined;
  return textSheet(rows, name);
}
