/**
 * Shapes the held-out round 29 (typical customers' material) showed the importer misread (issue 9): hires after
 * 请人： (Cantonese), a piece rate said as "一双鞋底25元" or "织一件毛衣给120元", a line opening by buying among a day's
 * notices, a field (…地) and 店里 as places over a product only near the name, a photo sounding like part of a longer
 * name only syllable for syllable, and 加工坊 in a short name. Made-up text.
 */
import { describe, expect, it } from 'vitest';
import { shortNameOf } from '../../../electron/backend/domains/sites/defaults';
import { jobLine } from '../../../electron/backend/domains/intake/lineItems';
import { isPlaceName, matchPhoto } from '../../../electron/backend/domains/intake/photos';
import type { Job } from '../../../shared/sites/model';
import { listColumn, namedProduct, structuredText } from '../../helpers/structuredText';

describe('round 29 typical material', () => {
  it('reads hires listed after 请人：', () => {
    const text = '某某烧腊\n另外店里请人：烧腊师傅1名，月薪7000包食宿；收银1名，4200，做六休一';
    const jobs = structuredText(text, '朋友圈.txt').columns.find((c) => c.type === 'jobs')?.items as Job[];
    expect(jobs.map((j) => [j.title, j.headcount])).toEqual([
      ['烧腊师傅', 1],
      ['收银', 1],
    ]);
  });

  it('takes the rate of one piece as the pay of piece work', () => {
    expect(jobLine('绣花阿姨2名，可以在家做，计件，一双鞋垫8元。')?.pay).toBe('计件，一双鞋垫8元');
    expect(jobLine('钩针阿姨3名，按件算钱，钩一个包包给35元，线由店里出。')?.pay).toBe('按件算钱，钩一个包包给35元');
  });

  it('takes a line opening by buying among dated notices for a post', () => {
    const text = '2026.11.20 合作社消息\n2026年10月 新建了两栋牛棚\n收购玉米秸秆 打捆的 300元一吨 现金结账\n';
    const material = structuredText(text, '备忘录.txt');
    expect(material.columns.find((c) => c.type === 'supply')?.items).toMatchObject([{ kind: 'post', postKind: 'demand' }]);
  });

  it('takes a field and 店里 for places, a product only near the name giving way', () => {
    expect(['花生地.jpg', '店里.jpg'].map(isPlaceName)).toEqual([true, true]);
    expect(['质地.jpg', '产地.jpg'].map(isPlaceName)).toEqual([false, false]);
  });

  it('matches a name by its sound only syllable for syllable', () => {
    const column = listColumn('products', [namedProduct('纯红薯淀粉', 'a'), namedProduct('宫保鸡丁', 'b')]);
    expect(matchPhoto('红薯地.jpg', [column]).kind).not.toBe('item');
    expect(matchPhoto('宫爆鸡丁.jpg', [column])).toMatchObject({ kind: 'item', item: { id: 'b' }, reason: 'pinyin' });
  });

  it('drops 加工坊 whole from a short name', () => {
    const region = { province: '河南省', city: '某市', district: '某县' } as Parameters<typeof shortNameOf>[1];
    expect(shortNameOf('某县李家红薯粉条加工坊', region)).toBe('李家红薯粉条');
  });
});
