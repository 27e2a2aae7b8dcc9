/**
 * Issue 13 items 3 and 4 by SMS, through the ISMG simulator over loopback TCP: a word texted to the
 * bare service code is answered by the portals' search (a model number, pinyin initials), within two
 * SMS parts; `DY`/`QX` make a number a member and change what it follows, each answered by a short
 * confirmation and counted at once in the enterprise's synced member report, in the city of the
 * number's prefix; `TD` still opts out; a flood of subscription commands is throttled. On SQLite and
 * PostgreSQL.
 */
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { countSms } from '../../shared/sites';
import type { MemberReportWireRow } from '../../shared/platform-api';
import { linkConfig, startIsmg, textAndWait, type TestIsmg } from '../../test/helpers/ismg';
import { SMS_COMMANDS_PER_DAY } from '../src/portal/smsSubscribe';
import { describeOnDatabases, type Device, type TestPlatform, startTestPlatform, updateOp } from './helpers';
import { machineToolSite, publishSite, softwareSite, teaSite, type FixtureSite } from './portalFixture';

const WAIT = { timeout: 30_000, interval: 20 };
const CODE = '10658000';

describeOnDatabases('the SMS portal’s search and subscriptions', (database) => {
  let ismg: TestIsmg;
  let t: TestPlatform;
  let machines: FixtureSite;
  let software: FixtureSite;
  let manager: Device;
  let machinesNumber: string;

  beforeAll(async () => {
    ismg = await startIsmg();
    // Plenty of MOs per minute: the subscription commands' own daily limit is what is tested here.
    t = await startTestPlatform({ database, sms: linkConfig(ismg.port), config: { smsMosPerNumber: 200 } });
    manager = await t.api.device('sd.manager');
    const admin = (await t.api.login('admin')).accessToken;
    await vi.waitFor(() => expect(t.platform.sms!.link.status().state).toBe('connected'), WAIT);
    machines = await publishSite(t, manager, admin, machineToolSite('smluzhong'), { section: 'C', division: '34' }, 'zibo');
    await publishSite(t, manager, admin, teaSite('smquancheng'), { section: 'F', division: '52' }, 'jinan');
    software = await publishSite(t, manager, admin, softwareSite('smhaixing'), { section: 'I', division: '65' }, 'qingdao');
    const route = await t.platform.ctx.database.db
      .selectFrom('sms_route')
      .select('extension')
      .where('enterprise_id', '=', machines.ent)
      .executeTakeFirstOrThrow();
    machinesNumber = CODE + route.extension;
  });
  afterAll(async () => {
    await t?.close();
    await ismg?.stop();
  });

  const received = (mobile: string) => ismg.sim.handsets.view(mobile).received;
  /** Texts the service code and returns the one reply. */
  async function text(mobile: string, body: string): Promise<string> {
    const [reply] = await textAndWait(ismg, mobile, CODE, body);
    expect(reply!.from).toBe(CODE);
    return reply!.text;
  }
  const db = () => t.platform.ctx.database.db;
  const report = async (enterpriseId: string) => {
    const row = await db().selectFrom('member_report').select('data').where('id', '=', enterpriseId).executeTakeFirst();
    return row && (JSON.parse(row.data) as MemberReportWireRow);
  };
  const followed = (mobile: string) =>
    db()
      .selectFrom('portal_subscription')
      .select(['kind', 'value'])
      .where('mobile', '=', mobile)
      .orderBy('kind')
      .orderBy('value')
      .execute();

  it('answers a model number and pinyin initials with the enterprise and its SMS number, within two parts', async () => {
    const mobile = '13900004001';
    for (const query of ['CK6150', 'ck6150', 'lzjx', '鲁中']) {
      const answer = await text(mobile, query);
      expect(answer, query).toContain(`淄博鲁中机械制造有限公司 ${machinesNumber}`);
      expect(answer, query).toMatch(/^【企业短信门户】找到1家/);
    }
    // Three enterprises match 有限公司; every answer fits in two parts.
    expect(await text(mobile, '有限公司')).toMatch(/^【企业短信门户】找到3家/);
    const parts = await db().selectFrom('sms_mt').select(['body', 'parts']).where('mobile', '=', mobile).execute();
    expect(parts).toHaveLength(5);
    for (const mt of parts) expect(countSms(mt.body).messages).toBeLessThanOrEqual(2);
    expect(await text(mobile, '鲁中软件')).toContain('未找到');
  });

  it('DY makes the number a member and follows a keyword, an enterprise or an industry; QX drops one; each is counted in the report', async () => {
    const mobile = '13900004002';
    expect(await report(machines.ent)).toMatchObject({ followers: 0 });
    expect(await text(mobile, 'DY 铸件')).toBe(
      '【企业短信门户】已订阅关键词“铸件”，有新供求信息时每天一条摘要。回复QX 铸件取消，回复TD退订。',
    );
    const member = await db().selectFrom('portal_member').selectAll().where('mobile', '=', mobile).executeTakeFirstOrThrow();
    // 1390000 is a prefix of Urumqi's (libphonenumber's geocoding data).
    expect(member).toMatchObject({ province: '新疆维吾尔自治区', city: '乌鲁木齐市', opted_out_at: null });
    expect((await report(machines.ent))!.followers).toBe(0); // a keyword follows no enterprise

    expect(await text(mobile, '订阅鲁中机械')).toContain('已订阅企业“鲁中机械”');
    expect(await report(machines.ent)).toMatchObject({
      followers: 1,
      followingEnterprise: 1,
      byRegion: [{ province: '新疆维吾尔自治区', city: '乌鲁木齐市', members: 1 }],
    });
    expect(await text(mobile, 'dy 制造业')).toContain('已订阅行业“制造业”');
    expect(await text(mobile, 'DY 制造业')).toContain('您已订阅行业“制造业”');
    expect(await followed(mobile)).toEqual([
      { kind: 'enterprise', value: machines.ent },
      { kind: 'industry', value: 'C' },
      { kind: 'keyword', value: '铸件' },
    ]);
    expect(await report(machines.ent)).toMatchObject({ followers: 1, followingEnterprise: 1, followingIndustry: 1 });
    expect(await text(mobile, 'DY')).toMatch(/^【企业短信门户】您已订阅：鲁中机械、制造业、铸件。订阅回复“DY 关键词”/);

    expect(await text(mobile, '取消 鲁中机械')).toBe('【企业短信门户】已取消订阅企业“鲁中机械”。');
    expect(await report(machines.ent)).toMatchObject({ followers: 1, followingEnterprise: 0, followingIndustry: 1 });
    expect(await text(mobile, 'QX 钢材')).toMatch(/^【企业短信门户】您未订阅关键词“钢材”。您已订阅：制造业、铸件。/);
    // A search that starts like a command is still a search.
    expect(await text(mobile, 'DYSON')).toContain('未找到');
  });

  it('counts a number that follows by DY under the city of its prefix; an unknown prefix stays unknown; older members without a city are placed when the report is next rewritten', async () => {
    const regionOf = async (mobile: string) =>
      db().selectFrom('portal_member').select(['province', 'city']).where('mobile', '=', mobile).executeTakeFirstOrThrow();
    const byCity = async () => [...(await report(software.ent))!.byRegion].sort((a, b) => (a.city < b.city ? -1 : 1));
    const jinan = '13953104006'; // 139531: 山东省济南市
    const qingdao = '13953204007'; // 139532: 山东省青岛市
    const unknown = '19953104008'; // a China Telecom range the data does not place
    for (const mobile of [jinan, qingdao, unknown]) expect(await text(mobile, 'DY 海星软件')).toContain('已订阅企业“海星软件”');
    expect(await regionOf(jinan)).toEqual({ province: '山东省', city: '济南市' });
    expect(await regionOf(qingdao)).toEqual({ province: '山东省', city: '青岛市' });
    expect(await regionOf(unknown)).toEqual({ province: '', city: '' });
    expect(await byCity()).toEqual([
      { province: '', city: '', members: 1 },
      { province: '山东省', city: '济南市', members: 1 },
      { province: '山东省', city: '青岛市', members: 1 },
    ]);

    // A member stored before numbers were placed (no city), following the software house: counted
    // where its number is once something rewrites the report — here another number's DY.
    const older = '13953104009';
    const now = t.clock.now().toISOString();
    await db()
      .insertInto('portal_member')
      .values({ mobile: older, province: '', city: '', joined_at: now, active_at: now, digest_after: now, opted_out_at: null })
      .execute();
    await db().insertInto('portal_subscription').values({ mobile: older, kind: 'enterprise', value: software.ent }).execute();
    expect(await byCity()).toContainEqual({ province: '山东省', city: '济南市', members: 1 }); // not rewritten yet
    expect(await text('13977104010', 'DY 海星软件')).toContain('已订阅'); // 广西南宁市
    expect(await byCity()).toEqual([
      { province: '', city: '', members: 1 },
      { province: '广西壮族自治区', city: '南宁市', members: 1 },
      { province: '山东省', city: '济南市', members: 2 },
      { province: '山东省', city: '青岛市', members: 1 },
    ]);
    expect(await regionOf(older)).toEqual({ province: '', city: '' }); // the member row itself is left as it was
    // Its own next DY stores the number's region.
    expect(await text(older, 'DY 钢材')).toContain('已订阅关键词“钢材”');
    expect(await regionOf(older)).toEqual({ province: '山东省', city: '济南市' });
  });

  it('DY with part of an industry’s name follows that industry when exactly one section holds the word, and the reply says which', async () => {
    const mobile = '13900004011';
    // 机械 is in two divisions of 制造业 (电气机械和器材制造业, 金属制品、机械和设备修理业) and in no other section.
    expect(await text(mobile, 'DY 机械')).toBe(
      '【企业短信门户】已订阅行业“制造业”（含电气机械和器材制造业等），有新供求信息时每天一条摘要。回复QX 机械取消，回复TD退订。',
    );
    expect(await followed(mobile)).toEqual([{ kind: 'industry', value: 'C' }]);
    expect(await text(mobile, 'DY 制造')).toContain('您已订阅行业“制造业”，'); // in the section's own name
    // 服务 is in the names of several sections: a keyword, as before.
    expect(await text(mobile, 'DY 服务')).toContain('已订阅关键词“服务”');
    expect(await text(mobile, 'QX 机械')).toBe('【企业短信门户】已取消订阅行业“制造业”。');
    // A number that follows the word as a keyword (followed before words found sections) drops that first.
    await db().insertInto('portal_subscription').values({ mobile, kind: 'keyword', value: '机械' }).execute();
    expect(await text(mobile, 'QX 机械')).toBe('【企业短信门户】已取消订阅关键词“机械”。');
    expect(await followed(mobile)).toEqual([{ kind: 'keyword', value: '服务' }]);
  });

  it('keeps to three keywords, and never echoes what a phone sent that is not a keyword', async () => {
    const mobile = '13900004003';
    for (const word of ['钢材', '铸件', '轴承']) expect(await text(mobile, `DY ${word}`)).toContain(`已订阅关键词“${word}”`);
    expect(await text(mobile, 'DY 机床')).toContain('最多订阅10家企业、3个关键词');
    expect(await followed(mobile)).toHaveLength(3);
    const odd = await text(mobile, 'DY 【中国移动】http://x.cn');
    expect(odd).toMatch(/^【企业短信门户】您已订阅：/);
    expect(odd).not.toContain('中国移动');
    expect(odd).not.toContain('http');
  });

  it('TD still opts out (the report counts it); a later DY takes the digests back', async () => {
    const mobile = '13900004004';
    await text(mobile, 'DY 鲁中机械');
    const before = (await report(machines.ent))!;
    expect(await text(mobile, 'TD')).toContain('您已退订门户的供求信息短信');
    expect((await report(machines.ent))!.optedOut).toBe(before.optedOut + 1);
    const member = () => db().selectFrom('portal_member').select('opted_out_at').where('mobile', '=', mobile).executeTakeFirstOrThrow();
    expect((await member()).opted_out_at).not.toBeNull();
    expect(await text(mobile, 'DY 鲁中机械')).toContain('您已订阅企业“鲁中机械”');
    expect((await member()).opted_out_at).toBeNull();
    expect((await report(machines.ent))!.optedOut).toBe(before.optedOut);
  });

  it('throttles a flood of subscription commands from one number: one reply says so, the rest go unanswered, until the next day', async () => {
    const mobile = '13900004005';
    const flood = SMS_COMMANDS_PER_DAY + 5;
    for (let i = 0; i < flood; i++) ismg.sim.sendMo(mobile, CODE, i % 2 ? 'QX 机械' : 'DY 机械');
    await vi.waitFor(async () => {
      const day = await db().selectFrom('portal_sms_command_day').select('commands').where('mobile', '=', mobile).executeTakeFirst();
      expect(Number(day?.commands)).toBe(flood);
    }, WAIT);
    // Replies are queued in the transaction that counts the MO: all 25 are counted, 21 answered.
    const queued = await db().selectFrom('sms_mt').select('body').where('mobile', '=', mobile).execute();
    expect(queued).toHaveLength(SMS_COMMANDS_PER_DAY + 1);
    await vi.waitFor(() => expect(received(mobile)).toHaveLength(SMS_COMMANDS_PER_DAY + 1), WAIT);
    expect(
      received(mobile)
        .filter((m) => m.text.includes('今天的订阅操作已达'))
        .map((m) => m.text),
    ).toEqual([`【企业短信门户】今天的订阅操作已达${SMS_COMMANDS_PER_DAY}次，请明天再试。`]);
    t.clock.advance(86_400_000);
    expect(await text(mobile, 'DY 钢材')).toContain('已订阅关键词“钢材”');
  });

  it('moves an enterprise’s report with it when the enterprise moves to another city', async () => {
    const scopes = async () => {
      const e = await db()
        .selectFrom('enterprise')
        .select(['scope_id', 'version'])
        .where('id', '=', software.ent)
        .executeTakeFirstOrThrow();
      const r = await db().selectFrom('member_report').select('scope_id').where('id', '=', software.ent).executeTakeFirstOrThrow();
      return { enterprise: e.scope_id, report: r.scope_id, version: Number(e.version) };
    };
    const before = await scopes();
    expect(before.report).toBe(before.enterprise);
    manager = await t.api.device('sd.manager'); // signed in again: the flood test moved the clock a day on
    const jinan = { province: '山东省', city: '济南市', district: '历下区' };
    const moved = await manager.push(
      updateOp('enterprise', software.ent, { region: jinan, address: '济南市历下区泉城路1号' }, before.version),
    );
    expect(moved.results[0]).toMatchObject({ status: 'applied' });
    const after = await scopes();
    expect(after.enterprise).not.toBe(before.enterprise);
    expect(after.report).toBe(after.enterprise);
  });
});
