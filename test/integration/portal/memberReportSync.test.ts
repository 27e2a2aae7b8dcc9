/**
 * Issue 13 item 4 end to end: the portal member report reaches the desktop as a synced table. A
 * desktop opens an enterprise whose site goes live on a real platform process (CMPP link to the ISMG
 * simulator over loopback); handsets follow it by SMS (`DY` to the service code) and one texts TD;
 * after a sync the desktop's `portal.memberReport` (and its Excel export) count them, by the city of
 * each number's prefix — from the local table, so they still answer once the platform is gone. A device of another region never gets the row.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chinaMonth } from '../../../shared/domain/dates';
import { industrySection } from '../../../shared/domain/industry';
import { linkFlags, startIsmg, textAndWait, type TestIsmg } from '../../helpers/ismg';
import { sheetRows } from '../../helpers/workbook';
import { startPlatform, type PlatformProcess } from '../../helpers/platform';
import { createDevice, type Device } from '../../helpers/syncDevice';
import { openTeaSite } from '../sms/openedTeaSite';

const CODE = '10658000';

describe('the portal member report is pulled by the devices of its region', () => {
  let ismg: TestIsmg;
  let platform: PlatformProcess;
  let device: Device;
  let enterpriseId: string;
  let shortName: string;
  let sectionName: string;

  beforeAll(async () => {
    ismg = await startIsmg();
    platform = await startPlatform({ extraArgs: linkFlags(ismg.port) });
    device = await createDevice('A');
    let siteId: string;
    ({ enterpriseId, siteId } = await openTeaSite(device, platform));
    shortName = (await device.call('sites.get', { siteId })).content.profile.shortName;
    sectionName = industrySection((await device.call('enterprises.get', { id: enterpriseId })).industrySection)!.name;
  }, 120_000);
  afterAll(async () => {
    device?.cleanup();
    await platform?.stop();
    await ismg?.stop();
  });

  const text = async (mobile: string, body: string) => (await textAndWait(ismg, mobile, CODE, body))[0]!.text;

  it('counts members who followed by SMS after a sync, works offline, and stays in its region', async () => {
    const empty = await device.call('portal.memberReport', { enterpriseId });
    expect(empty).toMatchObject({ followers: 0, asOf: expect.any(String) });

    // 139531… is a Jinan prefix, 139532… a Qingdao one (libphonenumber's geocoding data).
    expect(await text('13953105001', `DY ${shortName}`)).toContain(`已订阅企业“${shortName}”`);
    expect(await text('13953205002', `订阅 ${sectionName}`)).toContain(`已订阅行业“${sectionName}”`);
    expect(await text('13953105003', `DY ${shortName}`)).toContain('已订阅');
    expect(await text('13953105003', 'TD')).toContain('您已退订');

    expect(await device.settle()).toMatchObject({ outcome: 'ok' });
    // The platform runs on the real clock (the device on the test's): ask for the month they joined in.
    const month = chinaMonth(new Date());
    const report = await device.call('portal.memberReport', { enterpriseId, month });
    expect(report).toMatchObject({
      enterpriseId,
      month,
      followers: 3,
      followingEnterprise: 2,
      followingIndustry: 1,
      newThisMonth: 3,
      optedOut: 1,
      byRegion: [
        { province: '山东省', city: '济南市', members: 2 },
        { province: '山东省', city: '青岛市', members: 1 },
      ],
    });
    expect(Date.parse(report.asOf!)).toBeGreaterThanOrEqual(Date.parse(empty.asOf!));

    // A Qingdao manager's device pulls nothing of a Jinan enterprise, its report included.
    const qingdao = await createDevice('B');
    try {
      await qingdao.signIn(platform.url, 'qd.manager', platform.login('qd.manager').password);
      expect(await qingdao.settle()).toMatchObject({ outcome: 'ok' });
      expect(qingdao.db.prepare('SELECT count(*) FROM member_report').pluck().get()).toBe(0);
      expect(device.db.prepare('SELECT count(*) FROM member_report').pluck().get()).toBe(1);
    } finally {
      qingdao.cleanup();
    }

    // The platform is gone: the report and its export are read from the local table.
    await platform.stop();
    expect(await device.call('portal.memberReport', { enterpriseId, month })).toEqual(report);
    const file = await device.call('files.memberReport', { enterpriseId, month });
    const rows = await sheetRows(file.bytes, '门户会员');
    expect(rows.slice(0, 6)).toEqual([
      ['门户会员报告', month],
      ['关注会员', 3],
      ['关注本企业', 2],
      ['关注所在行业', 1],
      [`${month} 新增`, 3],
      ['已退订短信', 1],
    ]);
    expect(rows[6]![0]).toBe('数据截至');
    expect(rows.slice(8)).toEqual([
      ['省份', '城市', '人数'],
      ['山东省', '济南市', 2],
      ['山东省', '青岛市', 1],
    ]);
  }, 120_000);
});
