/**
 * Shapes of typical customers' material the held-out round 21 showed the importer did not read (issue 9): a carrier's
 * rate sheet whose price columns are named by what is charged and per what (重货（元/吨） | 轻货（元/方）), pack sizes in
 * the 规格 column that say what a price is per (500g/袋, 斤), a notice dated by a year and a term (2027年春季学期2月20日)
 * under a price list. The text is made up for the tests.
 */
import { describe, expect, it } from 'vitest';
import { findAnyDate } from '../../../electron/backend/domains/intake/dates';
import { sheetBlocks } from '../../../electron/backend/domains/intake/spreadsheet';
import { structureDocument } from '../../../electron/backend/domains/intake/structure';
import type { SourceBlock } from '../../../electron/backend/domains/intake/htmlToBlocks';
import { itemTitle, runsText, type Article, type Product } from '../../../shared/sites/model';

let counter = 0;
const env = { newId: () => `id-${++counter}` };
const TODAY = '2026-12-01';

const sheetProducts = (rows: string[][]) => {
  const { columns } = structureDocument(sheetBlocks([{ name: 'Sheet1', rows }]), '价格表.xlsx', env, { today: TODAY });
  return columns.flatMap((c) => c.items) as Product[];
};
const descriptionOf = (p: Product) => (p.description ?? []).map((b) => ('runs' in b ? runsText(b.runs) : '')).join(' ');

describe('a rate sheet whose price columns say what is charged per what', () => {
  it('prices each route from the first such column with its unit, the other rate in its description', () => {
    const products = sheetProducts([
      ['远通货运 杭州—安徽专线价格'],
      ['线路', '重货（元/吨）', '轻货（元/方）', '时效', '备注'],
      ['杭州—合肥', '130', '35', '次日达', ''],
      ['杭州—芜湖', '140', '38', '2天', ''],
      ['包车（6.8米）', '面议', '', '', '可上门装货'],
    ]);
    expect(products.map((p) => [p.name, p.price])).toEqual([
      ['杭州—合肥', { kind: 'amount', fen: 13000, unit: '吨' }],
      ['杭州—芜湖', { kind: 'amount', fen: 14000, unit: '吨' }],
      ['包车（6.8米）', { kind: 'negotiable' }],
    ]);
    expect(descriptionOf(products[0]!)).toContain('35');
  });

  it('does not take the first of several columns per the same unit as the price: they are sizes of one good', () => {
    const products = sheetProducts([
      ['品名', '大果（元/斤）', '小果（元/斤）'],
      ['脐橙', '6', '4'],
      ['沃柑', '7', '5'],
    ]);
    expect(products.map((p) => [p.name, p.price?.kind === 'amount' ? p.price.fen : undefined])).toEqual([
      ['脐橙 大果（元/斤）', 600],
      ['脐橙 小果（元/斤）', 400],
      ['沃柑 大果（元/斤）', 700],
      ['沃柑 小果（元/斤）', 500],
    ]);
  });
});

describe('pack sizes in the 规格 column', () => {
  it('price each row per the pack its spec names, or per the unit a spec of one word names', () => {
    const products = sheetProducts([
      ['品名', '规格', '单价（元）'],
      ['红枣', '1kg/袋', '40'],
      ['枸杞', '250克/罐', '55'],
      ['鹌鹑蛋', '50枚/盒', '28'],
      ['莲子', '斤', '30'],
      ['核桃', '礼盒装', '88'],
      ['山楂片', '500g/袋', '12元/包'],
    ]);
    expect(products.map((p) => [p.name, p.price?.kind === 'amount' ? p.price.unit : undefined])).toEqual([
      ['红枣', '袋'],
      ['枸杞', '罐'],
      ['鹌鹑蛋', '盒'],
      ['莲子', '斤'],
      ['核桃', undefined],
      ['山楂片', '包'],
    ]);
  });

  it('keeps the unit a price header gives over the pack', () => {
    const products = sheetProducts([
      ['品名', '规格', '单价（元/斤）'],
      ['小米', '5斤/袋', '6'],
      ['绿豆', '5斤/袋', '8'],
    ]);
    expect(products.map((p) => (p.price?.kind === 'amount' ? p.price.unit : undefined))).toEqual(['斤', '斤']);
  });
});

describe('a notice dated by a year and a term', () => {
  it('reads the day of that year, the term kept in the words', () => {
    expect(findAnyDate('2027年秋季学期9月1日开课', [], TODAY)).toMatchObject({ iso: '2027-09-01', index: 0 });
    expect(findAnyDate('2027年寒假1月20日放假', [], TODAY)).toMatchObject({ iso: '2027-01-20', index: 0 });
  });

  it('makes a dated paragraph under a price list news titled by its first clause', () => {
    const cell = (text: string) => [{ text }];
    const blocks: SourceBlock[] = [
      { type: 'heading', level: 1, runs: [{ text: '收费标准' }] },
      {
        type: 'table',
        header: true,
        rows: [
          [cell('班型'), cell('收费')],
          [cell('书法班'), cell('900元/学期')],
          [cell('国画班'), cell('1100元/学期')],
        ],
      },
      { type: 'paragraph', runs: [{ text: '2027年秋季学期9月1日开课，即日起报名，老学员续报减50元。' }] },
    ];
    const { columns } = structureDocument(blocks, '招生简章.docx', env, { today: TODAY });
    const products = columns.find((c) => c.type === 'products')!;
    expect(products.items.map(itemTitle)).toEqual(['书法班', '国画班']);
    const news = columns.find((c) => c.type === 'news')?.items as Article[] | undefined;
    expect(news?.map((a) => [a.title, a.date])).toEqual([['2027年秋季学期9月1日开课', '2027-09-01']]);
  });
});
