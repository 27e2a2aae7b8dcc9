/**
 * Shapes the held-out round 17 showed the importer misread (issue 9): prices said the way a shopkeeper says
 * them at the counter, dates given only in the lunar calendar, a phone's storage in its name, and bare price
 * ranges under a line that says they are prices, colon-less contact labels, 收人 and 收：, a notice's title as
 * its heading. The text is made up for the tests.
 */
import { describe, expect, it } from 'vitest';
import { parseContact } from '../../../electron/backend/domains/intake/contact';
import { linesToBlocks, textLines } from '../../../electron/backend/domains/intake/lines';
import { structureDocument } from '../../../electron/backend/domains/intake/structure';
import { shortNameOf } from '../../../electron/backend/domains/sites/defaults';
import { findAnyDate, leadingDate } from '../../../electron/backend/domains/intake/dates';
import { productLine } from '../../../electron/backend/domains/intake/lineItems';
import { findLunarDate } from '../../../electron/backend/domains/intake/lunarDates';
import { readTable, rowFields, splitPackSize } from '../../../electron/backend/domains/intake/tables';
import { isMarkedPrice, parsePrice } from '../../../shared/sites/price';

describe('prices said at the counter', () => {
  it('reads a Chinese amount right before 一 and a unit, and 毛 before 一 and a unit', () => {
    expect(parsePrice('二十六一斤')).toEqual({ kind: 'amount', fen: 2600, unit: '斤' });
    expect(parsePrice('三十一份')).toEqual({ kind: 'amount', fen: 3000, unit: '份' });
    expect(parsePrice('一百五一桶')).toEqual({ kind: 'amount', fen: 15000, unit: '桶' });
    expect(parsePrice('8毛一个')).toEqual({ kind: 'amount', fen: 80, unit: '个' });
    expect(isMarkedPrice('二十六一斤')).toBe(true);
    // A lone number says nothing of money.
    expect(isMarkedPrice('三十一')).toBe(false);
  });

  it('takes the price before a remark after a comma or in brackets', () => {
    expect(productLine('中秋月饼  98一盒，双层的158')).toMatchObject({
      name: '中秋月饼',
      price: { kind: 'amount', fen: 9800, unit: '盒' },
      spec: '双层的158',
    });
    expect(productLine('烤红薯  六块一斤（刚出炉）')).toMatchObject({ name: '烤红薯', price: { fen: 600, unit: '斤' } });
  });
});

describe('lunar dates', () => {
  it('turns a lunar month and day into the Gregorian date nearest to today, the year said inferred', () => {
    // 2026-02-17 is 正月初一 of the year 丙午, 2026-03-03 its 正月十五.
    expect(findLunarDate('正月十五元宵节照常营业', '2026-01-10')?.iso).toBe('2026-03-03');
    expect(findAnyDate('农历腊月十六起放假', [], '2026-12-05')).toMatchObject({ iso: '2027-01-23', yearInferred: true });
    // After the festival, the one just past is nearer.
    expect(findLunarDate('正月初一开门营业', '2026-03-20')?.iso).toBe('2026-02-17');
    expect(leadingDate('腊月廿六起停止接单，年后再做', [], '2026-12-05')?.date.iso).toBe('2027-02-02');
  });

  it('follows the almanac where an approximate new moon would put the day a day late', () => {
    // The new moon of February 2027 falls minutes before midnight in Beijing: 正月初一 is 02-06 (ICU says 02-07).
    expect(findLunarDate('正月初一照常营业', '2026-12-05')?.iso).toBe('2027-02-06');
    // That year's 腊月 has 29 days; 腊月三十 is still New Year's Eve.
    expect(findLunarDate('腊月三十下午停业', '2026-12-05')?.iso).toBe('2027-02-05');
  });

  it('leaves a Gregorian date in Chinese numerals alone', () => {
    expect(findLunarDate('十二月十日开业', '2026-12-05')).toBeUndefined();
    expect(findLunarDate('阴历八月十五团圆', '2026-12-05')?.iso).toBe('2026-09-25');
  });
});

describe('storage sizes in a name', () => {
  it('keeps 256G and 8+128G with the phone, but cuts a weight', () => {
    expect(splitPackSize('荣耀 X50 256G')).toEqual({ name: '荣耀 X50 256G' });
    expect(splitPackSize('OPPO A2 8+128G')).toEqual({ name: 'OPPO A2 8+128G' });
    expect(splitPackSize('红枣夹核桃500g')).toEqual({ name: '红枣夹核桃', size: '500g' });
  });
});

describe('bare ranges under a price caption', () => {
  it('reads a column of ranges as the prices where the price column is empty', () => {
    const reading = readTable(
      [
        ['旧电脑主机', '80-150', ''],
        ['旧笔记本', '200-600', ''],
        ['旧显示器', '30-60', ''],
        ['废电线', '按斤收', '六块一斤'],
      ],
      1,
      false,
      '本周收购参考价：',
    );
    expect(rowFields(reading, reading.rows[1]!)).toMatchObject({ name: '旧笔记本', price: { fen: 20000, maxFen: 60000 } });
    expect(rowFields(reading, reading.rows[3]!)).toMatchObject({ name: '废电线', price: { fen: 600, unit: '斤' } });
  });

  it('does not read ranges as prices without such a caption', () => {
    const reading = readTable(
      [
        ['钢管', '20-40', ''],
        ['角钢', '30-50', ''],
      ],
      1,
      false,
      '规格（毫米）',
    );
    expect(rowFields(reading, reading.rows[0]!)?.price).toBeUndefined();
  });
});

let counter = 0;
const env = { newId: () => `id-${++counter}` };
const itemsOf = (text: string) =>
  structureDocument(linesToBlocks(textLines(text)), '说明.txt', env, { today: '2026-12-05' }).columns.flatMap((c) => c.items);

describe('a job said at the counter', () => {
  it('reads 收人 as a jobs heading, N个 after the position as its headcount and 一天N块 as its pay', () => {
    const jobs = itemsOf(['收人', '店里招打包工3个，干到年底，一天120块，管午饭。'].join('\n')).filter((i) => i.kind === 'job');
    expect(jobs.map((j) => [j.title, j.headcount])).toEqual([['打包工', 3]]);
    expect(jobs[0]!.pay).toContain('120');
  });
});

describe('a buying post tagged 收：', () => {
  it('is a demand post', () => {
    const text = ['产品价格', '红砖 0.5元/块', '收：旧木方、旧模板，自己送来，一吨给八十'].join('\n');
    const posts = itemsOf(text).filter((i) => i.kind === 'post');
    expect(posts.map((p) => [p.title, p.postKind])).toEqual([['旧木方、旧模板', 'demand']]);
  });
});

describe('contact labels said without a colon', () => {
  it('reads 店在 … as the address and 座机 before the number as the phone', () => {
    const contact = parseContact(['店在 某市某区幸福路东头20号', '座机0531-8881234', '手机 13812340000 老周']);
    expect(contact?.address).toBe('某市某区幸福路东头20号');
    expect(contact?.phones.map((p) => p.number)).toEqual(['0531-8881234', '13812340000']);
  });
});

describe("a heading that is one notice's title", () => {
  it('titles the notice under it, dated by the lunar date in its text', () => {
    const text = ['国庆停业通知', '各位老顾客：本店阴历八月十二起停业三天，八月十五照常营业。', '地址：某市某路1号'].join('\n');
    const news = itemsOf(text).filter((i) => i.kind === 'article');
    expect(news.map((n) => [n.title, n.kind === 'article' && n.date])).toEqual([['国庆停业通知', '2026-09-22']]);
  });
});

describe('short names', () => {
  it('drops 料场 as it drops 厂', () => {
    expect(shortNameOf('某市某区顺发沙石料场', { province: '某省', city: '某市', district: '某区' })).toBe('顺发沙石');
  });
});

describe('a price list pasted without headings', () => {
  it('reads bare ranges as prices under the line that says they are prices', () => {
    const text = [
      '旧机回收，上门看货。',
      '本周回收参考价：',
      '荣耀 X50 256G　900-1100',
      'OPPO A2 8+128G　500-650',
      'vivo Y100 256G　700-850',
      '坏机　按斤收　十五块一斤',
      '电话：13812340000',
    ].join('\n');
    const products = itemsOf(text).filter((i) => i.kind === 'product');
    expect(products.map((p) => [p.name, p.kind === 'product' && p.price])).toEqual([
      ['荣耀 X50 256G', { kind: 'amount', fen: 90000, maxFen: 110000 }],
      ['OPPO A2 8+128G', { kind: 'amount', fen: 50000, maxFen: 65000 }],
      ['vivo Y100 256G', { kind: 'amount', fen: 70000, maxFen: 85000 }],
      ['坏机', { kind: 'amount', fen: 1500, unit: '斤' }],
    ]);
  });
});
