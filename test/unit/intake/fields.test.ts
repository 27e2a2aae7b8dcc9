import { describe, expect, it } from 'vitest';
import {
  extractLabeled,
  extractPay,
  findDate,
  parseContactLines,
  parsePrice,
  splitHeadcount,
} from '../../../electron/backend/domains/intake/fields';
import { parseWishes } from '../../../electron/backend/domains/intake/notes';
import { matchColumnKeyword } from '../../../electron/backend/domains/intake/keywords';
import { photoStem, isLogoName } from '../../../electron/backend/domains/intake/photos';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { FIXTURES_DIR } from '../../helpers/paths';

describe('fields pulled out of customer prose', () => {
  it('takes 规格 and 价格 out of a sentence and leaves the rest', () => {
    const { found, rest } = extractLabeled('产地浙江杭州，香气清高。规格：250克/罐。价格：368元。', ['价格', '规格']);
    expect(found).toEqual([
      { label: '规格', value: '250克/罐' },
      { label: '价格', value: '368元' },
    ]);
    expect(rest).toBe('产地浙江杭州，香气清高。');
  });

  it.each([
    ['368元', { kind: 'amount', fen: 36800 }],
    ['￥1,280.5', { kind: 'amount', fen: 128050 }],
    ['98元/斤', { kind: 'amount', fen: 9800, unit: '斤' }],
    ['面议', { kind: 'negotiable' }],
    ['请来电咨询', undefined],
    ['368元起，买二送一', undefined],
  ])('price %s', (text, price) => expect(parsePrice(text)).toEqual(price));

  it('finds dates written the Chinese way and refuses impossible ones', () => {
    expect(findDate('2026年4月12日，公司在泉城路门店举办春茶品鉴会')).toBe('2026-04-12');
    expect(findDate('更新于 2026/6/1')).toBe('2026-06-01');
    expect(findDate('2026年2月30日')).toBeUndefined();
  });

  it('splits a headcount off a job title', () => {
    expect(splitHeadcount('门店茶艺师 3名')).toEqual({ title: '门店茶艺师', headcount: 3 });
    expect(splitHeadcount('店长（两名）')).toEqual({ title: '店长', headcount: 2 });
    expect(splitHeadcount('电商运营专员')).toEqual({ title: '电商运营专员' });
  });

  it('pulls the pay out of job text', () => {
    expect(extractPay('要求：持证上岗。待遇：月薪4500-6500元，五险一金。')).toEqual({
      pay: '月薪4500-6500元，五险一金',
      rest: '要求：持证上岗。',
    });
    expect(extractPay('两年以上经验。待遇面议。')).toEqual({ pay: '面议', rest: '两年以上经验。' });
  });

  it('reads a contact block from 联系我们 lines, with the person in brackets kept apart from the number', () => {
    expect(
      parseContactLines([
        '地址：山东省济南市历下区泉城路188号',
        '电话：0531-86001234 手机：13805310001（王经理）',
        '邮箱：service@quanchengtea.example',
      ]),
    ).toEqual({
      address: '山东省济南市历下区泉城路188号',
      phones: [
        { label: '电话', number: '0531-86001234' },
        { label: '手机', number: '13805310001' },
      ],
      email: 'service@quanchengtea.example',
      person: '王经理',
    });
    expect(parseContactLines(['欢迎来电'])).toBeUndefined();
  });

  it('maps headings to column types by keyword, numbering and brackets ignored', () => {
    expect(matchColumnKeyword('一、公司简介')?.type).toBe('intro');
    expect(matchColumnKeyword('【产品中心】')?.type).toBe('products');
    expect(matchColumnKeyword('新闻动态')).toEqual({ type: 'news', keyword: '新闻' });
    expect(matchColumnKeyword('招贤纳士')?.type).toBe('jobs');
    expect(matchColumnKeyword('供求信息')?.type).toBe('supply');
    expect(matchColumnKeyword('联系方式')?.type).toBe('contact');
    expect(matchColumnKeyword('产品供应')?.type).toBe('products'); // the keyword found first wins
    expect(matchColumnKeyword('企业文化')).toBeUndefined();
  });

  it('reads photo names as people write them', () => {
    expect(photoStem('photos/普洱-2.JPG')).toBe('普洱');
    expect(photoStem('普洱 (1).jpg')).toBe('普洱');
    expect(isLogoName('logo.png')).toBe(true);
    expect(isLogoName('标志.jpg')).toBe(true);
    expect(isLogoName('茶园.jpg')).toBe(false);
  });
});

describe("the customer's wishes in a notes file", () => {
  const notes = readFileSync(path.join(FIXTURES_DIR, 'materials', 'quancheng-tea', '补充说明.txt'), 'utf8');

  it('finds the colour, the SMS lottery with its prizes and the festival greeting', () => {
    const wishes = parseWishes(notes, '2026-11-16');
    expect(wishes.colour?.value).toBe('绿');
    expect(wishes.lottery?.value).toMatchObject({ enabled: true, keyword: 'CJ', perNumberLimit: 1 });
    expect(wishes.lottery?.value.prizes.map((p) => [p.name, p.count])).toEqual([
      ['茶具一套', 10],
      ['50元代金券', 100],
    ]);
    // 中秋 2026 (25 September) is past on 16 November 2026: the next one is 15 September 2027.
    expect(wishes.care.map((c) => c.value)).toEqual([{ date: '2027-09-15', occasion: '中秋节', festival: '中秋节' }]);
    expect(wishes.rest).toEqual([]);
  });

  it('leaves lines no rule understands for the tray', () => {
    const wishes = parseWishes('网站要大气一点。\n春节给老客户发问候。', '2026-11-16');
    expect(wishes.rest).toEqual(['网站要大气一点。']);
    expect(wishes.care[0]?.value.date).toBe('2027-02-06');
  });
});
