/**
 * Shapes the held-out round 24 (typical customers' material) showed the importer misread (issue 9): a post's title
 * keeping the verb it opens with, a tag after what is bought, a hire in its season, a price's label after a name, a
 * notice over its details, a notice that lists its fees, a job line under a post, a grove, medals counted, and short
 * names of a gold shop, a dojo, an oil mill and a marriage agency. The text is made up for the tests.
 */
import { describe, expect, it } from 'vitest';
import { prizeNewsOf } from '../../../electron/backend/domains/intake/eventPhotos';
import { jobLine, postLine, productLine } from '../../../electron/backend/domains/intake/lineItems';
import { textLines } from '../../../electron/backend/domains/intake/lines';
import { isPlaceName } from '../../../electron/backend/domains/intake/photos';
import { shortNameOf } from '../../../electron/backend/domains/sites/defaults';
import type { Article, Column } from '../../../shared/sites/model';
import { itemTitles, listColumn, structuredText } from '../../helpers/structuredText';

const of = (columns: Column[], type: Column['type']) => columns.find((c) => c.type === type);

describe('posts and jobs in a Moments note', () => {
  it('titles an untagged post by its first clause, the verb kept, and keeps the hire under it apart', () => {
    const lines = ['长期收购散养的土鸡，上门收鸡，现钱结算', '店里招杀鸡工1名，手脚麻利，一个月5000'];
    expect(textLines(lines.join('\n')).map((l) => l.text)).toEqual(lines);
    const material = structuredText(['🐔老赵鸡鸭店年货预订开始啦！！', '12月15号起预订年货鸡鸭', ...lines].join('\n'), '朋友圈.txt');
    expect(itemTitles(of(material.columns, 'supply'))).toEqual(['长期收购散养的土鸡']);
    expect(itemTitles(of(material.columns, 'jobs'))).toEqual(['杀鸡工']);
  });

  it('reads a tag after what is bought, not any word before a colon', () => {
    expect(postLine('废纸回收：收各种废纸箱、旧书本，价格公道')).toMatchObject({ postKind: 'demand', title: '收各种废纸箱、旧书本' });
    expect(postLine('验收：合格后付款')).toBeUndefined();
  });

  it('reads a hire in its season', () => {
    expect(jobLine('采茶季招采茶工10名，女，一天150元')).toMatchObject({ title: '采茶工', headcount: 10 });
  });

  it('leaves the price’s label and its basis out of a name', () => {
    expect(productLine('整头牛按斤算，价格电议')).toMatchObject({ name: '整头牛', spec: '按斤算', price: { kind: 'negotiable' } });
  });
});

describe('notices', () => {
  it('takes a title over its time, place and fee lines for one notice, dated by its time', () => {
    const material = structuredText(
      ['平安驾校2027年春季招生说明会', '', '时间：2027年3月6日上午9点', '地点：驾校一楼大厅', '报名费：现场报名减200元'].join('\n'),
      '说明会通知.txt',
    );
    const news = of(material.columns, 'news');
    expect(itemTitles(news)).toEqual(['平安驾校2027年春季招生说明会']);
    expect((news?.items[0] as Article).date).toBe('2027-03-06');
  });

  it('makes a notice that lists its fees news dated by its signature, its priced lines products', () => {
    const material = structuredText(
      [
        '星光舞蹈2027暑期班 招生啦！',
        '时间：2027年7月10日至8月20日',
        '暑期班（30天）　　1280元',
        '暑期私教课（10节）　　2000元',
        '星光舞蹈',
        '2026年12月1日',
      ].join('\n'),
      '暑期班通知.txt',
    );
    const news = of(material.columns, 'news');
    expect(itemTitles(news)).toEqual(['星光舞蹈2027暑期班 招生啦']);
    expect((news?.items[0] as Article).date).toBe('2026-12-01');
    expect(itemTitles(of(material.columns, 'products'))).toEqual(['暑期班（30天）', '暑期私教课（10节）']);
  });

  it('gives a prize photo to the one news item counting medals', () => {
    const news = listColumn('news', [{ kind: 'article', id: 'a1', title: '我馆学员在市锦标赛获得3金2银', body: [], images: [] }]);
    expect(prizeNewsOf('领奖.jpg', [news])?.item.id).toBe('a1');
  });
});

describe('places and short names', () => {
  it('takes a grove for a place', () => {
    expect(isPlaceName('竹林.jpg')).toBe(true);
    expect(isPlaceName('油茶林.jpg')).toBe(true);
  });

  it.each([
    ['平安县福星金店', '福星金店'],
    ['平安县龙威跆拳道馆', '龙威跆拳道'],
    ['平安县老王香油坊', '老王香油'],
    ['平安县良缘婚姻介绍所', '良缘婚介'],
  ])('%s → %s', (name, short) => expect(shortNameOf(name, { province: '河南省', city: '周口市', district: '平安县' })).toBe(short));
});
