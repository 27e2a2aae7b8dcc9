/**
 * Shapes the held-out round 26 (typical customers' material) showed the importer misread (issue 9): two hires parted by
 * a comma with each one's pay said by its name, hires in two sentences of one paragraph, a day's pay without 元, a hire
 * led by the place (园里招…), 回收 as a heading over what is bought, a month and 起 opening a notice, the main shop's
 * address after 总店, a surcharge line under a menu group, rooms and a bar counter as places, and short names after
 * 家庭农场, 餐馆, 加工部 and 门窗. The text is made up for the tests.
 */
import { describe, expect, it } from 'vitest';
import { shortNameOf } from '../../../electron/backend/domains/sites/defaults';
import { fullerAddress, fullerPerson, parseContact } from '../../../electron/backend/domains/intake/contact';
import { jobLine, newsLine, productLine } from '../../../electron/backend/domains/intake/lineItems';
import { isPlaceName } from '../../../electron/backend/domains/intake/photos';
import type { Job } from '../../../shared/sites/model';
import type { SourceBlock } from '../../../electron/backend/domains/intake/htmlToBlocks';
import { structureDocument } from '../../../electron/backend/domains/intake/structure';
import { env, itemTitles, structuredText, TODAY } from '../../helpers/structuredText';

const jobsOf = (text: string) => {
  const jobs = structuredText(text, '情况.txt').columns.find((c) => c.type === 'jobs');
  return (jobs?.items ?? []) as Job[];
};

describe('round 26 typical jobs', () => {
  it('reads two hires parted by a comma, each taking the pay said by its name', () => {
    const jobs = jobsOf('年前忙，招洗碗工2名，传菜员1名，包吃住，洗碗工一个月3800，传菜员3300，能上夜班。');
    expect(jobs.map((j) => [j.title, j.headcount])).toEqual([
      ['洗碗工', 2],
      ['传菜员', 1],
    ]);
    expect(jobs.map((j) => j.pay)).toEqual(['一个月3800', '3300']);
    expect(jobs.map((j) => j.requirements.map((r) => JSON.stringify(r)).join())).toEqual([
      expect.stringContaining('包吃住，能上夜班'),
      expect.stringContaining('包吃住，能上夜班'),
    ]);
  });

  it('reads hires told one sentence after another in one paragraph', () => {
    const jobs = jobsOf('招聘\n招钣金工1名，会氩弧焊，一天280元。招打磨工2名，能吃苦，按件计酬。有意者电联。');
    expect(jobs.map((j) => [j.title, j.headcount])).toEqual([
      ['钣金工', 1],
      ['打磨工', 2],
    ]);
    expect(jobs[1]!.pay).toBe('按件计酬');
  });

  it('reads a day pay said without 元 and a hire led by the place of the business', () => {
    expect(jobLine('果园里招摘果工3名，一天150，管午饭')).toMatchObject({ title: '摘果工', headcount: 3, pay: '一天150' });
    expect(jobLine('车间里招包装工2名，计件')).toMatchObject({ title: '包装工', headcount: 2 });
  });
});

describe('round 26 typical lines', () => {
  it('takes 回收 alone as a heading over what is bought', () => {
    const supply = structuredText('回收\n收购：旧电瓶、废铜线，上门拉货。', '说明.txt').columns.find((c) => c.type === 'supply');
    expect(itemTitles(supply)).toEqual(['旧电瓶、废铜线']);
  });

  it('dates a notice opening with a month and 起 to that month', () => {
    expect(newsLine('3月起每周日上午开亲子烘焙课，需要预约。', [2026], TODAY)).toMatchObject({
      date: { iso: '2026-03-01', dayMissing: true },
      title: '3月起每周日上午开亲子烘焙课',
    });
  });

  it('reads the main shop’s address after 总店', () => {
    expect(parseContact(['总店：某市某区人民路与和平街交叉口北50米', '二店：万达一楼'])?.address).toBe(
      '某市某区人民路与和平街交叉口北50米',
    );
  });

  it('takes a surcharge under a menu group for no item, and the one product above it for the group', () => {
    expect(productLine('加珍珠 / 加椰果 +2 元')).toBeUndefined();
    const material = structuredText('饮品单\n\n果茶\n百香果柠檬茶　16元\n加珍珠 / 加椰果 +2 元\n\n奶茶\n原味奶茶　10元\n', '单子.txt');
    const products = material.columns.find((c) => c.type === 'products');
    expect(itemTitles(products)).toEqual(['百香果柠檬茶', '原味奶茶']);
  });

  it('takes a private room and a bar counter for places', () => {
    expect(['三楼包厢.jpg', '吧台.jpg', '卡座区.jpg'].map(isPlaceName)).toEqual([true, true, true]);
  });

  it('shortens 家庭农场, 餐馆 after a name of four, 加工部 and 门窗 after a trade', () => {
    const region = { province: '河南省', city: '某市', district: '某区' } as Parameters<typeof shortNameOf>[1];
    expect(shortNameOf('青禾田园家庭农场', region)).toBe('青禾田园');
    expect(shortNameOf('大刘家常菜餐馆', region)).toBe('大刘家常菜');
    expect(shortNameOf('老王餐馆', region)).toBe('老王餐馆');
    expect(shortNameOf('金盾不锈钢门窗加工部', region)).toBe('金盾不锈钢');
    expect(shortNameOf('安居门窗', region)).toBe('安居门窗');
  });
});

describe('round 25 leftovers', () => {
  it('takes a flyer group laid out as a two-column table of priced rows for products', () => {
    const cell = (text: string) => [{ text }];
    const blocks: SourceBlock[] = [
      { type: 'paragraph', runs: [{ text: '其他' }] },
      {
        type: 'table',
        header: false,
        rows: [
          [cell('帆布鞋'), cell('59 元')],
          [cell('棉拖鞋'), cell('15 元/双，两双 25 元')],
        ],
      },
    ];
    const material = structureDocument(blocks, '特卖.pdf', env, { today: TODAY });
    expect(itemTitles(material.columns.find((c) => c.type === 'products'))).toEqual(['帆布鞋', '棉拖鞋']);
  });

  it('reads 长期处理库存… as a supply post', () => {
    const material = structuredText('某某服装\n长期处理库存衣服，给摆摊的批发，5元一件起。\n招店员1名，一个月3000。', '说明.txt');
    const supply = material.columns.find((c) => c.type === 'supply');
    expect(itemTitles(supply)).toEqual(['长期处理库存衣服']);
    expect(supply?.items[0]).toMatchObject({ postKind: 'supply' });
  });

  it('reads a full name alone after the number as the person', () => {
    expect(parseContact(['联系电话：13900001111 石建军（微信同号）'])?.person).toBe('石建军');
    expect(parseContact(['电话：13900001111 全天'])?.person).toBeUndefined();
  });

  it('keeps the fuller of two files’ addresses and a full name over a title of the same surname', () => {
    const full = '某市某街道金龙大道28号（老车站对面）';
    expect(fullerAddress(full, '某市金龙大道28号')).toBe(full);
    expect(fullerAddress('某市金龙大道28号', full)).toBe(full);
    expect(fullerAddress(full, '某市人民路5号')).toBe('某市人民路5号');
    expect(fullerPerson('石建军', '石老板')).toBe('石建军');
    expect(fullerPerson('石建军', '王经理')).toBe('王经理');
  });
});
