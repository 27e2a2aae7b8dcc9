/**
 * Shapes the held-out round 28 (typical customers' material) showed the importer misread (issue 9): a date written
 * with 号 and its year, a price board's terms under a line of its own, a phone labelled by what it is called for
 * (订餐：…), hires under 店里缺人：, 招收学徒 as a jobs heading, a Moments headline after 🏠, workshops, fields,
 * instruments and people at work as the business's places, and 坊 after a name of four. Made-up text.
 */
import { describe, expect, it } from 'vitest';
import { shortNameOf } from '../../../electron/backend/domains/sites/defaults';
import { parseContact } from '../../../electron/backend/domains/intake/contact';
import { newsLine } from '../../../electron/backend/domains/intake/lineItems';
import { isEquipmentName, isPlaceName } from '../../../electron/backend/domains/intake/photos';
import { withEmojiLabel } from '../../../electron/backend/domains/intake/socialNote';
import type { Job } from '../../../shared/sites/model';
import { itemTitles, structuredText, TODAY } from '../../helpers/structuredText';

describe('round 28 typical material', () => {
  it('takes 号 after a full date as part of the date, not of the title', () => {
    expect(newsLine('2026年11月8号，新店在人民路开业，全场八折。', [2026], TODAY)).toMatchObject({
      date: { iso: '2026-11-08' },
      title: '新店在人民路开业',
    });
  });

  it('keeps a price board’s terms under a line of their own out of the products', () => {
    const text = '某某快餐 价目表\n\n一荤两素　　12元\n两荤一素　　15元\n\n\n打包免费加汤免费\n满50元免费送到店外\n电话：0731-20001111';
    const material = structuredText(text, '价目.txt');
    expect(itemTitles(material.columns.find((c) => c.type === 'products'))).toEqual(['一荤两素', '两荤一素']);
    expect(material.contactLines).toContain('电话：0731-20001111');
  });

  it('reads a number labelled by what it is called for as a phone', () => {
    expect(parseContact(['订餐：0731-20001111  18900001111（微信同号）'])?.phones.map((p) => p.number)).toEqual([
      '0731-20001111',
      '18900001111',
    ]);
  });

  it('reads hires listed after 店里缺人：', () => {
    const jobs = structuredText(
      '某某饭店\n店里缺人：洗碗工1名，包吃，月工资3000；传菜员2名，3200+奖金。有意来店找刘姐',
      '朋友圈.txt',
    ).columns.find((c) => c.type === 'jobs')?.items as Job[];
    expect(jobs.map((j) => [j.title, j.headcount])).toEqual([
      ['洗碗工', 1],
      ['传菜员', 2],
    ]);
  });

  it('takes 招收学徒 for a jobs heading', () => {
    const material = structuredText('某某木雕\n\n招收学徒\n招木雕学徒2名，包吃住，学徒期每月1800元。', '介绍.txt');
    expect(itemTitles(material.columns.find((c) => c.type === 'jobs'))).toEqual(['木雕学徒']);
  });

  it('reads 🏠 as the address only before an address', () => {
    expect(withEmojiLabel('🏠某某家政12月特惠来啦！！')).toBe('🏠某某家政12月特惠来啦！！');
    expect(withEmojiLabel('🏠某市某区人民路8号')).toBe('地址：某市某区人民路8号');
  });

  it('takes workshops, fields, instruments and people at work for the business’s own pictures', () => {
    expect(['染坊.jpg', '麦田.jpg', '师傅在焊接.jpg'].map(isPlaceName)).toEqual([true, true, true]);
    expect(['所在位置.jpg', '实在好吃.jpg'].map(isPlaceName)).toEqual([false, false]);
    expect(isEquipmentName('检测仪器.jpg')).toBe(true);
  });

  it('shortens 坊 after a name of four', () => {
    const region = { province: '湖南省', city: '长沙市', district: '开福区' } as Parameters<typeof shortNameOf>[1];
    expect(shortNameOf('长沙市开福区云锦刺绣坊', region)).toBe('云锦刺绣');
    expect(shortNameOf('张记面坊', region)).toBe('张记面坊');
  });
});
