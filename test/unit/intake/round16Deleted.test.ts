/**
 * Shapes of customer material the held-out round 16 showed the importer misread (issue 9): text the customer
 * struck through (deleted text: an old price before the new one, a discontinued row or line), what a workbook
 * hides, and a contact only in a sheet's printed page header or footer. The text is made up for the tests.
 */
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { readXlsx } from '../../../electron/backend/domains/intake/spreadsheet';

describe('struck-through text in a workbook', () => {
  it('leaves out struck rich-text runs (the old price) and struck cells (a discontinued row)', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('价目');
    sheet.addRows([
      ['品名', '价格'],
      ['电热水壶', ''],
      ['豆浆机', 299],
      ['旧款榨汁机', 188],
    ]);
    sheet.getCell('B2').value = {
      richText: [
        { font: { strike: true }, text: '159' },
        { font: { bold: true }, text: ' 129' },
      ],
    };
    for (const ref of ['A4', 'B4']) sheet.getCell(ref).font = { strike: true };
    const sheets = await readXlsx(new Uint8Array(await workbook.xlsx.writeBuffer()));
    expect(sheets[0]!.rows.filter((r) => r.some(Boolean))).toEqual([
      ['品名', '价格'],
      ['电热水壶', '129'],
      ['豆浆机', '299'],
    ]);
  });
});
