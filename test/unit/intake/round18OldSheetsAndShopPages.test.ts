/**
 * Shapes of customer material the held-out round 18 showed the importer misread (issue 9): a workbook where
 * last year's price sheet was copied to make this year's, a grade column (压力等级) read as a model code, and
 * online-shop product pages saved from the browser. The text is made up for the tests.
 */
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { readXlsx, sheetBlocks, type Sheet } from '../../../electron/backend/domains/intake/spreadsheet';
import { structureDocument } from '../../../electron/backend/domains/intake/structure';
import { currentSheets } from '../../../electron/backend/domains/intake/supersededSheets';
import { itemTitle, type Column, type Product } from '../../../shared/sites/model';

let counter = 0;
const env = { newId: () => `id-${++counter}` };
const TODAY = '2026-12-01';
const products = (columns: Column[]) => columns.filter((c) => c.type === 'products').flatMap((c) => c.items) as Product[];
const fromSheets = (sheets: Sheet[]) => structureDocument(sheetBlocks(sheets), '价目.xlsx', env, { today: TODAY });
const fen = (p: Product | undefined) => (p?.price as { fen?: number } | undefined)?.fen;

const priceSheet = (name: string, title: string, goods: [string, string, number][]): Sheet => ({
  name,
  rows: [[title, '', ''], ['品名', '规格', '单价（元）'], ...goods.map(([n, s, p]) => [n, s, String(p)])],
});

describe('a workbook where last year’s sheet was copied to make this year’s', () => {
  const old = priceSheet('2024旧价', '山楂制品价格表（2024年5月）', [
    ['山楂条', '200g', 8],
    ['山楂片', '250g', 9],
    ['果丹皮', '300g', 10],
  ]);
  const current = priceSheet('2025新价', '山楂制品价格表（2025年10月起）', [
    ['山楂条', '200g', 9],
    ['山楂片', '250g', 10],
    ['冰糖葫芦', '10串', 25],
  ]);

  it('keeps only the current sheet: an old sheet’s goods are withdrawn, its prices superseded', () => {
    const items = products(fromSheets([old, current]).columns);
    expect(items.map(itemTitle)).toEqual(['山楂条', '山楂片', '冰糖葫芦']);
    expect(items.map(fen)).toEqual([900, 1000, 2500]);
    expect(items.every((p) => !p.category)).toBe(true);
  });

  it('tells the old version by an earlier date in its title when the names say nothing', () => {
    const a = { ...old, name: '价格' };
    const b = { ...current, name: '价格 (2)' };
    expect(currentSheets([a, b]).map((s) => s.name)).toEqual(['价格 (2)']);
  });

  it('keeps the sheet the workbook opens on when versions carry no name or date to tell them apart', () => {
    const a = priceSheet('表A', '价格表', [
      ['山楂条', '200g', 8],
      ['山楂片', '250g', 9],
    ]);
    const b = {
      ...priceSheet('表B', '价格表', [
        ['山楂条', '200g', 9],
        ['山楂片', '250g', 10],
      ]),
      active: true,
    };
    expect(currentSheets([a, b]).map((s) => s.name)).toEqual(['表B']);
  });

  it('keeps sheets that are categories with the same header, and an old-named sheet with goods of its own', () => {
    const fruit = priceSheet('水果', '价目表', [
      ['苹果', '1斤', 6],
      ['香蕉', '1斤', 4],
    ]);
    const vegetables = {
      ...priceSheet('蔬菜', '价目表', [
        ['白菜', '1斤', 2],
        ['土豆', '1斤', 3],
      ]),
      active: true,
    };
    expect(currentSheets([fruit, vegetables]).map((s) => s.name)).toEqual(['水果', '蔬菜']);
    const tradeIn = priceSheet('旧版回收', '回收价', [
      ['旧手机', '台', 100],
      ['旧电脑', '台', 200],
    ]);
    expect(currentSheets([fruit, tradeIn]).map((s) => s.name)).toEqual(['水果', '旧版回收']);
  });

  it('reads which sheet an .xlsx opens on', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('旧').addRows([
      ['品名', '单价'],
      ['山楂条', 8],
    ]);
    workbook.addWorksheet('新').addRows([
      ['品名', '单价'],
      ['山楂条', 9],
    ]);
    workbook.views = [{ activeTab: 1 } as ExcelJS.WorkbookView];
    const sheets = await readXlsx(new Uint8Array(await workbook.xlsx.writeBuffer()));
    expect(sheets.map((s) => [s.name, Boolean(s.active)])).toEqual([
      ['旧', false],
      ['新', true],
    ]);
  });
});

describe('a grade column beside the 规格 column', () => {
  it('reads 压力等级 (1.6MPa) as a spec, so repeated names take the 规格 value into their titles', () => {
    const items = products(
      fromSheets([
        {
          name: 'Sheet1',
          rows: [
            ['品名', '规格', '压力等级', '单位', '出厂价（元）'],
            ['钢丝软管', 'DN20', '1.0MPa', '米', '6.5'],
            ['钢丝软管', 'DN32', '1.0MPa', '米', '9.8'],
            ['铝塑复合管', 'DN16', 'PN16', '米', '4.2'],
          ],
        },
      ]).columns,
    );
    expect(items.map(itemTitle)).toEqual(['钢丝软管 DN20', '钢丝软管 DN32', '铝塑复合管 DN16']);
    expect(items[0]!.price).toMatchObject({ fen: 650, unit: '米' });
  });
});
