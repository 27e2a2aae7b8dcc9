/**
 * Shapes of customer material the held-out round 9 showed the importer did not read (issue 9): a
 * bold name over a paragraph that is only its price, dot-leader price lines under 一、/二、 category
 * lines, a jobs table under a merged title row, course prices in Chinese numerals and 1.2w, a
 * 【tag】 and a date before a news title, numbered product photos, QR codes, a notes sheet, phones
 * after labels like 座机. The text is made up for the tests.
 */
import { describe, expect, it } from 'vitest';
import { isContactLine, parseContact } from '../../../electron/backend/domains/intake/contact';
import type { ParsedPhoto } from '../../../electron/backend/domains/intake/importMaterials';
import { postLine } from '../../../electron/backend/domains/intake/lineItems';
import { folderHint, isPlaceName, isQrCodeName } from '../../../electron/backend/domains/intake/photos';
import { placePhotos } from '../../../electron/backend/domains/intake/placePhotos';
import { sheetBlocks, type Sheet } from '../../../electron/backend/domains/intake/spreadsheet';
import { shortNameOf } from '../../../electron/backend/domains/sites/defaults';
import { textOf, type SourceBlock } from '../../../electron/backend/domains/intake/htmlToBlocks';
import { readPdf } from '../../../electron/backend/domains/intake/pdf';
import { structureDocument } from '../../../electron/backend/domains/intake/structure';
import { itemTitle, type Column, type Item, type SiteContent } from '../../../shared/sites/model';
import { isMarkedPrice, parsePrice } from '../../../shared/sites/price';
import { simplePdf } from '../../helpers/pdf';

let counter = 0;
const env = { newId: () => `id-${++counter}` };
const TODAY = '2026-12-01';
const column = (columns: Column[], type: string) => columns.find((c) => c.type === type);
const titles = (columns: Column[], type: string) => column(columns, type)?.items.map(itemTitle) ?? [];
const para = (text: string): SourceBlock => ({ type: 'paragraph', runs: [{ text }] });
const cells = (rows: string[][]): SourceBlock => ({ type: 'table', header: false, rows: rows.map((r) => r.map((text) => [{ text }])) });
const heading = (text: string, level = 1): SourceBlock => ({ type: 'heading', level, runs: [{ text, strong: true }] });

describe('a bold name over a paragraph that is only its price', () => {
  it('makes each such sub-heading under a services heading a priced item', () => {
    const blocks = [
      heading('服务项目'),
      heading('上门保洁', 2),
      para('￥ 260 / 次'),
      para('两人上门，自带工具。'),
      heading('地毯清洗', 2),
      para('￥ 30 - 50'),
      para('按面积计价。'),
      heading('整屋开荒', 2),
      para('面议'),
      heading('最新消息'),
      para('2026年5月1日 五一期间照常营业。'),
    ];
    const result = structureDocument(blocks, 'a.docx', env, { today: TODAY });
    expect(titles(result.columns, 'products')).toEqual(['上门保洁', '地毯清洗', '整屋开荒']);
    const items = column(result.columns, 'products')!.items;
    expect(items[0]).toMatchObject({ price: { kind: 'amount', fen: 26000, unit: '次' } });
    expect(items[1]).toMatchObject({ price: { kind: 'amount', fen: 3000, maxFen: 5000 } });
    expect(items[2]).toMatchObject({ price: { kind: 'negotiable' } });
  });

  it('leaves articles under a services heading articles when their text names no price', () => {
    const blocks = [
      heading('服务项目'),
      heading('上门保洁', 2),
      para('两人上门，自带工具。'),
      heading('地毯清洗', 2),
      para('按面积计价。'),
    ];
    const result = structureDocument(blocks, 'a.docx', env, { today: TODAY });
    expect(column(result.columns, 'services')!.items.map((i) => i.kind)).toEqual(['article', 'article']);
  });
});

describe('dot-leader price lines', () => {
  it('keeps each leader line of a PDF a line of its own, even when it runs to the margin', async () => {
    const dots = '.'.repeat(80);
    const pdf = simplePdf([`Pump A ${dots} 2,680`, `Pump B ${dots} 3,280`, `Valve ${dots} 120`]);
    const { blocks } = await readPdf(pdf, async () => undefined);
    const texts = blocks.filter((b) => b.type === 'paragraph').map((b) => textOf(b).replace(/\.{4,}/, '…'));
    expect(texts).toEqual(['Pump A … 2,680', 'Pump B … 3,280', 'Valve … 120']);
  });

  it('reads a long leader line under 一、/二、 category lines as a priced product', () => {
    const dots = '.'.repeat(90);
    const result = structureDocument(
      [
        heading('产品价格'),
        heading('一、整机', 2),
        para(`节能热泵 200L${dots}￥5,680`),
        para(`节能热泵 300L${dots}￥6,800起`),
        heading('二、配件', 2),
        para(`温控器${'…'.repeat(30)}￥95`),
      ],
      'a.docx',
      env,
      { today: TODAY },
    );
    expect(titles(result.columns, 'products')).toHaveLength(3);
    const items = column(result.columns, 'products')!.items;
    expect(items.map((i) => (i.kind === 'product' ? i.price : undefined))).toEqual([
      { kind: 'amount', fen: 568000 },
      { kind: 'amount', fen: 680000, from: true },
      { kind: 'amount', fen: 9500 },
    ]);
  });
});

describe('a jobs table under a caption row merged across', () => {
  it('goes to a jobs column even under a products heading', () => {
    const result = structureDocument(
      [
        heading('套餐价格'),
        cells([
          ['名称', '价格'],
          ['午市套餐', '¥88'],
          ['晚市套餐', '¥128'],
        ]),
        cells([['诚聘英才'], ['岗位', '人数', '工资'], ['传菜员', '3', '3800元'], ['厨师', '1', '面议']]),
      ],
      'a.docx',
      env,
      { today: TODAY },
    );
    expect(titles(result.columns, 'products')).toEqual(['午市套餐', '晚市套餐']);
    expect(titles(result.columns, 'jobs')).toEqual(['传菜员', '厨师']);
  });

  it('leaves a caption naming the column it stands in as it was', () => {
    const result = structureDocument(
      [heading('产品价格'), cells([['产品价格一览'], ['名称', '价格'], ['甲', '¥8'], ['乙', '¥9']])],
      'a.docx',
      env,
      { today: TODAY },
    );
    expect(result.columns.map((c) => c.type)).toEqual(['products']);
  });
});

describe('course prices as people write them', () => {
  it('reads "name：what it is，price（remark）" lines and prices in Chinese numerals or with w', () => {
    const result = structureDocument(
      [heading('课程'), para('少儿美术：5-8岁，小班，三千二/学期（16节）'), para('成人素描：零基础，150元/节'), para('书法集训 ￥1.5w')],
      'a.docx',
      env,
      { today: TODAY },
    );
    expect(titles(result.columns, 'products')).toEqual(['少儿美术', '成人素描', '书法集训']);
    const items = column(result.columns, 'products')!.items;
    expect(items.map((i) => (i.kind === 'product' ? i.price : undefined))).toEqual([
      { kind: 'amount', fen: 320000, unit: '学期' },
      { kind: 'amount', fen: 15000, unit: '节' },
      { kind: 'amount', fen: 1500000 },
    ]);
  });

  it('parses amounts said in Chinese numerals, and nothing else that merely holds a numeral', () => {
    expect(parsePrice('两千八')).toEqual({ kind: 'amount', fen: 280000 });
    expect(parsePrice('一万二')).toEqual({ kind: 'amount', fen: 1200000 });
    expect(parsePrice('五百八/桌')).toEqual({ kind: 'amount', fen: 58000, unit: '桌' });
    expect(parsePrice('一千零五十元')).toEqual({ kind: 'amount', fen: 105000 });
    expect(parsePrice('三千元起')).toEqual({ kind: 'amount', fen: 300000, from: true });
    expect(parsePrice('二手')).toBeUndefined();
    expect(parsePrice('八折')).toBeUndefined();
    expect(parsePrice('两')).toBeUndefined();
    expect(isMarkedPrice('1.2w')).toBe(false); // "5W" may be watts: w counts only after ¥
  });
});

describe('news lines with a tag and a date in front', () => {
  it('takes 【tag】 and the date out of the title and keeps the date', () => {
    const result = structureDocument(
      [
        heading('新闻动态'),
        para('【企业新闻】2026年10月8日 我厂新建的烘干车间正式投产，日产能翻番。'),
        para('【企业新闻】2026年9月2日 通过质量体系复审。'),
      ],
      'a.docx',
      env,
      { today: TODAY },
    );
    const items = column(result.columns, 'news')!.items;
    expect(items.map(itemTitle)).toEqual(['我厂新建的烘干车间正式投产', '通过质量体系复审']);
    expect(items.map((i) => (i.kind === 'article' ? i.date : undefined))).toEqual(['2026-10-08', '2026-09-02']);
  });
});

describe('photos: numbered like the products, QR codes, place folders', () => {
  const photo = (file: string, sha256: string): ParsedPhoto => ({
    file,
    image: { sha256, size: 1, mime: 'image/jpeg', width: 10, height: 10, hasAlpha: false, sourceFormat: 'jpeg' } as ParsedPhoto['image'],
    look: { logoShape: false, pageLike: false, boardLike: false },
  });
  const product = (name: string): Item => ({ kind: 'product', id: env.newId(), name, description: [], images: [] });
  const site = (names: string[]) =>
    ({
      columns: [{ id: 'p', type: 'products', title: '产品', order: 1, channels: {}, body: [], items: names.map(product) }],
      profile: {},
      unsorted: [],
    }) as unknown as SiteContent;
  const pictures = (content: SiteContent) =>
    content.columns[0]!.items.map((i) => (i.kind === 'product' ? i.images.map((p) => p.fileName) : []));
  const noGuess = { newId: env.newId, guess: () => undefined };

  it('gives 产品1 … 产品N to the N products in list order', () => {
    const content = site(['保温杯', '水壶', '饭盒']);
    placePhotos(content, [photo('产品3.jpg', 'c'), photo('产品1.jpg', 'a'), photo('产品2.jpg', 'b')], noGuess);
    expect(pictures(content)).toEqual([['产品1.jpg'], ['产品2.jpg'], ['产品3.jpg']]);
  });

  it('leaves numbered photos in the tray when their count differs from the products', () => {
    const content = site(['保温杯', '水壶', '饭盒']);
    placePhotos(content, [photo('产品1.jpg', 'a'), photo('产品2.jpg', 'b')], noGuess);
    expect(pictures(content)).toEqual([[], [], []]);
    expect(content.unsorted.flatMap((u) => u.images.map((i) => i.fileName))).toEqual(['产品1.jpg', '产品2.jpg']);
  });

  it('puts camera-named photos in a folder named like a place in the gallery', () => {
    const content = site(['保温杯']);
    placePhotos(content, [photo('茶园/IMG_0001.JPG', 'a')], noGuess);
    const intro = content.columns.find((c) => c.type === 'intro');
    expect(intro?.body.map((b) => (b.type === 'image' ? b.image.fileName : ''))).toEqual(['IMG_0001.JPG']);
    expect(folderHint('茶园/IMG_0001.JPG')).toBe('places');
    expect(folderHint('厂区照片/IMG_0002.JPG')).toBe('places'); // by its word 厂区, as before
    expect(folderHint('园中照片/IMG_0003.JPG')).toBeUndefined();
    expect(isPlaceName('钢琴房.jpg')).toBe(true);
  });

  it('knows QR codes by name', () => {
    expect(['公众号二维码.png', 'QR.jpg', 'qr_code.png', '收款码.jpg'].map(isQrCodeName)).toEqual([true, true, true, true]);
    expect(['QRT-200水泵.jpg', '门店.jpg'].map(isQrCodeName)).toEqual([false, false]);
  });
});

describe('notes and contacts', () => {
  it('reads a one-column sheet as text, and a 说明 sub-heading in a price list as notes with the contact', async () => {
    const blocks = sheetBlocks([
      {
        name: '价格',
        rows: [
          ['名称', '价格'],
          ['甲款', '120'],
          ['乙款', '150'],
        ],
      },
      { name: '说明', rows: [['1. 价格含税。'], ['地址：青岛市崂山区海尔路1号'], ['电话：0532-88001234']] },
    ] as Sheet[]);
    expect(blocks.filter((b) => b.type === 'table')).toHaveLength(1);
    const result = structureDocument(blocks, '价目表.xlsx', env, {
      today: TODAY,
      fileColumn: { type: 'products', keyword: '价目', from: '价目表' },
    });
    expect(titles(result.columns, 'products')).toEqual(['甲款', '乙款']);
    expect(parseContact(result.contactLines)).toMatchObject({ address: '青岛市崂山区海尔路1号', phones: [{ number: '0532-88001234' }] });
  });

  it('keeps contact lines of one field each when they stand together outside a contact column', () => {
    const result = structureDocument(
      [heading('本店须知'), para('地址：青岛市崂山区海尔路1号'), para('座机：0532-88001234')],
      'a.docx',
      env,
      {
        today: TODAY,
      },
    );
    expect(parseContact(result.contactLines)?.phones).toEqual([{ label: '座机', number: '0532-88001234' }]);
  });

  it('reads the person after 经理：/联系： with a number, or a title and a number without a label', () => {
    expect(parseContact(['经理：周建国13912345678'])).toMatchObject({
      person: '周建国',
      phones: [{ label: '手机', number: '13912345678' }],
    });
    expect(parseContact(['联系：钱经理 13912345678 / 0531-86001234'])).toMatchObject({
      person: '钱经理',
      phones: [
        { label: '手机', number: '13912345678' },
        { label: '电话', number: '0531-86001234' },
      ],
    });
    expect(parseContact(['孙经理 13912345678', '订餐热线：0531-86001234'])?.person).toBe('孙经理');
    expect(parseContact(['电话：0531-86001234（前台） 13912345678（吴老师）'])?.person).toBe('吴老师');
    expect(isContactLine('经理：1名，月薪6000元')).toBe(false);
    expect(isContactLine('总经理：张三')).toBe(false);
  });
});

describe('more prices, posts and short names', () => {
  it('reads the price paid after a discount, a unit written first, and 急购 posts', () => {
    expect(parsePrice('9折后 ¥450')).toEqual({ kind: 'amount', fen: 45000 });
    expect(parsePrice('每平方米2.5元')).toEqual({ kind: 'amount', fen: 250, unit: '平方米' });
    expect(parsePrice('每晚288元')).toEqual({ kind: 'amount', fen: 28800, unit: '晚' });
    expect(postLine('急购：旧钢管100根，价格好商量')).toMatchObject({ postKind: 'demand', title: '旧钢管100根' });
  });

  it('cuts the region longest first and shortens 量贩式KTV and 经销部', () => {
    const region = { province: '山东省', city: '泰安市', district: '泰山区' };
    expect(shortNameOf('泰安市泰山区百乐量贩式KTV', region)).toBe('百乐KTV');
    expect(shortNameOf('泰安市泰山区宏达五金经销部', region)).toBe('宏达五金');
  });
});
