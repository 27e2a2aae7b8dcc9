/**
 * Shapes of customer material the held-out round 17 showed the importer did not read (issue 9): a salesman's quotation
 * (Word → PDF, or a sheet) with a heading row wrapped in its narrow cells, a model left empty in some rows, tax and fee
 * rows and the customer's own line; a WeChat article printed from the browser (its print header and footer on every
 * page), names over `价格：` lines and course lines `name：N课时 price`. The text is made up for the tests.
 */
import { describe, expect, it } from 'vitest';
import { parseContact } from '../../../electron/backend/domains/intake/contact';
import { yearFor } from '../../../electron/backend/domains/intake/dates';
import type { SourceBlock } from '../../../electron/backend/domains/intake/htmlToBlocks';
import { productLine } from '../../../electron/backend/domains/intake/lineItems';
import { linesToBlocks } from '../../../electron/backend/domains/intake/lines';
import { printMargins } from '../../../electron/backend/domains/intake/pageChrome';
import { readPdf } from '../../../electron/backend/domains/intake/pdf';
import { structureDocument } from '../../../electron/backend/domains/intake/structure';
import { runsText, type Product } from '../../../shared/sites/model';
import { helveticaPdf } from '../../helpers/pdf';

let counter = 0;
const env = { newId: () => `id-${++counter}` };
const TODAY = '2026-12-05';
const paragraph = (text: string): SourceBlock => ({ type: 'paragraph', runs: [{ text }] });
const heading = (text: string): SourceBlock => ({ type: 'heading', level: 2, runs: [{ text }], look: true });
const table = (rows: string[][]): SourceBlock => ({ type: 'table', header: true, rows: rows.map((r) => r.map((text) => [{ text }])) });
const products = (blocks: SourceBlock[]) =>
  structureDocument(blocks, 'quote.pdf', env, { today: TODAY })
    .columns.filter((c) => c.type === 'products')
    .flatMap((c) => c.items as Product[]);

describe('a quotation printed from Word to PDF', () => {
  const pdf = helveticaPdf([
    [
      [60, 'Seq'],
      [100, 'Product'],
      [200, 'Model'],
      [260, 'Unit'],
      [320, 'Unit'],
    ],
    [
      [60, 'no.'],
      [320, 'price'],
    ],
    [
      [60, '1'],
      [100, 'Gate'],
      [200, 'BG-301'],
      [260, 'set'],
      [320, '3200'],
    ],
    [
      [60, '2'],
      [100, 'Camera'],
      [200, 'CM-200'],
      [260, 'set'],
      [320, '2800'],
    ],
    [
      [60, '3'],
      [100, 'Loop coil'],
      [260, 'pc'],
      [320, '150'],
    ],
  ]);

  it('joins the heading row wrapped in its cells and keeps an empty model cell empty', async () => {
    const { blocks } = await readPdf(pdf, async () => undefined);
    const rows = blocks.flatMap((b) => (b.type === 'table' ? b.rows.map((r) => r.map(runsText)) : []));
    expect(rows).toEqual([
      ['Seq no.', 'Product', 'Model', 'Unit', 'Unit price'],
      ['1', 'Gate', 'BG-301', 'set', '3200'],
      ['2', 'Camera', 'CM-200', 'set', '2800'],
      ['3', 'Loop coil', '', 'pc', '150'],
    ]);
  });
});

describe('the rows of a quotation that are no goods', () => {
  it('leaves out a tax row with only a line total and a fee charged per 项 for the job', () => {
    const items = products([
      heading('产品报价'),
      table([
        ['序号', '产品名称', '单位', '数量', '单价（元）', '金额（元）'],
        ['1', '不锈钢水箱', '台', '2', '1800', '3600'],
        ['2', '增压水泵', '台', '1', '950', '950'],
        ['3', '上门安装费', '项', '1', '600', '600'],
        ['', '小计', '', '', '', '5150'],
        ['', '税金（3%）', '', '', '', '154.5'],
        ['', '合计', '', '', '', '5304.5'],
      ]),
    ]);
    expect(items.map((p) => [p.name, p.price?.kind === 'amount' ? p.price.fen : null])).toEqual([
      ['不锈钢水箱', 180000],
      ['增压水泵', 95000],
    ]);
  });

  it('keeps a fee in a price list without line totals', () => {
    const items = products([
      heading('收费标准'),
      table([
        ['项目', '单位', '价格'],
        ['上门检测费', '项', '50元'],
        ['管道疏通', '次', '120元'],
      ]),
    ]);
    expect(items.map((p) => p.name)).toEqual(['上门检测费', '管道疏通']);
  });
});

describe("the customer's line of a quotation", () => {
  it('gives no address or phone to the business contact', () => {
    const contact = parseContact([
      '客户：王女士　　电话：138****4321　　工程地址：青松小区5号楼2单元',
      '本公司地址：某市新华路18号　电话：0533-7654321',
    ]);
    expect(contact?.address).toBe('某市新华路18号');
    expect(contact?.phones.map((p) => p.number)).toEqual(['0533-7654321']);
  });
});

describe('a WeChat id that is a mobile number', () => {
  it('takes the person in brackets beside it for the contact person', () => {
    expect(parseContact(['咨询电话：0531-1234567', '微信：13712345678（马老师）'])?.person).toBe('马老师');
    expect(parseContact(['微信：13712345678（微信同号）'])?.person).toBeUndefined();
  });
});

describe('a WeChat article printed from the browser to PDF', () => {
  it('takes the print date over the title and the address with the page count for the page margins', () => {
    expect([...printMargins(['12/3/26, 9:41 AM  冬季课程开始报名', '正文第一段', 'https://mp.weixin.qq.com/s/AbC123  1/3'])]).toEqual([
      0, 2,
    ]);
    expect([...printMargins(['2026/12/3 10:15  冬季课程开始报名', '正文', '', '2/3'])]).toEqual([0, 3]);
    expect([...printMargins(['2026年12月3日 开业啦', '地址：新华路18号'])]).toEqual([]);
  });

  it('reads a heading with a products keyword over its own price as one item', () => {
    const items = products([
      paragraph('一、价格一览'),
      heading('5匹商用空调套餐'),
      paragraph('价格：8800元/套'),
      paragraph('含安装和一年保养'),
      heading('3匹家用空调套餐'),
      paragraph('价格：5600元/套'),
    ]);
    expect(items.map((p) => p.name)).toEqual(['5匹商用空调套餐', '3匹家用空调套餐']);
  });

  it('takes short lines over a 价格： line for item names, a paragraph gap between them or not', () => {
    const blocks = linesToBlocks(
      ['蜂蜡手工皂', '价格：38元/块', '', '手工香薰蜡烛（200克以上）', '', '价格：面议'].map((text) => ({ text })),
    );
    expect(blocks.filter((b) => b.type === 'heading').map((b) => ('runs' in b ? runsText(b.runs) : ''))).toEqual([
      '蜂蜡手工皂',
      '手工香薰蜡烛（200克以上）',
    ]);
  });

  it('reads a course line with what the price buys before the price', () => {
    expect(productLine('少儿素描（8-14岁）：暑期班12课时 980元')).toEqual({
      name: '少儿素描（8-14岁）',
      price: { kind: 'amount', fen: 98000 },
      spec: '暑期班12课时',
    });
    expect(productLine('优惠：报两科立减100元')).toBeUndefined();
  });

  it("gives a date without a year the year nearest today's when the article's years are as common", () => {
    expect(yearFor(12, 20, [2026, 2027], TODAY)).toBe(2026);
  });
});
