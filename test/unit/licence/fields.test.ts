/** The licence's fields from OCR rows, for the current (two labels a row) and the old (one column) layout. */
import { describe, expect, it } from 'vitest';
import { licenceFields } from '../../../electron/backend/domains/licence/fields';
import type { OcrRow } from '../../../electron/backend/infra/ocr/layout';

const row = (text: string, score = 0.99): OcrRow => ({ text, cells: [], score });

describe('licence fields', () => {
  it('reads the current layout, two labels on a row, spaced labels and full-width brackets', () => {
    const reading = licenceFields([
      row('营业执照'),
      row('统一社会信用代码 91350100M000100Y43'),
      row('名 称  济南泉城茶业有限公司  注册资本 伍拾万元整'),
      row('类 型  有限责任公司(自然人投资或控股)  成立日期 2016年03月08日'),
      row('法定代表人 王建国  营业期限 长期'),
      row('经营范围 茶叶销售  住 所  山东省济南市历下区泉城路188号'),
    ]);
    expect(reading).toMatchObject({
      name: '济南泉城茶业有限公司',
      creditCode: '91350100M000100Y43',
      creditCodeValid: true,
      type: '有限责任公司（自然人投资或控股）',
      legalRepresentative: '王建国',
      registeredCapital: '伍拾万元整',
      establishedOn: '2016-03-08',
      address: '山东省济南市历下区泉城路188号',
      uncertain: [],
    });
  });

  it('names what it could not read or read with low confidence, and never fills a code that fails its check as valid', () => {
    const reading = licenceFields([
      row('统一社会信用代码 91350100M000100Y48'),
      row('名称 济南泉城茶业有限公司', 0.6),
      row('住所 山东省济南市历下区泉城路188号'),
      row('成立日期 2016年02月30日'),
    ]);
    expect(reading.creditCodeValid).toBe(false);
    expect(reading.creditCode).toBe('91350100M000100Y48');
    expect(reading.uncertain).toEqual(['name', 'creditCode', 'type', 'legalRepresentative', 'registeredCapital', 'establishedOn']);
    expect(reading.establishedOn).toBeNull();
    expect(reading.address).toBe('山东省济南市历下区泉城路188号');
  });

  it('reads the labels of other kinds of business (经营者, 经营场所, 出资额)', () => {
    const reading = licenceFields([
      row('名称 历下区清泉茶社'),
      row('类型 个体工商户'),
      row('经营者 李秀英'),
      row('经营场所 山东省济南市历下区文化东路1号'),
      row('注册日期 2020年5月1日'),
    ]);
    expect(reading).toMatchObject({
      name: '历下区清泉茶社',
      type: '个体工商户',
      legalRepresentative: '李秀英',
      address: '山东省济南市历下区文化东路1号',
      establishedOn: '2020-05-01',
    });
  });

  it('restores a rare character OCR dropped from a district (芝罘区 read as 芝区), and doubts a district that is no district of the city', () => {
    expect(licenceFields([row('住所 山东省烟台市芝区南大街9号')]).address).toBe('山东省烟台市芝罘区南大街9号');
    expect(licenceFields([row('住所 山东省烟台市芝区南大街9号')]).uncertain).not.toContain('address');
    const doubtful = licenceFields([row('住所 山东省济南市历夏区泉城路188号')]);
    expect(doubtful.address).toBe('山东省济南市历夏区泉城路188号');
    expect(doubtful.uncertain).toContain('address');
    expect(licenceFields([row('住所 北京市朝阳区建国路1号')]).uncertain).not.toContain('address');
  });
});
