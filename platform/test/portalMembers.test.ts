/**
 * Issue 13 item 4 on the platform: a visitor joins the portal on its WEB pages with a code texted
 * through the CMPP link (the ISMG simulator over loopback TCP), follows an enterprise, an industry
 * and a keyword; the next daily digest brings new matching posts (once a day, billed to no
 * enterprise); TD to the service code stops it; the enterprise's member report counts its followers.
 * The city may be left to the number: the code step pre-selects the region of its prefix, and what the
 * member chooses there wins. On SQLite and PostgreSQL.
 */
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import type { OutputFile } from '../../shared/sites/job';
import { available } from '../../test/helpers/requirements';
import { htmlProblems, writeTemp, xmllintProblems } from '../../test/unit/sites/oracles';
import { linkConfig, startIsmg, type TestIsmg } from '../../test/helpers/ismg';
import { memberReportOfMonth, type MemberReportWireRow } from '../../shared/platform-api';
import { CODE_ATTEMPTS, CODE_LIMITS } from '../src/portal/members';
import { describeOnDatabases, type Device, type TestPlatform, startTestPlatform } from './helpers';
import { machineToolSite, publishSite, republish, teaSite, type FixtureSite } from './portalFixture';

const WAIT = { timeout: 30_000, interval: 20 };
const CODE = '10658000';
const www = 'www.ec.example.cn';

describeOnDatabases('portal members', (database) => {
  let ismg: TestIsmg;
  let t: TestPlatform;
  let manager: Device;
  let admin: string;
  let machines: FixtureSite;
  let tea: FixtureSite;

  beforeAll(async () => {
    ismg = await startIsmg();
    t = await startTestPlatform({ database, sms: linkConfig(ismg.port) });
    manager = await t.api.device('sd.manager');
    admin = (await t.api.login('admin')).accessToken;
    await vi.waitFor(() => expect(t.platform.sms!.link.status().state).toBe('connected'), WAIT);
    machines = await publishSite(t, manager, admin, machineToolSite('mbluzhong'), { section: 'C', division: '34' }, 'zibo');
    tea = await publishSite(t, manager, admin, teaSite('mbquancheng'), { section: 'F', division: '52' }, 'jinan');
  });
  afterAll(async () => {
    await t?.close();
    await ismg?.stop();
  });

  const received = (mobile: string) => ismg.sim.handsets.view(mobile).received;
  const post = async (path: string, fields: Record<string, string | string[]>) => {
    const body = new URLSearchParams();
    for (const [k, v] of Object.entries(fields)) for (const one of [v].flat()) body.append(k, one);
    const res = await t.platform.publicSites.app.request(path, {
      method: 'POST',
      headers: { host: www, 'content-type': 'application/x-www-form-urlencoded' },
      body: body.toString(),
    });
    const html = await res.text();
    return { status: res.status, html, code: /data-code="([^"]+)"/.exec(html)?.[1] };
  };
  /** Asks for a code: the code step's page and the code the handset received. */
  async function codeStep(mobile: string, choice: Record<string, string | string[]>): Promise<{ html: string; code: string }> {
    const before = received(mobile).length;
    const asked = await post('/member/code', { mobile, ...choice });
    expect([asked.status, asked.code]).toEqual([200, undefined]);
    await vi.waitFor(() => expect(received(mobile).length).toBe(before + 1), WAIT);
    const text = received(mobile).at(-1)!.text;
    expect(text).toMatch(/^【企业网站门户】您的会员验证码是\d{6}，10分钟内有效/);
    return { html: asked.html, code: /验证码是(\d{6})/.exec(text)![1]! };
  }
  const codeFor = async (mobile: string, choice: Record<string, string | string[]>) => (await codeStep(mobile, choice)).code;
  const member = (mobile: string) =>
    t.platform.ctx.database.db.selectFrom('portal_member').selectAll().where('mobile', '=', mobile).executeTakeFirst();

  it('joins with a code texted through the gateway: wrong guesses lock that code (not the number), codes are rate-limited', async () => {
    const form = await t.platform.publicSites.app.request(`/member?e=${machines.ent}`, { headers: { host: www } });
    expect(await form.text()).toContain('关注企业：淄博鲁中机械制造有限公司');
    const mobile = '13900002001';
    const choice = { city: '山东省/济南市', 'industry[]': 'F', enterprise: machines.ent, keywords: '钢材' };
    const first = await codeFor(mobile, choice);
    expect(await post('/member/code', { mobile, ...choice })).toMatchObject({ status: 429, code: 'member.too_soon' });
    const wrong = first === '000000' ? '111111' : '000000';
    for (let i = 1; i < CODE_ATTEMPTS; i++)
      expect(await post('/member/join', { mobile, code: wrong })).toMatchObject({ status: 400, code: 'member.code_wrong' });
    expect(await post('/member/join', { mobile, code: wrong })).toMatchObject({ status: 400, code: 'member.code_locked' });
    expect(await post('/member/join', { mobile, code: first })).toMatchObject({ status: 400, code: 'member.code_locked' }); // the right code, too late
    expect(await member(mobile)).toBeUndefined();

    t.clock.advance(CODE_LIMITS.numberGapMs);
    const second = await codeFor(mobile, choice); // the number is not locked
    const joined = await post('/member/join', { mobile: '139 0000 2001', code: second });
    expect([joined.status, joined.code]).toEqual([200, undefined]);
    expect(joined.html).toContain('您已成为门户会员');
    expect(await member(mobile)).toMatchObject({ province: '山东省', city: '济南市', opted_out_at: null });
    const follows = await t.platform.ctx.database.db
      .selectFrom('portal_subscription')
      .select(['kind', 'value'])
      .where('mobile', '=', mobile)
      .orderBy('kind')
      .execute();
    expect(follows).toEqual([
      { kind: 'enterprise', value: machines.ent },
      { kind: 'industry', value: 'F' },
      { kind: 'keyword', value: '钢材' },
    ]);
    expect(await post('/member/join', { mobile, code: second })).toMatchObject({ status: 400, code: 'member.no_code' }); // used once
  });

  it('joins on the WAP portal too, in WML (postfields) and XHTML-MP', async () => {
    const ask = async (path: string, accept: string, fields?: Record<string, string>) => {
      const init: RequestInit = fields
        ? {
            method: 'POST',
            headers: { host: 'wap.ec.example.cn', accept, 'content-type': 'application/x-www-form-urlencoded' },
            body: new URLSearchParams(fields).toString(),
          }
        : { headers: { host: 'wap.ec.example.cn', accept } };
      const res = await t.platform.publicSites.app.request(path, init);
      return { status: res.status, type: res.headers.get('content-type'), body: await res.text() };
    };
    const WML = 'text/vnd.wap.wml';
    const form = await ask(`/member?e=${tea.ent}`, WML);
    expect(form.type).toBe('text/vnd.wap.wml; charset=utf-8');
    expect(form.body).toContain('<postfield name="industry[]" value="$(industry)"/>');
    expect(form.body).toContain(`<postfield name="enterprise" value="${tea.ent}"/>`);
    const mobile = '13900002005';
    const sent = await ask('/member/code', WML, { mobile, city: '山东省/济南市', 'industry[]': '', keywords: '', enterprise: tea.ent });
    expect(sent.body).toContain('验证码已发送到139****2005');
    await vi.waitFor(() => expect(received(mobile).length).toBe(1), WAIT);
    const code = /验证码是(\d{6})/.exec(received(mobile)[0]!.text)![1]!;
    const joined = await ask('/member/join', 'application/vnd.wap.xhtml+xml', { mobile, code });
    expect([joined.status, joined.type]).toEqual([200, 'application/vnd.wap.xhtml+xml; charset=utf-8']);
    expect(joined.body).toContain('您已成为门户会员');
    const follows = await t.platform.ctx.database.db
      .selectFrom('portal_subscription')
      .select(['kind', 'value'])
      .where('mobile', '=', mobile)
      .execute();
    expect(follows).toEqual([{ kind: 'enterprise', value: tea.ent }]);
  });

  it('refuses a bad number, an unknown city and a code past its ten minutes with their codes', async () => {
    expect(await post('/member/code', { mobile: '12345', city: '山东省/济南市' })).toMatchObject({
      status: 400,
      code: 'member.mobile_invalid',
    });
    expect(await post('/member/code', { mobile: '13900002009', city: '火星/奥林匹斯' })).toMatchObject({
      status: 400,
      code: 'member.choice_invalid',
    });
    expect(await post('/member/code', { mobile: '13900002009', city: '山东省/济南市', keywords: 'a' })).toMatchObject({
      status: 400,
      code: 'member.choice_invalid',
    });
    const code = await codeFor('13900002009', { city: '山东省/淄博市', 'industry[]': 'C' });
    t.clock.advance(10 * 60_000 + 1);
    expect(await post('/member/join', { mobile: '13900002009', code })).toMatchObject({ status: 400, code: 'member.code_expired' });
  });

  it('texts the daily digest of new posts the member follows once a day, billed to no enterprise, and stops after TD', async () => {
    const mobile = '13900002001';
    const revised = machineToolSite('mbluzhong');
    revised.columns
      .find((c) => c.type === 'supply')!
      .items.push({ kind: 'post', id: 's-steel', postKind: 'demand', title: '求购钢材边角料', text: [] });
    await republish(manager, machines, 2, revised);
    const before = received(mobile).length;
    expect(await t.platform.digests!.runDue()).toBe(1);
    await vi.waitFor(() => expect(received(mobile).length).toBe(before + 1), WAIT);
    const digest = received(mobile).at(-1)!;
    expect(digest.from).toBe(CODE);
    expect(digest.text).toContain('[求]求购钢材边角料-鲁中机械');
    expect(digest.text).not.toContain('求购机床铸件毛坯'); // published before the member joined: not new
    expect(digest.text).not.toContain('茶'); // the tea shop posted nothing new
    expect(digest.text).toContain('回复TD退订');
    expect(await t.platform.digests!.runDue()).toBe(0); // one a day
    const mts = await t.platform.ctx.database.db
      .selectFrom('sms_mt')
      .select(['enterprise_id', 'purpose'])
      .where('mobile', '=', mobile)
      .where('purpose', '=', 'marketing')
      .execute();
    expect(mts).toEqual([{ enterprise_id: null, purpose: 'marketing' }]);

    ismg.sim.sendMo(mobile, CODE, 'td');
    await vi.waitFor(() => expect(received(mobile).at(-1)!.text).toContain('您已退订门户的供求信息短信'), WAIT);
    expect((await member(mobile))!.opted_out_at).not.toBeNull();
    t.clock.advance(86_400_000); // the next day, 17:00 in China (marketing hours)
    manager = await t.api.device('sd.manager'); // signed in again: a day outlives the access token
    revised.columns
      .find((c) => c.type === 'supply')!
      .items.push({ kind: 'post', id: 's-steel2', postKind: 'supply', title: '供应钢材', text: [] });
    await republish(manager, machines, 3, revised);
    expect(await t.platform.digests!.runDue()).toBe(0);
  });

  it('reports to the enterprise how many members follow it or its industry, new this month, by region', async () => {
    const zibo = '13900002002';
    await post('/member/join', { mobile: zibo, code: await codeFor(zibo, { city: '山东省/淄博市', 'industry[]': 'C' }) });
    const res = await t.api.call('GET', `/portal/v1/member-report?enterpriseId=${machines.ent}&month=2026-11`, undefined, manager.token);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      enterpriseId: machines.ent,
      month: '2026-11',
      followers: 2,
      followingEnterprise: 1,
      followingIndustry: 1,
      newThisMonth: 2,
      optedOut: 1,
      byRegion: [
        { province: '山东省', city: '济南市', members: 1 },
        { province: '山东省', city: '淄博市', members: 1 },
      ],
    });
    const teaReport = await t.api.call('GET', `/portal/v1/member-report?enterpriseId=${tea.ent}&month=2026-12`, undefined, manager.token);
    // The Jinan member follows the tea shop's industry, the WAP member the tea shop itself.
    expect(teaReport.body).toMatchObject({
      followers: 2,
      followingIndustry: 1,
      followingEnterprise: 1,
      newThisMonth: 0,
      byRegion: [{ city: '济南市', members: 2 }],
    });
    expect(
      (await t.api.call('GET', `/portal/v1/member-report?enterpriseId=${machines.ent}&month=2026-13`, undefined, manager.token)).status,
    ).toBe(400);
  });

  it('keeps each enterprise’s synced member_report row current as members join, change what they follow and opt out', async () => {
    const db = t.platform.ctx.database.db;
    const row = async (enterpriseId: string) => {
      const r = await db
        .selectFrom('member_report')
        .select(['data', 'version', 'scope_id'])
        .where('id', '=', enterpriseId)
        .executeTakeFirst();
      return r && { ...(JSON.parse(r.data) as MemberReportWireRow), version: Number(r.version), scopeId: r.scope_id };
    };
    const report = async (enterpriseId: string, month: string) =>
      (await t.api.call('GET', `/portal/v1/member-report?enterpriseId=${enterpriseId}&month=${month}`, undefined, manager.token)).body;
    const machinesRow = (await row(machines.ent))!;
    // The row says what the live count says, for any month (joins are kept per month).
    expect(memberReportOfMonth(machinesRow, '2026-11')).toEqual(await report(machines.ent, '2026-11'));
    expect(memberReportOfMonth(machinesRow, '2026-12')).toEqual(await report(machines.ent, '2026-12'));
    expect(machinesRow).toMatchObject({ followers: 2, optedOut: 1, joinedByMonth: [{ month: '2026-11', members: 2 }] });
    expect(machinesRow.scopeId).toBe(
      (await db.selectFrom('enterprise').select('scope_id').where('id', '=', machines.ent).executeTakeFirst())!.scope_id,
    );

    // A keyword-only member counts for no enterprise: no row is rewritten.
    const keywordOnly = '13900002020';
    await post('/member/join', { mobile: keywordOnly, code: await codeFor(keywordOnly, { city: '山东省/青岛市', keywords: '钢材' }) });
    expect((await row(machines.ent))!.version).toBe(machinesRow.version);

    // Joins following the machine works and its industry: its row counts the member at once.
    const qingdao = '13900002021';
    await post('/member/join', {
      mobile: qingdao,
      code: await codeFor(qingdao, { city: '山东省/青岛市', 'industry[]': 'C', enterprise: machines.ent }),
    });
    const joined = (await row(machines.ent))!;
    expect(joined).toMatchObject({ followers: 3, followingEnterprise: 2, followingIndustry: 2, optedOut: 1 });
    expect(joined.byRegion).toContainEqual({ province: '山东省', city: '青岛市', members: 1 });
    expect(joined.version).toBeGreaterThan(machinesRow.version);
    const teaBefore = (await row(tea.ent))!;

    // Follows the tea shop instead: it leaves the machine works' report and enters the tea shop's.
    t.clock.advance(CODE_LIMITS.numberGapMs);
    await post('/member/join', { mobile: qingdao, code: await codeFor(qingdao, { city: '山东省/青岛市', enterprise: tea.ent }) });
    expect((await row(machines.ent))!).toMatchObject({ followers: 2, followingEnterprise: 1, followingIndustry: 1 });
    expect((await row(tea.ent))!).toMatchObject({
      followers: teaBefore.followers + 1,
      followingEnterprise: teaBefore.followingEnterprise + 1,
    });

    // TD: the Zibo member (industry C) now counts as opted out in the machine works' report.
    ismg.sim.sendMo('13900002002', CODE, 'TD');
    await vi.waitFor(async () => expect((await row(machines.ent))!.optedOut).toBe(2), WAIT);
    expect(memberReportOfMonth((await row(machines.ent))!, '2026-11')).toEqual(await report(machines.ent, '2026-11'));
  });

  it('pre-selects the region of the number on the code step (WEB, XHTML-MP and WML); the member’s choice wins, and outlasts a later DY', async () => {
    const region = async (mobile: string) => {
      const m = await member(mobile);
      return m && { province: m.province, city: m.city };
    };
    const selected = (html: string) => /<option value="([^"]*)" selected>/.exec(html)?.[1];
    const joinOk = async (fields: Record<string, string>) => expect(await post('/member/join', fields)).toMatchObject({ status: 200 });

    // Left to the number (the first option): the code step pre-selects Qingdao — offered though no site is live there.
    const qingdao = '13953202101'; // 139532: 山东省青岛市
    const signUp = await (await t.platform.publicSites.app.request('/member', { headers: { host: www } })).text();
    expect(signUp).toContain('<option value="">按手机号码归属地</option>');
    const first = await codeStep(qingdao, { city: '', 'industry[]': 'C' });
    expect(first.html).toContain('所在城市（按号码归属地预选，可更改）');
    expect(selected(first.html)).toBe('山东省/青岛市');
    expect(htmlProblems([{ path: 'code.html', content: first.html } as unknown as OutputFile])).toEqual([]);
    await joinOk({ mobile: qingdao, code: first.code, region: selected(first.html)! });
    expect(await region(qingdao)).toEqual({ province: '山东省', city: '青岛市' });

    // The member changes the pre-selected city: their choice is kept.
    const jinan = '13953102102';
    const second = await codeStep(jinan, { city: '', 'industry[]': 'C' });
    expect(selected(second.html)).toBe('山东省/济南市');
    await joinOk({ mobile: jinan, code: second.code, region: '山东省/淄博市' });
    expect(await region(jinan)).toEqual({ province: '山东省', city: '淄博市' });

    // A city chosen on the first step is what the code step pre-selects; a DY by SMS later leaves it.
    const chose = '13953102103';
    const third = await codeStep(chose, { city: '山东省/淄博市', 'industry[]': 'C' });
    expect(third.html).not.toContain('预选');
    expect(selected(third.html)).toBe('山东省/淄博市');
    await joinOk({ mobile: chose, code: third.code }); // no region posted: the first step's choice
    expect(await region(chose)).toEqual({ province: '山东省', city: '淄博市' });
    ismg.sim.sendMo(chose, CODE, 'DY 钢材');
    await vi.waitFor(() => expect(received(chose).at(-1)!.text).toContain('已订阅关键词“钢材”'), WAIT);
    expect(await region(chose)).toEqual({ province: '山东省', city: '淄博市' });

    // A prefix the data does not place: nothing is pre-selected but "by the number", and the member has no city.
    const unknown = '19953102104';
    const fourth = await codeStep(unknown, { city: '', 'industry[]': 'C' });
    expect(selected(fourth.html)).toBe('');
    expect(fourth.html).not.toContain('预选');
    // A city that is not ours is refused with its code, and the code is not used up by it.
    expect(await post('/member/join', { mobile: unknown, code: fourth.code, region: '火星/奥林匹斯' })).toMatchObject({
      status: 400,
      code: 'member.choice_invalid',
    });
    await joinOk({ mobile: unknown, code: fourth.code, region: '' });
    expect(await region(unknown)).toEqual({ province: '', city: '' });

    // On the WAP portal, in both channels (DTD-valid): WML's select names its default, XHTML-MP marks the option.
    const wap = async (accept: string, path: string, fields: Record<string, string>) => {
      const res = await t.platform.publicSites.app.request(path, {
        method: 'POST',
        headers: { host: 'wap.ec.example.cn', accept, 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams(fields).toString(),
      });
      return { status: res.status, body: await res.text() };
    };
    const phone = '13953202105';
    const wml = await wap('text/vnd.wap.wml', '/member/code', { mobile: phone, city: '', 'industry[]': '', keywords: '钢材' });
    expect(wml.body).toMatch(/<select name="region" title="所在城市\(按号码预选\)" value="山东省\/青岛市">/);
    expect(wml.body).toContain('<postfield name="region" value="$(region)"/>');
    await vi.waitFor(() => expect(received(phone)).toHaveLength(1), WAIT);
    t.clock.advance(CODE_LIMITS.numberGapMs);
    const xhtml = await wap('application/vnd.wap.xhtml+xml', '/member/code', { mobile: phone, city: '', keywords: '钢材' });
    expect(xhtml.body).toContain('<option value="山东省/青岛市" selected="selected">青岛市</option>');
    if (available('xmllint', '../shared')) {
      const files = [
        { path: 'code.wml', content: wml.body },
        { path: 'code.xhtml', content: xhtml.body },
      ] as unknown as OutputFile[];
      const { dir, cleanup } = writeTemp(files);
      try {
        expect(xmllintProblems(dir, ['code.wml', 'code.xhtml'])).toEqual([]);
      } finally {
        cleanup();
      }
    }
    await vi.waitFor(() => expect(received(phone)).toHaveLength(2), WAIT);
    const code = /验证码是(\d{6})/.exec(received(phone)[1]!.text)![1]!;
    expect(await wap('application/vnd.wap.xhtml+xml', '/member/join', { mobile: phone, code })).toMatchObject({ status: 200 });
    expect(await region(phone)).toEqual({ province: '山东省', city: '青岛市' }); // left to the number, and no region posted
  });

  it('throttles a flood of sign-ups from one address', async () => {
    let last = { status: 200, code: undefined as string | undefined };
    for (let i = 0; i < CODE_LIMITS.addressPerHour && last.status === 200; i++)
      last = await post('/member/code', { mobile: `139000030${String(i).padStart(2, '0')}`, city: '山东省/青岛市', 'industry[]': 'I' });
    expect(last).toMatchObject({ status: 429, code: 'member.address_throttled' });
  });
});
