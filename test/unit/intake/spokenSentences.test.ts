/**
 * Items and contact written as sentences, or said aloud (issue 9, held-out round 12): a sentence whose
 * clauses each name a thing and its price, a job ad inside prose or under 联系我们, a text dictated into a
 * phone (one run-on paragraph, spoken numbers, the measure before the price), a contact said in words,
 * a signature table of contact cells under a price list. The text is made up for the tests.
 */
import { describe, expect, it } from 'vitest';
import { parseContact } from '../../../electron/backend/domains/intake/contact';
import { extractPay } from '../../../electron/backend/domains/intake/fields';
import type { SourceBlock } from '../../../electron/backend/domains/intake/htmlToBlocks';
import { fileNameColumn } from '../../../electron/backend/domains/intake/keywords';
import { jobLine } from '../../../electron/backend/domains/intake/lineItems';
import { structureDocument } from '../../../electron/backend/domains/intake/structure';
import { itemTitle, type Column, type Job, type Product } from '../../../shared/sites/model';

let counter = 0;
const env = { newId: () => `id-${++counter}` };
const TODAY = '2026-12-01';
const column = (columns: Column[], type: string) => columns.find((c) => c.type === type);
const titles = (columns: Column[], type: string) => column(columns, type)?.items.map(itemTitle) ?? [];
const heading = (text: string, level = 1): SourceBlock => ({ type: 'heading', level, runs: [{ text }], look: true });
const para = (text: string): SourceBlock => ({ type: 'paragraph', runs: [{ text }] });
const image = (sha256: string): SourceBlock => ({ type: 'image', image: { sha256, alt: '' } });
const cells = (rows: string[][]): SourceBlock => ({ type: 'table', header: false, rows: rows.map((r) => r.map((text) => [{ text }])) });
const structure = (blocks: SourceBlock[], file = 'a.docx') =>
  structureDocument(blocks, file, env, { today: TODAY, fileColumn: fileNameColumn(file) });

describe('a sentence of priced clauses', () => {
  it('makes each clause that names a thing and its price a product, under slides titled like no column', () => {
    const result = structure([
      heading('喷漆'),
      image('p1'),
      para('整车喷漆2800元一台，单面喷漆300元/面（含打磨），保险杠修补按大小面议。'),
      heading('洗车'),
      image('p2'),
      para('洗车：普通洗车25元一次，一次约20分钟；精洗80元一次。周末人多请预约。'),
      heading('联系我们'),
      para('电话：0631-5201234'),
    ]);
    const products = column(result.columns, 'products')!;
    expect(products.items.map(itemTitle)).toEqual(['整车喷漆', '单面喷漆', '保险杠修补', '普通洗车', '精洗']);
    const [whole, side, bumper, wash] = products.items as Product[];
    expect(whole).toMatchObject({ price: { kind: 'amount', fen: 280000, unit: '台' }, category: '喷漆' });
    expect(side).toMatchObject({ price: { kind: 'amount', fen: 30000, unit: '面' }, spec: '含打磨' });
    expect(bumper).toMatchObject({ price: { kind: 'negotiable' }, spec: '按大小' });
    expect(wash).toMatchObject({ price: { kind: 'amount', fen: 2500, unit: '次' }, category: '洗车' });
    expect(JSON.stringify(wash!.description)).toContain('一次约20分钟');
    // Each slide's picture goes with the first thing it lists, not with the slide before's last.
    expect(whole!.images.map((i) => i.sha256)).toEqual(['p1']);
    expect(wash!.images.map((i) => i.sha256)).toEqual(['p2']);
  });

  it('leaves a sentence with one price in it as text', () => {
    const result = structure([heading('产品介绍'), para('本店开业十年，价格实惠，年销售额500万元，欢迎选购。')]);
    expect(titles(result.columns, 'products')).toEqual([]);
  });
});

describe('a job ad inside prose', () => {
  it('takes "另外我们店里招…3名" under a price list, and a job under 联系我们, for jobs', () => {
    const result = structure([
      heading('价格表'),
      para('剪发 30元'),
      para('烫发 180元'),
      para('另外我们店里招理发师3名，会烫染，月薪5000以上，包住。'),
      heading('联系我们'),
      para('电话：0631-5201234'),
      para('店里招前台1名，月薪3000起。'),
    ]);
    expect(titles(result.columns, 'products')).toEqual(['剪发', '烫发']);
    const jobs = column(result.columns, 'jobs')!.items as Job[];
    expect(jobs.map((j) => [j.title, j.headcount, j.pay])).toEqual([
      ['理发师', 3, '月薪5000以上'],
      ['前台', 1, '月薪3000起'],
    ]);
    expect(JSON.stringify(column(result.columns, 'contact')!.body)).not.toContain('前台');
  });

  it('reads a headcount said before the position and a pay said at the end without a comma', () => {
    expect(jobLine('招两个服务员要能吃苦工资3500到4500')).toMatchObject({ title: '服务员', headcount: 2, pay: '3500到4500' });
    expect(extractPay('肯干能吃苦月薪4000左右')).toEqual({ pay: '月薪4000左右', rest: '肯干能吃苦' });
    // A pay followed by more words is read by the clause rules as before.
    expect(extractPay('底薪2500+提成').pay).toBe('底薪2500+提成');
  });
});

describe('a text dictated into a phone', () => {
  const dictated =
    '我们是东河水产店然后在滨州市滨城区黄河五路120号就是菜市场西门还有主要卖淡水鱼还有冻品，' +
    '然后价格的话草鱼一斤是十二块钱然后鲫鱼一斤十五还有冻虾仁五百克一袋的三十八块钱然后带鱼一箱二百六，过年前可能还要涨。' +
    '还有个通知就是年货预订开始了，今年12月20号开始送货上门。' +
    '然后招人招两个送货员要有驾照工资4500到5500。' +
    '手机是13954321234座机是0543-3312345我姓孙叫孙海涛，嗯就这些。';

  it('cuts it into products with their spoken prices, a notice, a job and the contact', () => {
    const result = structure([para(dictated)], '语音.txt');
    const products = column(result.columns, 'products')!.items as Product[];
    expect(products.map((p) => [itemTitle(p), p.price])).toEqual([
      ['草鱼', { kind: 'amount', fen: 1200, unit: '斤' }],
      ['鲫鱼', { kind: 'amount', fen: 1500, unit: '斤' }],
      ['冻虾仁', { kind: 'amount', fen: 3800, unit: '袋' }],
      ['带鱼', { kind: 'amount', fen: 26000, unit: '箱' }],
    ]);
    expect(products[2]!.spec).toBe('五百克');
    expect(column(result.columns, 'news')!.items).toMatchObject([{ title: '年货预订开始了', date: '2026-12-20' }]);
    expect(column(result.columns, 'jobs')!.items).toMatchObject([{ title: '送货员', headcount: 2, pay: '4500到5500' }]);
    const contact = parseContact(result.contactLines)!;
    expect(contact.address).toBe('滨州市滨城区黄河五路120号');
    expect(contact.person).toBe('孙海涛');
    expect(contact.phones.map((p) => p.number)).toEqual(['13954321234', '0543-3312345']);
    // The talk around them stays as said, for the manager to place.
    expect(JSON.stringify(result.unsorted)).toContain('我们是东河水产店');
  });

  it('leaves a written paragraph with a few 然后 as it is', () => {
    const written =
      '本店成立于2010年，然后逐步发展壮大，主营海鲜、冻品，还有各类干货和调料。然后在2020年扩建了冷库，' +
      '现有员工二十人，还有两辆冷藏车，每天早上六点开门，然后下午两点前下单的当天送到，价格实惠，欢迎新老顾客光临。';
    const result = structure([heading('公司简介'), para(written)]);
    expect(column(result.columns, 'intro')!.body).toHaveLength(1);
  });
});

describe('a contact said or signed', () => {
  it('reads 电话是/座机是 and 我姓…叫… in a sentence', () => {
    const contact = parseContact(['电话是15866201234座机是0531-7654321我姓王叫王小明，有事打电话'])!;
    expect(contact.phones.map((p) => p.number)).toEqual(['15866201234', '0531-7654321']);
    expect(contact.person).toBe('王小明');
  });

  it('takes a signature table of contact cells under a price list for the contact', () => {
    const result = structure(
      [
        cells([
          ['服务项目', '单价（元）'],
          ['日语笔译', '180'],
          ['韩语笔译', '200'],
        ]),
        cells([
          ['报价单位：某某翻译社（盖章）', '经办人：刘某'],
          ['电话：0532-81234567', '手机：13712345678'],
          ['地址：青岛市市南区香港中路10号', ''],
        ]),
      ],
      '报价单.docx',
    );
    expect(titles(result.columns, 'products')).toEqual(['日语笔译', '韩语笔译']);
    const contact = parseContact(result.contactLines)!;
    expect(contact.phones.map((p) => p.number)).toEqual(['0532-81234567', '13712345678']);
    expect(contact.address).toBe('青岛市市南区香港中路10号');
  });
});
