/**
 * Shapes of customer material the held-out round 14 showed the importer did not read (issue 9): web
 * pages saved or copied with their chrome (a WeChat article's counters and footer, a listing site's
 * crumbs, view counts and recommendations), product cards with the price after the note, a document
 * title over all its columns, job ads copied off a recruitment site, a book list's two prices. The
 * text is made up for the tests.
 */
import { describe, expect, it } from 'vitest';
import { parseContact } from '../../../electron/backend/domains/intake/contact';
import { leadingDate } from '../../../electron/backend/domains/intake/dates';
import { extractPay } from '../../../electron/backend/domains/intake/fields';
import { couldBeHeading } from '../../../electron/backend/domains/intake/headings';
import type { SourceBlock } from '../../../electron/backend/domains/intake/htmlToBlocks';
import { linesToBlocks, textLines } from '../../../electron/backend/domains/intake/lines';
import { newsLine } from '../../../electron/backend/domains/intake/lineItems';
import { withoutPageChrome } from '../../../electron/backend/domains/intake/pageChrome';
import { isLicenceName, isPlaceName } from '../../../electron/backend/domains/intake/photos';
import { structureDocument } from '../../../electron/backend/domains/intake/structure';
import { readWebPage } from '../../../electron/backend/domains/intake/webPage';
import { parsePrice } from '../../../shared/sites/price';
import { itemTitle, type Column, type Item } from '../../../shared/sites/model';

let counter = 0;
const env = { newId: () => `id-${++counter}` };
const TODAY = '2026-11-20';
const column = (columns: Column[], type: string) => columns.find((c) => c.type === type);
const titles = (columns: Column[], type: string) => column(columns, type)?.items.map(itemTitle) ?? [];
const structure = (blocks: SourceBlock[], file = 'a.docx') => structureDocument(blocks, file, env, { today: TODAY });
const fromText = (text: string, file = 'a.txt') => structure(linesToBlocks(textLines(text)), file);
const h = (text: string, level: number): SourceBlock => ({ type: 'heading', level, runs: [{ text, strong: true }], look: true });
const p = (text: string): SourceBlock => ({ type: 'paragraph', runs: [{ text }] });
const item = (columns: Column[], type: string, title: string) => column(columns, type)?.items.find((i) => itemTitle(i) === title);
const allText = (columns: Column[]) => JSON.stringify(columns);

describe('a web page copied with its chrome', () => {
  const page = [
    '百姓网 > 潍坊百姓网 > 潍坊房产 > 宏达房屋',
    '首页  二手房  租房  |  登录  注册',
    '',
    '宏达房屋',
    '认证商家  实名认证',
    '店铺浏览次数：3021',
    '',
    '店铺介绍',
    '宏达房屋在奎文区做了八年二手房买卖和租赁。',
    '',
    '猜你喜欢',
    '别家的学区房 2室1厅 90万',
    '',
    '分享到：微信  QQ空间',
    '© 2026 百姓网 版权所有',
  ].join('\n');

  it('leaves out crumbs, navigation, counts, shares, copyright and recommended posts', () => {
    const kept = withoutPageChrome(page.split('\n')).filter(Boolean);
    expect(kept).toEqual(['宏达房屋', '店铺介绍', '宏达房屋在奎文区做了八年二手房买卖和租赁。']);
  });

  it('keeps arrows and lines of a text that is no page copy', () => {
    const lines = ['生产流程', '选料 > 清洗 > 烘干 > 包装', '版权所有：本厂'];
    expect(withoutPageChrome(lines)).toEqual(lines);
  });

  it('drops the meta line under each listing, so it does not stand in the column', () => {
    const text = [
      '在售房源',
      '',
      '【出售】阳光小区2室1厅，88㎡，总价76万',
      '发布时间：2026-11-02  浏览次数：88  举报',
      '',
      '分享到：微信',
      '举报  免责声明',
    ].join('\n');
    const result = fromText(text);
    expect(titles(result.columns, 'supply')).toEqual(['阳光小区2室1厅']);
    expect(JSON.stringify(result)).not.toMatch(/浏览次数|分享到|免责声明/);
  });
});

describe('a WeChat article saved as a web page', () => {
  const card = (name: string, note: string, price: string) =>
    `<section style="border:1px dashed"><p><strong><span style="color:teal">${name}</span></strong></p><p><span>${note}</span></p><p style="text-align:right"><span style="font-weight:bold">${price}</span></p></section>`;
  const html = `<html><body><h1 class="rich_media_title">入冬好物都在这里</h1>
    <div id="meta_content"><span>小王</span> <em id="publish_time">2026-11-15 18:00</em></div>
    <div id="js_content"><p><span>我们店开在解放路，专卖家用理疗器械。</span></p>
    <section><section><span style="color:#fff">01&nbsp;本周推荐</span></section></section>
    ${card('艾灸理疗仪 A3（家用款）', '温度三档可调', '到店价：1280元/台')}
    ${card('颈椎按摩枕', '车载家用两用', '价格电话咨询')}
    ${card('远红外护膝（一对）', '', '99元/对')}
    <section><section><span style="color:#fff">02&nbsp;联系我们</span></section></section>
    <p><span>地址：潍坊市奎文区解放路18号</span></p><p><span>电话：0536-8881234</span></p>
    <section><p><span>长按识别二维码 关注我们</span></p></section></div>
    <div id="js_toobar3">阅读 <span>836</span></div><span>赞 12</span><span>在看</span>
    <div><strong>喜欢此内容的人还喜欢</strong></div><ul><li>别家的文章</li></ul><div id="js_cmt_area"><p>写留言</p></div></body></html>`;

  it('reads each card as a product with the price after its note, and leaves the footer out', () => {
    const { blocks } = readWebPage(html, '入冬好物.htm');
    const columns = structure(blocks, '入冬好物.htm').columns;
    expect(titles(columns, 'products')).toEqual(['艾灸理疗仪 A3（家用款）', '颈椎按摩枕', '远红外护膝（一对）']);
    expect(item(columns, 'products', '艾灸理疗仪 A3（家用款）')).toMatchObject({ price: { kind: 'amount', fen: 128000, unit: '台' } });
    expect(item(columns, 'products', '颈椎按摩枕')).toMatchObject({ price: { kind: 'negotiable' } });
    expect(allText(columns)).not.toMatch(/阅读|二维码|写留言|别家的文章/);
  });
});

describe('prices', () => {
  it('reads 电话咨询 (asked by phone) as no amount', () => {
    expect(parsePrice('价格电话咨询')).toMatchObject({ kind: 'negotiable' });
    expect(parsePrice('来电咨询')).toMatchObject({ kind: 'negotiable' });
  });

  it('takes the shop price of a book, not the list price printed on it', () => {
    const columns = structure([
      h('好书推荐', 1),
      h('《山海经图解》', 2),
      p('定价：45.00元　本店价：36.00元'),
      h('《小学数学练习册》', 2),
      p('定价：29.80元（教辅不打折）'),
    ]).columns;
    expect(item(columns, 'products', '《山海经图解》')).toMatchObject({ price: { fen: 3600 } });
    expect(item(columns, 'products', '《小学数学练习册》')).toMatchObject({ price: { fen: 2980 } });
  });

  it('leaves a members-only price alone under a product in its description', () => {
    const columns = structure([h('产品介绍', 1), h('果蔬清洗机', 2), p('会员价：199元'), h('空气炸锅', 2), p('零售价：259元')]).columns;
    expect((item(columns, 'products', '果蔬清洗机') as Extract<Item, { kind: 'product' }>).price).toBeUndefined();
    expect(item(columns, 'products', '空气炸锅')).toMatchObject({ price: { fen: 25900 } });
  });
});

describe('headings', () => {
  it('lets a name carry a note with a comma in brackets, but not a remark wholly in brackets', () => {
    expect(couldBeHeading('《十万个为什么》（彩图版，全8册）')).toBe(true);
    expect(couldBeHeading('（本活动解释权归本店所有）')).toBe(false);
  });

  it('lets a month name an offer, while a day or 起 after it starts a notice', () => {
    expect(couldBeHeading('1月会员福利')).toBe(true);
    expect(couldBeHeading('1月5日起店休')).toBe(false);
    expect(couldBeHeading('1月起涨价')).toBe(false);
  });
});

describe('a document titled over all its columns', () => {
  const blocks = [
    h('文华书店 · 12月推荐书目', 1),
    p('文华书店在胜利街开了十年，文学、少儿、教辅都有。'),
    h('《城南旧事》', 2),
    p('本店价：22.00元'),
    h('《小王子》', 2),
    p('本店价：18.50元'),
    h('故事会', 3),
    p('12月12日（周六）上午10点，儿童区绘本故事会，免费参加。'),
    h('12月会员日', 3),
    p('12月15日起，会员购书满100减20。'),
    h('招聘', 3),
    p('招收银员1名，女，每小时16元。'),
    h('联系我们', 3),
    p('地址：德州市胜利街66号'),
    p('电话：0534-2221234'),
  ];

  it('reads the books, the notices, the job and the contact each in its column', () => {
    const result = structure(blocks);
    expect(titles(result.columns, 'products')).toEqual(['《城南旧事》', '《小王子》']);
    expect(titles(result.columns, 'jobs')).toEqual(['收银员']);
    expect(result.contactLines).toContain('电话：0534-2221234');
  });

  it('titles a notice under a heading without a month by its first clause, one with a month by the heading', () => {
    const news = column(structure(blocks).columns, 'news')!;
    expect(news.items.map(itemTitle)).toEqual(['儿童区绘本故事会', '12月会员日']);
    expect(news.items[0]).toMatchObject({ date: '2026-12-12' });
  });
});

describe('dates and pay', () => {
  it('leaves the weekday and the hour after a leading date out of the title', () => {
    expect(newsLine('3月7日（周六）上午 社区义诊，欢迎参加', [2026], TODAY)?.title).toBe('社区义诊');
    expect(newsLine('3月7日 下午2点，读书会在二楼，免费', [2026], TODAY)?.title).toBe('读书会在二楼');
  });

  it('takes a date and an hour alone (a chat time stamp) for no notice', () => {
    expect(leadingDate('2026年11月2日下午9:05', [2026], TODAY)?.text).toBe('');
    expect(newsLine('2026年11月2日下午9:05', [2026], TODAY)).toBeUndefined();
  });

  it('reads 每小时18元 as pay', () => {
    expect(extractPay('周末上班，每小时18元。').pay).toBe('每小时18元');
  });
});

describe('job ads copied off a recruitment site', () => {
  const ad = (title: string, pay: string, count: string, duty: string) =>
    [
      '某某网 首页 | 登录 注册 | 帮助中心',
      '临沂某某网 > 临沂招聘 > 兰山招聘',
      '',
      title,
      '发布时间：2026-11-10　　浏览次数：230　　举报',
      `薪资：${pay}`,
      `招聘人数：${count}　　学历：不限　　经验：不限`,
      '性别要求：不限　　年龄要求：18-45岁',
      '福利：包吃 / 节日福利',
      '',
      '职位描述',
      duty,
      '',
      '公司名称：临沂市兰山区畅游游泳馆',
      '工作地点：临沂市兰山区通达路99号',
      '联系人：赵经理　　联系电话：13805391234',
      '',
      '申请职位　　收藏',
      '',
      '相似职位推荐',
      '健身教练　　5000-8000元/月　　别家健身',
      '',
      '免责声明：本信息由网友发布。',
    ].join('\n');
  const text = [
    ad('游泳教练（提成高）', '5000-9000元/月', '3人', '负责教学；馆内收费：成人游泳40元/次，儿童游泳30元/次，年卡1200元。'),
    ad('前台接待', '3500-4000元/月', '1人', '负责前台接待和办卡。'),
  ].join('\n');

  it('makes each ad a job with its headcount and labelled pay, and nothing of the page or other employers', () => {
    const columns = fromText(text).columns;
    expect(titles(columns, 'jobs')).toEqual(['游泳教练', '前台接待']);
    expect(column(columns, 'jobs')!.items[0]).toMatchObject({ headcount: 3, pay: '5000-9000元/月' });
    expect(column(columns, 'jobs')!.items[1]).toMatchObject({ headcount: 1 });
    expect(allText(columns)).not.toMatch(/健身教练|浏览次数|登录|免责声明/);
  });

  it('reads the business prices inside a description as products and the company lines as the contact', () => {
    const result = fromText(text);
    expect(titles(result.columns, 'products')).toEqual(['成人游泳', '儿童游泳', '年卡']);
    expect(parseContact(result.contactLines)).toMatchObject({ address: '临沂市兰山区通达路99号', person: '赵经理' });
  });
});

describe('a job ad in a document with more after it', () => {
  it('ends the ad at the next heading, which keeps its own column', () => {
    const columns = structure([
      h('面点师', 1),
      p('薪资：4500-5500元/月'),
      p('招聘人数：2人'),
      p('学历：不限'),
      h('公司简介', 1),
      p('老街包子铺开在城东十五年，手工现包。'),
      h('产品展示', 1),
      h('鲜肉包', 2),
      p('2元/个'),
    ]).columns;
    expect(titles(columns, 'jobs')).toEqual(['面点师']);
    expect(column(columns, 'jobs')!.items[0]).toMatchObject({ headcount: 2, pay: '4500-5500元/月' });
    expect(JSON.stringify(column(columns, 'intro')!.body)).toContain('老街包子铺');
    expect(titles(columns, 'products')).toEqual(['鲜肉包']);
  });
});

describe('photos and contact', () => {
  it('keeps a filing certificate off the site and takes a shop door or corner for a place', () => {
    expect(isLicenceName('第二类医疗器械经营备案凭证.jpg')).toBe(true);
    expect(['店门口.jpg', '店里一角.jpg'].map(isPlaceName)).toEqual([true, true]);
  });

  it('finds the person named beside a note on the number', () => {
    expect(parseContact(['手机：13905361234（微信同号，王店长）'])?.person).toBe('王店长');
    expect(parseContact(['手机：13905361234（微信同号，找小李）'])?.person).toBe('小李');
  });
});
