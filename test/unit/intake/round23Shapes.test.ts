/**
 * Smaller shapes round 23's new formats brought along (issue 9): a hire after the part of the business that hires, a
 * room named with 间, a month with its year dating news in an introduction, a Cantonese Mr after a number, pack
 * contents beside sizes in a list of repeated names, and the brand in the customer's own words. Text made up for the
 * tests.
 */
import { describe, expect, it } from 'vitest';
import { parseContact } from '../../../electron/backend/domains/intake/contact';
import { isCurrentNotice } from '../../../electron/backend/domains/intake/lineItems';
import { brandTitleLine, sameBrand } from '../../../electron/backend/domains/intake/ownName';
import { isPlaceName } from '../../../electron/backend/domains/intake/photos';
import { specsInSameNames } from '../../../electron/backend/domains/intake/sameItems';
import type { Item } from '../../../shared/sites/model';
import { itemTitles, structuredText, TODAY } from '../../helpers/structuredText';

describe('a hire after the part of the business, with 要', () => {
  it('titles the job by the position', () => {
    const material = structuredText('门店要招营业员2名，月薪3800，包午饭。\n车间需要招焊工1名，一个月7000左右。', '招聘.txt');
    const jobs = material.columns.find((c) => c.type === 'jobs');
    expect(itemTitles(jobs)).toEqual(['营业员', '焊工']);
  });
});

describe('a room named with 间', () => {
  it('is a place, but not the 间 of time or position', () => {
    expect(isPlaceName('展示间.jpg')).toBe(true);
    expect(isPlaceName('洗手间.jpg')).toBe(true);
    expect(isPlaceName('营业时间.jpg')).toBe(false);
    expect(isPlaceName('中间.jpg')).toBe(false);
    expect(isPlaceName('夜间.jpg')).toBe(false);
  });
});

describe('a month with its year in an introduction', () => {
  it('dates a notice within half a year of today, not a list’s validity nor the business’s history', () => {
    expect(isCurrentNotice('2026年10月，门店搬到新华路88号，营业面积扩大一倍。', [], TODAY)).toBe(true);
    expect(isCurrentNotice('2026年9月起执行', [], TODAY)).toBe(false);
    expect(isCurrentNotice('2019年5月，门店在老街开张，至今七年。', [], TODAY)).toBe(false);
  });
});

describe('a Cantonese Mr after a number', () => {
  it('is the person', () => {
    expect(parseContact(['电话：020-81234567  手机13912345678 黄生'])?.person).toBe('黄生');
    expect(parseContact(['手机13912345678 医生'])?.person).toBeUndefined();
  });
});

describe('pack contents in a list of repeated names', () => {
  const product = (name: string, spec: string): Item =>
    ({ kind: 'product', id: name + spec, name, spec, images: [], details: [] }) as unknown as Item;
  const names = (items: Item[]) => items.map((i) => (i.kind === 'product' ? i.name : ''));

  it('join only a repeated name when sizes tell the repeated names apart', () => {
    const items = [product('玻璃花瓶', '20cm'), product('玻璃花瓶', '30cm'), product('营养液', '500ml'), product('花剪', 'A-12')];
    specsInSameNames(items);
    expect(names(items)).toEqual(['玻璃花瓶 20cm', '玻璃花瓶 30cm', '营养液', '花剪 A-12']);
  });

  it('join every name when weights tell the repeated names apart', () => {
    const items = [product('复合肥', '25kg'), product('复合肥', '50kg'), product('尿素', '40kg')];
    specsInSameNames(items);
    expect(names(items)).toEqual(['复合肥 25kg', '复合肥 50kg', '尿素 40kg']);
  });
});

describe('the brand in the customer’s own words', () => {
  it('is the same brand and trade, not the short name with words put in nor a service', () => {
    expect(sameBrand('宏达木门工坊', '宏达门业')).toBe(true);
    expect(sameBrand('宏达实木门业', '宏达门业')).toBe(false);
    expect(sameBrand('宏达安装服务', '宏达门业')).toBe(false);
    expect(sameBrand('宏达门业有限公司', '宏达门业')).toBe(false);
  });

  it('titles a text from its first line alone over more text', () => {
    const blocks = [
      { type: 'paragraph' as const, runs: [{ text: '宏达木门工坊' }] },
      { type: 'paragraph' as const, runs: [{ text: '我们做断桥铝门窗十年了。' }] },
    ];
    expect(brandTitleLine(blocks, ['某某市宏达门业有限公司', '宏达门业'])).toBe('宏达木门工坊');
    expect(brandTitleLine(blocks.slice(0, 1), ['宏达门业'])).toBeUndefined();
  });
});
