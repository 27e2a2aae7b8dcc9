/**
 * Shapes of customer material the held-out round 12 showed the importer did not read (issue 9): a
 * price table whose unit stands in a 计价单位 column, lines typed with bars (品名|价格|说明) and ---
 * rules, a slide's speaker notes. The text is made up for the tests.
 */
import { describe, expect, it } from 'vitest';
import type { SourceBlock } from '../../../electron/backend/domains/intake/htmlToBlocks';
import { linesToBlocks, textLines } from '../../../electron/backend/domains/intake/lines';
import { structureDocument } from '../../../electron/backend/domains/intake/structure';
import { itemTitle, type Column } from '../../../shared/sites/model';

let counter = 0;
const env = { newId: () => `id-${++counter}` };
const TODAY = '2026-12-01';
const column = (columns: Column[], type: string) => columns.find((c) => c.type === type);
const titles = (columns: Column[], type: string) => column(columns, type)?.items.map(itemTitle) ?? [];
const cells = (rows: string[][]): SourceBlock => ({ type: 'table', header: false, rows: rows.map((r) => r.map((text) => [{ text }])) });
const structure = (blocks: SourceBlock[], file = 'a.docx') => structureDocument(blocks, file, env, { today: TODAY });

describe('a price table with a 计价单位 column', () => {
  it('reads the bare number under 单价（元） as the price per the unit column', () => {
    const table = cells([
      ['序号', '服务项目', '计价单位', '单价（元）', '备注'],
      ['1', '日语笔译', '千字', '180', '按中文字符计'],
      ['2', '展会口译', '天', '1500', ''],
    ]);
    const products = column(structure([table]).columns, 'products')!;
    expect(products.items.map(itemTitle)).toEqual(['日语笔译', '展会口译']);
    expect(products.items[0]).toMatchObject({ price: { kind: 'amount', fen: 18000, unit: '千字' } });
    expect(products.items[1]).toMatchObject({ price: { kind: 'amount', fen: 150000, unit: '天' } });
  });
});

describe('lines typed with bars', () => {
  it('reads 品名|价格|说明 lines as a table of items, a --- line ending it', () => {
    const text = ['品名|价格|说明', '绿豆糕|6元/盒|现做', '桃酥|10元/斤|', '芝麻饼|2元/个|早上有', '---', '每天早上现做，卖完为止，欢迎乡亲们来尝尝。'].join('\n');
    const blocks = linesToBlocks(textLines(text));
    expect(blocks[0]).toMatchObject({ type: 'table' });
    expect(blocks.some((b) => b.type === 'paragraph' && b.runs[0]!.text === '---')).toBe(false);
    const products = column(structure(blocks, 'a.txt').columns, 'products')!;
    expect(products.items.map(itemTitle)).toEqual(['绿豆糕', '桃酥', '芝麻饼']);
    expect(products.items[1]).toMatchObject({ price: { kind: 'amount', fen: 1000, unit: '斤' } });
  });
});
