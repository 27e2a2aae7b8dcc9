/**
 * Shapes the held-out round 25 (typical customers' material) showed the importer misread (issue 9): a surcharge by
 * the hour, a hire months ahead, pay told in two clauses, a post under a job line, and a Moments headline over a line of
 * talk before its dated line, the year it names not forced on a day nearer this year. The text is made up for the tests.
 */
import { describe, expect, it } from 'vitest';
import { jobLine, productLine } from '../../../electron/backend/domains/intake/lineItems';
import { textLines } from '../../../electron/backend/domains/intake/lines';
import type { Article } from '../../../shared/sites/model';
import { itemTitles, structuredText } from '../../helpers/structuredText';

describe('round 25 typical lines', () => {
  it('takes no surcharge by the hour for an item', () => {
    expect(productLine('夜间22点以后加收30元')).toBeUndefined();
  });

  it('reads a hire months ahead, and pay told in two clauses as one pay', () => {
    expect(jobLine('明年4月招摘桃工15名，管午饭，一天120元')).toMatchObject({ title: '摘桃工', headcount: 15 });
    expect(jobLine('招理疗师1名，有证优先，底薪3000+提成，月收入5000-7000元。')?.pay).toBe('底薪3000+提成，月收入5000-7000元');
  });

  it('keeps a post opening with 长期收购 apart from the job line above it', () => {
    const lines = ['招帮厨1名，男女都行，管吃管住，干得好年底有红包', '长期收购本地土鸡蛋，散户的也要，价格好商量。'];
    expect(textLines(lines.join('\n')).map((l) => l.text)).toEqual(lines);
  });

  it('titles the dated line by a headline above a line of talk, in this December though the headline names next year', () => {
    const material = structuredText(
      [
        '🍊🍊青山2027新季脐橙开始预订啦！！',
        '老客户都知道，咱家果园在山坡上，不打膨大剂👍',
        '12月18号到1月20号预订，一律9折，现摘现发📦',
      ].join('\n'),
      '朋友圈.txt',
    );
    const news = material.columns.find((c) => c.type === 'news');
    expect(itemTitles(news)).toEqual(['青山2027新季脐橙开始预订啦']);
    expect((news?.items[0] as Article).date).toBe('2026-12-18');
  });
});
