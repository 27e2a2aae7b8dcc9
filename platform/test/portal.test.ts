/**
 * Issue 13 on the platform: three sites in different industries and regions are published; the WEB
 * portal lists them under the right industry and region, the WAP portal in both phone channels, and
 * search finds them by a two-character name, a model number, an industry word and pinyin initials —
 * from the moment a revision goes live until the site goes offline. On SQLite and PostgreSQL.
 */
import http from 'node:http';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { listenPublic } from '../src/listen';
import { MAX_QUERY_CHARS } from '../src/search/terms';
import { indexUnindexedSites, removeSite } from '../src/search/indexer';
import { refreshVisits } from '../src/search/popularity';
import { searchPublished } from '../src/search/search';
import { offlineAtFor } from '../src/sites/publication';
import { describeOnDatabases, orderOp, type Device, type TestPlatform, startTestPlatform } from './helpers';
import { machineToolSite, publishSite, republish, softwareSite, teaSite, type FixtureSite } from './portalFixture';

const WML_ONLY = 'text/vnd.wap.wml, image/vnd.wap.wbmp';
const XHTML_MP = 'application/vnd.wap.xhtml+xml, */*;q=0.5';
const BROWSER = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8';

describeOnDatabases('the portals and search', (database) => {
  let t: TestPlatform;
  let manager: Device;
  let admin: string;
  let machines: FixtureSite;
  let tea: FixtureSite;
  let software: FixtureSite;
  const www = 'www.ec.example.cn';
  const wap = 'wap.ec.example.cn';

  beforeAll(async () => {
    t = await startTestPlatform({ database });
    manager = await t.api.device('sd.manager'); // province-wide: the sites are in three cities
    admin = (await t.api.login('admin')).accessToken;
    machines = await publishSite(t, manager, admin, machineToolSite('luzhong'), { section: 'C', division: '34' }, 'zibo');
    tea = await publishSite(t, manager, admin, teaSite('quancheng'), { section: 'F', division: '52' }, 'jinan');
    software = await publishSite(t, manager, admin, softwareSite('haixing'), { section: 'I', division: '65' }, 'qingdao');
  });
  afterAll(async () => t.close());

  const get = async (host: string, path: string, accept = BROWSER) => {
    const res = await t.platform.publicSites.app.request(path, { headers: { host, accept } });
    return { status: res.status, type: res.headers.get('content-type'), body: await res.text() };
  };
  const search = (q: string, limit = 10) => searchPublished(t.platform.ctx.database.db, q, limit, t.clock.now().toISOString());
  const names = async (q: string) => (await search(q)).hits.map((h) => h.shortName);

  it('finds a site by a two-character name, a model number, an industry word and pinyin initials', async () => {
    expect(await names('鲁中')).toEqual(['鲁中机械']);
    const model = await search('CK6150');
    expect(model.hits.map((h) => h.shortName)).toEqual(['鲁中机械']);
    expect(model.hits[0]).toMatchObject({
      enterpriseId: machines.ent,
      industry: 'C',
      industryName: '制造业',
      url: `https://${machines.host}/`,
      matched: { title: '数控车床', model: 'CK6150' },
    });
    expect(await names('ck6150')).toEqual(['鲁中机械']); // any case
    expect(await names('ＣＫ６１５０')).toEqual(['鲁中机械']); // full-width, as a phone IME types it
    // 机械 is in the machine maker's name and in the software house's product "制造业ERP系统"? No: only 机械.
    expect(await names('机械')).toEqual(['鲁中机械']);
    // Names rank above item titles: 制造 is in both the maker's name and the ERP product.
    expect(await names('制造')).toEqual(['鲁中机械', '海星软件']);
    expect(await names('lzjx')).toEqual(['鲁中机械']);
    expect(await names('hxrj')).toEqual(['海星软件']);
    expect(await names('龙井')).toEqual(['泉城茶业']); // a product title
    expect(await names('日照绿茶')).toEqual(['泉城茶业']); // a supply/demand post
    expect(await names('机床展')).toEqual(['鲁中机械']); // a news title
    expect(await names('鲁中软件')).toEqual([]); // every pair must be there
  });

  it('answers empty, one-character, 500-character, SQL-looking and emoji queries sensibly and fast', async () => {
    const started = performance.now();
    expect(await search('')).toEqual({ query: '', problem: 'empty', hits: [] });
    expect(await search('   ')).toMatchObject({ problem: 'empty', hits: [] });
    expect(await search('😀🎉')).toMatchObject({ problem: 'empty', hits: [] });
    expect(await search('鲁')).toMatchObject({ problem: 'too_short', hits: [] });
    expect(await search('x')).toMatchObject({ problem: 'too_short', hits: [] });
    const long = await search('鲁中'.repeat(250));
    expect(long.problem).toBeNull();
    expect(long.query).toHaveLength(MAX_QUERY_CHARS);
    expect(long.hits).toEqual([]);
    expect(await names("鲁中' OR 1=1 --")).toEqual([]);
    expect(await names("'; DROP TABLE search_term; --")).toEqual([]);
    expect(await names('鲁中😀')).toEqual(['鲁中机械']);
    expect(performance.now() - started).toBeLessThan(2000);
    expect(await names('鲁中')).toEqual(['鲁中机械']); // the index is still there
  });

  it('ranks equal matches by popularity (page views of the last 30 days)', async () => {
    // 茶 appears in … only the tea shop; 有限公司 is in every name: the visited site first.
    for (let i = 0; i < 3; i++) await get(software.host, '/');
    await t.platform.publicSites.visits.flush();
    await refreshVisits(t.platform.ctx.database, t.clock.now());
    const hits = (await search('有限公司')).hits;
    expect(hits.map((h) => h.shortName)[0]).toBe('海星软件');
    expect(hits).toHaveLength(3);
    expect(hits[0]!.score).toBeGreaterThan(hits[1]!.score);
  });

  it('lists each site under its industry and region on the WEB portal, with summary pages, listings and a sitemap', async () => {
    const home = await get(www, '/');
    expect(home.status).toBe(200);
    expect(home.type).toBe('text/html; charset=utf-8');
    for (const text of [
      '制造业（1）',
      '批发和零售业（1）',
      '信息传输、软件和信息技术服务业（1）',
      '通用设备制造业（1）',
      '山东省（3）',
      '淄博市（1）',
      '求购机床铸件毛坯',
      '长期求购日照绿茶毛茶',
    ])
      expect(home.body).toContain(text);
    const manufacturing = await get(www, '/industry/C');
    expect(manufacturing.body).toContain('淄博鲁中机械制造有限公司');
    expect(manufacturing.body).not.toContain('泉城茶业有限公司');
    expect((await get(www, '/industry/C/34')).body).toContain('淄博鲁中机械制造有限公司');
    expect((await get(www, '/industry/C/13')).body).not.toContain('淄博鲁中机械制造有限公司');
    const qingdao = await get(www, `/region/${encodeURIComponent('山东省')}/${encodeURIComponent('青岛市')}`);
    expect(qingdao.body).toContain('青岛海星软件有限公司');
    expect(qingdao.body).not.toContain('淄博鲁中机械制造有限公司');
    const summary = await get(www, `/e/${machines.siteId}`);
    expect(summary.body).toContain(`href="https://${machines.host}/"`);
    expect(summary.body).toContain('CK6150');
    const demands = await get(www, '/posts?kind=demand&industry=C');
    expect(demands.body).toContain('求购机床铸件毛坯');
    expect(demands.body).not.toContain('日照绿茶');
    const supplies = await get(www, '/posts?kind=supply');
    expect(supplies.body).toContain('供应崂山绿茶礼盒');
    expect(supplies.body).not.toContain('求购机床铸件毛坯');
    expect((await get(www, `/products?province=${encodeURIComponent('山东省')}&industry=I`)).body).toContain('制造业ERP系统');
    const found = await get(www, '/search?q=CK6150');
    expect(found.body).toContain('淄博鲁中机械制造有限公司');
    expect((await get(www, '/search?q=%F0%9F%98%80')).body).toContain('请输入要搜索的企业名称');
    const sitemap = await get(www, '/sitemap.xml');
    expect(sitemap.body).toContain(`<loc>https://${www}/e/${tea.siteId}</loc>`);
    expect((await get(www, '/industry/Z')).status).toBe(404);
    expect((await get(www, '/e/nope')).status).toBe(404);
  });

  it('lists industries → enterprises → their WAP sites on the WAP portal, in XHTML-MP or WML by Accept', async () => {
    const xhtml = await get(wap, '/', XHTML_MP);
    expect(xhtml.type).toBe('application/vnd.wap.xhtml+xml; charset=utf-8');
    expect(xhtml.body).toContain('href="/industry/C"');
    const wml = await get(wap, '/industry/C', WML_ONLY);
    expect(wml.type).toBe('text/vnd.wap.wml; charset=utf-8');
    expect(wml.body).toContain(`href="/e/${machines.siteId}"`);
    expect((await get(wap, `/e/${machines.siteId}`, WML_ONLY)).body).toContain(`href="http://${machines.host}/wml/"`);
    expect((await get(wap, `/e/${machines.siteId}`, XHTML_MP)).body).toContain(`href="http://${machines.host}/wap/"`);
    expect((await get(wap, `/search?q=${encodeURIComponent('鲁中')}`, WML_ONLY)).body).toContain(`href="/e/${machines.siteId}"`);
  });

  it('answers the home, industry and region pages from memory until a publication changes them, with etags and gzip', async () => {
    const server = await listenPublic(t.platform);
    const fetchPage = (path: string, headers: Record<string, string> = {}) =>
      new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
        http
          .get({ host: '127.0.0.1', port: server.port, path, headers: { host: www, accept: BROWSER, ...headers } }, (res) => {
            const chunks: Buffer[] = [];
            res.on('data', (c: Buffer) => chunks.push(c));
            res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
          })
          .on('error', reject);
      });
    try {
      const first = await fetchPage('/');
      const again = await fetchPage('/');
      expect(again.body.equals(first.body)).toBe(true);
      const etag = first.headers.etag!;
      expect(etag).toMatch(/^".+"$/);
      expect((await fetchPage('/', { 'if-none-match': etag })).status).toBe(304);
      const zipped = await fetchPage('/', { 'accept-encoding': 'gzip, deflate' });
      expect(zipped.headers['content-encoding']).toBe('gzip');
      expect(gunzipSync(zipped.body).equals(first.body)).toBe(true);
      expect(first.body.toString()).not.toContain('交通运输、仓储和邮政业（1）');
      expect((await fetchPage('/industry/G')).body.toString()).not.toContain('济南华泰物流有限公司');

      const base = softwareSite('huatai');
      const logistics = {
        ...base,
        profile: { ...base.profile, name: '济南华泰物流有限公司', shortName: '华泰物流', industry: { section: 'G', division: '54' } },
        columns: base.columns.map((c) =>
          c.type === 'products'
            ? { ...c, items: [{ kind: 'product', id: 'p-tms', name: '干线运输服务', model: 'HT-1', description: [], images: [] }] }
            : c,
        ),
      } as typeof base;
      await publishSite(t, manager, admin, logistics, { section: 'G', division: '54' }, 'jinan');
      // The first request after the commit shows the new site: the cached pages were dropped.
      const after = await fetchPage('/');
      expect(after.body.toString()).toContain('交通运输、仓储和邮政业（1）');
      expect(after.headers.etag).not.toBe(etag);
      expect((await fetchPage('/', { 'if-none-match': etag })).status).toBe(200);
      expect((await fetchPage('/industry/G')).body.toString()).toContain('济南华泰物流有限公司');
      expect((await fetchPage(`/region/${encodeURIComponent('山东省')}/${encodeURIComponent('济南市')}`)).body.toString()).toContain(
        '济南华泰物流有限公司',
      );
      expect((await fetchPage(`/region/${encodeURIComponent('河北省')}`)).status).toBe(404);
    } finally {
      await server.close();
    }
  });

  it('indexes at start-up the sites that went live before the index existed', async () => {
    await removeSite(t.platform.ctx.database.db, software.siteId); // as on a platform upgraded to 0008_portal_search
    expect(await names('海星')).toEqual([]);
    const database = t.platform.ctx.database;
    expect(await indexUnindexedSites(database)).toBe(1);
    expect(await names('海星')).toEqual(['海星软件']);
    expect(await indexUnindexedSites(database)).toBe(0);
  });

  it('indexes a new revision as it goes live, and drops the site from search and the portals when it goes offline', async () => {
    const revised = machineToolSite('luzhong');
    const products = revised.columns.find((c) => c.type === 'products')!;
    products.items.push({ kind: 'product', id: 'p-cak6180', name: '卧式车床', model: 'CAK6180', description: [], images: [] });
    await republish(manager, machines, 2, revised);
    expect(await names('CAK6180')).toEqual(['鲁中机械']);

    await manager.push(orderOp(tea.ent, 'cancel', 'site-standard'));
    expect((await t.api.call('POST', '/admin/boss/process', undefined, admin)).status).toBe(200);
    expect(await names('龙井')).toEqual(['泉城茶业']); // served until the end of the billed month
    t.clock.ms = Date.parse(offlineAtFor('2026-12-01')) + 1000;
    expect(await names('龙井')).toEqual([]);
    expect((await get(www, '/industry/F')).body).not.toContain('济南泉城茶业有限公司');
    expect((await get(www, `/e/${tea.siteId}`)).status).toBe(404);
    expect(await names('鲁中')).toEqual(['鲁中机械']);
  });
});
