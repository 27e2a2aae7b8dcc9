/**
 * Old Excel (.xls/.et) workbooks read by SheetJS into the text cells the .xlsx path gives: numbers as
 * digits, date serials as ISO dates, GBK strings in BIFF5, and a password or damage named as such.
 */
import { describe, expect, it } from 'vitest';
import { LegacyExcelProblem, readLegacyExcel } from '../../../electron/backend/domains/intake/legacyExcel';
import { encryptedWorkbook } from '../../helpers/encryptedWorkbook';
import { damagedXls, encryptedXls, gbkBiff5Workbook, xlsWorkbook } from '../../helpers/legacyXls';

const limits = { maxRows: 100, maxColumns: 10, fillMerged: false };

function reason(bytes: Buffer): string | undefined {
  try {
    readLegacyExcel(bytes, limits);
    return undefined;
  } catch (error) {
    return error instanceof LegacyExcelProblem ? error.reason : String(error);
  }
}

describe('reading an old Excel workbook', () => {
  it('gives numbers as typed, phone numbers without .0 or exponent, and dates as ISO dates', () => {
    const bytes = xlsWorkbook([
      {
        name: '价目表',
        rows: [
          ['品名', '单价', '电话', '上市日期'],
          ['对虾', 58.5, 13800138000, { serial: 46113, format: 'yyyy-mm-dd' }],
          ['扇贝', 0.1 + 0.2, 15305330001, { serial: 46114, format: 'yyyy"年"m"月"d"日"' }],
        ],
      },
    ]);
    const [sheet] = readLegacyExcel(bytes, limits);
    expect(sheet).toEqual({
      name: '价目表',
      rows: [
        { number: 1, cells: ['品名', '单价', '电话', '上市日期'] },
        { number: 2, cells: ['对虾', '58.5', '13800138000', '2026-04-01'] },
        { number: 3, cells: ['扇贝', '0.3', '15305330001', '2026-04-02'] },
      ],
    });
  });

  it('skips hidden sheets and empty rows, keeps row numbers, and fills merged cells only when asked', () => {
    const bytes = xlsWorkbook([
      {
        name: '通讯录',
        rows: [['部门', '姓名'], ['销售部', '王伟'], ['', '李娜'], [], ['财务部', '赵敏']],
        merges: [{ s: { r: 1, c: 0 }, e: { r: 2, c: 0 } }],
      },
      { name: '底稿', rows: [['隐藏']], hidden: true },
    ]);
    const plain = readLegacyExcel(bytes, limits);
    expect(plain.map((s) => s.name)).toEqual(['通讯录']);
    expect(plain[0]!.rows.map((r) => [r.number, ...r.cells])).toEqual([
      [1, '部门', '姓名'],
      [2, '销售部', '王伟'],
      [3, '', '李娜'],
      [5, '财务部', '赵敏'],
    ]);
    const filled = readLegacyExcel(bytes, { ...limits, fillMerged: true });
    expect(filled[0]!.rows[2]!.cells).toEqual(['销售部', '李娜']);
  });

  it('decodes BIFF5 strings written in GBK (code page 936)', () => {
    const bytes = gbkBiff5Workbook('名单', [
      ['姓名', '手机号码'],
      ['欧阳建国', 13905310002],
    ]);
    const [sheet] = readLegacyExcel(bytes, limits);
    expect(sheet!.name).toBe('名单');
    expect(sheet!.rows.map((r) => r.cells)).toEqual([
      ['姓名', '手机号码'],
      ['欧阳建国', '13905310002'],
    ]);
  });

  it('reads no more rows or columns than the limits', () => {
    const rows = Array.from({ length: 30 }, (_, r) => Array.from({ length: 20 }, (_, c) => `r${r}c${c}`));
    const [sheet] = readLegacyExcel(xlsWorkbook([{ name: 'big', rows }]), { maxRows: 10, maxColumns: 5, fillMerged: false });
    expect(sheet!.rows).toHaveLength(10);
    expect(sheet!.rows.every((r) => r.cells.length === 5)).toBe(true);
  });

  it('names a password-protected workbook (.xls or .xlsx) encrypted and a broken one damaged', () => {
    expect(reason(encryptedXls())).toBe('encrypted');
    expect(reason(encryptedWorkbook())).toBe('encrypted');
    expect(reason(damagedXls())).toBe('damaged');
    // An OLE header and nothing else: SheetJS calls it "Unsupported ZIP encryption", which is damage, not a password.
    expect(reason(Buffer.concat([damagedXls().subarray(0, 8), Buffer.alloc(504)]))).toBe('damaged');
  });
});
