/**
 * Shapes the held-out round 16 showed the importer did not read (issue 9): a shop system's goods export with one
 * product over several SKU rows, a sheet holding two tables one under the other, name cells typed on two lines,
 * a courier's 首重/续重 prices, a dated offer in an introduction, a room photo named like several services. The
 * names and text are made up for the tests.
 */
import { describe, expect, it } from 'vitest';
import type { ParsedPhoto } from '../../../electron/backend/domains/intake/importMaterials';
import { placePhotos } from '../../../electron/backend/domains/intake/placePhotos';
import { readCsv, sheetBlocks, type Sheet } from '../../../electron/backend/domains/intake/spreadsheet';
import { structureDocument, textToBlocks } from '../../../electron/backend/domains/intake/structure';
import { itemTitle, runsText, type Column, type Product, type SiteContent } from '../../../shared/sites/model';

let counter = 0;
const env = { newId: () => `id-${++counter}` };
const TODAY = '2026-12-01';
const column = (columns: Column[], type: string) => columns.find((c) => c.type === type);
const products = (columns: Column[]) => (column(columns, 'products')?.items ?? []) as Product[];
const GOODS = { type: 'products' as const, keyword: '商品', from: '商品导出' };

describe("a shop system's goods export", () => {
  const csv = [
    '\uFEFF商品ID,商品名称,商品分组,规格,售价(元),划线价(元),库存,总销量,商品状态,创建时间',
    '880101,高山绿茶,茶叶,250g罐装,68.00,88.00,40,312,出售中,2026-03-01 09:12:00',
    ',,,500g礼盒,128.00,158.00,12,,出售中,',
    ',,,100g尝鲜装,29.90,,80,,出售中,',
    '880102,紫砂杯,茶具,青灰,45.00,,10,20,出售中,2026-03-02 10:00:00',
    ',,,朱红,45.00,,6,,出售中,',
    '880103,陈皮白茶饼357g,茶叶,默认,198.00,238.00,5,9,出售中,2026-04-11 16:03:10',
    '880090,端午粽子礼盒,节日礼品,默认,88.00,128.00,0,45,已下架,2025-05-20 08:00:00',
  ].join('\r\n');
  const { columns } = structureDocument(sheetBlocks([readCsv(new TextEncoder().encode(csv), '商品导出.csv')]), '商品导出.csv', env, {
    today: TODAY,
    fileColumn: GOODS,
  });

  it('makes one product of each product over its SKU rows, priced from its lowest option when their prices differ', () => {
    expect(products(columns).map((p) => [p.name, p.price])).toEqual([
      ['高山绿茶', { kind: 'amount', fen: 2990, from: true }],
      ['紫砂杯', { kind: 'amount', fen: 4500 }],
      ['陈皮白茶饼357g', { kind: 'amount', fen: 19800 }],
    ]);
  });

  it('lists the options in the spec and, priced apart, in the description; 默认 is no spec', () => {
    const [tea, cup, cake] = products(columns);
    expect(tea!.spec).toBe('250g罐装、500g礼盒、100g尝鲜装');
    expect(tea!.description.map((b) => (b.type === 'paragraph' ? runsText(b.runs) : ''))).toEqual(
      expect.arrayContaining(['250g罐装：68元', '500g礼盒：128元', '100g尝鲜装：29.90元']),
    );
    expect(cup!.spec).toBe('青灰、朱红');
    expect(cake!.spec).toBeUndefined();
    expect(tea!.category).toBe('茶叶');
  });

  it('keeps the id, stock, sales, status and creation time off the site', () => {
    const text = JSON.stringify(products(columns));
    for (const word of ['880101', '312', '出售中', '2026-03-01', '库存', '销量']) expect(text).not.toContain(word);
  });
});

describe('a courier sheet', () => {
  const sheet: Sheet = {
    name: '价格',
    rows: [
      ['顺达驿站 寄件价格'],
      ['目的地', '首重（1公斤）', '续重（每公斤）', '时效'],
      ['同城\n市区内', '6', '1', '当天'],
      ['华北\n北京 天津 河北', '9', '3', '2天'],
      ['西北\n甘肃 宁夏', '电议', '', '4天'],
      ['', '', '', ''],
      ['增值服务', '价格', '', '备注'],
      ['保价', '1元起', '', '按声明价值'],
      ['上门取件', '免费', '', ''],
    ],
  };
  const { columns } = structureDocument(sheetBlocks([sheet]), '价格.xlsx', env, {
    today: TODAY,
    fileColumn: { type: 'products', keyword: '价格', from: '价格' },
  });

  it('names each region by the first line of its cell and prices it by the first of 首重 and 续重', () => {
    const list = products(columns);
    expect(list.slice(0, 3).map((p) => [p.name, p.price])).toEqual([
      ['同城', { kind: 'amount', fen: 600 }],
      ['华北', { kind: 'amount', fen: 900 }],
      ['西北', { kind: 'negotiable', text: '电议' }],
    ]);
    expect(runsText((list[1]!.description[0] as { runs: { text: string }[] }).runs)).toBe('北京 天津 河北');
  });

  it('reads the table under the first, from its own header row, as items of their own', () => {
    expect(products(columns).map(itemTitle)).toEqual(['同城', '华北', '西北', '保价', '上门取件']);
    expect(products(columns)[3]!.price).toEqual({ kind: 'amount', fen: 100, from: true });
  });

  it('gives a second table the short line above its header as its heading', () => {
    const { columns: staffed } = structureDocument(
      sheetBlocks([
        { name: '简介', rows: [['明亮洗车行开在示例路东头，洗车、打蜡、内饰清洗都做。']] },
        {
          name: '价目',
          rows: [
            ['项目', '单位', '单价'],
            ['洗车', '次', '25'],
            ['打蜡', '次', '80'],
            ['招聘'],
            ['岗位', '人数', '待遇'],
            ['洗车工', '2人', '4000元/月'],
          ],
        },
      ]),
      '价目表.xlsx',
      env,
      { today: TODAY, fileColumn: { type: 'products', keyword: '价目', from: '价目表' } },
    );
    expect(products(staffed).map(itemTitle)).toEqual(['洗车', '打蜡']);
    expect(column(staffed, 'jobs')?.items.map(itemTitle)).toEqual(['洗车工']);
  });

  it('keeps one table whose data row happens to name fields ("按车型报价")', () => {
    const { columns: one } = structureDocument(
      sheetBlocks([
        {
          name: 'Sheet1',
          rows: [
            ['险种', '保障内容', '保费'],
            ['意外险', '意外身故10万', '99元/年'],
            ['车险', '多家公司比价出单', '按车型报价'],
          ],
        },
      ]),
      '产品.xlsx',
      env,
      { today: TODAY, fileColumn: { type: 'products', keyword: '产品', from: '产品' } },
    );
    expect(products(one).map(itemTitle)).toEqual(['意外险', '车险']);
  });
});

describe('an introduction with a dated offer in it', () => {
  const lines = [
    '我们是小区门口的便民超市，开了十年，米面粮油、日用百货都有。',
    '2026年12月15日起店内满100元送10元代金券，活动到月底。',
    '2018年6月8日，超市在小区门口开业。',
    '地址：临沂市兰山区示例路1号',
  ];
  const { columns } = structureDocument(textToBlocks(lines), '超市简介.txt', env, {
    today: TODAY,
    fileColumn: { type: 'intro', keyword: '简介', from: '超市简介' },
  });

  it('makes the offer of this year a news item and leaves the history in the introduction', () => {
    expect(column(columns, 'news')?.items.map((i) => [itemTitle(i), i.kind === 'article' ? i.date : ''])).toEqual([
      [expect.stringContaining('满100元送10元代金券'), '2026-12-15'],
    ]);
    const intro = JSON.stringify(column(columns, 'intro')?.body);
    expect(intro).toContain('2018年6月8日');
    expect(intro).not.toContain('代金券');
  });
});

describe('a photo of a room named like several services', () => {
  it('goes to the gallery as a place, not to the tray', () => {
    const item = (name: string) => ({ kind: 'product', id: name, name, description: [], images: [] });
    const content = {
      columns: [
        { id: 'p', type: 'products', title: '服务', order: 1, channels: {}, body: [], items: [item('亲子阅读指导'), item('成人阅读指导')] },
        { id: 'i', type: 'intro', title: '简介', order: 0, channels: {}, body: [], items: [] },
      ],
      profile: {},
      unsorted: [],
    } as unknown as SiteContent;
    const photo: ParsedPhoto = {
      file: '阅读指导室.jpg',
      image: {
        sha256: 'r',
        size: 1,
        mime: 'image/jpeg',
        width: 10,
        height: 10,
        hasAlpha: false,
        sourceFormat: 'jpeg',
      } as ParsedPhoto['image'],
      look: { logoShape: false, pageLike: false, boardLike: false },
    };
    placePhotos(content, [photo], { newId: env.newId, guess: () => undefined });
    expect(content.unsorted).toEqual([]);
    expect(JSON.stringify(content.columns)).toContain('"sha256":"r"');
    expect(content.columns.flatMap((c) => c.items).every((i) => (i as Product).images.length === 0)).toBe(true);
  });
});
