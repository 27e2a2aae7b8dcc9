/**
 * Shapes the held-out round 19 (typical customers' material) showed the importer misread (issue 9): a note named
 * like an introduction with a dated price list and a 供应 line in it, an old Word price list numbered across its
 * categories, and a Moments post whose exclaimed headline stands before its dates. The text is made up for the tests.
 */
import { describe, expect, it } from 'vitest';
import { jobLine } from '../../../electron/backend/domains/intake/lineItems';
import { itemTitles, structuredText } from '../../helpers/structuredText';

describe('a note named like an introduction', () => {
  const NOTE = [
    '青山果品专业合作社',
    '',
    '合作社有果园三百亩，种苹果、梨和桃，欢迎来园采摘。',
    '',
    '今日果价（园里价，12月3日）',
    '红富士　　3.6元/斤',
    '黄金梨　　2.9元/斤',
    '水蜜桃　　5.5元/斤',
    '',
    '供应：苹果树苗、梨树苗，1.5元一棵，量大从优。',
    '',
    '电话：0535-1234567',
  ].join('\n');

  it('puts a dated price list under a sub-heading and a 供应 line into their columns, not the introduction', () => {
    const material = structuredText(NOTE, '合作社简介.txt');
    const intro = material.columns.find((c) => c.type === 'intro');
    expect(intro?.body.map((b) => b.type)).not.toContain('table');
    expect(JSON.stringify(intro?.body)).not.toContain('供应');
    expect(itemTitles(material.columns.find((c) => c.type === 'products'))).toEqual(['红富士', '黄金梨', '水蜜桃']);
    expect(itemTitles(material.columns.find((c) => c.type === 'supply'))).toEqual(['苹果树苗、梨树苗']);
  });
});

describe('an old Word price list numbered across its categories', () => {
  const LIST = [
    '华美灯饰价格表',
    '一、吸顶灯',
    '1、圆形吸顶灯　　128元/个',
    '2、方形吸顶灯　　158元/个',
    '二、吊灯',
    '3、水晶吊灯　　880元/个起',
    '4、铁艺吊灯　　460元/个',
    '三、其他',
    '5、灯具安装　　面议',
    '',
    '送货上门，旧灯免费拆。',
    '招聘：电工1名，有电工证，月薪4500以上。',
    '地址：某市某区灯饰城二楼',
    '电话：0531-7654321',
  ].join('\n');

  it('names the items without their numbers and reads the section after the list with it', () => {
    const material = structuredText(LIST, '价格表.doc');
    const products = material.columns.filter((c) => c.type === 'products').flatMap((c) => itemTitles(c) ?? []);
    expect(products).toEqual(['圆形吸顶灯', '方形吸顶灯', '水晶吊灯', '铁艺吊灯', '灯具安装']);
    expect(itemTitles(material.columns.find((c) => c.type === 'jobs'))).toEqual(['电工']);
    expect(material.unsorted.flatMap((e) => e.blocks).length).toBe(0);
  });
});

describe('a Moments post pasted into a note', () => {
  it('titles a dated notice by the exclaimed headline in front of its dates', () => {
    const material = structuredText(
      '秋季空调清洗季开始啦！11月20日到12月20日，上门清洗挂机只要49元。\n\n另招学徒2名，包吃住，月薪3000-4000。\n\n有需要的朋友电话联系 13800001234',
      '朋友圈.txt',
    );
    const news = material.columns.find((c) => c.type === 'news');
    expect(itemTitles(news)).toEqual(['秋季空调清洗季开始啦']);
    expect(news?.items[0]).toMatchObject({ date: '2026-11-20' });
  });

  it('reads "另招…N名" as a job titled by the position', () => {
    expect(jobLine('另招洗车工3名，能吃苦，月薪5000-6000')).toMatchObject({ title: '洗车工', headcount: 3 });
    expect(jobLine('再招送水工1名，有电动三轮优先')).toMatchObject({ title: '送水工', headcount: 1 });
  });
});
