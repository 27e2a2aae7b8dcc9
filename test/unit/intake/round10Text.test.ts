/**
 * Shapes of plain text the held-out round 10 showed the importer did not read (issue 9): prices in
 * capital numerals (叁拾元), two or three priced items typed on one line, a notice dated in Chinese
 * numerals, text without punctuation, contact labels without colons, a person named by a title beside
 * the number, positions listed in one sentence, a diary paragraph of dated notices, numbered entries
 * under a column heading, a screenshot, job lines in a mail. The text is made up for the tests.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Input } from '../../../shared/api';
import { creditCodeCheckChar } from '../../../shared/domain/creditCode';
import { createTestBackend, tempDir } from '../../helpers/backend';
import { parseContact } from '../../../electron/backend/domains/intake/contact';
import { findAnyDate } from '../../../electron/backend/domains/intake/dates';
import { couldBeHeading } from '../../../electron/backend/domains/intake/headings';
import { textOf } from '../../../electron/backend/domains/intake/htmlToBlocks';
import { readPdf } from '../../../electron/backend/domains/intake/pdf';
import { isCameraName } from '../../../electron/backend/domains/intake/photos';
import { structureDocument, textToBlocks } from '../../../electron/backend/domains/intake/structure';
import { itemTitle, type Column } from '../../../shared/sites/model';
import { parsePrice } from '../../../shared/sites/price';
import { simplePdf } from '../../helpers/pdf';

let counter = 0;
const env = { newId: () => `id-${++counter}` };
const TODAY = '2026-12-01';
const column = (columns: Column[], type: string) => columns.find((c) => c.type === type);
const titles = (columns: Column[], type: string) => column(columns, type)?.items.map(itemTitle) ?? [];
const structureText = (text: string) => structureDocument(textToBlocks(text.split('\n')), 'a.txt', env, { today: TODAY });

describe('prices in capital numerals', () => {
  it('reads 叁拾元, 每付叁元, 壹仟贰佰元起 as amounts', () => {
    expect(parsePrice('叁拾伍元')).toEqual({ kind: 'amount', fen: 3500 });
    expect(parsePrice('每付叁元')).toEqual({ kind: 'amount', fen: 300, unit: '付' });
    expect(parsePrice('每次肆拾元')).toEqual({ kind: 'amount', fen: 4000, unit: '次' });
    expect(parsePrice('壹仟贰佰元起')).toEqual({ kind: 'amount', fen: 120000, from: true });
    expect(parsePrice('单价：贰仟陆佰捌拾元')).toEqual({ kind: 'amount', fen: 268000 });
    expect(parsePrice('壹万伍仟元整')).toEqual({ kind: 'amount', fen: 1500000 });
  });

  it('does not read a lone numeral without 元 as an amount', () => {
    expect(parsePrice('叁')).toBeUndefined();
    expect(parsePrice('三')).toBeUndefined();
  });
});

describe('priced items typed two or three a line', () => {
  it('makes each name and price a product, also under a services heading', () => {
    const result = structureText(
      ['服务项目', '修脚 每次贰拾元  刮痧 每次叁拾元  拔罐 每次壹拾伍元', '足浴 每次肆拾元  按摩 面议', '', '联系电话 0535-6123456'].join(
        '\n',
      ),
    );
    expect(titles(result.columns, 'products')).toEqual(['修脚', '刮痧', '拔罐', '足浴', '按摩']);
    const items = column(result.columns, 'products')!.items;
    expect(items[2]).toMatchObject({ price: { kind: 'amount', fen: 1500, unit: '次' } });
    expect(items[4]).toMatchObject({ price: { kind: 'negotiable' } });
  });

  it('leaves a table of names and prices in cells of their own as it was', () => {
    const result = structureText(['价目表', '修脚  20元', '刮痧  30元'].join('\n'));
    expect(titles(result.columns, 'products')).toEqual(['修脚', '刮痧']);
  });
});

describe('text written without punctuation', () => {
  it('reads a notice dated in Chinese numerals and titles it with its first clause', () => {
    const result = structureText(['最新通知', '二〇二六年三月八日 本店三月十日起装修 停业三天 敬请谅解'].join('\n'));
    const news = column(result.columns, 'news')!.items;
    expect(news.map(itemTitle)).toEqual(['本店三月十日起装修']);
    expect(news[0]).toMatchObject({ date: '2026-03-08' });
  });

  it('does not cut a notice down to its date when the words before the first space are only a date', () => {
    const result = structureText(['最新消息', '2026年5月1日起 老客户保养 工时费八折'].join('\n'));
    const news = column(result.columns, 'news')!.items;
    expect(news.map(itemTitle)).toEqual(['2026年5月1日起 老客户保养 工时费八折']);
  });

  it('finds dates in Chinese numerals with 〇 and 零', () => {
    expect(findAnyDate('二〇一九年十二月二十一日开业', [], TODAY)?.iso).toBe('2019-12-21');
    expect(findAnyDate('二零二五年五月一日', [], TODAY)?.iso).toBe('2025-05-01');
  });
});

describe('contact lines as people type them', () => {
  it('reads labels followed by a space instead of a colon', () => {
    expect(parseContact(['地址 烟台市芝罘区南大街9号', '电话 0535-6123456  手机 13805351234 微信同号', '联系人 李大夫'])).toEqual({
      address: '烟台市芝罘区南大街9号',
      phones: [
        { label: '电话', number: '0535-6123456' },
        { label: '手机', number: '13805351234' },
      ],
      person: '李大夫',
    });
  });

  it('keeps a spaced address line out of the headings', () => {
    const result = structureText(['常年供应：青石板材，量大从优', '常年收购：旧石磨', '', '地址 嘉祥县某某镇1号'].join('\n'));
    expect(titles(result.columns, 'supply')).toEqual(['青石板材', '旧石磨']);
    expect(result.contactLines).toContain('地址 嘉祥县某某镇1号');
  });

  it('takes the person named by a title beside the number', () => {
    expect(parseContact(['电话同微信 13605371234 赵厂长'])).toMatchObject({
      phones: [{ label: '手机', number: '13605371234' }],
      person: '赵厂长',
    });
    expect(parseContact(['值班经理：钱经理 13905331234'])?.person).toBe('钱经理');
    expect(parseContact(['销售顾问：小刘 13905331234'])?.person).toBe('小刘');
    expect(parseContact(['热线电话微信同号 15905331234 周师傅'])?.person).toBe('周师傅');
  });

  it('keeps 号 in the address when the phone label follows it without a space', () => {
    expect(parseContact(['地址：台州市某某路18号电话：0576-81234567'])).toMatchObject({
      address: '台州市某某路18号',
      phones: [{ label: '电话', number: '0576-81234567' }],
    });
  });
});

describe('positions listed in one sentence', () => {
  it('reads the positions after a reason and who is hiring, each with its remark and the pay after them', () => {
    const result = structureText(['人才招聘', '因门店扩张，本店现招聘理发师2名、洗头工 3 名（女性）、收银员1名，待遇面议。'].join('\n'));
    const jobs = column(result.columns, 'jobs')!.items;
    expect(jobs.map(itemTitle)).toEqual(['理发师', '洗头工', '收银员']);
    expect(jobs.map((j) => j.kind === 'job' && [j.headcount, j.pay])).toEqual([
      [2, '面议'],
      [3, '面议'],
      [1, '面议'],
    ]);
  });

  it('gives each position the pay of the sentence part that names it by a short name', () => {
    const result = structureText(
      [
        '招聘启事',
        '本厂现招聘数控车工 2 名、PLC 调试员1名、包装学徒3名。车工、调试员要求两年经验，月薪7000-9000元；学徒包吃住，月薪3500元起。',
      ].join('\n'),
    );
    const jobs = column(result.columns, 'jobs')!.items;
    expect(jobs.map(itemTitle)).toEqual(['数控车工', 'PLC调试员', '包装学徒']);
    expect(jobs.map((j) => j.kind === 'job' && j.pay)).toEqual(['月薪7000-9000元', '月薪7000-9000元', '月薪3500元起']);
  });

  it('reads untagged job lines with a headcount and pay among other text as jobs, not priced products', () => {
    const result = structureText(
      [
        '王经理您好：',
        '',
        '资料发您了，产品在附件里，请查收。',
        '',
        '我们是一家文具批发店，做了十年，给附近学校供货。',
        '',
        '另外店里要招人，也帮忙挂上：',
        '配货员2名，男性，40岁以下，月薪4000-4500元',
        '会计1名，有证，月薪5000元',
        '',
        '有事打我电话。',
      ].join('\n'),
    );
    expect(titles(result.columns, 'jobs')).toEqual(['配货员', '会计']);
    expect(column(result.columns, 'products')).toBeUndefined();
  });

  it('reads a single line "招学徒1名…" in a note without headings as a job', () => {
    const result = structureText(['老街修鞋铺 三十年老店', '招学徒1名 包吃住 出师后月薪5000以上'].join('\n'));
    const jobs = column(result.columns, 'jobs')!.items;
    expect(jobs.map(itemTitle)).toEqual(['学徒']);
    expect(jobs[0]).toMatchObject({ headcount: 1, pay: '出师后月薪5000以上' });
  });
});

describe('a diary paragraph in a news column', () => {
  it('makes each sentence that starts with a date a notice of its own', () => {
    const result = structureText(
      ['新闻动态', '2026年3月2日，本店新装修开业，来客二百余人。4月5日，本店获评区级放心店。6月1日，儿童节全场八折，欢迎光临。'].join('\n'),
    );
    const news = column(result.columns, 'news')!.items;
    expect(news.map(itemTitle)).toEqual(['本店新装修开业', '本店获评区级放心店', '儿童节全场八折']);
    expect(news.map((n) => n.kind === 'article' && n.date)).toEqual(['2026-03-02', '2026-04-05', '2026-06-01']);
  });
});

describe('numbered entries under a column heading', () => {
  it('reads "一、X套餐" headings after an unnumbered "…套餐" heading as its products', () => {
    const h = (text: string) => ({ type: 'heading' as const, level: 2, runs: [{ text, strong: true }] });
    const p = (text: string) => ({ type: 'paragraph' as const, runs: [{ text }] });
    const blocks = [
      h('旅游套餐'),
      h('一、海滨一日游套餐'),
      p('单价：贰佰玖拾捌元'),
      h('二、温泉两日游套餐'),
      p('单价：陆佰捌拾元整'),
      h('联系我们'),
      p('电话：0631-5123456'),
    ];
    const result = structureDocument(blocks, 'a.odt', env, { today: TODAY });
    const products = column(result.columns, 'products')!.items;
    expect(products.map(itemTitle)).toEqual(['海滨一日游套餐', '温泉两日游套餐']);
    expect(products[1]).toMatchObject({ price: { kind: 'amount', fen: 68000 } });
  });
});

describe('a price list photographed from a phone screen', () => {
  it('takes a picture named only 截图 or 屏幕截图 for a screenshot, to be read by OCR', () => {
    expect(isCameraName('截图.png')).toBe(true);
    expect(isCameraName('屏幕截图.png')).toBe(true);
    expect(isCameraName('门头.jpg')).toBe(false);
  });

  it('does not take a name run into 面议 for a heading', () => {
    expect(couldBeHeading('上门换锁面议')).toBe(false);
    expect(couldBeHeading('价格表')).toBe(true);
  });
});

describe('the short name as the customer writes it', () => {
  it('takes the document title when it is the short name without its trailing words', async () => {
    const backend = createTestBackend();
    try {
      const first17 = '91371100MA3C0A1B2';
      const { id } = await backend.call('enterprises.create', {
        name: '日照市东港区喜乐婚庆礼仪有限公司',
        creditCode: first17 + creditCodeCheckChar(first17),
        industrySection: 'O',
        region: { province: '山东省', city: '日照市', district: '东港区' },
        address: '山东省日照市东港区海滨路1号',
        contact: { name: '赵乐', mobile: '13806331234' },
        manager: '李经理',
        channel: 'customer_manager',
      } as Input<'enterprises.create'>);
      const dir = path.join(tempDir('ecw-own-name-'), '喜乐婚庆');
      mkdirSync(dir);
      writeFileSync(path.join(dir, '介绍.txt'), ['喜乐婚庆', '', '公司简介', '喜乐婚庆成立于2010年，专做婚礼策划。'].join('\n'));
      const report = await backend.call('sites.import', { enterpriseId: id, paths: [dir] });
      const site = await backend.call('sites.get', { siteId: report.siteId });
      expect(site.content.profile.shortName).toBe('喜乐婚庆');
      expect(site.content.sms.menu.welcome).toBe('欢迎光临喜乐婚庆');
    } finally {
      backend.cleanup();
    }
  });
});

describe('lines of a PDF that start something of their own', () => {
  it('does not join a line starting with a date or a label to the long line above it', async () => {
    const long = 'Our pupils won three gold medals and two silver medals at the city swimming games';
    const pdf = simplePdf([long, '2026-11-15 Open day for parents', long, 'Tel: 0532-86990000']);
    const { blocks } = await readPdf(pdf, async () => undefined);
    expect(blocks.filter((b) => b.type === 'paragraph').map(textOf)).toEqual([
      long,
      '2026-11-15 Open day for parents',
      long,
      'Tel: 0532-86990000',
    ]);
  });

  it('keeps 一层 in the address when the phone label follows it', () => {
    expect(parseContact(['地址：青岛市某某路8号某某广场负一层咨询电话：0532-81234567'])).toMatchObject({
      address: '青岛市某某路8号某某广场负一层',
      phones: [{ label: '咨询电话', number: '0532-81234567' }],
    });
  });

  it('does not take a position with its headcount and pay for a heading', () => {
    expect(couldBeHeading('前台文员1名 月薪3800元')).toBe(false);
    expect(couldBeHeading('门店茶艺师 3名')).toBe(true);
  });
});
