/**
 * Shapes of material the held-out round 22 showed the importer misread (issue 9): a price list an old stock program
 * "printed to file" (pages apart by form feeds, the page header repeated, rules, page numbers, a 0.00 price whose
 * remark says 电议). The text is made up for the tests.
 */
import { describe, expect, it } from 'vitest';
import { withoutPrintFrames } from '../../../electron/backend/domains/intake/printedPages';
import type { Item } from '../../../shared/sites/model';
import { itemTitles, structuredText } from '../../helpers/structuredText';

const PRINTOUT = [
  '                  德丰五金经销部',
  '                  商 品 价 格 表',
  '',
  '打印日期：2026-11-30                        第 1 页  共 2 页',
  '============================================================',
  '序号  品名          规格型号      单位    单价(元)  备注',
  '------------------------------------------------------------',
  '0001  六角螺栓      M8×30         盒        18.00',
  '0002  六角螺栓      M10×40        盒        26.50',
  '0003  膨胀螺丝      M12           百个      45.00',
  '------------------------------------------------------------',
  '                                              (续下页)',
  '\f                  德丰五金经销部',
  '                  商 品 价 格 表',
  '',
  '打印日期：2026-11-30                        第 2 页  共 2 页',
  '============================================================',
  '序号  品名          规格型号      单位    单价(元)  备注',
  '------------------------------------------------------------',
  '0004  不锈钢合页    4寸           副         8.00  304材质',
  '0005  进口角磨机    GWS 6-100     台         0.00  电议',
  '------------------------------------------------------------',
  '共 5 条记录',
  '',
  '地址：城东建材市场5号  电话：0531-8888666',
  '',
  '制表：刘红                                进销存 V2.0',
].join('\n');

describe('a price list printed to a file by a stock program', () => {
  it('drops the repeated page header, rules, page numbers, the record count and who made it', () => {
    const lines = withoutPrintFrames(PRINTOUT.split('\n')).filter((l) => l.trim());
    expect(lines.filter((l) => l.includes('序号'))).toHaveLength(1);
    expect(lines.filter((l) => l.includes('德丰五金经销部'))).toHaveLength(1);
    expect(lines.some((l) => /第 \d 页|=====|-----|续下页|共 5 条|制表/.test(l))).toBe(false);
    expect(lines.filter((l) => /^000\d/.test(l))).toHaveLength(5);
  });

  it('leaves text without form feeds or page numbers alone', () => {
    const text = ['春季价目', '-----', '白菜  1元/斤', '萝卜  1.5元/斤'];
    expect(withoutPrintFrames(text)).toEqual(text);
  });

  it('reads the rows of all pages as one table, a zero price with 电议 as 电议', () => {
    const material = structuredText(PRINTOUT, 'BJD1130.TXT');
    const products = material.columns.find((c) => c.type === 'products');
    expect(products?.title).toBe('商品价格表');
    expect(itemTitles(products)).toEqual(['六角螺栓 M8×30', '六角螺栓 M10×40', '膨胀螺丝 M12', '不锈钢合页 4寸', '进口角磨机 GWS 6-100']);
    const last = products!.items.at(-1) as Extract<Item, { kind: 'product' }>;
    expect(last.price).toEqual({ kind: 'negotiable', text: '电议' });
    const first = products!.items[0] as Extract<Item, { kind: 'product' }>;
    expect(first.price).toEqual({ kind: 'amount', fen: 1800, unit: '盒' });
  });
});
