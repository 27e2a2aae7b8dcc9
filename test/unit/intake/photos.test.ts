import { describe, expect, it } from 'vitest';
import {
  folderHint,
  isCameraName,
  isDocumentName,
  isLicenceName,
  isLogoName,
  isPlaceName,
  matchPhoto,
  productOfPhotoName,
  type PhotoMatch,
} from '../../../electron/backend/domains/intake/photos';
import { isClutter } from '../../../electron/backend/domains/intake/sources';
import { shortNameOf } from '../../../electron/backend/domains/sites/defaults';
import type { Column, Item } from '../../../shared/sites/model';

const product = (id: string, name: string, model?: string): Item => ({
  kind: 'product',
  id,
  name,
  ...(model ? { model } : {}),
  description: [],
  images: [],
});
const column = (items: Item[]): Column => ({
  id: 'c',
  type: 'products',
  title: '产品',
  order: 0,
  channels: { web: true, wap2: true, wap1: true, sms: true },
  body: [],
  items,
});
const COLUMNS = [
  column([
    product('p1', '数控车床 CK6150', 'CK6150'),
    product('p2', '数控铣床 XK7132', 'XK7132'),
    product('p3', '液压折弯机'),
    product('p4', '招牌红烧肉'),
    product('p5', '宫保鸡丁'),
    product('p6', '书法（硬笔/软笔）'),
    product('p7', '暑期书法集训营'),
    product('p8', '仿古砖 JD-6612', 'JD-6612'),
  ]),
];
const found = (m: PhotoMatch) => (m.kind === 'item' ? [m.item.id, m.reason] : m.kind);

describe('photos matched to items by their names', () => {
  it.each([
    ['产品图片/数控车床CK6150.jpg', ['p1', 'model']],
    ['XK7132.jpg', ['p2', 'model']],
    ['JD6612.jpg', ['p8', 'model']],
    ['折弯机.jpg', ['p3', 'name']],
    ['hongshaorou.jpg', ['p4', 'pinyin']],
    ['宫爆鸡丁.jpg', ['p5', 'pinyin']],
    ['宫宝鸡丁-2.JPG', ['p5', 'pinyin']],
    ['shufa.jpg', ['p6', 'pinyin']],
    ['书法软笔.jpg', ['p6', 'name']],
    ['IMG_3021.jpg', 'none'],
    ['厂区全景.jpg', 'none'],
  ])('%s → %j', (file, expected) => expect(found(matchPhoto(file, COLUMNS))).toEqual(expected));

  it('says a name fitting several items is ambiguous rather than picking one', () => {
    // (Sizes of one name, 红茶 250克 and 红茶 500克, are variants: the first takes it, round28GroupOrdersAndObjects.test.ts.)
    const two = [column([product('a', '红茶礼盒'), product('b', '红茶散装')])];
    expect(matchPhoto('红茶.jpg', two)).toEqual({ kind: 'ambiguous', candidates: ['红茶礼盒', '红茶散装'] });
  });

  it('knows logos, licences, places, camera names, pages and folders by name', () => {
    expect(['logo.png', '明珠logo.png', '公司LOGO.jpg', '标志.jpg', '茶园.jpg'].map(isLogoName)).toEqual([true, true, true, true, false]);
    expect(['营业执照.jpg', '营业执照副本.jpg', '厂区全景.jpg'].map(isLicenceName)).toEqual([true, true, false]);
    expect(
      ['厂区全景.jpg', '车间.jpg', '门店.jpg', '候诊区.jpg', '茶室.jpg', '小区绿化.jpg', '车队.jpg', '龙井.jpg'].map(isPlaceName),
    ).toEqual([true, true, true, true, true, true, false, false]);
    expect(
      ['IMG_20260812_183355.jpg', 'DSC_0012.JPG', '微信图片_20260312.jpg', 'mmexport1690001.jpg', '龙井.jpg'].map(isCameraName),
    ).toEqual([true, true, true, true, false]);
    expect(['价目表.jpg', '菜单2.jpg', '龙井.jpg', '朋友圈长图.png'].map(isDocumentName)).toEqual([true, true, false, true]);
    expect([folderHint('产品图片/a.jpg'), folderHint('环境/a.jpg'), folderHint('a.jpg')]).toEqual(['products', 'places', undefined]);
  });

  it('takes a photo named as a product for one: a name and a price, or (in a folder of photos only) a telling name', () => {
    expect(productOfPhotoName('实木餐桌 1280元.jpg', false)).toEqual({ name: '实木餐桌', price: { kind: 'amount', fen: 128_000 } });
    expect(productOfPhotoName('布艺沙发-3680元.jpg', false)?.price).toEqual({ kind: 'amount', fen: 368_000 });
    expect(productOfPhotoName('儿童床（松木）.jpg', false)).toBeUndefined();
    expect(productOfPhotoName('儿童床（松木）.jpg', true)).toEqual({ name: '儿童床（松木）' });
    for (const name of ['IMG_0456.JPG', '门店外观.jpg', 'logo.png', '营业执照.jpg', '价目表.jpg', 'cat.jpg'])
      expect(productOfPhotoName(name, true), name).toBeUndefined();
  });

  it('leaves out the support files Word writes beside a page saved as a web page', () => {
    expect(['filelist.xml', 'themedata.thmx', 'colorschememapping.xml', 'image001.jpg', '公司简介.htm'].map(isClutter)).toEqual([
      true,
      true,
      true,
      false,
      false,
    ]);
  });
});

describe('the SMS short name', () => {
  const region = (province: string, city: string, district: string) => ({ province, city, district });
  it.each([
    ['淄博鲁中机械制造有限公司', region('山东省', '淄博市', '张店区'), '鲁中机械'],
    ['济南泉城茶业有限公司', region('山东省', '济南市', '历下区'), '泉城茶业'],
    ['寿光绿源蔬菜种植专业合作社', region('山东省', '潍坊市', '寿光市'), '绿源蔬菜'],
    ['山东正大律师事务所', region('山东省', '济南市', '历下区'), '正大律所'],
    ['青岛市市南区清香阁茶叶店', region('山东省', '青岛市', '市南区'), '清香阁茶叶'],
    ['潍坊市安达机动车驾驶员培训有限公司', region('山东省', '潍坊市', '奎文区'), '安达驾校'],
  ])('%s → %s', (name, r, short) => expect(shortNameOf(name, r)).toBe(short));
});
