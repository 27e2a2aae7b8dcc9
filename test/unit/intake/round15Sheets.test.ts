/**
 * Shapes of customer material the held-out round 15 showed the importer did not read (issue 9): a quote with one
 * amount column per size or grade and no price column; a row a cell comment withdraws. The text is made up for the tests.
 */
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { readXlsx, sheetBlocks } from '../../../electron/backend/domains/intake/spreadsheet';
import { structureDocument } from '../../../electron/backend/domains/intake/structure';
import type { Product } from '../../../shared/sites/model';

let counter = 0;
const env = { newId: () => `id-${++counter}` };
const PRICE_LIST = { fileColumn: { type: 'products' as const, keyword: '报价', from: '报价' }, today: '2026-12-01' };

describe('a quote with one amount column per size and no price column', () => {
  it('prices each row from its lowest to its highest amount, per the unit of the title line, 时价 as written', () => {
    const blocks = sheetBlocks([
      {
        name: 'Sheet1',
        rows: [
          ['青禾蔬菜批发 今日报价'],
          ['单位：元/公斤'],
          ['品名', '产地', '一级', '二级', '三级'],
          ['西红柿', '寿光', '6.5', '5', '3.2'],
          ['黄瓜', '本地', '4', '3.5', '—'],
          ['松茸', '云南', '时价', '', ''],
        ],
      },
    ]);
    const { columns } = structureDocument(blocks, '报价.xlsx', env, PRICE_LIST);
    const products = columns.flatMap((c) => c.items) as Product[];
    expect(products.map((p) => [p.name, p.price])).toEqual([
      ['西红柿', { kind: 'amount', fen: 320, maxFen: 650, unit: '公斤' }],
      ['黄瓜', { kind: 'amount', fen: 350, maxFen: 400, unit: '公斤' }],
      ['松茸', { kind: 'negotiable', text: '时价' }],
    ]);
    expect(products[0]!.spec).toBe('一级：6.5；二级：5；三级：3.2');
  });

  it('leaves columns of bare numbers as sizes when nothing says they are amounts of money', () => {
    const blocks = sheetBlocks([
      {
        name: 'Sheet1',
        rows: [
          ['品名', '材质', '长', '宽', '高'],
          ['书桌', '橡木', '120', '60', '75'],
          ['书柜', '松木', '80', '40', '180'],
        ],
      },
    ]);
    const { columns } = structureDocument(blocks, '报价.xlsx', env, PRICE_LIST);
    const products = columns.flatMap((c) => c.items) as Product[];
    expect(products.map((p) => [p.name, p.price, p.spec])).toEqual([
      ['书桌', undefined, '材质：橡木；长：120；宽：60；高：75'],
      ['书柜', undefined, '材质：松木；长：80；宽：40；高：180'],
    ]);
  });
});

describe('a row left in the sheet that a cell comment withdraws', () => {
  it('is left out like a hidden row, while other comments leave their rows in', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('报价');
    sheet.addRows([
      ['品名', '单价（元）'],
      ['红砖', 0.45],
      ['空心砖', 1.2],
      ['水泥砖', 0.8],
    ]);
    sheet.getCell('A3').note = '老板:\n这个厂家不做了，已下架，别再报';
    sheet.getCell('B4').note = '会计:\n一万块以上九折';
    const sheets = await readXlsx(new Uint8Array(await workbook.xlsx.writeBuffer()));
    expect(sheets[0]!.rows.map((r) => r[0])).toEqual(['品名', '红砖', '水泥砖']);
  });
});
