/**
 * Issue 11 item 3 on the platform: the SMS portal and the enterprises' SMS sites answer MOs over
 * the CMPP link, against the ISMG simulator over loopback TCP, on a real database. Handsets text the
 * code + extension and navigate; the first reply of a session brings the WAP Push of the live site.
 */
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { compileSmsSite, countSms, exampleSite, templateFor, type SiteContent } from '../../shared/sites';
import { linkConfig, startIsmg, type TestIsmg } from '../../test/helpers/ismg';
import {
  createEnterprise,
  describeOnDatabases,
  enterpriseFields,
  orderOp,
  rowId,
  startPlatformWithManager,
  type Device,
  type Loose,
  type TestPlatform,
} from './helpers';

const WAIT = { timeout: 30_000, interval: 20 };
const SIGNOFF = { signerName: '王建国', signedAt: '2026-11-20T10:00:00Z', documentSha256: 'a'.repeat(64) };
const CODE = '10658000';
/** On the tea site's 关怀名单 only. */
const CARE_LIST_ONLY = '13600000001';

describeOnDatabases('SMS sites and portal', (database) => {
  let ismg: TestIsmg;
  let t: TestPlatform;
  let manager: Device;
  let admin: string;
  let n = 900;
  let tea: { ent: string; number: string; host: string };

  beforeAll(async () => {
    ismg = await startIsmg();
    ({ t, manager, admin } = await startPlatformWithManager({ database, sms: linkConfig(ismg.port), config: { smsMosPerNumber: 30 } }));
    await vi.waitFor(() => expect(t.platform.sms!.link.status().state).toBe('connected'), WAIT);
    // Its 关怀名单: a number that never texted, one that will (sent once), one that will reply TD (never sent).
    const careList = [CARE_LIST_ONLY, '13900000001', '13900000011'];
    tea = await openWithSite('鲁中机械制造有限公司', 'luzhongjx', { industrySection: 'C', industryDivision: '35' }, true, { careList });
    await openWithSite('泰山茶社有限公司', 'taishancha', { industrySection: 'H', industryDivision: '62' });
    // Opened but never published: not on the portal, so the SMS portal does not offer it.
    await openWithSite('黄河餐饮有限公司', 'huanghecy', { industrySection: 'H', industryDivision: '62' }, false);
  });
  afterAll(async () => {
    await t?.close();
    await ismg?.stop();
  });

  /** An enterprise with a signed site, opened by BOSS; returns the number its SMS site answers on. */
  async function openWithSite(
    name: string,
    label: string,
    fields: Record<string, unknown>,
    publish = true,
    sms: Partial<SiteContent['sms']> = {},
  ) {
    const ent = rowId('ent');
    const siteId = rowId('site');
    const base = exampleSite();
    const content = {
      ...base,
      domain: { kind: 'assigned', label },
      profile: { ...base.profile, name },
      sms: { ...base.sms, ...sms },
    } as SiteContent;
    const create = createEnterprise(++n, undefined, ent);
    create.patch = { ...enterpriseFields(n), name, ...fields };
    await manager.push(create, {
      tbl: 'site',
      rowId: siteId,
      kind: 'create',
      patch: { enterpriseId: ent, name: '官网', content, images: [] },
    });
    if (publish) {
      const r = await manager.push({
        tbl: 'site_publication',
        rowId: siteId,
        kind: 'command',
        name: 'site.publish.v1',
        patch: { siteId, enterpriseId: ent, revision: 1, content, images: [], signoff: SIGNOFF },
      });
      expect(r.results[0]!.status).toBe('applied');
    }
    await manager.push(orderOp(ent, 'open', 'site-standard'));
    expect((await t.api.call('POST', '/admin/boss/process', undefined, admin)).status).toBe(200);
    const order = (await manager.pullAll()).filter((c: Loose) => c.tbl === 'service_order' && c.row.enterpriseId === ent).at(-1)!
      .row as Loose;
    return { ent, number: order.opening.smsServiceCode.full as string, host: `${label}.ec.example.cn` };
  }

  const received = (mobile: string) => ismg.sim.handsets.view(mobile).received;

  /** Texts `text` to `to` and waits until `mobile` has received `count` more messages; returns them. */
  async function text(mobile: string, to: string, body: string, count = 1) {
    const before = received(mobile).length;
    ismg.sim.sendMo(mobile, to, body);
    await vi.waitFor(() => expect(received(mobile).length).toBeGreaterThanOrEqual(before + count), WAIT);
    return received(mobile).slice(before);
  }

  it('answers the site number with the main menu and a WAP Push SI whose href is the live WAP URL', async () => {
    const [menu, push] = await text('13900000001', tea.number, '你好', 2);
    expect(menu).toMatchObject({ from: tea.number, kind: 'text' });
    expect(menu!.text.startsWith('【泉城茶业】欢迎光临泉城茶业')).toBe(true);
    expect(menu!.text).toContain('1公司简介');
    expect(push).toMatchObject({ from: tea.number, kind: 'wap_push', href: `http://${tea.host}/wap/` });
    // The live site answers that URL.
    const wap = await t.platform.publicSites.app.request('/wap/', { headers: { host: tea.host, accept: 'application/vnd.wap.xhtml+xml' } });
    expect(wap.status).toBe(200);
  });

  it('navigates two levels with digits, 0 goes back one level, 00 to the main menu, and the push is sent once per session', async () => {
    const mobile = '13900000002';
    await text(mobile, tea.number, 'hi', 2);
    const [products] = await text(mobile, tea.number, '2');
    expect(products!.text).toContain('产品');
    const [item] = await text(mobile, tea.number, '１'); // a full-width digit works too
    expect(item!.text).not.toBe(products!.text);
    const [back] = await text(mobile, tea.number, '0');
    expect(back!.text).toBe(products!.text);
    const [main] = await text(mobile, tea.number, '00');
    expect(main!.text.startsWith('【泉城茶业】欢迎光临泉城茶业')).toBe(true);
    expect(received(mobile).filter((m) => m.kind === 'wap_push')).toHaveLength(1);
  });

  it('starts a new session (menu and push again) after the timeout', async () => {
    const mobile = '13900000003';
    await text(mobile, tea.number, 'hi', 2);
    await text(mobile, tea.number, '2');
    t.clock.advance(t.platform.ctx.config.smsSessionMs + 1000);
    const [menu, push] = await text(mobile, tea.number, '2', 2);
    expect(menu!.text.startsWith('【泉城茶业】欢迎光临泉城茶业')).toBe(true);
    expect(push!.kind).toBe('wap_push');
  });

  it('the portal finds opened enterprises by name and by industry word, and answers help otherwise', async () => {
    const [byName] = await text('13900000004', CODE, '鲁中');
    expect(byName!.text).toContain(`鲁中机械制造有限公司 ${tea.number}`);
    const [byIndustry] = await text('13900000004', CODE, '机械');
    expect(byIndustry!.text).toContain(tea.number);
    const [tea2] = await text('13900000004', CODE, '餐饮');
    expect(tea2!.text).toContain('泰山茶社有限公司');
    expect(tea2!.text).not.toContain('黄河餐饮');
    const [none] = await text('13900000004', CODE, '不存在的词');
    expect(none!.text).toContain('未找到');
    // An extension no enterprise has, and an enterprise without a live site: the portal's help.
    const [unknown] = await text('13900000004', `${CODE}99999`, '1');
    expect(unknown!.text).toContain('回复企业名称或行业');
    expect(unknown!.from).toBe(CODE);
  });

  it('answers texts with emoji, GSM-only characters and 500 characters; replies count as §4 with the signature', async () => {
    const mobile = '13900000005';
    for (const body of ['😀😀 你好', 'price €10 [ok] {x}', '中'.repeat(500)]) {
      const [reply] = await text(mobile, tea.number, body, 1);
      expect(reply!.kind).toBe('text');
    }
    const mt = await t.platform.ctx.database.db
      .selectFrom('sms_mt')
      .selectAll()
      .where('mobile', '=', mobile)
      .where('kind', '=', 'text')
      .execute();
    for (const m of mt) expect(m.parts).toBe(countSms(m.body).messages);
    // The emoji is not searchable; the rest is searched as on the WEB portal.
    const [found] = await text('13900000005', CODE, '😀机械');
    expect(found!.text).toContain(tea.number);
    const [nothing] = await text('13900000005', CODE, '😀😀');
    expect(nothing!.text).toContain('未找到');
  });

  it('a flood from one number is throttled and counted while another number is answered', async () => {
    const flooder = '13900000006';
    const limit = t.platform.ctx.config.smsMosPerNumber;
    for (let i = 0; i < limit + 20; i++) ismg.sim.sendMo(flooder, CODE, '机械');
    const [other] = await text('13900000007', CODE, '鲁中');
    expect(other!.text).toContain(tea.number);
    await vi.waitFor(async () => {
      const row = await t.platform.ctx.database.db
        .selectFrom('sms_mo_limit')
        .selectAll()
        .where('mobile', '=', flooder)
        .executeTakeFirstOrThrow();
      expect(Number(row.count) + Number(row.throttled)).toBe(limit + 20);
      expect(Number(row.throttled)).toBe(20);
    }, WAIT);
    await vi.waitFor(() => expect(received(flooder)).toHaveLength(limit), WAIT);
  });

  it('meters every part submitted for the enterprise into its month (synced as sms_usage); the welcome SMS went out through the link and is free', async () => {
    const db = t.platform.ctx.database.db;
    // The opening notice and the account reached the contact's phone through the same link.
    await vi.waitFor(
      () => expect(received('13805310002').filter((m) => m.text.startsWith('【集团客户】')).length).toBeGreaterThanOrEqual(2),
      WAIT,
    );
    await vi.waitFor(
      async () => expect(await db.selectFrom('sms_mt_part').select('state').where('state', '=', 'queued').execute()).toEqual([]),
      WAIT,
    );
    await vi.waitFor(() => expect(t.platform.sms!.link.drained).toBe(true), WAIT);
    await t.platform.smsUsage.refresh();
    const parts = await db
      .selectFrom('sms_mt_part as p')
      .innerJoin('sms_mt as m', 'm.id', 'p.mt_id')
      .select(['m.purpose', 'p.state'])
      .where('m.enterprise_id', '=', tea.ent)
      .execute();
    const billable = parts.filter((p) => p.purpose !== 'welcome');
    expect(parts.filter((p) => p.purpose === 'welcome').length).toBeGreaterThanOrEqual(2);
    expect(billable.length).toBeGreaterThan(10);
    const month = new Date(t.clock.now().getTime() + 8 * 3600_000).toISOString().slice(0, 7);
    const pulled = (await manager.pullAll()).filter((c: Loose) => c.tbl === 'sms_usage' && c.id === `${tea.ent}:${month}`).at(-1)!
      .row as Loose;
    expect(pulled).toMatchObject({ enterpriseId: tea.ent, month, smsSent: billable.length });
    // The handsets received exactly the counted parts from the site's number (text parts plus one part per WAP Push).
    const phones = ['13900000001', '13900000002', '13900000003', '13900000005'];
    const fromSite = phones.flatMap((p) => received(p)).filter((m) => m.from === tea.number);
    expect(fromSite.reduce((n, m) => n + m.parts, 0)).toBe(billable.length);
  });

  /** The main menu's key for a node of the example site (as the shared compiler numbers it). */
  function menuKey(target: string): string {
    const site = exampleSite();
    const sms = compileSmsSite(site, templateFor(site));
    return sms.nodes.find((n) => n.id === sms.root)!.options.find((o) => o.target === target)!.key;
  }

  it('留言: a message texted to the site becomes a lead (channel sms, the number as contact), synced like the web board’s', async () => {
    const mobile = '13900000008';
    await text(mobile, tea.number, 'hi', 2);
    const [prompt] = await text(mobile, tea.number, menuKey('guestbook'));
    expect(prompt!.text).toContain('请直接回复您的留言');
    const [thanks] = await text(mobile, tea.number, '想订 20 斤龙井，请回电 <b>');
    expect(thanks!.text).toBe('【泉城茶业】留言已收到，谢谢！');
    const lead = (await manager.pullAll()).filter((c: Loose) => c.tbl === 'lead' && c.row.contact === mobile).at(-1)!.row as Loose;
    expect(lead).toMatchObject({
      enterpriseId: tea.ent,
      channel: 'sms',
      kind: 'message',
      contact: mobile,
      text: '想订 20 斤龙井，请回电 <b>',
      handled: false,
    });
  });

  it('抽奖: CJ draws once per number (the limit holds), each draw recorded with a seed that reproduces it', async () => {
    const mobile = '13900000009';
    await text(mobile, tea.number, 'hi', 2);
    const [first] = await text(mobile, tea.number, 'cj');
    expect(first!.text).toMatch(/^【泉城茶业】(恭喜您抽中|很遗憾没有中奖)/);
    const [second] = await text(mobile, tea.number, 'CJ');
    expect(second!.text).toContain('每个号码限抽1次');
    const draws = await t.platform.ctx.database.db.selectFrom('sms_draw').selectAll().where('mobile', '=', mobile).execute();
    expect(draws).toHaveLength(1);
    const { prizeOf, rollOf } = await import('../src/sms/lottery');
    expect(rollOf(draws[0]!.seed)).toBe(Number(draws[0]!.roll));
    const prizes = exampleSite().sms.lottery!.prizes;
    const index = prizeOf(prizes, Number(draws[0]!.roll));
    expect(draws[0]!.prize).toBe(index === null ? null : prizes[index]!.name);
  });

  it('抽奖: numbers drawing at the same moment never win more prizes than the stock holds', async () => {
    const lottery = { ...exampleSite().sms.lottery!, prizes: [{ name: '茶具一套', count: 2, chancePer10000: 10_000 }] };
    const shop = await openWithSite('泉城茶具店', 'quanchengcj', { industrySection: 'F', industryDivision: '52' }, true, { lottery });
    const mobiles = Array.from({ length: 12 }, (_, i) => `1370000${String(i).padStart(4, '0')}`);
    await Promise.all(mobiles.map((mobile) => text(mobile, shop.number, 'hi', 2)));
    const replies = await Promise.all(mobiles.map((mobile) => text(mobile, shop.number, 'CJ')));
    const won = replies.filter(([reply]) => reply!.text.includes('恭喜您抽中'));
    expect(won).toHaveLength(2);
    const prizes = await t.platform.ctx.database.db.selectFrom('sms_draw').select('prize').where('enterprise_id', '=', shop.ent).execute();
    expect(prizes).toHaveLength(mobiles.length);
    expect(prizes.filter((d) => d.prize !== null)).toHaveLength(2);
  });

  it('调查: one answer per number; a second answer is thanked and not counted', async () => {
    const mobile = '13900000010';
    await text(mobile, tea.number, 'hi', 2);
    const [question] = await text(mobile, tea.number, menuKey('survey'));
    expect(question!.text).toContain('1');
    const [thanks] = await text(mobile, tea.number, '2');
    expect(thanks!.text).toBe(`【泉城茶业】${exampleSite().sms.survey!.thanks}`);
    await text(mobile, tea.number, menuKey('survey'));
    const [again] = await text(mobile, tea.number, '1');
    expect(again!.text).toContain('只能参与一次');
    const answers = await t.platform.ctx.database.db.selectFrom('sms_survey_answer').selectAll().where('mobile', '=', mobile).execute();
    expect(answers.map((a) => a.option_no)).toEqual([2]);
  });

  it('the draw log (number masked, seed kept) and the survey tallies reach the desktop as the enterprise’s sms_activity row', async () => {
    const mobile = '13900000012';
    await text(mobile, tea.number, 'hi', 2);
    await text(mobile, tea.number, menuKey('survey'));
    await text(mobile, tea.number, '1');
    const activity = (await manager.pullAll()).filter((c: Loose) => c.tbl === 'sms_activity' && c.id === tea.ent).at(-1)!.row as Loose;
    const [draw] = await t.platform.ctx.database.db.selectFrom('sms_draw').selectAll().where('mobile', '=', '13900000009').execute();
    expect(activity.drawCount).toBe(1);
    expect(activity.draws).toEqual([
      { at: draw!.at, mobile: '139****0009', prize: draw!.prize, seed: draw!.seed, roll: Number(draw!.roll) },
    ]);
    const { rollOf } = await import('../src/sms/lottery');
    expect(rollOf(activity.draws[0].seed)).toBe(activity.draws[0].roll);
    const survey = exampleSite().sms.survey!;
    expect(activity.surveys).toEqual([
      { question: expect.stringContaining(survey.question), options: survey.options.map((label, i) => ({ label, count: i < 2 ? 1 : 0 })) },
    ]);
    expect(JSON.stringify(activity)).not.toContain('13900000009');
  });

  it('TD opts the number out of the enterprise’s marketing', async () => {
    const mobile = '13900000011';
    await text(mobile, tea.number, 'hi', 2);
    const [reply] = await text(mobile, tea.number, 'td');
    expect(reply!.text).toContain('您已退订');
    const row = await t.platform.ctx.database.db.selectFrom('sms_optout').selectAll().where('mobile', '=', mobile).executeTakeFirst();
    expect(row).toMatchObject({ enterprise_id: tea.ent });
  });

  it('关怀: on its date, in daytime only, every subscriber and every number of the 关怀名单 but the opted-out gets the care message with 回复TD退订, once', async () => {
    const care = t.platform.smsCare!;
    const subscribers = ['13900000001', '13900000002', '13900000008', '13900000009', CARE_LIST_ONLY];
    t.clock.ms = Date.parse('2026-09-25T13:30:00Z'); // 21:30 in China: no marketing
    expect(await care.runDue()).toBe(0);
    t.clock.ms = Date.parse('2026-09-24T02:00:00Z'); // the day before, 10:00
    expect(await care.runDue()).toBe(0);
    t.clock.ms = Date.parse('2026-09-25T02:00:00Z'); // 10:00 in China on the date
    const sent = await care.runDue();
    expect(sent).toBeGreaterThanOrEqual(subscribers.length);
    expect(await care.runDue()).toBe(0); // a second run (or process) sends nothing again
    const careText = '【泉城茶业】泉城茶业祝您中秋快乐，阖家团圆！\n回复TD退订';
    for (const mobile of subscribers)
      await vi.waitFor(() => expect(received(mobile).filter((m) => m.text === careText)).toHaveLength(1), WAIT);
    expect(received('13900000011').filter((m) => m.text === careText)).toEqual([]); // a subscriber who replied TD
    const marketing = await t.platform.ctx.database.db.selectFrom('sms_mt').select('purpose').where('body', '=', careText).execute();
    expect(marketing.every((m) => m.purpose === 'marketing')).toBe(true);
  });
});
