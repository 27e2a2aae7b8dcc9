/**
 * Shapes the held-out round 27 (typical customers' material) showed the importer misread (issue 9): one priced line
 * alone under a services heading, a labelled phone line alone at a price board's foot, pay said for the skilled hand
 * (熟手一个月…), a photo naming the item's words in another order, a herd out on the hill as a scene, an animal-health
 * certificate as a paper, and short names after 工艺 and a town. The text is made up for the tests.
 */
import { describe, expect, it } from 'vitest';
import { shortNameOf } from '../../../electron/backend/domains/sites/defaults';
import { jobLine } from '../../../electron/backend/domains/intake/lineItems';
import { isLicenceName, isPlaceName, matchPhoto } from '../../../electron/backend/domains/intake/photos';
import { listColumn, namedProduct, structuredText } from '../../helpers/structuredText';

describe('round 27 typical material', () => {
  it('takes one priced line alone under a services heading for a product', () => {
    const material = structuredText('某某体育\n\n其他服务\n网球拍穿线　30元/次，本店买的免费\n\n招聘\n招店员1名，月薪3000元', '介绍.txt');
    const products = material.columns.find((c) => c.type === 'products');
    expect(products?.items).toMatchObject([{ kind: 'product', name: '网球拍穿线', price: { fen: 3000, unit: '次' } }]);
  });

  it('takes a labelled phone line alone under a heading that names no column for the contact', () => {
    const material = structuredText('某某修补\n\n价目\n补胎　20元\n换胎　50元\n\n*上门服务 随叫随到\n电话：0379-60001111', '价目.txt');
    expect(material.contactLines).toContain('电话：0379-60001111');
  });

  it('reads the skilled hand’s monthly pay after a piece-rate word', () => {
    expect(jobLine('编筐师傅2名，计件，熟手一个月4000-6000元。')?.pay).toBe('计件，熟手一个月4000-6000元');
  });

  it('matches a photo naming the item’s words in another order, and only the item with both', () => {
    const column = listColumn('products', [namedProduct('蝴蝶风筝（手绘）', 'a'), namedProduct('蝴蝶风筝（印刷）', 'b')]);
    expect(matchPhoto('手绘蝴蝶.jpg', [column])).toMatchObject({ kind: 'item', item: { id: 'a' } });
  });

  it('takes a herd out to graze for a scene and an animal-health certificate for a paper', () => {
    expect(isPlaceName('坡上散养.jpg')).toBe(true);
    expect(isLicenceName('动物防疫条件合格证.jpg')).toBe(true);
  });

  it('shortens 工艺 after a trade and a town in front', () => {
    const region = { province: '湖南省', city: '某市', district: '某县' } as Parameters<typeof shortNameOf>[1];
    expect(shortNameOf('某县飞燕风筝工艺厂', region)).toBe('飞燕风筝');
    expect(shortNameOf('金鼎工艺', region)).toBe('金鼎工艺');
    expect(shortNameOf('某县石门镇青山土鸡养殖场', region)).toBe('青山土鸡');
    expect(shortNameOf('古镇人家饭店', region)).toBe('古镇人家');
  });
});
