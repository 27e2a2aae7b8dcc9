/**
 * Shapes of typical customers' material the held-out round 19 showed the importer did not read (issue 9): a
 * WeChat post headed "【shop】headline" over a dated line, an event named before a colon with its dates inside a
 * price list, a workshop's 加工范围 of "name：what it is" lines closed by a remark, and sample photos (样片-…)
 * named by the package they show. The text is made up for the tests.
 */
import { describe, expect, it } from 'vitest';
import { labelledNotice } from '../../../electron/backend/domains/intake/eventNotices';
import { postHeadline } from '../../../electron/backend/domains/intake/momentsPosts';
import { matchPhoto } from '../../../electron/backend/domains/intake/photos';
import { structureDocument, textToBlocks } from '../../../electron/backend/domains/intake/structure';
import { itemTitle, type Column } from '../../../shared/sites/model';

let counter = 0;
const env = { newId: () => `id-${++counter}` };
const TODAY = '2026-11-20';
const column = (columns: Column[], type: string) => columns.find((c) => c.type === type);
const titles = (columns: Column[], type: string) => column(columns, type)?.items.map(itemTitle) ?? [];

describe('a WeChat post headed by the shop’s name in brackets', () => {
  it('titles the dated notice under it by the headline, without the tag and the emoji', () => {
    const lines = [
      '【青岚骑行】周末环湖骑行招募中🚴',
      '11月29日（周六）环湖骑行40公里，早上8点俱乐部门口集合。',
      '费用：每人50元，含午餐和保险。',
      '地址：杭州市西湖区文三路88号',
      '电话：0571-86661234',
    ];
    const result = structureDocument(textToBlocks(lines), '朋友圈.txt', env, { today: TODAY });
    expect(titles(result.columns, 'news')).toEqual(['周末环湖骑行招募中']);
    expect(result.contactLines).toContain('电话：0571-86661234');
  });

  it('takes no sentence or bare tag for a headline', () => {
    expect(postHeadline('【青岚骑行】周末骑行，欢迎报名')).toBeUndefined();
    expect(postHeadline('【通知】')).toBeUndefined();
    expect(postHeadline('周末环湖骑行招募中')).toBeUndefined();
  });
});

describe('an event named before a colon with its dates', () => {
  it('is a news notice titled by the event, out of the price list its file names', () => {
    const lines = [
      '宠物洗护价目',
      '小型犬洗澡 60元',
      '中型犬洗澡 90元',
      '猫咪洗澡 80元',
      '圣诞活动：12月20日至1月5日，洗护满200元送驱虫一次',
    ];
    const result = structureDocument(textToBlocks(lines), '洗护价目表.txt', env, { today: TODAY });
    expect(titles(result.columns, 'products')).toEqual(['小型犬洗澡', '中型犬洗澡', '猫咪洗澡']);
    expect(titles(result.columns, 'news')).toEqual(['圣诞活动']);
  });

  it('needs an event word before the colon and a current date after it', () => {
    expect(labelledNotice('圣诞活动：12月20日至1月5日，满200减30', [], TODAY)?.title).toBe('圣诞活动');
    expect(labelledNotice('成立时间：2012年3月5日', [], TODAY)).toBeUndefined();
    expect(labelledNotice('店庆活动：2019年5月1日举办首届店庆', [], TODAY)).toBeUndefined();
    expect(labelledNotice('会员福利：满100减10', [], TODAY)).toBeUndefined();
  });
});

describe('a workshop’s 加工范围', () => {
  it('makes each "name：what it is" line a product, the closing remark column text', () => {
    const lines = [
      '加工范围',
      '激光切割：碳钢、不锈钢板材，最大厚度20mm。',
      '数控折弯：各类钣金件折弯成型。',
      '焊接加工：氩弧焊、二保焊。',
      '来图加工，单件小批量均可，价格面议。',
    ];
    const result = structureDocument(textToBlocks(lines), 'a.txt', env, { today: TODAY });
    const products = column(result.columns, 'products')!;
    expect(products.items.map(itemTitle)).toEqual(['激光切割', '数控折弯', '焊接加工']);
    expect(products.body).toEqual([{ type: 'paragraph', runs: [{ text: '来图加工，单件小批量均可，价格面议。' }] }]);
  });

  it('leaves fact and contact lines under it as text', () => {
    const lines = ['加工范围', '成立时间：2012年', '地址：潍城区北宫街1号', '来图加工，价格面议。'];
    const result = structureDocument(textToBlocks(lines), 'a.txt', env, { today: TODAY });
    expect(titles(result.columns, 'products')).toEqual([]);
  });
});

describe('a studio’s sample photos', () => {
  it('match the package a 样片 shows', () => {
    const columns: Column[] = [
      {
        id: 'c1',
        type: 'products',
        title: '套系',
        order: 0,
        channels: { web: true, wap2: true, wap1: true, sms: true },
        body: [],
        items: [
          { kind: 'product', id: 'p1', name: '满月纪念套系', description: [], images: [] },
          { kind: 'product', id: 'p2', name: '婚纱旅拍套系', description: [], images: [] },
        ],
      },
    ];
    const found = matchPhoto('样片-满月.jpg', columns);
    expect(found.kind === 'item' && itemTitle(found.item)).toBe('满月纪念套系');
  });
});
