/**
 * The rest of what the held-out round 12 (and older rounds' leftovers) showed (issue 9): SMS short names
 * kept trade words a manager cuts, post rows typed with bars, a contact typed with bars, a workshop
 * photo. The names and text are made up for the tests.
 */
import { describe, expect, it } from 'vitest';
import { parseContact } from '../../../electron/backend/domains/intake/contact';
import { asTaggedPost, jobLine } from '../../../electron/backend/domains/intake/lineItems';
import { linesToBlocks, textLines } from '../../../electron/backend/domains/intake/lines';
import { folderHint, isPlaceName } from '../../../electron/backend/domains/intake/photos';
import { structureDocument, textToBlocks } from '../../../electron/backend/domains/intake/structure';
import { shortNameOf } from '../../../electron/backend/domains/sites/defaults';
import { itemTitle, type Column } from '../../../shared/sites/model';

let counter = 0;
const env = { newId: () => `id-${++counter}` };
const column = (columns: Column[], type: string) => columns.find((c) => c.type === type);

describe('the SMS short name is short', () => {
  const region = { province: '山东省', city: '潍坊市', district: '奎文区' };
  it.each([
    ['潍坊市金桥职业培训学校', '金桥培训学校'],
    ['潍坊宏达建筑设备租赁有限公司', '宏达租赁'],
    ['潍坊市奎文区海豚儿童游泳馆', '海豚游泳馆'],
    ['潍坊顺风冷链物流有限公司', '顺风冷链'],
    ['潍坊时光印象摄影有限公司', '时光印象'],
    ['潍坊市奎文区飞燕舞蹈艺术培训中心', '飞燕舞蹈'],
    ['潍坊市奎文区华阳太阳能热水器经销部', '华阳太阳能'],
    ['潍坊市奎文区牧康兽药店', '牧康兽药'],
    ['潍坊市奎文区极速手机维修部', '极速手机维修'],
    ['潍坊美齿口腔诊所有限公司', '美齿口腔'],
    ['潍坊安居房地产经纪有限公司', '安居房产'],
    ['潍坊市永盛劳务派遣有限公司', '永盛劳务'],
    ['潍坊市奎文区金鸡生态养殖场', '金鸡养殖场'],
    ['潍坊市奎文区宝宝乐母婴用品店', '宝宝乐母婴'],
    ['潍坊市奎文区飞翔羽毛球俱乐部', '飞翔羽毛球'],
    ['潍坊市奎文区平安消防器材店', '平安消防'],
    ['潍坊诚信财务咨询有限公司', '诚信财务'],
    ['潍坊市奎文区绿源苗木种植基地', '绿源苗木'],
    ['潍坊市奎文区环保废品回收站', '环保废品回收'],
    ['潍坊市奎文区冰雪空调安装维修部', '冰雪空调'],
    ['潍坊平安保险代理有限公司', '平安保险'],
    ['潍坊市奎文区清河水产养殖场', '清河水产'],
    ['潍坊市奎文区悦心瑜伽生活馆', '悦心瑜伽'],
  ])('%s → %s', (name, short) => expect(shortNameOf(name, region)).toBe(short));

  it.each([
    ['潍坊顺风物流有限公司', '顺风物流'],
    ['潍坊民康大药店', '民康大药店'],
    ['潍坊市奎文区洁美有害生物防治有限公司', '洁美有害生物防治'],
    ['潍坊市奎文区育才培训学校', '育才培训学校'],
    ['潍坊市奎文区户外用品店', '户外用品'],
    ['潍坊市奎文区蓝天俱乐部', '蓝天俱乐部'],
    ['潍坊市奎文区闪电手机维修部', '闪电手机维修'],
  ])('keeps the trade when it is all the name says: %s → %s', (name, short) => expect(shortNameOf(name, region)).toBe(short));
});

describe('a text typed with bars, in parts between --- lines', () => {
  const text = [
    '王记烧饼|祖传炉子|每天现烤',
    '',
    '品名|价格|说明',
    '芝麻烧饼|2元/个|',
    '肉火烧|5元/个|中午有',
    '豆沫|2元/碗|',
    '油条|1元/根|',
    '豆浆|2元/碗|现磨',
    '---',
    '机关单位长期供货|量大优惠|送货上门',
    '收购今年新麦|价格面议|电话联系',
    '---',
    '地址|临沂市兰山区银雀山路12号',
    '电话|13905391234|王师傅',
  ].join('\n');
  const structured = structureDocument(linesToBlocks(textLines(text)), '烧饼铺.txt', env, { today: '2026-12-01' });

  it('reads the rows whose first cell buys or offers as posts', () => {
    const posts = column(structured.columns, 'supply')!.items;
    expect(posts.map(itemTitle)).toEqual(['机关单位长期供货', '收购今年新麦']);
    expect(posts.map((p) => (p.kind === 'post' ? p.postKind : ''))).toEqual(['supply', 'demand']);
    expect(column(structured.columns, 'products')!.items.map(itemTitle)).toEqual(['芝麻烧饼', '肉火烧', '豆沫', '油条', '豆浆']);
  });

  it('reads the label|value rows as the contact, the person beside the number', () => {
    expect(parseContact(structured.contactLines)).toMatchObject({
      address: '临沂市兰山区银雀山路12号',
      person: '王师傅',
      phones: [{ number: '13905391234' }],
    });
  });
});

describe('photos of the business itself', () => {
  it('takes a workshop for a place', () => {
    expect([isPlaceName('作坊.jpg'), isPlaceName('手工作坊一角.jpg'), isPlaceName('烧饼.jpg')]).toEqual([true, true, false]);
  });

  it('sends camera-named photos in a folder named 公司 to the places, a 公司产品 folder to the products', () => {
    expect([
      folderHint('公司/mmexport1761234567890.jpg'),
      folderHint('公司照片/IMG_0001.jpg'),
      folderHint('公司产品/IMG_0002.jpg'),
    ]).toEqual(['places', 'places', 'products']);
  });
});

describe('a price table under a title that names its price', () => {
  const table = {
    type: 'table' as const,
    header: false,
    rows: [
      ['品名', '单位', '批发价', '零售价'],
      ['草鱼', '斤', '7.5', '9'],
      ['鲫鱼', '斤', '10', '12'],
    ].map((row) => row.map((text) => [{ text }])),
  };
  const priceOf = (caption: string) => {
    const blocks = [{ type: 'paragraph' as const, runs: [{ text: caption }] }, table];
    const products = column(structureDocument(blocks, '报价.xls', env, { today: '2026-12-01' }).columns, 'products')!;
    return products.items.map((item) => (item.kind === 'product' && item.price?.kind === 'amount' ? item.price.fen : null));
  };

  it('takes the price the title names (a wholesaler quotes its wholesale price)', () => {
    expect(priceOf('河鲜批发部 2026年5月批发报价')).toEqual([750, 1000]);
  });

  it('takes the price the public pays when the title names none', () => {
    expect(priceOf('河鲜批发部 2026年5月报价')).toEqual([900, 1200]);
  });
});

describe('pay said as how it is settled', () => {
  it.each([
    ['保洁员 3名，55岁以下，能吃苦，按天结算。', '按天结算'],
    ['临时搬运工 若干名，身体好，日结', '日结'],
  ])('%s → pay %s', (line, pay) => expect(jobLine(line)).toMatchObject({ pay }));
});

describe('a line that opens by buying or offering, among lines that say what they are', () => {
  it('is a post, its opening verb read as its tag and kept in its title', () => {
    const text = [
      '小王电脑维修，十五年老店，上门服务。',
      '另有：键盘 60元/个  鼠标 30元/个',
      '回收旧电脑、旧打印机，当面结清',
      '电话：0539-8123456',
    ].join('\n');
    const structured = structureDocument(linesToBlocks(textLines(text)), '说明.txt', env, { today: '2026-12-01' });
    const posts = column(structured.columns, 'supply')!.items;
    expect(posts.map(itemTitle)).toEqual(['回收旧电脑、旧打印机']);
    expect(posts[0]).toMatchObject({ postKind: 'demand' });
  });
});

describe('rows of one name told apart by their spec', () => {
  it('carry the spec in the title, and so does every row of that list', () => {
    const table = {
      type: 'table' as const,
      header: false,
      rows: [
        ['品名', '规格', '月租金'],
        ['钢模板', '1.5米', '12元'],
        ['钢模板', '1.2米', '10元'],
        ['顶托', '600mm', '2元'],
      ].map((row) => row.map((text) => [{ text }])),
    };
    const blocks = [{ type: 'heading' as const, level: 1, runs: [{ text: '租赁价格' }] }, table];
    const products = column(structureDocument(blocks, 'a.docx', env, { today: '2026-12-01' }).columns, 'products')!;
    expect(products.items.map(itemTitle)).toEqual(['钢模板 1.5米', '钢模板 1.2米', '顶托 600mm']);
  });

  it('a 货号 column is the model a shop quotes, and tells rows of one name apart', () => {
    const table = {
      type: 'table' as const,
      header: false,
      rows: [
        ['货号', '名称', '规格', '零售价'],
        ['HX-101', '客厅吊灯', '6头', '399元'],
        ['HX-102', '客厅吊灯', '8头', '499元'],
        ['TD-7', '台灯', 'LED', '59元'],
      ].map((row) => row.map((text) => [{ text }])),
    };
    const blocks = [{ type: 'heading' as const, level: 1, runs: [{ text: '产品报价' }] }, table];
    const products = column(structureDocument(blocks, 'a.xlsx', env, { today: '2026-12-01' }).columns, 'products')!;
    expect(products.items.map(itemTitle)).toEqual(['客厅吊灯 HX-101', '客厅吊灯 HX-102', '台灯 TD-7']);
  });

  it('a list without repeated names keeps its specs apart', () => {
    const text = ['产品价格', '槐花蜜500g/瓶 68元', '荆条蜜500g/瓶 58元'];
    const products = column(structureDocument(textToBlocks(text), 'a.txt', env, { today: '2026-12-01' }).columns, 'products')!;
    expect(products.items.map(itemTitle)).toEqual(['槐花蜜', '荆条蜜']);
  });

  it('as priced lines too, the pack size without its /瓶', () => {
    const text = ['产品价格', '槐花蜜500g/瓶 68元', '槐花蜜1000g/瓶 120元', '荆条蜜500g/瓶 58元'];
    const products = column(structureDocument(textToBlocks(text), 'a.txt', env, { today: '2026-12-01' }).columns, 'products')!;
    expect(products.items.map(itemTitle)).toEqual(['槐花蜜 500g', '槐花蜜 1000g', '荆条蜜 500g']);
    expect(products.items[2]).toMatchObject({ spec: '500g/瓶' });
  });
});

describe('a line already tagged', () => {
  it('keeps its tag as typed', () => {
    expect(asTaggedPost('长期收购：花生、大豆，价格随行就市。')).toBe('长期收购：花生、大豆，价格随行就市。');
    expect(asTaggedPost('收购花生、大豆，价格随行就市。')).toBe('收购：收购花生、大豆，价格随行就市。');
  });
});
