/**
 * Shapes of typical customers' material the held-out round 20 showed the importer misread (issue 9): a 品牌 column
 * after the name in a dealer's price list, a story of where the shop has been ("本店在建材市场做了十五年") taken for
 * its address, courses written as "name：what it is，学费…元。" sentences, a class photo and a prize photo.
 * The text is made up for the tests.
 */
import { describe, expect, it } from 'vitest';
import { parseContact } from '../../../electron/backend/domains/intake/contact';
import type { ParsedPhoto } from '../../../electron/backend/domains/intake/importMaterials';
import { linesToBlocks, textLines } from '../../../electron/backend/domains/intake/lines';
import { productLine } from '../../../electron/backend/domains/intake/lineItems';
import { isPlaceName } from '../../../electron/backend/domains/intake/photos';
import { placePhotos } from '../../../electron/backend/domains/intake/placePhotos';
import { sheetBlocks, type Sheet } from '../../../electron/backend/domains/intake/spreadsheet';
import { structureDocument } from '../../../electron/backend/domains/intake/structure';
import { itemTitle, paragraph, type Column, type Item, type Product, type SiteContent } from '../../../shared/sites/model';

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

  it('leaves the brand out when a model column names the goods, and when the cell says it is the shop’s own', () => {
    const modelled = fromSheets([
      {
        name: 'Sheet1',
        rows: [
          ['名称', '品牌', '型号', '单价'],
          ['平板电脑', '星河', 'Tab X10', '1999'],
          ['扫描仪', '光影', 'ScanJet 300', '899'],
        ],
      },
    ]);
    expect(products(modelled.columns).map(itemTitle)).toEqual(['平板电脑 Tab X10', '扫描仪 ScanJet 300']);
    const own = fromSheets([
      {
        name: 'Sheet1',
        rows: [
          ['商品名称', '品牌', '规格', '零售价'],
          ['速干短袖', '自有', 'M-XXL', '69'],
          ['登山杖', '山野', '65-135cm', '129'],
          ['头灯', '光野', '300流明', '89'],
        ],
      },
    ]);
    expect(products(own.columns).map(itemTitle)).toEqual(['速干短袖', '山野 登山杖', '光野 头灯']);
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
    const text = [
      '二、开设课程',
      '书法入门班（8-12岁）：每学期15次课，学费1300元。',
      '国画提高班（10岁以上）：每学期15次课，学费1500元。',
    ].join('\n');
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

describe('a school’s photos', () => {
  const photo = (file: string, sha256: string): ParsedPhoto => ({
    file,
    image: { sha256, size: 1, mime: 'image/jpeg', width: 10, height: 10, hasAlpha: false, sourceFormat: 'jpeg' } as ParsedPhoto['image'],
    look: { logoShape: false, pageLike: false, boardLike: false },
  });
  const article = (title: string, text: string): Item => ({
    kind: 'article',
    id: `a-${title}`,
    title,
    body: [paragraph(text)],
    images: [],
  });
  const siteWith = (news: Item[]) =>
    ({
      columns: [
        { id: 'i', type: 'intro', title: '学校简介', order: 0, channels: {}, body: [paragraph('本校开办十年。')], items: [] },
        { id: 'n', type: 'news', title: '新闻', order: 1, channels: {}, body: [], items: news },
      ],
      profile: {},
      unsorted: [],
    }) as unknown as SiteContent;
  const noGuess = { newId: () => 'n', guess: () => undefined };

  it('shows a class at work like the place', () => {
    expect(isPlaceName('上课照片.jpg')).toBe(true);
    expect(isPlaceName('课堂.jpg')).toBe(true);
  });

  it('gives a prize photo to the one news item telling of a prize, though its title says it otherwise', () => {
    const content = siteWith([
      article('我校学员在省少儿书法大赛中夺得一等奖', '11月8日，我校学员在省少儿书法大赛中夺得一等奖。'),
      article('春季班开始报名', '春季班3月1日开课，欢迎报名。'),
    ]);
    placePhotos(content, [photo('获奖合影.jpg', 'a'), photo('上课照片.jpg', 'b')], noGuess);
    const news = content.columns.find((c) => c.type === 'news')!.items;
    expect(news.map((n) => (n.kind === 'article' ? n.images.map((i) => i.fileName) : []))).toEqual([['获奖合影.jpg'], []]);
    const intro = content.columns.find((c) => c.type === 'intro')!;
    expect(intro.body.flatMap((b) => (b.type === 'image' ? [b.image.fileName] : []))).toEqual(['上课照片.jpg']);
  });

  it('leaves a prize photo in the tray when no news item, or two, tell of a prize', () => {
    const two = siteWith([article('书法大赛获一等奖', '获一等奖。'), article('围棋赛夺冠', '获得冠军。')]);
    placePhotos(two, [photo('颁奖.jpg', 'a')], noGuess);
    expect(two.unsorted.flatMap((u) => u.images.map((i) => i.fileName))).toEqual(['颁奖.jpg']);
    const none = siteWith([article('春季班开始报名', '春季班3月1日开课。')]);
    placePhotos(none, [photo('颁奖.jpg', 'a')], noGuess);
    expect(none.unsorted.flatMap((u) => u.images.map((i) => i.fileName))).toEqual(['颁奖.jpg']);
  });
});
