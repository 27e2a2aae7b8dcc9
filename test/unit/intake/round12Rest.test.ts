/**
 * The rest of what the held-out round 12 (and older rounds' leftovers) showed (issue 9): SMS short names
 * kept trade words a manager cuts, post rows typed with bars, a contact typed with bars, a workshop
 * photo. The names and text are made up for the tests.
 */
import { describe, expect, it } from 'vitest';
import { shortNameOf } from '../../../electron/backend/domains/sites/defaults';

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
  ])('%s → %s', (name, short) => expect(shortNameOf(name, region)).toBe(short));

  it.each([
    ['潍坊顺风物流有限公司', '顺风物流'],
    ['潍坊民康大药店', '民康大药店'],
    ['潍坊市奎文区洁美有害生物防治有限公司', '洁美有害生物防治'],
    ['潍坊市奎文区育才培训学校', '育才培训学校'],
  ])('keeps the trade when it is all the name says: %s → %s', (name, short) => expect(shortNameOf(name, region)).toBe(short));
});
