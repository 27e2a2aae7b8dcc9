/**
 * Old Excel files for tests, written with SheetJS's own writer: BIFF8 (.xls as Excel 97–2003 and
 * WPS save it), BIFF5 with GBK strings (Excel 95 on a Chinese Windows), one with a password and a
 * damaged one. SheetJS cannot write the last three, so they are made by editing its output.
 */
import * as XLSX from '@e965/xlsx';
import { encodeGbk } from './rosterFiles';

export type Cell = string | number | { serial: number; format: string };

function worksheet(rows: Cell[][]): XLSX.WorkSheet {
  const sheet = XLSX.utils.aoa_to_sheet(rows.map((row) => row.map((cell) => (typeof cell === 'object' ? null : cell))));
  rows.forEach((row, r) =>
    row.forEach((cell, c) => {
      if (typeof cell === 'object') sheet[XLSX.utils.encode_cell({ r, c })] = { t: 'n', v: cell.serial, z: cell.format };
    }),
  );
  return sheet;
}

export interface XlsSheet {
  name: string;
  rows: Cell[][];
  merges?: XLSX.Range[];
  hidden?: boolean;
}

/** A BIFF8 workbook (strings in UTF-16, as every Excel since 97 writes them). */
export function xlsWorkbook(sheets: XlsSheet[]): Buffer {
  const book = XLSX.utils.book_new();
  for (const s of sheets) {
    const sheet = worksheet(s.rows);
    if (s.merges) sheet['!merges'] = s.merges;
    XLSX.utils.book_append_sheet(book, sheet, s.name);
  }
  book.Workbook = { Sheets: sheets.map((s) => ({ Hidden: s.hidden ? 1 : 0 })) };
  return Buffer.from(XLSX.write(book, { type: 'buffer', bookType: 'biff8' }));
}

/**
 * A BIFF5 workbook whose strings are GBK bytes under CODEPAGE 936. SheetJS writes BIFF5 strings as
 * 8-bit text, so each Chinese text is written as an ASCII stand-in of the same byte length and then
 * replaced by its GBK bytes in place; the CODEPAGE record (0x0042) is set to 936.
 */
export function gbkBiff5Workbook(sheetName: string, rows: (string | number)[][]): Buffer {
  const standIns = new Map<string, Buffer>();
  const standIn = (text: string) => {
    const gbk = encodeGbk(text);
    const ascii = `${String.fromCharCode(65 + standIns.size)}${'~'.repeat(gbk.length - 1)}`;
    standIns.set(ascii, gbk);
    return ascii;
  };
  const cjk = (v: string | number) => (typeof v === 'string' && /[^\x00-\x7f]/.test(v) ? standIn(v) : v);
  const book = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet(rows.map((row) => row.map(cjk))), String(cjk(sheetName)));
  const bytes = Buffer.from(XLSX.write(book, { type: 'buffer', bookType: 'biff5' }));
  for (const [ascii, gbk] of standIns) {
    const at = bytes.indexOf(Buffer.from(ascii, 'latin1'));
    if (at < 0) throw new Error(`stand-in ${ascii} not found`);
    gbk.copy(bytes, at);
  }
  const codepage = bytes.indexOf(Buffer.from([0x42, 0x00, 0x02, 0x00]));
  if (codepage < 0) throw new Error('no CODEPAGE record');
  bytes.writeUInt16LE(936, codepage + 4);
  return bytes;
}

/** What Excel writes for 文件 → 加密: a FILEPASS record (RC4) right after the workbook's BOF. */
export function encryptedXls(): Buffer {
  const container = XLSX.CFB.read(xlsWorkbook([{ name: 'Sheet1', rows: [['姓名'], ['王伟']] }]), { type: 'buffer' });
  const stream = XLSX.CFB.find(container, 'Workbook')!;
  const content = Buffer.from(stream.content as Uint8Array);
  const bofEnd = 4 + content.readUInt16LE(2);
  const filePass = Buffer.alloc(4 + 54);
  filePass.writeUInt16LE(0x002f, 0);
  filePass.writeUInt16LE(54, 2);
  filePass.writeUInt16LE(1, 4); // RC4
  filePass.writeUInt16LE(1, 6);
  filePass.writeUInt16LE(1, 8);
  stream.content = Buffer.concat([content.subarray(0, bofEnd), filePass, content.subarray(bofEnd)]);
  stream.size = stream.content.length;
  return Buffer.from(XLSX.CFB.write(container, { type: 'buffer' }) as Uint8Array);
}

/** A real .xls whose workbook stream was overwritten in the middle (a broken download or disk). */
export function damagedXls(): Buffer {
  const bytes = xlsWorkbook([
    {
      name: 'Sheet1',
      rows: [
        ['姓名', '手机号码'],
        ['王伟', 13800138000],
      ],
    },
  ]);
  bytes.fill(0x7f, 1200, 2400);
  return bytes;
}
