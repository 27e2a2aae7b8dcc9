/**
 * Shapes the held-out round 23 (typical customers' material) showed the importer misread (issue 9): a hire told after
 * its reason, pay ranges by the day, a monthly pay with board, a pay clause closing its sentence, and Moments
 * headlines naming their year or ending in 啦 over a line that names the day, a PDF table row that lost its empty
 * model cell, a photo named by brand and product, 门市 as an address label, 工程部 and 供应站 as forms of a name.
 * The text is made up for the tests.
 */
import { describe, expect, it } from 'vitest';
import { parseContact } from '../../../electron/backend/domains/intake/contact';
import { jobLine } from '../../../electron/backend/domains/intake/lineItems';
import { isEquipmentName, matchPhoto } from '../../../electron/backend/domains/intake/photos';
import { readTable, rowFields } from '../../../electron/backend/domains/intake/tables';
import { shortNameOf } from '../../../electron/backend/domains/sites/defaults';
import { paragraph, type Column } from '../../../shared/sites/model';
import { itemTitles, listColumn, structuredText } from '../../helpers/structuredText';

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

describe('a flyer’s table, photos, contact and short name', () => {
  it('puts back the empty model cell a PDF row lost, so the price is the price', () => {
    const reading = readTable([
      ['品名', '型号', '价格', '说明'],
      ['电动按摩椅', 'A8', '3980元', '送货上门'],
      ['二手按摩椅', '800元起', '八成新', ''],
    ]);
    const fields = reading.rows.map((row) => rowFields(reading, row));
    expect(fields[1]).toMatchObject({ name: '二手按摩椅', price: { kind: 'amount', fen: 80000, from: true } });
    expect(fields[1]?.model).toBeUndefined();
  });

  it('gives a photo named by brand and product to the product of that brand, not to a notice naming both', () => {
    const columns = [
      listColumn('products', [
        { kind: 'product', id: 'p1', name: '燃气热水器 JSQ25', description: [paragraph('品牌：万和')], images: [] },
        { kind: 'product', id: 'p2', name: '燃气热水器 JSQ30', description: [paragraph('品牌：林内')], images: [] },
      ]),
      listColumn('news', [{ kind: 'article', id: 'a1', title: '本店成为万和热水器县级服务网点', body: [], images: [] }]),
    ];
    const found = matchPhoto('万和热水器.jpg', columns);
    expect(found.kind === 'item' && found.item.id).toBe('p1');
  });

  it('takes 门市： for the address', () => {
    expect(parseContact(['门市：城关镇建设路18号（汽车站对面）'])?.address).toBe('城关镇建设路18号（汽车站对面）');
  });

  it.each([
    ['平安县暖阳地暖工程部', '暖阳地暖'],
    ['平安县顺达液化气供应站', '顺达液化气'],
  ])('%s → %s', (name, short) => expect(shortNameOf(name, { province: '山东省', city: '聊城市', district: '平安县' })).toBe(short));
});

describe('photos of the business’s equipment', () => {
  it('takes a vehicle or machine for the business’s own, not a phone or a camera', () => {
    expect(isEquipmentName('送货车.jpg')).toBe(true);
    expect(isEquipmentName('挖掘机.jpg')).toBe(true);
    expect(isEquipmentName('检测设备.jpg')).toBe(true);
    expect(isEquipmentName('手机.jpg')).toBe(false);
    expect(isEquipmentName('数码相机.jpg')).toBe(false);
    expect(isEquipmentName('IMG_20261201_101010.jpg')).toBe(false);
  });
});
