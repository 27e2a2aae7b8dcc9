/**
 * Shapes the held-out round 20 (new shapes) showed the importer misread (issue 9): a reply e-mail quoting the
 * older mail under it, a mail signed with a name over the business's, a news line after a lead-in, a size typed
 * after a product's name, a photo named by a title's abbreviated first word, and buying or offering lines and a
 * 面议 offer standing in an introduction. The text is made up for the tests.
 */
import { describe, expect, it } from 'vitest';
import type { Column } from '../../../shared/sites/model';
import { parseContact } from '../../../electron/backend/domains/intake/contact';
import { mailText, readEmail } from '../../../electron/backend/domains/intake/email';
import { fileNameColumn, namesTwoColumns } from '../../../electron/backend/domains/intake/keywords';
import { newsLine, productLine } from '../../../electron/backend/domains/intake/lineItems';
import { folderHint, matchPhoto } from '../../../electron/backend/domains/intake/photos';
import { eml } from '../../fixtures/materials/make/office';
import { itemTitles, structuredText } from '../../helpers/structuredText';

describe('a reply e-mail', () => {
  const REPLY = [
    '王经理：',
    '',
    '今年的价格改了，请按这个写：',
    '黄金梨　3元/斤',
    '',
    '-----原始邮件-----',
    '发件人: "王强" <wq@example.com>',
    '发送时间: 2026年11月30日(星期一) 上午10:02',
    '主题: 梨的价格',
    '',
    '黄金梨　8元/公斤',
    '雪花梨　6元/公斤',
    '王强',
  ].join('\n');
  const mail = (subject: string, text: string) =>
    eml({ from: 'a@b.example', to: 'c@d.example', date: 'Fri, 4 Dec 2026 20:41:07 +0800', subject, text, attachments: [] });

  it('keeps only the newest message: the older mail quoted under its separator is left out, in text and HTML', () => {
    const content = readEmail(mail('回复：梨的价格', REPLY));
    expect(content.text).toContain('黄金梨　3元/斤');
    expect(content.text).not.toContain('公斤');
    expect(content.text).not.toContain('王强');
    expect(content.html).toContain('3元/斤');
    expect(content.html).not.toContain('雪花梨');
  });

  it('keeps a forward’s text under its separator, and drops lines quoted with ">" in any mail', () => {
    expect(readEmail(mail('转发：梨的价格', REPLY)).text).toContain('雪花梨');
    expect(mailText('新价：苹果4元/斤\n> 旧价：苹果7元/公斤\n>> 更早的')).toBe('新价：苹果4元/斤');
  });

  it('leaves out the greeting to its reader, which is no heading of the material', () => {
    expect(mailText('王经理：\n\n黄金梨　3元/斤')).toBe('\n黄金梨　3元/斤');
    expect(mailText('李总您好！\n黄金梨　3元/斤')).toBe('黄金梨　3元/斤');
    expect(mailText('徐女士您好：\n黄金梨　3元/斤')).toBe('黄金梨　3元/斤');
    for (const heading of ['黄金梨：', '价格汇总：', '招聘老师：']) expect(mailText(`${heading}\n3元/斤`)).toBe(`${heading}\n3元/斤`);
  });

  it('takes the name signed over the business’s name at the end as the contact person', () => {
    expect(mailText('价格见上。\n\n手机：13800001234\n\n李娟\n某某县李家果园').split('\n')).toEqual([
      '价格见上。',
      '',
      '手机：13800001234',
      '',
      '联系人：李娟',
      '某某县李家果园',
    ]);
    // A letter's closing, or a short item over a description, is no signature.
    expect(mailText('此致\n敬礼')).toBe('此致\n敬礼');
    expect(mailText('红枣\n新疆若羌灰枣一级')).toBe('红枣\n新疆若羌灰枣一级');
  });
});

describe('a contact line', () => {
  it('does not take the writer’s own "（我）" beside a number for a person', () => {
    const contact = parseContact(['手机：13800001234（我），座机0533-1234567', '联系人：李娟']);
    expect(contact?.person).toBe('李娟');
  });
});

describe('a news line after a lead-in that names news', () => {
  it('is dated by the date after the lead-in and titled by its first clause', () => {
    const line = newsLine('新闻可以写这个：12月1日起冷库梨开始出库，老客户可以预订。', [], '2026-12-05');
    expect(line?.title).toBe('12月1日起冷库梨开始出库');
    expect(line?.date).toMatchObject({ iso: '2026-12-01', yearInferred: true });
  });
});

describe('a size typed a space after a product’s name', () => {
  it('stays in the name; a size written onto the name, or a pack per bottle, still goes to the spec', () => {
    expect(productLine('不锈钢保温壶 1.5L　　68元/个')).toMatchObject({ name: '不锈钢保温壶 1.5L' });
    expect(productLine('纯棉毛巾 120克　　12元/条')).toMatchObject({ name: '纯棉毛巾 120克' });
    expect(productLine('洋槐蜜500g　　38元/瓶')).toMatchObject({ name: '洋槐蜜', spec: '500g' });
    expect(productLine('枣花蜜 500g/瓶　　42元')).toMatchObject({ name: '枣花蜜', spec: '500g/瓶' });
  });
});

describe('photos', () => {
  const column = (names: string[]): Column[] => [
    {
      id: 'c',
      type: 'products',
      title: '产品',
      order: 0,
      channels: { web: true, wap2: true, wap1: true, sms: true },
      body: [],
      items: names.map((name, i) => ({ kind: 'product', id: `p${i}`, name, description: [], images: [] })),
    } as Column,
  ];

  it('finds the item a photo names by the abbreviated first word of its title', () => {
    const found = matchPhoto('304保温壶.jpg', column(['304不锈钢保温壶 1.5L', '玻璃水杯 300ml']));
    expect(found.kind === 'item' && found.item.id).toBe('p0');
  });

  it('takes no hint from a folder or mail named for two columns’ contents', () => {
    expect(namesTwoColumns('回复：梨的价格和介绍.eml')).toBe(true);
    expect(namesTwoColumns('产品和价格')).toBe(false);
    expect(folderHint('回复：梨的价格和介绍.eml/梨园.jpg')).toBeUndefined();
    expect(folderHint('价格表.eml/梨园.jpg')).toBe('products');
  });
});

describe('an introduction with buying, offering and 面议 lines of their own', () => {
  it('puts each into its column, not the introduction', () => {
    const NOTE = [
      '某某空调维修部',
      '',
      '我们做空调安装维修十几年了，格力、美的都修，市区一小时上门。',
      '',
      '高价回收旧空调，坏的也要，上门拆。',
      '出售二手挂机、柜机，保用一年。',
      '整套中央空调设计安装价格面议，按面积算。',
      '',
      '电话：0531-1234567',
    ].join('\n');
    const material = structuredText(NOTE, '维修部简介.txt');
    const intro = material.columns.find((c) => c.type === 'intro');
    expect(JSON.stringify(intro?.body)).not.toMatch(/回收|出售|面议/);
    const posts = material.columns.find((c) => c.type === 'supply')?.items ?? [];
    expect(posts.map((p) => (p.kind === 'post' ? [p.title, p.postKind] : []))).toEqual([
      ['高价回收旧空调', 'demand'],
      ['出售二手挂机、柜机', 'supply'],
    ]);
    expect(itemTitles(material.columns.find((c) => c.type === 'products'))).toEqual(['整套中央空调设计安装']);
  });

  it('leaves a line about a supply chain in the introduction', () => {
    const material = structuredText('某某物流\n\n公司做冷链运输十年。\n\n供应链管理服务覆盖全省，仓储配送一体。', '公司简介.txt');
    expect(material.columns.find((c) => c.type === 'supply')).toBeUndefined();
  });
});

describe('a mail named for two columns, or with reply marks', () => {
  const REPLY_BODY = [
    '您好！您整理的是去年的，请按这个写：',
    '',
    '黄金梨　3元/斤',
    '雪花梨　2.5元/斤',
    '',
    '新闻可以写这个：11月20日起梨窖开始出货。',
  ].join('\n');

  it('does not title a column by a name joining two columns’ contents: each line goes to its own column', () => {
    const { columns } = structuredText(REPLY_BODY, '回复：梨的价格和介绍.eml');
    expect(columns.map((c) => [c.type, c.title])).toEqual([
      ['products', '产品展示'],
      ['news', '新闻动态'],
    ]);
    expect(itemTitles(columns.find((c) => c.type === 'products'))).toEqual(['黄金梨', '雪花梨']);
  });

  it('reads the name without its reply or forward marks', () => {
    expect(fileNameColumn('回复：价格表.eml')).toMatchObject({ type: 'products', from: '价格表' });
    expect(fileNameColumn('Re: 转发：价格表.eml')).toMatchObject({ type: 'products', from: '价格表' });
  });
});
