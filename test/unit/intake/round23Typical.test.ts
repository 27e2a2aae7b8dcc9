/**
 * Shapes the held-out round 23 (typical customers' material) showed the importer misread (issue 9): a hire told after
 * its reason, pay ranges by the day, a monthly pay with board, a pay clause closing its sentence, and Moments
 * headlines naming their year or ending in 啦 over a line that names the day. The text is made up for the tests.
 */
import { describe, expect, it } from 'vitest';
import { jobLine } from '../../../electron/backend/domains/intake/lineItems';
import type { Column } from '../../../shared/sites/model';
import { itemTitles, structuredText } from '../../helpers/structuredText';

const news = (columns: Column[]) => columns.find((c) => c.type === 'news');

describe('hires in a note', () => {
  it('reads a hire told after its reason, paid by the day in a range', () => {
    expect(jobLine('地里活忙不过来，招摘果工3名，管午饭，一天120-150元')).toMatchObject({
      title: '摘果工',
      headcount: 3,
      pay: '一天120-150元',
    });
  });

  it('reads 现在招一个… after a reason, paid by the month with board', () => {
    expect(jobLine('年底人手紧，现在招一个收银员，40岁以下，会用电脑，一个月2600包吃住')).toMatchObject({
      title: '收银员',
      headcount: 1,
      pay: '一个月2600包吃住',
    });
  });

  it('takes the amount of a pay clause that closes the sentence', () => {
    expect(jobLine('招聘：装卸工3名，身体好，计件工资，一个月6000左右。')?.pay).toBe('计件工资，一个月6000左右');
  });
});

describe('a Moments post', () => {
  it('titles the line naming its day by the headline above, dated in the year the headline names', () => {
    const material = structuredText(
      ['🎈🎈新华书店2027寒假书展筹备完毕！！', '今年定在1月10日到2月10日，1月10号正式开展📚', '会员凭卡打八折'].join('\n'),
      '朋友圈.txt',
    );
    expect(itemTitles(news(material.columns))).toEqual(['新华书店2027寒假书展筹备完毕']);
    expect(news(material.columns)?.items.map((i) => (i.kind === 'article' ? i.date : ''))).toEqual(['2027-01-10']);
  });

  it('takes a short line ending in 啦 for a headline', () => {
    const material = structuredText(
      ['🎉🎉小王饭店新推出年夜饭套餐啦', '12月20号起接受预订，888元一桌', '订餐电话：13800001111'].join('\n'),
      '朋友圈.txt',
    );
    expect(itemTitles(news(material.columns))).toEqual(['小王饭店新推出年夜饭套餐啦']);
  });
});
