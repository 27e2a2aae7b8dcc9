/**
 * Shapes of tables, spreadsheets, slides and PDFs the held-out round 10 showed the importer did not
 * read (issue 9): an ERP export with a 规格型号 column of model codes, a stock export keyed by 商品编号
 * with hidden cost columns, … The text is made up for the tests.
 */
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { ParsedPhoto } from '../../../electron/backend/domains/intake/importMaterials';
import { placePhotos } from '../../../electron/backend/domains/intake/placePhotos';
import { parseContact } from '../../../electron/backend/domains/intake/contact';
import { linesToBlocks } from '../../../electron/backend/domains/intake/lines';
import { readPdf } from '../../../electron/backend/domains/intake/pdf';
import { textOf } from '../../../electron/backend/domains/intake/htmlToBlocks';
import { sameProduct } from '../../../electron/backend/domains/intake/sameItems';
import { sheetBlocks, readXlsx, type Sheet } from '../../../electron/backend/domains/intake/spreadsheet';
import { structureDocument } from '../../../electron/backend/domains/intake/structure';
import { itemTitle, type Column, type Item, type SiteContent } from '../../../shared/sites/model';
import { helveticaPdf } from '../../helpers/pdf';

let counter = 0;
const env = { newId: () => `id-${++counter}` };
const TODAY = '2026-12-01';
const column = (columns: Column[], type: string) => columns.find((c) => c.type === type);
const titles = (columns: Column[], type: string) => column(columns, type)?.items.map(itemTitle) ?? [];
const items = (columns: Column[], type: string): Item[] => column(columns, type)?.items ?? [];
const PRICE_LIST = { type: 'products' as const, keyword: '价格', from: '价格表' };

const sheetItems = (rows: string[][]) =>
  structureDocument(sheetBlocks([{ name: 'Sheet1', rows }] as Sheet[]), '价格表.xlsx', env, { today: TODAY, fileColumn: PRICE_LIST })
    .columns;

describe('ERP and stock exports', () => {
  it('takes the name from 商品名称, not from a 商品编号 code column', () => {
    const columns = sheetItems([
      ['序号', '商品编号', '商品名称', '单位', '零售价'],
      ['1', 'QX-001', '不锈钢水槽', '个', '460'],
      ['2', 'QX-002', '陶瓷面盆', '个', '320'],
    ]);
    expect(titles(columns, 'products')).toEqual(['不锈钢水槽', '陶瓷面盆']);
  });

  it('keeps cost prices, the stock held and the supplier out of the items', () => {
    const columns = sheetItems([
      ['品名', '单位', '进价', '库存数量', '零售价', '供应商'],
      ['松木板', '张', '41', '300', '65', '东北林场'],
      ['杉木方', '根', '12', '800', '18', '福建林场'],
    ]);
    const [first] = items(columns, 'products');
    expect(first).toMatchObject({ name: '松木板', price: { kind: 'amount', fen: 6500, unit: '张' } });
    expect(JSON.stringify(first)).not.toMatch(/41|300|东北林场/);
  });

  it('reads a 规格型号 column of model codes as models, one of sizes and types as a spec', () => {
    const quote = sheetItems([
      ['物料名称', '规格型号', '单位', '含税单价'],
      ['冲压模具', 'CY-1001', '套', '52000'],
      ['吹塑模具', 'ZZQ-80', '套', '61000'],
      ['审核：', '批准：', '', ''],
    ]);
    expect(titles(quote, 'products')).toEqual(['冲压模具 CY-1001', '吹塑模具 ZZQ-80']);
    expect(items(quote, 'products')[0]).toMatchObject({ model: 'CY-1001' });
    const shop = sheetItems([
      ['商品名称', '规格型号', '单位', '销售价'],
      ['膨胀螺栓', 'M10×80', '盒', '32'],
      ['切割片', '105型', '片', '3.5'],
    ]);
    expect(titles(shop, 'products')).toEqual(['膨胀螺栓', '切割片']);
  });

  it('leaves out the columns and rows the customer hid in the workbook', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('库存');
    sheet.addRows([
      ['品名', '成交价', '零售价'],
      ['青砖', '0.6', '0.9'],
      ['旧样品', '1', '2'],
    ]);
    sheet.getColumn(2).hidden = true;
    sheet.getRow(3).hidden = true;
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
    const [read] = await readXlsx(bytes);
    expect(read!.rows).toEqual([
      ['品名', '', '零售价'],
      ['青砖', '', '0.9'],
    ]);
  });
});

describe('jobs and contacts in a brochure', () => {
  const heading = (text: string) => ({ type: 'heading' as const, level: 1, runs: [{ text, strong: true }] });
  const para = (text: string) => ({ type: 'paragraph' as const, runs: [{ text }] });

  it('gives each position of one sentence the clauses that speak of it', () => {
    const result = structureDocument(
      [
        heading('人才招聘'),
        para(
          '为扩大生产，本厂现招聘数控车工2名、UG绘图员1名、仓管3名。车工、绘图员要求两年以上经验，月薪7000-9000元；仓管包吃住，月薪4500元。欢迎来电。',
        ),
      ],
      'a.docx',
      env,
      { today: TODAY },
    );
    expect(items(result.columns, 'jobs').map((j) => j.kind === 'job' && [j.title, j.headcount, j.pay])).toEqual([
      ['数控车工', 2, '月薪7000-9000元'],
      ['UG绘图员', 1, '月薪7000-9000元'],
      ['仓管', 3, '月薪4500元'],
    ]);
  });

  it('does not take the end of an address for a word of the phone label after it', () => {
    expect(parseContact(['地址：宁波市北仑区新碶街道明州路66号电话：0574-86801234'])).toMatchObject({
      address: '宁波市北仑区新碶街道明州路66号',
      phones: [{ number: '0574-86801234' }],
    });
    expect(parseContact(['订房电话：0574-86801235'])?.phones).toEqual([{ label: '订房电话', number: '0574-86801235' }]);
  });

  it('reads a text whose contact lines lack colons line by line, its tagged posts included', () => {
    const lines = [
      '青山石材厂 专做路沿石 石雕',
      '',
      '常年收购：废旧石料',
      '现货供应：青石板3cm 600平，可送货',
      '',
      '电话同微信 13912345678 王厂长',
      '地址 平邑县石材园区6号',
    ];
    const result = structureDocument(linesToBlocks(lines.map((text) => ({ text }))), 'a.txt', env, { today: TODAY });
    expect(items(result.columns, 'supply').map((p) => p.kind === 'post' && [p.title, p.postKind])).toEqual([
      ['废旧石料', 'demand'],
      ['青石板3cm 600平', 'supply'],
    ]);
    expect(parseContact(result.contactLines)).toMatchObject({
      address: '平邑县石材园区6号',
      person: '王厂长',
      phones: [{ number: '13912345678' }],
    });
  });
});

describe('a deck of one thing a slide', () => {
  const heading = (text: string, level = 1) => ({ type: 'heading' as const, level, runs: [{ text }] });
  const para = (text: string) => ({ type: 'paragraph' as const, runs: [{ text }] });

  it('makes slides titled like no column, each with its price, products', () => {
    const blocks = [
      heading('宏达农机行'),
      para('二手农机推荐'),
      heading('2020年 东方红LX904拖拉机'),
      para('使用时长：1200小时'),
      para('一口价 8.5万'),
      heading('2019年 雷沃谷神收割机'),
      para('原车原漆'),
      para('12.8万（可分期）'),
      heading('2021年 久保田插秧机'),
      para('售价：4.2万'),
      heading('联系我们'),
      para('电话：0536-8001234'),
    ];
    const result = structureDocument(blocks, 'a.pptx', env, { today: TODAY });
    expect(items(result.columns, 'products').map((p) => p.kind === 'product' && [p.name, p.price])).toEqual([
      ['2020年 东方红LX904拖拉机', { kind: 'amount', fen: 8500000 }],
      ['2019年 雷沃谷神收割机', { kind: 'amount', fen: 12800000 }],
      ['2021年 久保田插秧机', { kind: 'amount', fen: 4200000 }],
    ]);
  });

  it('leaves a lone priced section in the tray', () => {
    const blocks = [heading('关于我们'), para('本店成立于2010年。'), heading('店庆'), heading('旧机回收'), para('价格：面议')];
    expect(items(structureDocument(blocks, 'a.pptx', env, { today: TODAY }).columns, 'products')).toEqual([]);
  });

  it('makes a sub-heading in the introduction over a buying offer a demand post', () => {
    const blocks = [
      heading('公司简介'),
      para('本行成立于2012年，专营二手农机。'),
      heading('高价收机', 2),
      para('常年高价收购各类二手拖拉机，上门评估'),
      para('手续不全勿扰'),
    ];
    const result = structureDocument(blocks, 'a.pptx', env, { today: TODAY });
    expect(items(result.columns, 'supply').map((p) => p.kind === 'post' && [p.title, p.postKind])).toEqual([
      ['常年高价收购各类二手拖拉机', 'demand'],
    ]);
    expect(JSON.stringify(column(result.columns, 'intro')!.body)).not.toContain('收购');
  });

  it('takes the person after 销售顾问', () => {
    expect(parseContact(['销售顾问：小刘 13912345678'])?.person).toBe('小刘');
  });
});

const runsPdf = (lines: [number, string][][]) => helveticaPdf(lines, { width: 960, height: 540, top: 500 });

describe('a PDF of slides', () => {
  it('keeps short lines apart when only the longest reaches its right edge', async () => {
    const pdf = runsPdf([
      [[50, 'Baby class 6 months to 3 years 12 lessons 1280']],
      [[50, 'Kids class 4-6 years 1560']],
      [[50, 'Private 260']],
    ]);
    const { blocks } = await readPdf(pdf, async () => undefined);
    expect(blocks.map((b) => textOf(b))).toEqual([
      'Baby class 6 months to 3 years 12 lessons 1280',
      'Kids class 4-6 years 1560',
      'Private 260',
    ]);
  });

  it('still joins prose wrapped at a margin that several lines reach', async () => {
    const long = 'word '.repeat(20).trim();
    const pdf = runsPdf([[[50, long]], [[50, long]], [[50, 'end.']]]);
    const { blocks } = await readPdf(pdf, async () => undefined);
    expect(blocks.filter((b) => b.type === 'paragraph')).toHaveLength(1);
  });

  it('reads a position with its headcount and pay as a job, not as a heading, at the end of a page', () => {
    const lines = ['诚聘', '', '救生员 2名 持证上岗', '保洁员 1名 月薪3000元', ''];
    const result = structureDocument(linesToBlocks(lines.map((text) => ({ text }))), 'a.pdf', env, { today: TODAY });
    expect(items(result.columns, 'jobs').map((j) => j.kind === 'job' && [j.title, j.headcount, j.pay])).toEqual([
      ['救生员', 2, ''],
      ['保洁员', 1, '月薪3000元'],
    ]);
  });
});

describe('a two-column table without header: name | a sentence with the price inside', () => {
  it('takes each row for a product, its price from the sentence, the sentence as its description', () => {
    const table = {
      type: 'table' as const,
      header: false,
      rows: [
        ['白板笔', '黑蓝红三色，10支一盒，零售价每盒18元'],
        ['文件夹', 'A4，蓝色，20个一包，一包56元，量大可议'],
        ['打孔机', '双孔，可打10页，每台25元'],
        ['定制笔记本', '可印企业标志，价格面议'],
      ].map((row) => row.map((text) => [{ text }])),
    };
    const result = structureDocument([{ type: 'heading', level: 1, runs: [{ text: '主营产品' }] }, table], 'a.docx', env, { today: TODAY });
    expect(items(result.columns, 'products').map((p) => p.kind === 'product' && [p.name, p.price])).toEqual([
      ['白板笔', { kind: 'amount', fen: 1800, unit: '盒' }],
      ['文件夹', { kind: 'amount', fen: 5600, unit: '包' }],
      ['打孔机', { kind: 'amount', fen: 2500, unit: '台' }],
      ['定制笔记本', { kind: 'negotiable' }],
    ]);
    expect(JSON.stringify(items(result.columns, 'products')[0])).toContain('10支一盒');
  });
});

describe('a bathhouse price table and its folder of photos', () => {
  it('takes the price everybody pays of several in one cell, and counts 男女各2名 as four', () => {
    const prices = sheetItems([
      ['项目', '价格'],
      ['温泉票', '会员价68 原价98'],
      ['单人汗蒸', '原价60 现价45'],
      ['按摩', '128元/钟'],
    ]);
    expect(items(prices, 'products').map((p) => p.kind === 'product' && p.price)).toEqual([
      { kind: 'amount', fen: 9800 },
      { kind: 'amount', fen: 4500 },
      { kind: 'amount', fen: 12800, unit: '钟' },
    ]);
    expect(JSON.stringify(items(prices, 'products')[0])).toContain('会员价68');
    const jobs = structureDocument(
      sheetBlocks([
        {
          name: '招聘',
          rows: [
            ['岗位', '人数', '待遇'],
            ['服务员', '男女各3名', '3500元/月'],
            ['收银', '1名', '3200元/月'],
          ],
        },
      ]),
      '招聘.xlsx',
      env,
      { today: TODAY, fileColumn: { type: 'jobs', keyword: '招聘', from: '招聘' } },
    ).columns;
    expect(items(jobs, 'jobs').map((j) => j.kind === 'job' && j.headcount)).toEqual([6, 1]);
  });

  it('names the person after a duty title such as 值班经理：', () => {
    expect(parseContact(['前台电话：0533-3001234　值班经理：钱经理 13912345678'])).toMatchObject({
      person: '钱经理',
      phones: [{ number: '0533-3001234' }, { number: '13912345678' }],
    });
  });

  it('takes a photo sorted in with photos of places for a place', () => {
    const photo = (file: string, sha256: string): ParsedPhoto => ({
      file,
      image: { sha256, size: 1, mime: 'image/jpeg', width: 10, height: 10, hasAlpha: false, sourceFormat: 'jpeg' } as ParsedPhoto['image'],
      look: { logoShape: false, pageLike: false, boardLike: false },
    });
    const content = {
      columns: [{ id: 'i', type: 'intro', title: '简介', order: 0, channels: {}, body: [], items: [] }],
      profile: {},
      unsorted: [],
    } as unknown as SiteContent;
    placePhotos(
      content,
      [
        photo('资料/照片/门头.jpg', 'a'),
        photo('资料/照片/大堂.jpg', 'b'),
        photo('资料/照片/热水池.jpg', 'c'),
        photo('资料/照片/IMG_20261001_101010.jpg', 'e'),
        photo('IMG_0001.jpg', 'd'),
      ],
      {
        newId: env.newId,
        guess: () => undefined,
      },
    );
    const gallery = content.columns[0]!.body.flatMap((b) => (b.type === 'image' ? [b.image.sha256] : []));
    expect(gallery).toEqual(['a', 'b', 'c']);
    expect(content.unsorted.flatMap((u) => u.images.map((i) => i.sha256)).sort()).toEqual(['d', 'e']);
  });
});

describe('the same products in a Word list and a spreadsheet', () => {
  const product = (name: string, fen: number, more: Partial<Item> = {}): Item =>
    ({ kind: 'product', id: name, name, price: { kind: 'amount', fen }, description: [], images: [], ...more }) as Item;

  it('names a row of a brand and pattern table by its brand and pattern', () => {
    const columns = sheetItems([
      ['品牌', '规格', '花纹', '价格(元/条)', '库存'],
      ['韩泰', '195/60R15', 'K415', '420', '9'],
      ['倍耐力', '225/45R17', 'P7', '860', '4'],
    ]);
    expect(items(columns, 'products').map((p) => p.kind === 'product' && [p.name, p.spec, p.price])).toEqual([
      ['韩泰 K415', '195/60R15', { kind: 'amount', fen: 42000, unit: '条' }],
      ['倍耐力 P7', '225/45R17', { kind: 'amount', fen: 86000, unit: '条' }],
    ]);
  });

  it('knows a row whose every part stands in a listed name at the same price for the same product', () => {
    const listed = product('韩泰K415（195/60R15）', 42000);
    expect(sameProduct(listed, product('韩泰 K415', 42000, { model: 'K415', spec: '195/60R15' }))).toBe(true);
    expect(sameProduct(product('紫檀木梳', 9800), product('紫檀 木梳', 9800))).toBe(true);
    expect(sameProduct(listed, product('韩泰 K415', 45000, { spec: '195/60R15' }))).toBe(false);
    expect(sameProduct(listed, product('韩泰 K415', 42000, { spec: '205/55R16' }))).toBe(false);
    expect(sameProduct(product('洋槐蜜', 6800), product('洋槐蜜礼盒', 6800))).toBe(false);
  });
});
