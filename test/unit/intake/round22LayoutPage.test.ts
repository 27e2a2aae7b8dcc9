/**
 * Shapes round 22 showed the importer misread (issue 9): an old website's page copied into Word, laid out as one
 * table whose cells hold a menu, headings, prose and a table of their own; a unit typed after 元 without its slash;
 * a job ad after its reason with 厂里招. The text is made up for the tests.
 */
import { describe, expect, it } from 'vitest';
import { htmlToBlocks, textOf } from '../../../electron/backend/domains/intake/htmlToBlocks';
import { sanitizeIntakeHtml } from '../../../electron/backend/domains/intake/sanitize';
import { structureDocument } from '../../../electron/backend/domains/intake/structure';
import { parsePrice } from '../../../shared/sites/price';
import { itemTitle } from '../../../shared/sites/model';
import { env, structuredText, TODAY } from '../../helpers/structuredText';

const p = (text: string, bold = false) => `<p>${bold ? `<strong>${text}</strong>` : text}</p>`;

const PAGE =
  '<table>' +
  `<tr><td colspan="2">${p('福来五金', true)}${p('五金工具 一站购齐')}</td></tr>` +
  `<tr><td>${p('首　页')}${p('公司简介')}${p('产品展示')}${p('新闻动态')}${p('联系方式')}${p('服务热线', true)}${p('0512-66778899')}</td>` +
  `<td>${p('公司简介', true)}${p('福来五金开业十年，经营手动工具、电动工具、紧固件和劳保用品，批发零售都做，附近工地送货上门。')}` +
  `${p('产品展示', true)}<table><tr><td>${p('品名', true)}</td><td>${p('规格', true)}</td><td>${p('价格', true)}</td></tr>` +
  `<tr><td>${p('羊角锤')}</td><td>${p('0.5kg')}</td><td>${p('25元/把')}</td></tr>` +
  `<tr><td>${p('电钻')}</td><td>${p('500W')}</td><td>${p('168元/台')}</td></tr>` +
  `<tr><td>${p('膨胀螺丝')}</td><td>${p('M8')}</td><td>${p('0.5元/个')}</td></tr></table>` +
  `${p('新闻动态', true)}${p('2026-11-25　本店新到一批冬季电暖器，欢迎选购。')}` +
  `${p('联系方式', true)}${p('地址：苏州市吴中区五金城3排12号')}${p('电话：0512-66778899')}</td></tr>` +
  `<tr><td colspan="2">${p('Copyright © 2016-2026 福来五金 版权所有')}</td></tr>` +
  '</table>';

describe('a page laid out as one table', () => {
  const blocks = htmlToBlocks(sanitizeIntakeHtml(PAGE));

  it('reads its cells as the page: the headings, prose and the table inside a cell, the menu left out', () => {
    const texts = blocks.map((b) => (b.type === 'table' ? 'TABLE' : textOf(b)));
    expect(texts).toEqual([
      '福来五金',
      '五金工具 一站购齐',
      '服务热线',
      '0512-66778899',
      '公司简介',
      '福来五金开业十年，经营手动工具、电动工具、紧固件和劳保用品，批发零售都做，附近工地送货上门。',
      '产品展示',
      'TABLE',
      '新闻动态',
      '2026-11-25　本店新到一批冬季电暖器，欢迎选购。',
      '联系方式',
      '地址：苏州市吴中区五金城3排12号',
      '电话：0512-66778899',
      'Copyright © 2016-2026 福来五金 版权所有',
    ]);
  });

  it('gives the products of the inner table and the news under their headings', () => {
    const material = structureDocument(blocks, '福来五金资料.docx', env, { today: TODAY });
    const titles = (type: string) => material.columns.find((c) => c.type === type)?.items.map(itemTitle);
    expect(titles('products')).toEqual(['羊角锤', '电钻', '膨胀螺丝']);
    expect(titles('news')).toEqual(['本店新到一批冬季电暖器']);
  });

  it('keeps a table without a table inside its cells a table', () => {
    const plain = htmlToBlocks(
      sanitizeIntakeHtml(`<table><tr><td>${p('公司简介')}</td><td>${p('产品展示')}</td><td>${p('新闻动态')}</td></tr></table>`),
    );
    expect(plain.map((b) => b.type)).toEqual(['table']);
  });
});

describe('a unit typed after 元 without its slash', () => {
  it('is the price unit ("2.6元斤" is 2.6元/斤), measure words only', () => {
    expect(parsePrice('3.5元斤')).toEqual({ kind: 'amount', fen: 350, unit: '斤' });
    expect(parsePrice('45块袋')).toEqual({ kind: 'amount', fen: 4500, unit: '袋' });
    expect(parsePrice('5元包邮')).toBeUndefined();
  });

  it('prices a variety line under a bracketed category', () => {
    const material = structuredText(
      ['蔬菜种子价格', '', '【白菜】', '北京新3号   3.2元斤', '丰抗70  2.8元/斤', '【萝卜】', '白玉春  4元/袋', '心里美  3.5元袋'].join(
        '\n',
      ),
      '种子价格.txt',
    );
    const items = material.columns.filter((c) => c.type === 'products').flatMap((c) => c.items);
    expect(items.map(itemTitle)).toEqual(['北京新3号', '丰抗70', '白玉春', '心里美']);
    expect(items.map((i) => (i.kind === 'product' && i.price?.kind === 'amount' ? i.price.unit : undefined))).toEqual([
      '斤',
      '斤',
      '袋',
      '袋',
    ]);
  });
});

describe('a job ad after its reason', () => {
  it('reads "因…，厂里招X N名" as a job', () => {
    const material = structuredText(
      ['招聘', '因年底订单多，厂里招包装工6名，男女不限，计件工资，月收入4000元左右。'].join('\n'),
      '招聘.txt',
    );
    const jobs = material.columns.find((c) => c.type === 'jobs')?.items ?? [];
    expect(jobs.map(itemTitle)).toEqual(['包装工']);
    expect(jobs[0]).toMatchObject({ headcount: 6 });
  });
});
