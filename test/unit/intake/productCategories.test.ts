/**
 * Sub-headings over lists of goods are their category (`【被子】` over `name price` lines): each product takes it,
 * and the heading leaves the column's text, since the WEB listing shows each category over its products. The text
 * is made up for the tests.
 */
import { describe, expect, it } from 'vitest';
import { fileNameColumn } from '../../../electron/backend/domains/intake/keywords';
import { linesToBlocks, textLines } from '../../../electron/backend/domains/intake/lines';
import { structureDocument } from '../../../electron/backend/domains/intake/structure';
import { runsText, type Product } from '../../../shared/sites/model';

let counter = 0;
const env = { newId: () => `id-${++counter}` };
const products = (text: string, file = '价格表.txt') => {
  const { columns } = structureDocument(linesToBlocks(textLines(text)), file, env, {
    today: '2026-12-05',
    fileColumn: fileNameColumn(file),
  });
  return columns.find((c) => c.type === 'products')!;
};

describe('sub-headings over lists of goods', () => {
  const LIST = ['【被子】', '蚕丝被　980元', '羽绒被　1280元', '', '【枕头】', '荞麦枕　58元/个', '乳胶枕　128元/个'].join('\n');

  it('give each product its category and leave the column’s text', () => {
    const column = products(LIST);
    expect(column.items.map((i) => [(i as Product).name, (i as Product).category])).toEqual([
      ['蚕丝被', '被子'],
      ['羽绒被', '被子'],
      ['荞麦枕', '枕头'],
      ['乳胶枕', '枕头'],
    ]);
    const headings = column.body.flatMap((b) => (b.type === 'heading' ? [runsText(b.runs)] : []));
    expect(headings).toEqual([]);
  });
});
