/**
 * Shapes of customer material the held-out round 14 showed the importer did not read (issue 9): a
 * weekly jobs sheet (岗位 | 人数 | 薪资待遇, 男8女4, a merged closing row with the contact), a one-column
 * profile sheet typed with its own outline numbering (1 / 1.1 / 2.1.1) under a title naming the
 * introduction; a chat screenshot read by OCR (bubbles apart, 1块5一个, the manager's own questions). The text
 * is made up for the tests.
 */
import { describe, expect, it } from 'vitest';
import { chatScreenLines } from '../../../electron/backend/domains/intake/chatScreen';
import type { SourceBlock } from '../../../electron/backend/domains/intake/htmlToBlocks';
import { parseContact } from '../../../electron/backend/domains/intake/contact';
import { extractPay } from '../../../electron/backend/domains/intake/fields';
import { newsLine, pricedClauses, productLine } from '../../../electron/backend/domains/intake/lineItems';
import { linesToBlocks, textLines } from '../../../electron/backend/domains/intake/lines';
import { isCameraName } from '../../../electron/backend/domains/intake/photos';
import { sheetBlocks, type Sheet } from '../../../electron/backend/domains/intake/spreadsheet';
import { structureDocument } from '../../../electron/backend/domains/intake/structure';
import { itemTitle, runsText, type Column, type Job } from '../../../shared/sites/model';
import { parsePrice } from '../../../shared/sites/price';

let counter = 0;
const env = { newId: () => `id-${++counter}` };
const TODAY = '2026-12-01';
const column = (columns: Column[], type: string) => columns.find((c) => c.type === type);
const titles = (columns: Column[], type: string) => column(columns, type)?.items.map(itemTitle) ?? [];
const structure = (blocks: SourceBlock[], file: string, names: string[] = []) =>
  structureDocument(blocks, file, env, { today: TODAY, names });

const JOBS: Sheet = {
  name: '急招岗位',
  rows: [
    ['鸿运人力 急招岗位（第49周）', '', '', '', '', '', ''],
    ['序号', '用工单位', '岗位', '性别', '人数', '薪资待遇', '工作时间'],
    ['1', '某纸箱厂', '打包工', '男女不限', '12', '4800元/月', '长白班'],
    ['2', '某服装厂', '缝纫工', '女', '男8女4', '计件，5000-7000元/月', '两班倒'],
    ['3', '某超市', '理货员', '不限', '若干', '日结180元', '早8点-晚5点'],
    ['报名热线：0531-6650123　手机：13905311234（赵老师）', '', '', '', '', '', ''],
  ],
};

const PROFILE: Sheet = {
  name: '公司简介',
  rows: [
    ['鸿运人力资源有限公司简介'],
    ['1 公司概况'],
    ['1.1 鸿运人力成立于2018年，为本地六十多家工厂输送员工。'],
    ['2 业务及收费'],
    ['2.1 代招服务'],
    ['2.1.1 普工代招：300元/人'],
    ['2.1.2 技工代招：600元/人'],
    ['2.2 档案托管：200元/年'],
    ['2.3 整厂外包：面议'],
    ['3 联系方式'],
    ['3.1 地址：历城区工业北路66号鸿运大厦3楼'],
    ['3.2 电话：0531-6650123'],
  ],
};

describe('a jobs sheet under a name that names no column', () => {
  it('reads a table of positions with headcounts and pay as jobs, men and women counted apart summed', () => {
    const { columns } = structure(sheetBlocks([JOBS, PROFILE]), '鸿运人力.xlsx');
    expect(titles(columns, 'jobs')).toEqual(['打包工', '缝纫工', '理货员']);
    const [packer, sewer, stocker] = column(columns, 'jobs')!.items as Job[];
    expect(packer).toMatchObject({ headcount: 12, pay: '4800元/月' });
    expect(sewer).toMatchObject({ headcount: 12, pay: '计件，5000-7000元/月' });
    expect(stocker!.headcount).toBeUndefined();
    // 性别 and 工作时间 say who is wanted and when: they stay with the job.
    expect(packer!.requirements.map((b) => (b.type === 'paragraph' ? runsText(b.runs) : ''))).toEqual(
      expect.arrayContaining(['性别：男女不限', '工作时间：长白班']),
    );
  });

  it('reads the merged row closing the table as the contact, not as a row', () => {
    const result = structure(sheetBlocks([JOBS]), '岗位表.xlsx');
    expect(result.contactLines.join('\n')).toContain('0531-6650123');
    expect(titles(result.columns, 'jobs')).toHaveLength(3);
  });
});

describe('a profile typed with its own outline numbering', () => {
  it('makes the numbered sections under a title naming the introduction columns of their own', () => {
    const { columns, contactLines } = structure(sheetBlocks([JOBS, PROFILE]), '鸿运人力.xlsx', ['鸿运人力资源有限公司']);
    expect(titles(columns, 'products')).toEqual(['普工代招', '技工代招', '档案托管', '整厂外包']);
    expect(column(columns, 'products')!.items[0]).toMatchObject({ price: { kind: 'amount', fen: 30000, unit: '人' } });
    expect(column(columns, 'intro')!.body.map((b) => (b.type === 'paragraph' ? runsText(b.runs) : ''))).toContain(
      '1.1 鸿运人力成立于2018年，为本地六十多家工厂输送员工。',
    );
    expect(contactLines.join('\n')).toContain('历城区工业北路66号');
  });

  it('does the same in a text file, and keeps an introduction whose sub-headings name no other column whole', () => {
    const text = PROFILE.rows.map((r) => r[0]).join('\n');
    expect(titles(structure(linesToBlocks(textLines(text)), '简介.txt').columns, 'products')).toHaveLength(4);
    const plain = structure(
      linesToBlocks(textLines('鸿运人力简介\n1 公司概况\n成立于2018年，员工四十人。\n2 企业文化\n诚信为本，服务工厂。')),
      '简介.txt',
    );
    expect(plain.columns.map((c) => c.type)).toEqual(['intro']);
  });
});

describe('a chat screenshot read by OCR', () => {
  const rows = [
    '9:41  4G 80%',
    '刘哥（刘记烧饼）',
    '上午9:30',
    '刘哥，店里的价格发我一份',
    '',
    '刘记烧饼价格',
    '',
    '芝麻烧饼1块5一个',
    '',
    '肉夹饼一袋5个12元',
    '',
    '绿豆汤2元一碗',
    '',
    '地址电话呢',
    '',
    '潍坊市奎文区胜利东街88号',
    '电话0536-8801234',
    '',
    '店里还招一个打烧饼的师傅',
    '一个月4000',
  ].map((text) => ({ text }));

  it('reads each message as a line: spoken prices, a serving with its count, a job with its pay, the bare address', () => {
    const { columns, contactLines } = structure(linesToBlocks(chatScreenLines(rows)), '微信截图_20261130093000.png');
    expect(titles(columns, 'products')).toEqual(['芝麻烧饼', '肉夹饼一袋5个', '绿豆汤']);
    expect(column(columns, 'products')!.items[0]).toMatchObject({ price: { kind: 'amount', fen: 150, unit: '个' } });
    expect(column(columns, 'jobs')!.items[0]).toMatchObject({ title: '打烧饼的师傅', headcount: 1, pay: '一个月4000' });
    // The manager's question names no column.
    expect(columns.map((c) => c.type)).not.toContain('contact');
    expect(contactLines).toContain('地址：潍坊市奎文区胜利东街88号');
    // The chat's title is the name the customer goes by.
    expect(parseContact(contactLines)?.person).toBe('刘哥');
  });

  it('leaves a page that is no chat as it is, and takes a chat app screenshot name for a camera name', () => {
    const page = [{ text: '价目表' }, { text: '' }, { text: '洗车 30元' }];
    expect(chatScreenLines(page)).toBe(page);
    // A phone note's screenshot: a status bar and a dated header too, but its list of rows stands together.
    const note = [
      '9:41  4G 80%',
      '',
      '2026年11月2日下午9:05',
      '',
      '洗车价格',
      '',
      '普通洗车 30元',
      '精洗 60元',
      '打蜡 120元',
      '镀晶 800元',
      '内饰清洗 200元',
    ].map((text) => ({ text }));
    expect(chatScreenLines(note)).toBe(note);
    expect(isCameraName('微信截图_20261130093000.png')).toBe(true);
    expect(isCameraName('QQ截图20261130.png')).toBe(true);
    expect(isCameraName('芝麻烧饼.png')).toBe(false);
  });
});

describe('prices said the spoken way', () => {
  it('reads 块 with the dimes after it', () => {
    expect(parsePrice('1块5一个')).toEqual({ kind: 'amount', fen: 150, unit: '个' });
    expect(parsePrice('2块5毛/斤')).toEqual({ kind: 'amount', fen: 250, unit: '斤' });
    expect(parsePrice('3块五')).toEqual({ kind: 'amount', fen: 350 });
    expect(parsePrice('3块5斤')).toBeUndefined();
  });
});

describe('a Moments post and a piece-rate job', () => {
  it('keeps a date range in the news title, the article dated by its start', () => {
    const news = newsLine('11月20日—22日店庆三天，全场八折！', [], TODAY);
    expect(news).toMatchObject({ title: '11月20日—22日店庆三天', date: { iso: '2026-11-20' } });
    expect(newsLine('11月20日 店庆，全场八折！', [], TODAY)?.title).toBe('店庆');
  });

  it('gives a piece-rate pay the amount a later clause names', () => {
    expect(extractPay('计件，能吃苦，月收入6000元以上').pay).toBe('计件，月收入6000元以上');
    expect(extractPay('包吃住，月薪5000元').pay).toBe('月薪5000元');
  });
});

describe('a Moments text of products in sentences and an emoji contact', () => {
  const text = [
    '🍼儿童保温杯350ml 69元，学饮杯12元/个，送同款贴纸🎁',
    '🚲儿童滑板车（可折叠 带闪光轮）199元起，店里可以试骑😊',
    '',
    '📍店址：临沂市兰山区金雀山路18号',
    '☎️0539-8123456  📱13905391234（微信同号）',
  ].join('\n');

  it('reads priced clauses, and one priced clause with remarks after it, as products', () => {
    const { columns } = structure(linesToBlocks(textLines(text)), '朋友圈.txt');
    expect(titles(columns, 'products')).toEqual(['儿童保温杯', '学饮杯', '儿童滑板车（可折叠 带闪光轮）']);
    expect(column(columns, 'products')!.items[2]).toMatchObject({ price: { kind: 'amount', fen: 19900, from: true } });
  });

  it('leaves surcharges, discounts and offers among priced clauses, and a 问/答 label, no items', () => {
    const clauses = pricedClauses('挂机清洗80元一台，柜机清洗120元一台，三台以上每台便宜10块，超出5米每米加20元');
    expect(clauses?.items.map((i) => productLine(i.line)?.name)).toEqual(['挂机清洗', '柜机清洗']);
    expect(pricedClauses('会员卡：充300元送20元，凭卡九折')).toBeUndefined();
    expect(productLine('答：整车搬迁按车次算，先上门看，面议')).toBeUndefined();
  });

  it('takes a telephone emoji before a number for its label', () => {
    const { contactLines } = structure(linesToBlocks(textLines(text)), '朋友圈.txt');
    expect(parseContact(contactLines)?.phones).toEqual([
      { label: '电话', number: '0539-8123456' },
      { label: '手机', number: '13905391234' },
    ]);
  });
});

describe('a Moments post with a headline over a dated line', () => {
  it('titles the notice by the headline before its #topic# tags, dated by the line under it', () => {
    const text = [
      '🍰圣诞蛋糕预订开始啦🎄 #烘焙# #圣诞#',
      '12月15日-12月24日 预订立减20元，先到先得',
      '',
      '📍地址：莱山区观海路8号',
      '📞订购：13806381234',
    ].join('\n');
    const { columns } = structure(linesToBlocks(textLines(text)), '朋友圈.txt');
    expect(column(columns, 'news')!.items).toMatchObject([{ title: '圣诞蛋糕预订开始啦', date: '2026-12-15' }]);
  });

  it('reads the address of a signature written as name｜address', () => {
    expect(parseContact(['糖果烘焙工作室｜烟台万达金街一楼1088号'])?.address).toBe('烟台万达金街一楼1088号');
    expect(parseContact(['糖果烘焙｜手工现做'])).toBeUndefined();
  });
});
