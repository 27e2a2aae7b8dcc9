/**
 * Shapes of typical customers' price sheets the held-out round 19 showed the importer misread (issue 9): a
 * 型号规格 column of cable codes with a word among them, a 品牌 column saying the goods are sold loose, and a
 * spec cell that is no size in a list whose repeated names take their sizes. The text is made up for the tests.
 */
import { describe, expect, it } from 'vitest';
import { sheetBlocks, type Sheet } from '../../../electron/backend/domains/intake/spreadsheet';
import { structureDocument } from '../../../electron/backend/domains/intake/structure';
import { itemTitle, type Column, type Product } from '../../../shared/sites/model';

let counter = 0;
const env = { newId: () => `id-${++counter}` };
const TODAY = '2026-12-01';
const PRICE_LIST = { type: 'products' as const, keyword: '价格', from: '价格表' };
const products = (rows: string[][]): Product[] =>
  structureDocument(sheetBlocks([{ name: 'Sheet1', rows }] as Sheet[]), '价格表.xlsx', env, {
    today: TODAY,
    fileColumn: PRICE_LIST,
  })
    .columns.flatMap((c: Column) => c.items)
    .filter((i): i is Product => i.kind === 'product');

describe('a 型号规格 column of model codes', () => {
  it('reads cable codes with decimals and cores as models, a word among them as part of the name only', () => {
    const found = products([
      ['品名', '型号规格', '单位', '单价（元）'],
      ['阻燃电线', 'ZR-BV-1.5', '卷', '210'],
      ['阻燃电线', 'ZR-BV-2.5', '卷', '330'],
      ['控制电缆', 'KVV-4×1.5', '米', '12'],
      ['铝芯电缆', 'VLV-3×35+1×16', '米', '36'],
      ['六类网线', '屏蔽', '箱', '电议'],
    ]);
    expect(found.map(itemTitle)).toEqual([
      '阻燃电线 ZR-BV-1.5',
      '阻燃电线 ZR-BV-2.5',
      '控制电缆 KVV-4×1.5',
      '铝芯电缆 VLV-3×35+1×16',
      '六类网线 屏蔽',
    ]);
    expect(found.map((p) => p.model)).toEqual(['ZR-BV-1.5', 'ZR-BV-2.5', 'KVV-4×1.5', 'VLV-3×35+1×16', undefined]);
  });

  it('still reads sizes under a 规格型号 header as a spec', () => {
    const found = products([
      ['商品名称', '规格型号', '单位', '销售价'],
      ['自攻螺丝', 'M4×25', '盒', '18'],
      ['膨胀管', '8号', '袋', '5'],
      ['不锈钢合页', '4寸', '片', '6.5'],
    ]);
    expect(found.map((p) => p.model)).toEqual([undefined, undefined, undefined]);
  });
});

describe('a 品牌 column', () => {
  it('puts the brand before the name, but not a cell saying the goods are sold loose', () => {
    const found = products([
      ['品牌', '品名', '规格', '单位', '批发价（元）'],
      ['金龙鱼', '大豆油', '5L×4桶', '箱', '260'],
      ['散装', '干辣椒', '', '斤', '14'],
      ['—', '粉丝', '', '斤', '6'],
    ]);
    expect(found.map(itemTitle)).toEqual(['金龙鱼 大豆油', '干辣椒', '粉丝']);
  });
});

describe('a list whose repeated names take their sizes', () => {
  it('leaves a spec cell that is no size (按图纸, 定制, a dash) out of the name', () => {
    const found = products([
      ['产品名称', '规格', '单位', '出厂价（元）'],
      ['水泥电杆', '8米', '根', '900'],
      ['水泥电杆', '10米', '根', '1300'],
      ['预制楼梯', '按图纸', '块', '面议'],
      ['异形构件', '定制', '件', '面议'],
      ['护坡砖', '—', '块', '3'],
    ]);
    expect(found.map(itemTitle)).toEqual(['水泥电杆 8米', '水泥电杆 10米', '预制楼梯', '异形构件', '护坡砖']);
  });
});
