/**
 * Shapes of typical customers' material the held-out round 20 showed the importer misread (issue 9): a 品牌 column
 * after the name in a dealer's price list, a story of where the shop has been ("本店在建材市场做了十五年") taken for
 * its address, courses written as "name：what it is，学费…元。" sentences, a class photo and a prize photo.
 * The text is made up for the tests.
 */
import { describe, expect, it } from 'vitest';
import { parseContact } from '../../../electron/backend/domains/intake/contact';
import { linesToBlocks, textLines } from '../../../electron/backend/domains/intake/lines';
import { productLine } from '../../../electron/backend/domains/intake/lineItems';
import { sheetBlocks, type Sheet } from '../../../electron/backend/domains/intake/spreadsheet';
import { structureDocument } from '../../../electron/backend/domains/intake/structure';
import { itemTitle, type Column, type Product } from '../../../shared/sites/model';

let counter = 0;
const env = { newId: () => `id-${++counter}` };
const TODAY = '2026-12-01';
const products = (columns: Column[]) => columns.filter((c) => c.type === 'products').flatMap((c) => c.items);
const fromSheets = (sheets: Sheet[]) => structureDocument(sheetBlocks(sheets), '报价.xls', env, { today: TODAY });
const fromText = (text: string) => structureDocument(linesToBlocks(textLines(text)), 'a.txt', env, { today: TODAY });

describe('a 品牌 column after the name', () => {
  it('puts the brand before the name when the column names several makers', () => {
    const result = fromSheets([
      {
        name: 'Sheet1',
        rows: [
          ['品名', '品牌', '规格', '单位', '单价'],
          ['铜球阀', '金鼎', 'DN20', '个', '28'],
          ['镀锌弯头', '华通', 'DN25', '个', '6'],
          ['金鼎截止阀', '金鼎', 'DN15', '个', '35'],
          ['生料带', '', '20米', '卷', '2'],
        ],
      },
    ]);
    expect(products(result.columns).map(itemTitle)).toEqual(['金鼎 铜球阀', '华通 镀锌弯头', '金鼎截止阀', '生料带']);
  });

  it('leaves the names alone when the column names one brand only (an attribute of the list)', () => {
    const result = fromSheets([
      {
        name: 'Sheet1',
        rows: [
          ['品名', '品牌', '规格', '单价'],
          ['铜球阀', '金鼎', 'DN20', '28'],
          ['截止阀', '金鼎', 'DN15', '35'],
        ],
      },
    ]);
    expect(products(result.columns).map(itemTitle)).toEqual(['铜球阀', '截止阀']);
  });
});

describe('where the shop has been, told as a story', () => {
  it('is no address: the labelled address line is', () => {
    const contact = parseContact(['本店在家具市场开了二十年，专做实木家具。', '地址：某市某区长江路家具城B座8号', '电话：0371-66661234']);
    expect(contact?.address).toBe('某市某区长江路家具城B座8号');
  });

  it('still reads where the shop is, said at the start of a line', () => {
    expect(parseContact(['本店在某市某区建设路18号', '电话：0371-66661234'])?.address).toBe('某市某区建设路18号');
    expect(parseContact(['我们在花卉市场东门3号', '电话：0371-66661234'])?.address).toBe('花卉市场东门3号');
  });
});

describe('courses written as sentences', () => {
  it('reads "name：what it is，学费…元。" as a course with its fee, paid per the term it counts', () => {
    expect(productLine('书法入门班（8-12岁）：每学期15次课，每次两小时，学费1300元。')).toEqual({
      name: '书法入门班（8-12岁）',
      price: { kind: 'amount', fen: 130000, unit: '学期' },
      spec: '每学期15次课；每次两小时',
    });
    expect(productLine('成人素描班：每月8节，材料自备，费用900元')).toMatchObject({
      name: '成人素描班',
      price: { kind: 'amount', fen: 90000, unit: '月' },
    });
  });

  it('gives one course per line under a course heading', () => {
    const text = ['二、开设课程', '书法入门班（8-12岁）：每学期15次课，学费1300元。', '国画提高班（10岁以上）：每学期15次课，学费1500元。'].join(
      '\n',
    );
    const items = products(fromText(text).columns) as Product[];
    expect(items.map((p) => [p.name, p.price && 'fen' in p.price ? p.price.fen : undefined])).toEqual([
      ['书法入门班（8-12岁）', 130000],
      ['国画提高班（10岁以上）', 150000],
    ]);
  });

  it('takes no pay or count clause for a fee', () => {
    expect(productLine('注意事项：每学期16次课，请按时到校。')).toBeUndefined();
  });
});
