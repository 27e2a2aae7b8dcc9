/**
 * Shapes the held-out round 23 showed the importer misread (issue 9): a food-delivery shop page (饿了么, 美团外卖) copied
 * as text, and an event named before its dates in a note sorted line by line. The text is made up for the tests.
 */
import { describe, expect, it } from 'vitest';
import { deliveryMenuLines, isDeliveryMenu } from '../../../electron/backend/domains/intake/deliveryMenu';
import type { Column } from '../../../shared/sites/model';
import { itemTitles, structuredText } from '../../helpers/structuredText';

const PAGE = [
  '饿了么',
  '老街牛肉面(东关店)',
  '4.7',
  '月售1500+',
  '约30分钟',
  '起送¥15  配送¥3',
  '公告：牛骨汤每天熬足八小时。',
  '满40减6',
  '点餐',
  '评价',
  '商家',
  '热销',
  '面食',
  '小菜',
  '必选',
  '热销',
  '红烧牛肉面',
  '大碗 牛肉足量',
  '月售610  好评率98%',
  '¥22',
  '¥26',
  '面食',
  '红烧牛肉面',
  '大碗 牛肉足量',
  '月售610  好评率98%',
  '¥22',
  '¥26',
  '清汤牛肉面',
  '月售320  好评率97%',
  '9折 限1份',
  '¥18',
  '¥20',
  '酸辣粉',
  '月售95',
  '¥12',
  '已售罄',
  '小菜',
  '凉拌海带丝',
  '月售80',
  '¥6',
  '必选',
  '一次性餐具',
  '下单必选',
  '月售1500+',
  '¥1',
  '已选0件',
  '¥0',
  '另需配送费¥3',
  '¥15起送',
];

const products = (columns: Column[]) => columns.filter((c) => c.type === 'products').flatMap((c) => c.items);

describe('a delivery app’s shop page copied as text', () => {
  it('is told by its sales lines, prices alone on a line and delivery terms', () => {
    expect(isDeliveryMenu(PAGE)).toBe(true);
    expect(isDeliveryMenu(['红烧牛肉面', '¥22', '清汤牛肉面', '¥18'])).toBe(false);
  });

  it('is written out as its menu: each dish once, under its own category, priced now, without the tableware or the cart', () => {
    const lines = deliveryMenuLines(PAGE);
    expect(lines.slice(0, 2)).toEqual(['老街牛肉面(东关店)', '公告：牛骨汤每天熬足八小时。']);
    expect(lines.filter((l) => l.includes(' | '))).toEqual([
      '分类 | 菜品 | 价格 | 说明',
      '面食 | 红烧牛肉面 | 22元 | 大碗 牛肉足量',
      '面食 | 清汤牛肉面 | 18元 | ',
      '面食 | 酸辣粉 | 12元 | ',
      '小菜 | 凉拌海带丝 | 6元 | ',
    ]);
  });

  it('gives the products column its dishes with their prices and categories', () => {
    const items = products(structuredText(PAGE.join('\n'), '外卖店铺.txt').columns);
    expect(items.map((i) => (i.kind === 'product' ? [i.name, i.price, i.category] : []))).toEqual([
      ['红烧牛肉面', { kind: 'amount', fen: 2_200 }, '面食'],
      ['清汤牛肉面', { kind: 'amount', fen: 1_800 }, '面食'],
      ['酸辣粉', { kind: 'amount', fen: 1_200 }, '面食'],
      ['凉拌海带丝', { kind: 'amount', fen: 600 }, '小菜'],
    ]);
  });
});

describe('an event named before its dates in a note of lines', () => {
  it('is a notice titled by the event', () => {
    const material = structuredText(
      ['老街牛肉面', '腊八活动：12月26号到28号，每碗面送一份小菜。', '招洗碗工1名，月薪2800', '电话：0551-63331234'].join('\n'),
      '店里情况.txt',
    );
    expect(itemTitles(material.columns.find((c) => c.type === 'news'))).toEqual(['腊八活动']);
  });
});
