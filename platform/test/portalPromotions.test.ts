/**
 * Issue 13: a promotion (门户首页推荐) ordered for an opened enterprise lists it under 推荐企业 on the
 * WEB portal home and on the WAP portal home (XHTML-MP and WML, linking to its WAP site) only from its
 * start date (China day) to the end of its months; the cached homes follow the opening and both dates.
 * On SQLite and PostgreSQL. (The WAP pages' DTDs and budgets: test/integration/portal/portalPages.test.ts.)
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { PORTAL_PROMOTION_CODE } from '../../shared/domain/catalog';
import { describeOnDatabases, orderOp, startTestPlatform, type Device, type TestPlatform } from './helpers';
import { machineToolSite, publishSite, teaSite, type FixtureSite } from './portalFixture';

const WML_ONLY = 'text/vnd.wap.wml, image/vnd.wap.wbmp';
const XHTML_MP = 'application/vnd.wap.xhtml+xml, */*;q=0.5';

describeOnDatabases('portal promotions', (database) => {
  let t: TestPlatform;
  let manager: Device;
  let admin: string;
  let machines: FixtureSite;
  let tea: FixtureSite;

  beforeAll(async () => {
    t = await startTestPlatform({ database });
    manager = await t.api.device('sd.manager');
    admin = (await t.api.login('admin')).accessToken;
    machines = await publishSite(t, manager, admin, machineToolSite('luzhong'), { section: 'C', division: '34' }, 'zibo');
    tea = await publishSite(t, manager, admin, teaSite('quancheng'), { section: 'F', division: '52' }, 'jinan');
  });
  afterAll(async () => t.close());

  /** The names listed under 推荐企业 on the WEB home, or null when the home has no such box. */
  const promoted = async (): Promise<string[] | null> => {
    const res = await t.platform.publicSites.app.request('/', { headers: { host: 'www.ec.example.cn', accept: 'text/html' } });
    expect(res.status).toBe(200);
    const box = /<h2>推荐企业<\/h2>(.*?)<\/section>/s.exec(await res.text());
    return box ? [...box[1]!.matchAll(/<a [^>]*>([^<]+)<\/a>/g)].map((m) => m[1]!) : null;
  };
  /** The 推荐企业 on the WAP home in one phone channel: [name, link], or null when the home has none. */
  const wapPromoted = async (accept: string): Promise<[string, string][] | null> => {
    const res = await t.platform.publicSites.app.request('/', { headers: { host: 'wap.ec.example.cn', accept } });
    expect(res.status).toBe(200);
    const part = /推荐企业(.*?)按行业查找/s.exec(await res.text());
    return part ? [...part[1]!.matchAll(/<a href="([^"]+)">([^<]+)<\/a>/g)].map((m) => [m[2]!, m[1]!]) : null;
  };
  /** The promoted names on the WAP home, the same in both channels, each linking to its site's WAP pages. */
  const wapNames = async (): Promise<string[] | null> => {
    const [xhtml, wml] = await Promise.all([wapPromoted(XHTML_MP), wapPromoted(WML_ONLY)]);
    expect(wml?.map(([name]) => name) ?? null).toEqual(xhtml?.map(([name]) => name) ?? null);
    for (const [, href] of xhtml ?? []) expect(href).toMatch(/^https?:\/\/(luzhong|quancheng)\.ec\.example\.cn\/wap\//);
    for (const [, href] of wml ?? []) expect(href).toMatch(/^http:\/\/(luzhong|quancheng)\.ec\.example\.cn\/wml\/$/);
    return xhtml?.map(([name]) => name) ?? null;
  };
  const setChinaTime = (iso: string) => void (t.clock.ms = Date.parse(`${iso}+08:00`));
  const openSubmitted = async () => {
    const processed = await t.api.call('POST', '/admin/boss/process', undefined, admin);
    expect(processed.body).toMatchObject({ processed: [{ status: 'opened' }] });
  };
  const promote = (ent: string, extra: Record<string, unknown>) => manager.push(orderOp(ent, 'open', PORTAL_PROMOTION_CODE, extra));

  it('refuses a promotion without its months, or with months outside 1–24', async () => {
    for (const months of [undefined, 0, 25, 1.5]) {
      const res = await promote(machines.ent, { effectiveDate: '2026-12-01', promotionMonths: months });
      expect(res.results[0]).toMatchObject({ status: 'rejected', code: 'invalid', message: expect.stringMatching(/promotionMonths/) });
    }
  });

  it('documents the rejection codes, promotion_start_past among them, in the OpenAPI document', async () => {
    const doc = await t.api.call('GET', '/openapi.json');
    expect(JSON.stringify(doc.body)).toContain('promotion_start_past');
  });

  it('lists a promoted enterprise on the home only during its dates', async () => {
    expect(await promoted()).toBeNull(); // cached from here on
    expect(await wapNames()).toBeNull();
    const pushed = await promote(machines.ent, { effectiveDate: '2026-12-01', promotionMonths: 1 });
    expect(pushed.results[0]).toMatchObject({ status: 'applied', row: { status: 'submitted', planCode: PORTAL_PROMOTION_CODE } });
    await openSubmitted();

    setChinaTime('2026-11-30T23:59:50');
    expect(await promoted()).toBeNull(); // opened, but not started
    expect(await wapNames()).toBeNull();
    setChinaTime('2026-12-01T00:00:05');
    expect(await promoted()).toEqual(['淄博鲁中机械制造有限公司']); // the cached home expired at the start
    expect(await wapNames()).toEqual(['鲁中机械']);
    setChinaTime('2026-12-31T23:59:00');
    expect(await promoted()).toEqual(['淄博鲁中机械制造有限公司']);
    expect(await wapNames()).toEqual(['鲁中机械']);
    // A promotion opened today shows at once, though the home was cached before (a month on, sign in again).
    manager = await t.api.device('sd.manager');
    admin = (await t.api.login('admin')).accessToken;
    await promote(tea.ent, { effectiveDate: '2026-12-31', promotionMonths: 2 });
    await openSubmitted();
    setChinaTime('2026-12-31T23:59:50');
    expect(await promoted()).toEqual(['济南泉城茶业有限公司', '淄博鲁中机械制造有限公司']);
    expect(await wapNames()).toEqual(['泉城茶业', '鲁中机械']);
    setChinaTime('2027-01-01T00:00:05');
    expect(await promoted()).toEqual(['济南泉城茶业有限公司']); // the first ended after its month
    expect(await wapNames()).toEqual(['泉城茶业']);
  });
  it("refuses a promotion that would start before the platform's China day, and never opens it", async () => {
    // 01:00 in China on 01-02 is still 01-01 in UTC: the China day decides (a month on, sign in again).
    setChinaTime('2027-01-02T01:00:00');
    manager = await t.api.device('sd.manager');
    admin = (await t.api.login('admin')).accessToken;
    const signedYesterday = { requestDate: '2027-01-01', signedAt: '2027-01-01T15:00:00+08:00' };
    const late = await promote(machines.ent, { effectiveDate: '2027-01-01', promotionMonths: 3, ...signedYesterday });
    expect(late.results[0]).toMatchObject({
      status: 'rejected',
      code: 'promotion_start_past',
      message: expect.stringMatching(/2027-01-02/),
    });
    const notADay = await promote(machines.ent, { effectiveDate: '2027-02-30', promotionMonths: 3 });
    expect(notADay.results[0]).toMatchObject({ status: 'rejected', code: 'invalid' });
    const processed = await t.api.call('POST', '/admin/boss/process', undefined, admin);
    expect(processed.body).toMatchObject({ processed: [] });
    expect(await promoted()).toEqual(['济南泉城茶业有限公司']);
  });
});
