/**
 * Shapes of customer material the held-out round 13 showed the importer did not read (issue 9): a PDF price table
 * whose column gap looks like a gutter, names wrapped in their cells; 角/毛/块 amounts; a title over sub-headings that
 * name other columns; questions and answers (问：/答：) holding the prices; a caption list beside camera-named photos;
 * category rows, and two tables side by side on a sheet. The text is made up for the tests.
 */
import { describe, expect, it } from 'vitest';
import { captionList, matchCaption } from '../../../electron/backend/domains/intake/captions';
import { parseContact } from '../../../electron/backend/domains/intake/contact';
import { readFaq, sortAnswer } from '../../../electron/backend/domains/intake/faq';
import type { SourceBlock } from '../../../electron/backend/domains/intake/htmlToBlocks';
import type { ParsedPhoto } from '../../../electron/backend/domains/intake/importMaterials';
import { readPdf } from '../../../electron/backend/domains/intake/pdf';
import { isLicenceName, isPlaceName } from '../../../electron/backend/domains/intake/photos';
import { placePhotos } from '../../../electron/backend/domains/intake/placePhotos';
import { sheetBlocks, type Sheet } from '../../../electron/backend/domains/intake/spreadsheet';
import { structureDocument, textToBlocks } from '../../../electron/backend/domains/intake/structure';
import { parsePrice } from '../../../shared/sites/price';
import { itemTitle, runsText, type Column, type Product, type SiteContent } from '../../../shared/sites/model';
import { helveticaPdf } from '../../helpers/pdf';

let counter = 0;
const env = { newId: () => `id-${++counter}` };
const TODAY = '2026-12-01';
const column = (columns: Column[], type: string) => columns.find((c) => c.type === type);
const titles = (columns: Column[], type: string) => column(columns, type)?.items.map(itemTitle) ?? [];
const products = (columns: Column[]) => (column(columns, 'products')?.items ?? []) as Product[];
const cells = (rows: string[][]): SourceBlock => ({ type: 'table', header: false, rows: rows.map((r) => r.map((text) => [{ text }])) });
const heading = (text: string, level: number): SourceBlock => ({ type: 'heading', level, runs: [{ text }] });
const paragraph = (text: string): SourceBlock => ({ type: 'paragraph', runs: [{ text }] });
const PRICE_LIST = { type: 'products' as const, keyword: '价格', from: '价格表' };

describe('a PDF price table whose gap between two columns looks like a gutter', () => {
  const row = (a: string, b: string, c: string, d: string): [number, string][] => [
    [50, a],
    [170, b],
    [330, c],
    [450, d],
  ];
  const pdf = helveticaPdf([
    [[200, 'Lakeside Tackle']],
    [[50, 'We sell rods, reels, lines and bait for every kind of fishing by the lake, open all year.']],
    [[50, 'Members pay the lower price: ask at the counter for a card.']],
    row('Item', 'Unit', 'Retail', 'Member'),
    row('Telescopic rods 4.5', 'pc', '168.00', '148.00'),
    [[50, 'metres']],
    row('Spinning reel', 'pc', '260.00', '238.00'),
    row('Fine hooks [bulk', 'pack', '0.50', '0.50'),
    [[50, 'pack]']],
    row('Float', 'pc', '25.00', '20.00'),
    row('Bait', 'bag', '15.00', '13.00'),
    [[50, 'Prices may change.']],
  ]);

  it('reads one table, row by row: a name that fills its cell cut at the next column, a name wrapped in its cell joined', async () => {
    const { blocks } = await readPdf(pdf, async () => undefined);
    const table = blocks.find((b) => b.type === 'table');
    expect(table?.type === 'table' && table.rows.map((r) => r.map(runsText))).toEqual([
      ['Item', 'Unit', 'Retail', 'Member'],
      ['Telescopic rods 4.5 metres', 'pc', '168.00', '148.00'],
      ['Spinning reel', 'pc', '260.00', '238.00'],
      ['Fine hooks [bulk pack]', 'pack', '0.50', '0.50'],
      ['Float', 'pc', '25.00', '20.00'],
      ['Bait', 'bag', '15.00', '13.00'],
    ]);
    // The line under the table is text of its own, not the rest of the last row's name.
    expect(blocks.at(-1)).toEqual(paragraph('Prices may change.'));
  });
});

describe('prices in 角, 毛 and 块', () => {
  it.each([
    ['5角', { kind: 'amount', fen: 50 }],
    ['7角/斤', { kind: 'amount', fen: 70, unit: '斤' }],
    ['4角5/斤', { kind: 'amount', fen: 45, unit: '斤' }],
    ['2块3/斤', { kind: 'amount', fen: 230, unit: '斤' }],
    ['2毛/个', { kind: 'amount', fen: 20, unit: '个' }],
    ['3元5角', { kind: 'amount', fen: 350 }],
  ])('%s', (text, price) => expect(parsePrice(text)).toEqual(price));

  it('leaves a price for a quantity alone: 10元3斤 is three jin for ten yuan, not 10.3 yuan', () => {
    expect(parsePrice('10元3斤')).toBeUndefined();
  });
});

describe('price table cells', () => {
  it('reads a price with a promotion after it, keeps a length in the name, and still takes the price everyone pays', () => {
    const columns = structureDocument(
      [
        cells([
          ['品名', '单位', '价格'],
          ['野钓竿3.6米', '根', '98元'],
          ['颗粒饵料', '袋', '12元 买三送一'],
          ['温泉门票', '张', '会员价40 原价60'],
        ]),
      ],
      '价格表.docx',
      env,
      { today: TODAY, fileColumn: PRICE_LIST },
    ).columns;
    expect(products(columns).map((p) => [p.name, p.price])).toEqual([
      ['野钓竿3.6米', { kind: 'amount', fen: 9800, unit: '根' }],
      ['颗粒饵料', { kind: 'amount', fen: 1200, unit: '袋' }],
      ['温泉门票', { kind: 'amount', fen: 6000, unit: '张' }],
    ]);
    expect(products(columns)[1]!.description).toEqual([paragraph('买三送一')]);
  });
});

describe('a document title naming a column over sub-headings naming other columns', () => {
  it('makes the sub-headings columns of their own, the title the column of the text under it', () => {
    const columns = structureDocument(
      [
        heading('青松茶庄价目表', 1),
        paragraph('茶庄开在老街口，专营本地绿茶。'),
        cells([
          ['品名', '价格'],
          ['春茶', '120元/斤'],
          ['夏茶', '60元/斤'],
        ]),
        heading('茶庄消息', 2),
        paragraph('2026年4月 今年春茶上市。'),
        heading('联系我们', 2),
        paragraph('地址：某县老街9号'),
        paragraph('电话：0539-1234567'),
      ],
      '价目表.pdf',
      env,
      { today: TODAY },
    ).columns;
    expect(columns.map((c) => c.type)).toEqual(['products', 'news', 'contact']);
    expect(titles(columns, 'products')).toEqual(['春茶', '夏茶']);
    expect(titles(columns, 'news')).toEqual(['今年春茶上市']);
  });
});

describe('photo names and contact lines', () => {
  it('takes a shop entrance and a yard for places, a filing certificate for a licence', () => {
    expect(isPlaceName('茶庄门口.jpg')).toBe(true);
    expect(isPlaceName('后院子.jpg')).toBe(true);
    expect(isLicenceName('食品经营备案证.jpg')).toBe(true);
    expect(isLicenceName('民办学校登记证书.png')).toBe(true);
  });

  it('reads a title after a surname as the person, whom to ask for after 找, and a person beside a remark in brackets', () => {
    expect(parseContact(['联系人：钱院长 13912345678'])).toMatchObject({ person: '钱院长', phones: [{ number: '13912345678' }] });
    expect(parseContact(['手机13912345678找孙师傅'])?.person).toBe('孙师傅');
    expect(parseContact(['手机：13912345678（周队长，微信同号）'])?.person).toBe('周队长');
  });
});

describe('questions and answers', () => {
  const text = [
    '顺心保洁 常见问题',
    '问：你们是做什么的？',
    '答：我们是本地的顺心保洁服务部，做了8年，有12位固定阿姨。',
    '问：日常保洁怎么收费？',
    '答：日常保洁45元/小时，开荒保洁8元一平方，地毯清洗面议。3小时起做。',
    '问：擦玻璃呢？',
    '答：可以。擦玻璃5元/平方米（含窗框），高层外窗面议。',
    '问：最近有活动吗？',
    '答：有！新客户首单减30元，2026年12月1日开始，到月底结束。',
    '问：招人吗？',
    '答：长期招保洁员5名，能吃苦，日结200元；招钟点工2名，月薪4000元。',
    '问：怎么找你们？',
    '答：电话0537-7654321，手机13912345678找吴大姐，店在某市某区文化路18号。',
  ];

  it('sorts each answer by what it says: priced things, a dated promotion, positions, the contact, who the business is', () => {
    const result = structureDocument(textToBlocks(text), '常见问题.txt', env, { today: TODAY });
    expect(products(result.columns).map((p) => [p.name, p.price])).toEqual([
      ['日常保洁', { kind: 'amount', fen: 4500, unit: '小时' }],
      ['开荒保洁', { kind: 'amount', fen: 800, unit: '平方' }],
      ['地毯清洗', { kind: 'negotiable' }],
      ['擦玻璃', { kind: 'amount', fen: 500, unit: '平方米' }],
      ['高层外窗', { kind: 'negotiable' }],
    ]);
    expect(products(result.columns)[3]!.description).toEqual([paragraph('含窗框')]);
    expect(column(result.columns, 'news')?.items).toMatchObject([{ title: '新客户首单减30元', date: '2026-12-01' }]);
    expect(column(result.columns, 'jobs')?.items).toMatchObject([
      { title: '保洁员', headcount: 5, pay: '日结200元' },
      { title: '钟点工', headcount: 2, pay: '月薪4000元' },
    ]);
    expect(parseContact(result.contactLines)).toMatchObject({
      address: '某市某区文化路18号',
      person: '吴大姐',
      phones: [{ number: '0537-7654321' }, { number: '13912345678' }],
    });
    expect(column(result.columns, 'intro')?.body.map((b) => (b.type === 'paragraph' ? runsText(b.runs) : b.type))).toEqual([
      '我们是本地的顺心保洁服务部，做了8年，有12位固定阿姨。',
    ]);
    // What an answer says beside its prices waits in the tray with its question.
    const tray = result.unsorted.flatMap((u) => u.blocks.map((b) => (b.type === 'paragraph' ? runsText(b.runs) : '')));
    expect(tray).toContain('3小时起做。');
    expect(tray.some((t) => t.includes('45元'))).toBe(false);
  });

  it('takes no condition or discount for a priced thing, and needs three answered questions', () => {
    expect(sortAnswer('没电梯的3楼开始每层加20元，超出每公里加5元。', () => false).lines).toEqual([]);
    expect(readFaq(textToBlocks(['问：在哪？', '答：老街。', '问：几点开门？', '答：八点。']))).toBeUndefined();
  });
});

describe('a caption list beside camera-named photos', () => {
  const list = [
    '照片说明',
    'IMG_20260301_080000.jpg  刚到的一批红富士',
    'IMG_20260301_080100.jpg  我们的冷库',
    'IMG_20260301_080200.jpg：装车发货',
  ].join('\n');

  it('reads each line as a photo and what it shows', () => {
    expect(captionList(list, '资料/照片说明.txt')).toEqual({
      captions: [
        { photo: 'IMG_20260301_080000.jpg', caption: '刚到的一批红富士', from: '资料/照片说明.txt' },
        { photo: 'IMG_20260301_080100.jpg', caption: '我们的冷库', from: '资料/照片说明.txt' },
        { photo: 'IMG_20260301_080200.jpg', caption: '装车发货', from: '资料/照片说明.txt' },
      ],
      rest: ['照片说明'],
    });
    expect(captionList('IMG_1.jpg 门头\n公司成立于2010年。\n主营苹果。', 'a.txt')).toBeUndefined();
  });

  it('places a photo with the item its caption names, a described photo no item fits in the gallery, a tie in the tray', () => {
    const item = (name: string) => ({ kind: 'product', id: name, name, description: [], images: [] });
    const content = {
      columns: [
        {
          id: 'p',
          type: 'products',
          title: '产品',
          order: 1,
          channels: {},
          body: [],
          items: [item('红富士（一级果）'), item('红富士（二级果）'), item('嘎啦果')],
        },
      ],
      profile: {},
      unsorted: [],
    } as unknown as SiteContent;
    const photo = (file: string, sha256: string, caption: string): ParsedPhoto => ({
      file,
      image: { sha256, size: 1, mime: 'image/jpeg', width: 10, height: 10, hasAlpha: false, sourceFormat: 'jpeg' } as ParsedPhoto['image'],
      look: { logoShape: false, pageLike: false, boardLike: false },
      caption,
    });
    expect(matchCaption('刚到的一批嘎啦果', content.columns)).toMatchObject({ kind: 'item', item: { name: '嘎啦果' } });
    placePhotos(
      content,
      [photo('IMG_1.jpg', 'a', '刚到的一批嘎啦果'), photo('IMG_2.jpg', 'b', '我们的冷库'), photo('IMG_3.jpg', 'c', '红富士装箱')],
      { newId: env.newId, guess: () => undefined },
    );
    const products = content.columns.find((c) => c.type === 'products')!.items as Product[];
    expect(products[2]!.images).toMatchObject([{ sha256: 'a', alt: '刚到的一批嘎啦果' }]);
    const intro = content.columns.find((c) => c.type === 'intro')!;
    expect(intro.body).toMatchObject([{ type: 'image', image: { sha256: 'b', alt: '我们的冷库' } }]);
    // "红富士装箱" names both grades of 红富士: nothing decides, so it waits in the tray.
    expect(content.unsorted.flatMap((u) => u.images.map((i) => i.sha256))).toEqual(['c']);
  });
});

describe('sheets', () => {
  const sheetColumns = (rows: string[][]) =>
    structureDocument(sheetBlocks([{ name: 'Sheet1', rows }] as Sheet[]), '价格表.xlsx', env, { today: TODAY, fileColumn: PRICE_LIST });

  it('gives the rows under a category row that category, and makes no product of it', () => {
    const { columns } = sheetColumns([
      ['品名', '单位', '价格'],
      ['蔬菜'],
      ['土豆', '斤', '1.5'],
      ['白菜', '斤', '0.8'],
      ['水果'],
      ['苹果', '斤', '4'],
    ]);
    expect(products(columns).map((p) => [p.name, p.category])).toEqual([
      ['土豆', '蔬菜'],
      ['白菜', '蔬菜'],
      ['苹果', '水果'],
    ]);
  });

  it('keeps one table with an empty column whole (a hidden cost column, a total under it)', () => {
    const { columns } = sheetColumns([
      ['品名', '单位', '', '零售价'],
      ['青砖', '块', '', '0.9'],
      ['红砖', '块', '', '0.7'],
      ['合计', '', '', ''],
    ]);
    expect(products(columns).map((p) => [p.name, p.price])).toEqual([
      ['青砖', { kind: 'amount', fen: 90, unit: '块' }],
      ['红砖', { kind: 'amount', fen: 70, unit: '块' }],
    ]);
  });

  it('reads two tables side by side apart: the prices, and a table of contact labels and values as contact lines', () => {
    const result = sheetColumns([
      ['今日收购价', '', '', '', ''],
      ['品名', '价格', '', '联系方式', ''],
      ['废纸', '7角/斤', '', '地址', '某市某路3号'],
      ['废铁', '1块1/斤', '', '电话', '0533-1234567'],
      ['铜', '20元/斤', '', '营业时间', '早8点到晚5点'],
      ['塑料', '5毛/斤'],
      ['旧电视', '电议'],
      ['价格随行情变动，以当天为准。'],
    ]);
    expect(products(result.columns).map((p) => [p.name, p.price, p.spec])).toEqual([
      ['废纸', { kind: 'amount', fen: 70, unit: '斤' }, undefined],
      ['废铁', { kind: 'amount', fen: 110, unit: '斤' }, undefined],
      ['铜', { kind: 'amount', fen: 2000, unit: '斤' }, undefined],
      ['塑料', { kind: 'amount', fen: 50, unit: '斤' }, undefined],
      ['旧电视', { kind: 'negotiable', text: '电议' }, undefined],
    ]);
    expect(parseContact(result.contactLines)).toMatchObject({
      address: '某市某路3号',
      phones: [{ number: '0533-1234567' }],
      hours: '早8点到晚5点',
    });
    expect(column(result.columns, 'products')!.body.map((b) => (b.type === 'paragraph' ? runsText(b.runs) : ''))).toContain(
      '价格随行情变动，以当天为准。',
    );
  });
});
