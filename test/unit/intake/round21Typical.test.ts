/**
 * Shapes of typical customers' material the held-out round 21 showed the importer misread (issue 9): a Moments post
 * whose headline names its month and ends in a drawn-out "～" over a line that is only its dates, and a service
 * business's photos of finished jobs. The text is made up for the tests.
 */
import { describe, expect, it } from 'vitest';
import { scheduledStart } from '../../../electron/backend/domains/intake/eventNotices';
import type { ParsedPhoto } from '../../../electron/backend/domains/intake/importMaterials';
import { newsLine, productLine } from '../../../electron/backend/domains/intake/lineItems';
import { joinWrapped } from '../../../electron/backend/domains/intake/lines';
import { isPlaceName } from '../../../electron/backend/domains/intake/photos';
import { placePhotos } from '../../../electron/backend/domains/intake/placePhotos';
import { readPresentation } from '../../../electron/backend/domains/intake/presentation';
import { sheetBlocks } from '../../../electron/backend/domains/intake/spreadsheet';
import { structureDocument } from '../../../electron/backend/domains/intake/structure';
import { itemTitle, paragraph, type Column, type SiteContent } from '../../../shared/sites/model';
import { buildPptx } from '../../fixtures/materials/make/office';
import { env, structuredText, TODAY } from '../../helpers/structuredText';

const news = (columns: Column[]) => columns.find((c) => c.type === 'news')?.items ?? [];

describe('a Moments post headed by its month', () => {
  it('titles the dated line by the headline above it, called out by a drawn-out ～', () => {
    const material = structuredText(
      [
        '🍜老李面馆12月福利来啦～',
        '12月8日到12月18日，牛肉面第二碗半价！！',
        '新品酸汤肥牛面已上线，欢迎来尝😋',
        '📍城南路88号',
        '电话：13800001234',
      ].join('\n'),
      '朋友圈.txt',
    );
    expect(news(material.columns).map(itemTitle)).toEqual(['老李面馆12月福利来啦']);
    expect(news(material.columns).map((i) => (i.kind === 'article' ? i.date : undefined))).toEqual(['2026-12-08']);
  });

  it('takes a headline that announces itself without emoji', () => {
    const material = structuredText(['冬季暖饮上新啦', '12月8日到12月18日，热饮买一送一。', '电话：13800001234'].join('\n'), '朋友圈.txt');
    expect(news(material.columns).map(itemTitle)).toEqual(['冬季暖饮上新啦']);
  });

  it('takes no headline that names a day or a price', () => {
    const material = structuredText(['面馆12月8日开业～', '12月8日到12月18日，牛肉面第二碗半价！'].join('\n'), '朋友圈.txt');
    expect(news(material.columns).map(itemTitle)).not.toContain('面馆12月8日开业');
  });
});

describe('a notice whose first clause is only its dates', () => {
  it('joins the clause after the dates to its title', () => {
    expect(newsLine('12月8日到12月18日，牛肉面第二碗半价！！加蛋免费～', [], TODAY)?.title).toBe('12月8日到12月18日牛肉面第二碗半价');
    expect(newsLine('12月15日起，会员卡充500送80。', [], TODAY)?.title).toBe('12月15日起会员卡充500送80');
    expect(newsLine('12月12日—15日周年店庆，全场八折', [], TODAY)?.title).toBe('12月12日—15日周年店庆');
  });

  it('still lets a heading title a notice whose first clause is only its dates', async () => {
    const pptx = buildPptx([
      { title: '小画家美术', subtitle: '快乐学画' },
      { title: '课程价格', body: ['水彩班：6-10岁，20课时，1600元', '国画班：8-14岁，20课时，1800元'] },
      { title: '冬令营', body: ['2027年1月20日—1月30日，每天上午，每班限12人。'] },
      { title: '联系我们', body: ['电话：0531-66661234'] },
    ]);
    const material = structureDocument(await readPresentation(pptx, async () => undefined), '招生.pptx', env, { today: TODAY });
    expect(news(material.columns).map(itemTitle)).toEqual(['冬令营']);
  });
});

describe('a service business’s photos of finished jobs', () => {
  const photo = (file: string, sha256: string): ParsedPhoto => ({
    file,
    image: { sha256, size: 1, mime: 'image/jpeg', width: 10, height: 10, hasAlpha: false, sourceFormat: 'jpeg' } as ParsedPhoto['image'],
    look: { logoShape: false, pageLike: false, boardLike: false },
  });
  const product = (name: string) => ({
    kind: 'product',
    id: `p-${name}`,
    name,
    description: [],
    price: { fen: 1000, text: '10元' },
    images: [],
  });
  const site = () =>
    ({
      columns: [
        { id: 'i', type: 'intro', title: '关于我们', order: 0, channels: {}, body: [paragraph('专业防水补漏十年。')], items: [] },
        {
          id: 'p',
          type: 'products',
          title: '服务项目',
          order: 1,
          channels: {},
          body: [],
          items: [product('卫生间防水'), product('外墙补漏'), product('阳台防水')],
        },
      ],
      profile: {},
      unsorted: [],
    }) as unknown as SiteContent;
  const noGuess = { newId: () => 'n', guess: () => undefined };

  it('names a job photo by 案例 or by a room and the work', () => {
    expect(isPlaceName('厨房案例.jpg')).toBe(true);
    expect(isPlaceName('完工照片.jpg')).toBe(true);
    expect(isPlaceName('客厅吊顶.jpg')).toBe(true);
    expect(isPlaceName('施工前.jpg')).toBe(true);
    expect(isPlaceName('翻新前后对比.jpg')).toBe(true);
    expect(isPlaceName('手工皂.jpg')).toBe(false);
  });

  it('shows the job photos in the gallery, and a photo named like an item with that item', () => {
    const content = site();
    placePhotos(content, [photo('老房案例.jpg', 'a'), photo('主卧刷漆.jpg', 'b'), photo('外墙补漏.jpg', 'c')], noGuess);
    const intro = content.columns.find((c) => c.type === 'intro')!;
    expect(intro.body.flatMap((b) => (b.type === 'image' ? [b.image.fileName] : []))).toEqual(['老房案例.jpg', '主卧刷漆.jpg']);
    const items = content.columns.find((c) => c.type === 'products')!.items;
    expect(items.map((i) => (i.kind === 'product' ? i.images.map((p) => p.fileName) : []))).toEqual([[], ['外墙补漏.jpg'], []]);
    expect(content.unsorted).toEqual([]);
  });
});

describe('an offer written straight after a price', () => {
  it('reads the price and keeps the offer as the spec, on a menu line', () => {
    expect(productLine('烤玉米　8元第二根半价')).toEqual({ name: '烤玉米', price: { kind: 'amount', fen: 800 }, spec: '第二根半价' });
    expect(productLine('柚子茶　12元/杯买一送一')).toMatchObject({ name: '柚子茶', price: { fen: 1200, unit: '杯' }, spec: '买一送一' });
  });

  it('reads the price and keeps the offer in the details, in a price column', () => {
    const material = structureDocument(
      sheetBlocks([
        {
          name: 'Sheet1',
          rows: [
            ['菜名', '价格'],
            ['烤玉米', '8元第二根半价'],
            ['烤土豆', '6元'],
          ],
        },
      ]),
      '菜单.xlsx',
      env,
      { today: TODAY },
    );
    const items = material.columns.filter((c) => c.type === 'products').flatMap((c) => c.items);
    expect(items.map((i) => (i.kind === 'product' ? i.price : undefined))).toEqual([
      { kind: 'amount', fen: 800 },
      { kind: 'amount', fen: 600 },
    ]);
    expect(JSON.stringify(items[0])).toContain('第二根半价');
  });
});

describe('a line saying what starts on a day written with its year', () => {
  it('is a notice titled by that clause', () => {
    expect(scheduledStart('春季班2027年3月1日开课，老学员续报立减100元。', TODAY)?.title).toBe('春季班2027年3月1日开课');
    expect(scheduledStart('本店2019年3月1日开业，至今七年。', TODAY)).toBeUndefined();
    expect(scheduledStart('2027年3月1日开课', TODAY)).toBeUndefined();
  });

  it('leaves the course list for the news column', async () => {
    const pptx = buildPptx([
      { title: '小画家美术', subtitle: '快乐学画' },
      {
        title: '课程价格',
        body: ['水彩班：6-10岁，20课时，1600元', '国画班：8-14岁，20课时，1800元', '春季班2027年3月1日开课，老学员续报立减100元。'],
      },
      { title: '联系我们', body: ['电话：0531-66661234'] },
    ]);
    const material = structureDocument(await readPresentation(pptx, async () => undefined), '招生.pptx', env, { today: TODAY });
    expect(news(material.columns).map(itemTitle)).toEqual(['春季班2027年3月1日开课']);
    expect(news(material.columns).map((i) => (i.kind === 'article' ? i.date : undefined))).toEqual(['2027-03-01']);
    expect(JSON.stringify(material.columns.find((c) => c.type === 'products'))).not.toContain('春季班');
  });
});

describe('a notice wrapped over two lines of a picture read by OCR', () => {
  it('joins the line ended by a comma with the line it runs on into', () => {
    const lines = joinWrapped([
      { text: '—— 联系我们 ——' },
      { text: '12月15日起果园冬季修剪，暂停采摘一个月，' },
      { text: '团购单位请提前电话预约。' },
      { text: '苹果', cells: ['苹果', '5元/斤'] },
    ]);
    expect(lines.map((l) => l.text)).toEqual([
      '—— 联系我们 ——',
      '12月15日起果园冬季修剪，暂停采摘一个月，团购单位请提前电话预约。',
      '苹果',
    ]);
  });

  it('leaves lines that end a sentence, or rows of cells, apart', () => {
    const lines = [{ text: '12月15日起果园冬季修剪，暂停采摘。' }, { text: '团购单位请提前电话预约。' }];
    expect(joinWrapped(lines)).toEqual(lines);
    const rows = [
      { text: '红富士，', cells: ['红富士，', '5元/斤'] },
      { text: '黄元帅', cells: ['黄元帅', '4元/斤'] },
    ];
    expect(joinWrapped(rows)).toEqual(rows);
  });
});
