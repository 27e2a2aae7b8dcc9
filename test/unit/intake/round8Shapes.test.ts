/**
 * Shapes of customer material the held-out round 8 showed the importer did not read (issue 9): a
 * chat exported to text, a table with a cell merged down, a table on its side, items side by side,
 * a supply and demand table, a name over a table of its facts, points counted off in one sentence
 * (一是…二是…), a contact written as a sentence, `8-15` and `去年十月` dates, job ads as prose,
 * camera-named photos in folders named by product. The text is made up for the tests.
 */
import { describe, expect, it } from 'vitest';
import { parseContact } from '../../../electron/backend/domains/intake/contact';
import { findAnyDate } from '../../../electron/backend/domains/intake/dates';
import { convertDocx } from '../../../electron/backend/domains/intake/docx';
import { numberingOf } from '../../../electron/backend/domains/intake/headings';
import type { SourceBlock } from '../../../electron/backend/domains/intake/htmlToBlocks';
import type { ParsedPhoto } from '../../../electron/backend/domains/intake/importMaterials';
import { jobLine, productLine, saidPoints } from '../../../electron/backend/domains/intake/lineItems';
import { textLines } from '../../../electron/backend/domains/intake/lines';
import { isLicenceName } from '../../../electron/backend/domains/intake/photos';
import { placePhotos } from '../../../electron/backend/domains/intake/placePhotos';
import { structureDocument, textToBlocks } from '../../../electron/backend/domains/intake/structure';
import { readTable } from '../../../electron/backend/domains/intake/tables';
import { shortNameOf } from '../../../electron/backend/domains/sites/defaults';
import { itemTitle, type Column, type Item, type SiteContent } from '../../../shared/sites/model';
import { contactSummary } from '../../../shared/sites/summary';
import { buildDocx } from '../../fixtures/materials/make/docx';

let counter = 0;
const env = { newId: () => `id-${++counter}` };
const TODAY = '2026-12-01';
const column = (columns: Column[], type: string) => columns.find((c) => c.type === type);
const titles = (columns: Column[], type: string) => column(columns, type)?.items.map(itemTitle) ?? [];
const cells = (rows: string[][]): SourceBlock => ({ type: 'table', header: false, rows: rows.map((r) => r.map((text) => [{ text }])) });
const para = (text: string): SourceBlock => ({ type: 'paragraph', runs: [{ text }] });
const heading = (text: string): SourceBlock => ({ type: 'heading', level: 1, runs: [{ text }] });

describe('a group chat exported to text', () => {
  it('drops the sender lines, day dividers and picture placeholders, and reads the messages', () => {
    const text = [
      '——————  2026-10-08  ——————',
      '阿强-东方五金  14:02:11',
      '价目：',
      '冲击钻 GSB-13 399元',
      '角磨机 125元',
      '',
      '小刘（客户经理）  14:03:40',
      '[图片]',
      '',
      '阿强-东方五金  14:05:02',
      '招人：仓库理货员2名，月薪4500元；送货司机1名，月薪5500元，有C照',
      '',
      '阿强-东方五金  14:06:30',
      '地址在青岛市城阳区正阳路6号，电话0532-87701234，联系人李师傅[抱拳]',
    ].join('\n');
    const lines = textLines(text).map((l) => l.text);
    expect(lines.filter((l) => /14:0|——|\[图片\]|\[抱拳\]/.test(l))).toEqual([]);
    const result = structureDocument(textToBlocks(lines), 'chat.txt', env, { today: TODAY });
    expect(titles(result.columns, 'products')).toEqual(['冲击钻 GSB-13', '角磨机']);
    expect(column(result.columns, 'products')!.items[0]).toMatchObject({ model: 'GSB-13', price: { fen: 39900 } });
    expect(titles(result.columns, 'jobs')).toEqual(['仓库理货员', '送货司机']);
    expect(contactSummary(parseContact(result.contactLines)!)).toMatchObject({
      address: '青岛市城阳区正阳路6号',
      phones: ['0532-87701234'],
      person: '李师傅',
    });
  });

  it('leaves text that merely mentions times as it is', () => {
    const lines = ['营业时间', '周一至周五  9:00', '周末  10:30'];
    expect(textLines(lines.join('\n')).map((l) => l.text)).toEqual(lines);
  });
});

describe('tables in the shapes of real price lists', () => {
  it('keeps the columns of rows under a cell merged down (a category written once)', async () => {
    const docx = buildDocx([
      { p: '价目表', bold: true },
      {
        table: [
          ['序号', '类别', '品名', '单价'],
          ['1', '饮品', '柠檬茶', '12元'],
          ['2', null, '酸梅汤', '8元'],
          ['3', '小吃', '炸鸡翅', '18元'],
        ],
        header: true,
      },
    ]);
    const { blocks } = await convertDocx(docx, async () => undefined);
    const table = blocks.find((b) => b.type === 'table')!;
    const result = structureDocument(blocks, 'menu.docx', env, { today: TODAY });
    expect(table.type === 'table' && table.rows[2]!.length).toBe(4);
    expect(column(result.columns, 'products')!.items.map((i) => [itemTitle(i), i.kind === 'product' && i.category])).toEqual([
      ['柠檬茶', '饮品'],
      ['酸梅汤', '饮品'],
      ['炸鸡翅', '小吃'],
    ]);
  });

  it('reads a table on its side: field names down the first column, one item a column', () => {
    const reading = readTable([
      ['项目', '标准间', '会议室'],
      ['面积', '20平方米', '80平方米'],
      ['租金', '150元/天', '600元/天'],
    ]);
    expect(reading.rows.map((r) => r[0])).toEqual(['标准间', '会议室']);
    expect(reading.columns.map((c) => c.role)).toEqual(['name', 'spec', 'price']);
  });

  it('cuts a row of items side by side (品名 | 价格 | 品名 | 价格) into one item each', () => {
    const reading = readTable([
      ['品名', '价格', '品名', '价格'],
      ['名片', '30元/盒', '传单', '0.2元/张'],
      ['台历', '15元/本', '', ''],
    ]);
    expect(reading.rows.filter((r) => r[0]).map((r) => r.join('|'))).toEqual(['名片|30元/盒', '传单|0.2元/张', '台历|15元/本']);
  });

  it('makes each row of a supply and demand table a post of its kind', () => {
    const blocks = [
      heading('供求信息'),
      cells([
        ['类别', '内容', '日期'],
        ['出售', '九成新货架20组', '2026-10-01'],
        ['求购', '二手冷柜一台', '2026-10-05'],
      ]),
    ];
    const result = structureDocument(blocks, 'posts.docx', env, { today: TODAY });
    expect(column(result.columns, 'supply')!.items.map((i) => [itemTitle(i), i.kind === 'post' && i.postKind])).toEqual([
      ['九成新货架20组', 'supply'],
      ['二手冷柜一台', 'demand'],
    ]);
  });

  it('makes a name over a two-column table of its facts (规格 | …, 价格 | …) one product', () => {
    const blocks = [
      heading('产品介绍'),
      para('黑豆浆'),
      cells([
        ['规格', '1L/瓶'],
        ['价格', '9元/瓶'],
        ['保质期', '3天'],
      ]),
      para('红枣豆奶'),
      cells([
        ['规格', '250ml×12盒'],
        ['价格', '36元/箱'],
      ]),
    ];
    const items = column(structureDocument(blocks, 'brochure.pdf', env, { today: TODAY }).columns, 'products')!.items;
    expect(items.map((i) => [itemTitle(i), i.kind === 'product' && i.price])).toEqual([
      ['黑豆浆', { kind: 'amount', fen: 900, unit: '瓶' }],
      ['红枣豆奶', { kind: 'amount', fen: 3600, unit: '箱' }],
    ]);
  });
});

describe('points counted off in one sentence', () => {
  it('splits 一是…二是… into lines, the price each ends with set apart', () => {
    expect(saidPoints('主要业务，一是管道疏通，每次80元；二是水电维修，价格面议；三是防水补漏。')).toEqual({
      lead: '主要业务',
      points: ['管道疏通  每次  80元', '水电维修  价格面议', '防水补漏'],
    });
    expect(saidPoints('一是说明，二在后面')).toBeUndefined();
  });

  it('makes the points of a services heading priced items', () => {
    const lines = ['服务项目', '我们提供，一是空调清洗，每台60元；二是空调加氟，每台150元起；三是移机，价格面议。'];
    const result = structureDocument(textToBlocks(lines), 'a.txt', env, { today: TODAY });
    expect(titles(result.columns, 'products')).toEqual(['空调清洗', '空调加氟', '移机']);
  });

  it('leaves an introduction that counts off its strengths as text', () => {
    const lines = ['公司简介', '我们的优势，一是价格低；二是服务好；三是速度快。'];
    const result = structureDocument(textToBlocks(lines), 'a.txt', env, { today: TODAY });
    expect(column(result.columns, 'intro')!.items).toEqual([]);
  });
});

describe('everyday writing', () => {
  it('reads numbering typed with a closing bracket only (1）, 2)) and 壹、 sections', () => {
    expect(numberingOf('1）钢琴陪练 90元/课时')?.rest).toBe('钢琴陪练 90元/课时');
    expect(numberingOf('2) 美术')?.rest).toBe('美术');
    expect(numberingOf('贰、经营范围')?.rest).toBe('经营范围');
  });

  it('reads 8-15 at the start of a line and dates said relative to today', () => {
    expect(findAnyDate('8-15 门店重新装修开业', [], TODAY)).toMatchObject({ iso: '2026-08-15', yearInferred: true });
    expect(findAnyDate('去年十二月 新厂房落成', [], TODAY)).toMatchObject({ iso: '2025-12-01', yearInferred: true });
    expect(findAnyDate('上个月 通过质量体系认证', [], TODAY)).toMatchObject({ iso: '2026-11-01' });
    expect(findAnyDate('规格 8-15 毫米', [], TODAY)).toBeUndefined();
  });

  it('takes the headcount a job ad states in its prose', () => {
    expect(jobLine('收银员：本店现招聘收银员3名，能上夜班，月薪3600元')).toMatchObject({ title: '收银员', headcount: 3 });
    expect(jobLine('面点师：招2人，会做包子馒头，工资5000元')).toMatchObject({ headcount: 2 });
  });

  it('keeps a model number written after a product name in its name', () => {
    expect(productLine('电动车 TDR-86 2980元')).toMatchObject({ name: '电动车 TDR-86', model: 'TDR-86' });
    expect(productLine('信封 100个 45元')).toMatchObject({ name: '信封', spec: '100个' });
  });

  it('reads a contact written as a sentence, and leaves a sentence without numbers alone', () => {
    const contact = parseContact(['店铺位于烟台市莱山区港城东大街9号，咨询热线0535-6881234，联系人孙店长（手机13953501234）。']);
    expect(contactSummary(contact!)).toMatchObject({
      address: '烟台市莱山区港城东大街9号',
      phones: ['0535-6881234'],
      person: '孙店长',
      mobile: '13953501234',
    });
    expect(parseContact(['本店位于老城区，环境优雅。'])).toBeUndefined();
  });

  it('does not take a question or a contact line for a notice in a news column', () => {
    const lines = ['最新动态', '11月3日 新品上市', '地址在哪里？', '电话0531-88881234，联系人王经理'];
    const result = structureDocument(textToBlocks(lines), 'a.txt', env, { today: TODAY });
    expect(titles(result.columns, 'news')).toEqual(['新品上市']);
  });

  it('makes short lines under a services heading services, and reads 业绩 as a products heading', () => {
    const lines = ['业务范围', '1、市政绿化工程', '2、园林养护', '工程业绩'];
    const result = structureDocument(textToBlocks(lines), 'a.txt', env, { today: TODAY });
    expect(titles(result.columns, 'services')).toEqual(['市政绿化工程', '园林养护']);
    expect(column(result.columns, 'products')).toBeDefined();
  });

  it('keeps 资质证书 off the site and drops 集团 and 设备 from short names', () => {
    expect(isLicenceName('资质证书.jpg')).toBe(true);
    const region = { province: '山东省', city: '济南市', district: '历下区' };
    expect(shortNameOf('山东鲁能建设集团有限公司', region)).toBe('鲁能建设');
    expect(shortNameOf('济南恒温制冷设备有限公司', region)).toBe('恒温制冷');
  });
});

describe('photos named by the camera, sorted into folders', () => {
  const photo = (file: string, sha256: string): ParsedPhoto => ({
    file,
    image: { sha256, size: 1, mime: 'image/jpeg', width: 10, height: 10, hasAlpha: false, sourceFormat: 'jpeg' } as ParsedPhoto['image'],
    look: { logoShape: false, pageLike: false, boardLike: false },
  });
  const product = (name: string): Item => ({ kind: 'product', id: env.newId(), name, description: [], images: [] });
  const article = (title: string): Item => ({ kind: 'article', id: env.newId(), title, body: [], images: [] });

  it('go to the product their folder names, never to an article that mentions the folder (公司/: the gallery)', () => {
    const content = {
      columns: [
        { id: 'p', type: 'products', title: '产品', order: 1, channels: {}, body: [], items: [product('不锈钢水槽'), product('燃气灶')] },
        { id: 'n', type: 'news', title: '动态', order: 2, channels: {}, body: [], items: [article('公司参加五金展')] },
      ],
      profile: {},
      unsorted: [],
    } as unknown as SiteContent;
    placePhotos(content, [photo('产品/不锈钢水槽/IMG_20261001_101010.jpg', 'a'), photo('公司/mmexport1700000000000.jpg', 'b')], {
      newId: env.newId,
      guess: () => undefined,
    });
    const [sink, stove] = content.columns[0]!.items;
    expect(sink!.kind === 'product' && sink!.images.map((i) => i.fileName)).toEqual(['IMG_20261001_101010.jpg']);
    expect(stove!.kind === 'product' && stove!.images).toEqual([]);
    expect(content.columns[1]!.items[0]!.kind === 'article' && (content.columns[1]!.items[0] as { images: unknown[] }).images).toEqual([]);
    // A folder named 公司 holds pictures of the business itself: the gallery (round 12), not the tray.
    const intro = content.columns.find((c) => c.type === 'intro');
    expect(intro?.body.flatMap((b) => (b.type === 'image' ? [b.image.fileName] : []))).toEqual(['mmexport1700000000000.jpg']);
  });
});

describe('more shapes of the same kinds', () => {
  it('drops the sender lines of a QQ export (date and time first), but not dated notices', () => {
    const qq = ['2026-11-02 9:01:15 王总(10001)', '你好', '2026-11-02 9:02:40 小李(10002)', '收到', '2026-11-02 9:03:05 王总(10001)', '好'];
    expect(textLines(qq.join('\n')).map((l) => l.text)).toEqual(['', '你好', '', '收到', '', '好']);
    const notices = ['2026-11-02 9:00 开业典礼', '2026-11-09 9:30 会员日', '2026-11-16 10:00 新品品鉴'];
    expect(textLines(notices.join('\n')).map((l) => l.text)).toEqual(notices);
  });

  it('makes "name：what it is" lines under a products heading products when no rule claimed them, after a lead sentence', () => {
    const lines = ['主营产品', '本厂主要产品如下：', '不锈钢水箱：304材质，容量1-100吨', '玻璃钢水箱：模压成型，耐腐蚀'];
    const result = structureDocument(textToBlocks(lines), 'a.txt', env, { today: TODAY });
    expect(titles(result.columns, 'products')).toEqual(['不锈钢水箱', '玻璃钢水箱']);
  });

  it('leaves labels and contact lines under a products heading as text', () => {
    const lines = ['产品介绍', '规格：多种', '地址：济南市历下区经十路1号'];
    const result = structureDocument(textToBlocks(lines), 'a.txt', env, { today: TODAY });
    expect(titles(result.columns, 'products')).toEqual([]);
  });
});

describe('numbering in any shape', () => {
  it('reads ⑴, ㈠ and Roman numerals as numberings', () => {
    expect(numberingOf('⑴门店导购')?.rest).toBe('门店导购');
    expect(numberingOf('㈡最新动态')?.rest).toBe('最新动态');
    expect(numberingOf('Ⅲ、联系我们')?.rest).toBe('联系我们');
    expect(numberingOf('IV. 联系方式')?.rest).toBe('联系方式');
  });

  it('drops markers of any shape that count up over two or more lines, and leaves a lone one', () => {
    const lines = ['1> 抹茶拿铁 22元', '2> 生椰拿铁 25元', '[1] 只此一条'];
    const result = structureDocument(textToBlocks(['饮品价格', ...lines]), 'a.txt', env, { today: TODAY });
    expect(titles(result.columns, 'products')).toEqual(['抹茶拿铁', '生椰拿铁']);
  });
});

describe('prices written around the amount', () => {
  it('reads a price in brackets at the end of a menu line, and 每斤 in front of the amount as its unit', () => {
    expect(productLine('烤羊排（68元/斤）')).toMatchObject({ name: '烤羊排', price: { fen: 6800, unit: '斤' } });
    expect(productLine('羊肉串(5元/串)')).toMatchObject({ name: '羊肉串', price: { fen: 500, unit: '串' } });
    expect(productLine('铁观音 每斤 260元')).toMatchObject({ name: '铁观音', price: { fen: 26000, unit: '斤' } });
    expect(productLine('西湖龙井（特级）￥680/斤')).toMatchObject({ name: '西湖龙井（特级）' });
  });
});

describe('lists written the way people type them', () => {
  it('makes one job of each position a sentence names with its headcount', () => {
    const lines = ['招聘', '现招聘厨师2名、服务员5名，待遇面议，有意者电话联系。'];
    const jobs = column(structureDocument(textToBlocks(lines), 'a.txt', env, { today: TODAY }).columns, 'jobs')!.items;
    expect(jobs.map((j) => [itemTitle(j), j.kind === 'job' && j.headcount, j.kind === 'job' && j.pay])).toEqual([
      ['厨师', 2, '面议'],
      ['服务员', 5, '面议'],
    ]);
  });

  it('drops typed bullets ("- ", "* ") in front of items, not a minus sign', () => {
    const lines = ['主营产品', '- 塑料托盘 45元/个', '* 周转箱 18元/个'];
    expect(titles(structureDocument(textToBlocks(lines), 'a.txt', env, { today: TODAY }).columns, 'products')).toEqual([
      '塑料托盘',
      '周转箱',
    ]);
    expect(numberingOf('-18℃冷库')).toBeUndefined();
  });
});
