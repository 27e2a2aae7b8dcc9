/**
 * Shapes of customer material the held-out round 18 showed the importer did not read (issue 9): a copier's scan
 * named by the copier, a rental price list with each name over a line opening with its price ("月租…元（含…）"), a
 * comparison table on its side (field names down the first column, one product a column), a role written in front of
 * the person's name ("店长小郑 137…"). The text is made up for the tests.
 */
import { describe, expect, it } from 'vitest';
import { parseContact } from '../../../electron/backend/domains/intake/contact';
import { leadingPrice } from '../../../electron/backend/domains/intake/leadingPrice';
import { productLine } from '../../../electron/backend/domains/intake/lineItems';
import { isScannerName } from '../../../electron/backend/domains/intake/photos';
import { sheetBlocks } from '../../../electron/backend/domains/intake/spreadsheet';
import { structureDocument, textToBlocks } from '../../../electron/backend/domains/intake/structure';
import { readTable } from '../../../electron/backend/domains/intake/tables';
import { itemTitle, type Column, type Product } from '../../../shared/sites/model';

let counter = 0;
const env = { newId: () => `id-${++counter}` };
const products = (columns: Column[]) => columns.filter((c) => c.type === 'products').flatMap((c) => c.items) as Product[];
const structureText = (text: string) => structureDocument(textToBlocks(text.split('\n')), 'a.txt', env, { today: '2026-12-01' });

describe('a scan named by the copier', () => {
  it('knows the names copiers and scanners give their scans, not a model number', () => {
    expect(['SKM_C30826120110000.tif', 'KM_C4050i20261201093000.tif', 'Doc_20261201093000.tif', 'SCN_0007.jpg'].map(isScannerName)).toEqual(
      [true, true, true, true],
    );
    expect(['HP1020.jpg', 'C258.jpg', '门店.jpg', 'IMG_0042.jpg'].map(isScannerName)).toEqual([false, false, false, false]);
  });
});

describe('names over lines opening with their price', () => {
  it('reads a rent by the period in front of the amount as its unit, the rest as remarks', () => {
    expect(leadingPrice('月租300元（含每月1500张，超出0.05元/张）')).toEqual({
      price: { kind: 'amount', fen: 30000, unit: '月' },
      remarks: '含每月1500张，超出0.05元/张',
    });
    expect(leadingPrice('80元/天起，押金另收')).toEqual({
      price: { kind: 'amount', fen: 8000, unit: '天', from: true },
      remarks: '押金另收',
    });
    expect(leadingPrice('租赁期间免费上门维修')).toBeUndefined();
    // A rent alone names no product.
    expect(productLine('月租90元（含800张）')).toBeUndefined();
  });

  it('makes each numbered name over such a line a product, under a tagline heading as well', () => {
    const { columns } = structureText(
      [
        '宏达办公',
        '打印机出租价格表（2026年11月）',
        '1.黑白打印机（兄弟L2540）',
        '月租120元（含每月1000张，超出0.04元/张）',
        '2.彩色喷墨打印机（爱普生L805）',
        '月租260元（含彩色500张）',
        '3.会议投影仪',
        '80元/天起，押金另收',
        '签约半年以上免收押金。',
      ].join('\n'),
    );
    const found = products(columns);
    expect(found.map(itemTitle)).toEqual(['黑白打印机（兄弟L2540）', '彩色喷墨打印机（爱普生L805）', '会议投影仪']);
    expect(found.map((p) => p.price)).toEqual([
      { kind: 'amount', fen: 12000, unit: '月' },
      { kind: 'amount', fen: 26000, unit: '月' },
      { kind: 'amount', fen: 8000, unit: '天', from: true },
    ]);
  });

  it('makes them products under a heading that names no column, the heading their group', () => {
    const blocks = [
      { type: 'heading' as const, level: 2, runs: [{ text: '出租·销售·维修' }] },
      { type: 'heading' as const, level: 3, runs: [{ text: '1.黑白打印机（兄弟L2540）' }] },
      { type: 'paragraph' as const, runs: [{ text: '月租120元（含每月1000张）' }] },
      { type: 'heading' as const, level: 3, runs: [{ text: '2.会议投影仪' }] },
      { type: 'paragraph' as const, runs: [{ text: '80元/天起，押金另收' }] },
    ];
    const { columns } = structureDocument([{ type: 'heading', level: 1, runs: [{ text: '价格表' }] }, ...blocks], 'a.docx', env, {
      today: '2026-12-01',
    });
    expect(products(columns).map((p) => [itemTitle(p), p.price?.kind === 'amount' ? p.price.fen : undefined])).toEqual([
      ['黑白打印机（兄弟L2540）', 12000],
      ['会议投影仪', 8000],
    ]);
  });
});

describe('a comparison table on its side', () => {
  it('reads one product a column when the first column is short field words, most of them the trade’s own', () => {
    const reading = readTable([
      ['车型', '永久 C60', '飞鸽 轻风', '千里达 X5'],
      ['类型', '城市车', '折叠车', '山地车'],
      ['车架', '高碳钢', '铝合金', '铝合金'],
      ['轮径', '26寸', '20寸', '27.5寸'],
      ['刹车', 'V刹', 'V刹', '碟刹'],
      ['售价', '599元', '899元', '1680元'],
    ]);
    const name = reading.columns.findIndex((c) => c.role === 'name');
    const price = reading.columns.findIndex((c) => c.role === 'price');
    expect(reading.rows.map((r) => [r[name], r[price]])).toEqual([
      ['永久 C60', '599元'],
      ['飞鸽 轻风', '899元'],
      ['千里达 X5', '1680元'],
    ]);
  });

  it('reads a sheet on its side the same way', () => {
    const { columns } = structureDocument(
      sheetBlocks([
        {
          name: 'Sheet1',
          rows: [
            ['品名', '格力 云佳1.5匹', '美的 酷省电1匹'],
            ['能效', '一级', '一级'],
            ['适用面积', '15-22㎡', '10-15㎡'],
            ['安装', '包基础安装', '包基础安装'],
            ['售价', '2899元', '2199元'],
          ],
        },
      ]),
      '空调对比.xlsx',
      env,
      { today: '2026-12-01' },
    );
    expect(products(columns).map((p) => [itemTitle(p), p.price?.kind === 'amount' ? p.price.fen : undefined])).toEqual([
      ['格力 云佳1.5匹', 289900],
      ['美的 酷省电1匹', 219900],
    ]);
  });

  it('keeps a table whose first row is the header as it is', () => {
    const reading = readTable([
      ['车型', '类型', '售价'],
      ['永久 C60', '城市车', '599元'],
      ['飞鸽 轻风', '折叠车', '899元'],
    ]);
    expect(reading.rows.map((r) => r[0])).toEqual(['永久 C60', '飞鸽 轻风']);
  });
});

describe('a role in front of the person', () => {
  it('takes 店长小郑 as 小郑', () => {
    expect(parseContact(['地址：滨江路18号　电话：0571-86661234　店长小周 13800001234（微信同号）'])?.person).toBe('小周');
    expect(parseContact(['老板王姐 13900001234'])?.person).toBe('王姐');
    expect(parseContact(['手机：13900001234（刘店长）'])?.person).toBe('刘店长');
  });
});
