/**
 * Habits of real customer material the importer must read (issue 9, holdout round 5): outline
 * numbering, a WeChat post without headings, two-digit years, phone numbers typed with spaces and
 * extensions, English contact labels, Big5 and traditional characters, a brochure in two columns.
 * Round 6: products listed in one paragraph with ；, a menu's dot leaders to 时价, a 企业基本情况表
 * form as the contact, 饭店 in short names.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseContact } from '../../../electron/backend/domains/intake/contact';
import { shortNameOf } from '../../../electron/backend/domains/sites/defaults';
import { findAnyDate } from '../../../electron/backend/domains/intake/dates';
import { textLines } from '../../../electron/backend/domains/intake/lines';
import { convertDocx } from '../../../electron/backend/domains/intake/docx';
import { readPdf } from '../../../electron/backend/domains/intake/pdf';
import { structureDocument, textToBlocks } from '../../../electron/backend/domains/intake/structure';
import { decodeText } from '../../../electron/backend/domains/intake/textDecoding';
import { parsePrice } from '../../../shared/sites/price';
import { itemTitle, type Column, type Job, type Product } from '../../../shared/sites/model';
import { contactSummary } from '../../../shared/sites/summary';
import { FIXTURES_DIR } from '../../helpers/paths';
import { buildDocx } from '../../fixtures/materials/make/docx';

let counter = 0;
const env = { newId: () => `id-${++counter}` };
const TODAY = '2026-12-01';
const titles = (columns: Column[], type: string) => columns.find((c) => c.type === type)?.items.map(itemTitle) ?? [];

describe('numbered outlines (1 / 1.1) in a Word file without heading styles', () => {
  it('makes the 1-level lines the columns and the 1.1 lines their items, named without the numbering', async () => {
    const docx = buildDocx([
      { p: '1  公司介绍', bold: true },
      { p: '1.1 公司概况' },
      { p: '本公司成立于2010年，专注管理咨询。' },
      { p: '2  服务内容', bold: true },
      { p: '2.1 ISO体系认证咨询' },
      { p: '协助企业建立管理体系。收费标准：2.8万元起' },
      { p: '2.2 财税筹划' },
      { p: '收费标准：面议' },
    ]);
    const { blocks } = await convertDocx(docx, async () => 'f'.repeat(64));
    const { columns } = structureDocument(blocks, 'a.docx', env, { today: TODAY });
    expect(columns.map((c) => c.type)).toEqual(['intro', 'products']);
    const products = columns[1]!.items as Product[];
    expect(products.map((p) => [p.name, p.price])).toEqual([
      ['ISO体系认证咨询', { kind: 'amount', fen: 2_800_000, from: true }],
      ['财税筹划', { kind: 'negotiable' }],
    ]);
  });
});

describe('a WeChat-style text without headings', () => {
  it('sorts the lines that say what they are into columns and the contact block; the rest waits in the tray', () => {
    const lines = [
      '🦐渤海水产批发 每天新鲜到货🦐',
      '本店专营鲜活海产品二十余年，',
      '【供应】今日到港鲜活梭子蟹500斤，欢迎来电📞',
      '【求购】长期收购野生海参、鲍鱼！！',
      '🎉2026.4.18 第二家门市开业，全场九五折🎉',
      '⚠️招聘：搬运工3名，能吃苦，日结200元/天',
      '📍地址：烟台市芝罘区水产市场A区8号',
    ];
    const result = structureDocument(textToBlocks(lines), '朋友圈.txt', env, { today: TODAY });
    expect(titles(result.columns, 'supply')).toEqual(['今日到港鲜活梭子蟹500斤', '长期收购野生海参、鲍鱼']);
    expect(titles(result.columns, 'news')).toEqual(['第二家门市开业']);
    expect((result.columns.find((c) => c.type === 'jobs')!.items[0] as Job).headcount).toBe(3);
    expect(result.contactLines).toEqual(['📍地址：烟台市芝罘区水产市场A区8号']);
    expect(result.unsorted.flatMap((u) => u.blocks)).toHaveLength(2);
  });
});

describe('dates, numbers and labels as people type them', () => {
  it('reads a two-digit year written with 年 as this century', () => {
    expect(findAnyDate('26年3月 与实验小学合作开展护齿行动', [], TODAY)).toMatchObject({ iso: '2026-03-01', yearInferred: false });
    expect(findAnyDate('25年12月8日 开业', [], TODAY)?.iso).toBe('2025-12-08');
  });

  it('makes numbers with spaces, dashes and full-width characters plain, and keeps a 转 extension', () => {
    const contact = parseContact([
      '预约电话：0533 - 2876543　400-618-3399转8001',
      '院长：刘医生 138 6433 2211',
      '电话：0535－7212345  手机：136-0531-1234',
    ]);
    expect(contact?.phones.map((p) => p.number)).toEqual([
      '0533-2876543',
      '400-618-3399转8001',
      '13864332211',
      '0535-7212345',
      '13605311234',
    ]);
    expect(contact?.person).toBe('刘医生');
  });

  it('reads English labels (Add, Tel, Fax, Mobile/WeChat) and a person in brackets', () => {
    const contact = parseContact([
      'Add：济南市历下区经十路13777号1802室',
      'Tel：0531-88682266转8001    Fax：0531-88682267',
      'Mobile/WeChat：186 6089 1234（王经理）',
    ]);
    expect(contact).toMatchObject({ address: '济南市历下区经十路13777号1802室', person: '王经理' });
    expect(contact?.phones).toEqual([
      { label: 'Tel', number: '0531-88682266转8001' },
      { label: '传真', number: '0531-88682267' },
      { label: '手机', number: '18660891234' },
    ]);
  });
});

describe('traditional characters', () => {
  it('tells Big5 from GBK and reads it without mojibake', () => {
    const big5 = readFileSync(path.join(FIXTURES_DIR, 'materials', 'holdout', 'guangying-photo', '工作室介紹.txt'));
    const { text, encoding } = decodeText(big5);
    expect(encoding).toBe('big5');
    expect(text).toContain('【聯絡我們】');
  });

  it('matches headings, contact labels and price words written in traditional characters', () => {
    const lines = [
      '【拍攝套系】',
      '證件照：50元/人',
      '企業形象照：面議',
      '',
      '【聯絡我們】',
      '地址：青島市市南區香港中路76號  電話：0532-8588 1234',
    ];
    const result = structureDocument(textToBlocks(lines), 'a.txt', env, { today: TODAY });
    expect(result.columns.map((c) => c.type)).toEqual(['products', 'contact']);
    expect(titles(result.columns, 'products')).toEqual(['證件照', '企業形象照']);
    expect(parseContact(result.contactLines)?.phones).toEqual([{ label: '电话', number: '0532-85881234' }]);
    expect(parsePrice('1.2萬起')).toEqual({ kind: 'amount', fen: 1_200_000, from: true });
  });
});

describe('a PDF brochure in two newspaper columns', () => {
  it('reads the left column, then the right one, each line whole', async () => {
    const pdf = readFileSync(path.join(FIXTURES_DIR, 'materials', 'holdout', 'shunda-car-rental', '顺达租车宣传页.pdf'));
    const { blocks } = await readPdf(pdf, async () => undefined);
    const texts = blocks.map((b) => ('runs' in b ? b.runs.map((r) => r.text).join('') : b.type));
    expect(texts.slice(0, 3)).toEqual(['济南顺达汽车租赁有限公司', '日租·月租·商务用车·婚庆车队', '公司简介']);
    expect(texts).toContain(
      '顺达汽车租赁成立于2011年，拥有各类租赁车辆300余台，提供日租、月租、商务接送、婚庆用车等服务，24小时道路救援。',
    );
    expect(texts.indexOf('最新活动')).toBeGreaterThan(texts.indexOf('月租另有优惠，详询客服。'));
    expect(texts).toContain('代驾司机3名：A1驾照，驾龄5年以上，月薪6000-8000元。');
  });
});

describe('the SMS short name of more organisation forms', () => {
  const region = { province: '山东省', city: '济南市', district: '历下区' };
  it.each([
    ['淄博市张店区雅信口腔门诊部', { province: '山东省', city: '淄博市', district: '张店区' }, '雅信口腔'],
    ['烟台市芝罘区渤海水产批发部', { province: '山东省', city: '烟台市', district: '芝罘区' }, '渤海水产'],
    ['济南恒远企业管理咨询有限公司', region, '恒远咨询'],
    ['济南顺达汽车租赁有限公司', region, '顺达租车'],
    ['济南市历下区齐鲁人家饭店', region, '齐鲁人家'],
    ['日照市东港区木语家具店', { province: '山东省', city: '日照市', district: '东港区' }, '木语家具'],
    ['泰安云海大酒店有限公司', { province: '山东省', city: '泰安市', district: '泰山区' }, '云海大酒店'],
    // The trade stays where what is left would only say whom it serves.
    ['济南童趣儿童摄影有限公司', region, '童趣儿童摄影'],
    ['济南山里人家土特产店', region, '山里人家'],
  ])('%s → %s', (name, r, short) => expect(shortNameOf(name, r)).toBe(short));
});

describe('paragraphs wrapped by hand in a text file', () => {
  it('joins a line of prose broken mid-sentence, and leaves item lines and labels apart', () => {
    const text = [
      '合作社成立于2012年，现有社员216户，主要种植苹果、莱阳梨、',
      '大樱桃和时令蔬菜，产品供应各大超市。',
      '数控编程工程师 2名：大专以上，熟悉编程，月薪8000元',
      '机床装配钳工 5名：中专以上，月薪6000元',
      '供应：莱阳梨 今年新果',
      '联系人：孙社长',
    ].join('\n');
    expect(textLines(text).map((l) => l.text)).toEqual([
      '合作社成立于2012年，现有社员216户，主要种植苹果、莱阳梨、大樱桃和时令蔬菜，产品供应各大超市。',
      '数控编程工程师 2名：大专以上，熟悉编程，月薪8000元',
      '机床装配钳工 5名：中专以上，月薪6000元',
      '供应：莱阳梨 今年新果',
      '联系人：孙社长',
    ]);
  });
});

describe('products listed one after another in a paragraph', () => {
  it('splits a ；-separated list into products, pack sizes (500g/瓶) into the spec', () => {
    const blocks = textToBlocks(['✅主营产品', '洋槐蜜500g/瓶68元；枣花蜜500g/瓶58元；土蜂蜜（百花）500g/瓶128元；蜂花粉 价格面议。']);
    const products = structureDocument(blocks, 'a.txt', env, { today: TODAY }).columns.find((c) => c.type === 'products')!
      .items as Product[];
    expect(products.map((p) => [p.name, p.price, p.spec])).toEqual([
      ['洋槐蜜', { kind: 'amount', fen: 6800 }, '500g/瓶'],
      ['枣花蜜', { kind: 'amount', fen: 5800 }, '500g/瓶'],
      ['土蜂蜜（百花）', { kind: 'amount', fen: 12_800 }, '500g/瓶'],
      ['蜂花粉', { kind: 'negotiable' }, undefined],
    ]);
  });

  it('leaves a sentence with ； as text when its parts are no items', () => {
    const blocks = textToBlocks(['产品介绍', '本社蜂蜜均为成熟蜜；不添加糖浆；欢迎品尝。']);
    const column = structureDocument(blocks, 'a.txt', env, { today: TODAY }).columns.find((c) => c.type === 'products');
    expect(column?.items ?? []).toEqual([]);
  });
});

describe('a menu with dot leaders', () => {
  it('reads "name……时价" as a product, not as a heading set apart by an empty line; a category over one such line is no item', () => {
    const blocks = textToBlocks([
      '【招牌热菜】',
      '糖醋里脊……………………38元',
      '清蒸加吉鱼…………………时价',
      '',
      '【主食】',
      '葱油饼..........12元/张',
    ]);
    const { columns } = structureDocument(blocks, '菜单.txt', env, { today: TODAY });
    expect(columns.flatMap((c) => c.items.map(itemTitle))).toEqual(['糖醋里脊', '清蒸加吉鱼', '葱油饼']);
  });
});

describe('a form of label and value cells', () => {
  it('fills the contact from a table with two label/value pairs a row', () => {
    const table = (rows: string[][]) => ({ type: 'table' as const, header: false, rows: rows.map((r) => r.map((text) => [{ text }])) });
    const { contactLines } = structureDocument(
      [
        { type: 'heading', level: 1, runs: [{ text: '企业简介' }] },
        table([
          ['企业名称', '淄博宏泰陶瓷销售有限公司', '成立时间', '2008年5月'],
          ['联系人', '赵经理', '手机', '13864331234'],
          ['联系电话', '0533-5181234', '传真', '0533-5181235'],
          ['地址', '淄博市淄川区建材城东区18号', '邮编', '255100'],
        ]),
      ],
      '企业简介.docx',
      env,
      { today: TODAY },
    );
    expect(contactSummary(parseContact(contactLines)!)).toMatchObject({
      address: '淄博市淄川区建材城东区18号',
      postcode: '255100',
      phones: ['0533-5181234'],
      fax: '0533-5181235',
      person: '赵经理',
      mobile: '13864331234',
    });
  });
});

describe("the document's title", () => {
  it('is the enterprise name even when the name holds a column word (物业服务); the name with more words still heads a column', () => {
    const heading = (text: string) => ({ type: 'heading' as const, level: 1, runs: [{ text }], look: true });
    const paragraph = (text: string) => ({ type: 'paragraph' as const, runs: [{ text }] });
    const names = ['东营市鑫源物业服务有限公司', '鑫源物业'];
    const title = structureDocument(
      [heading('东营市鑫源物业服务有限公司'), heading('公司简介'), paragraph('成立于2012年。')],
      'a.htm',
      env,
      {
        today: TODAY,
        names,
      },
    );
    expect(title.columns.map((c) => c.type)).toEqual(['intro']);
    const named = structureDocument([heading('东营市鑫源物业服务有限公司简介'), paragraph('成立于2012年。')], 'a.htm', env, {
      today: TODAY,
      names,
    });
    expect(named.columns).toHaveLength(1);
    expect(named.unsorted).toEqual([]);
  });
});
