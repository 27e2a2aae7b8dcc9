/**
 * Issue 10 on the platform: a signed revision goes live when the enterprise is opened, compiled by the
 * shared compiler byte for byte; the public listener serves it by Host with content negotiation;
 * visitors' form posts become leads; page views are counted; a failing revision leaves the live one.
 */
import { createHash } from 'node:crypto';
import sharp from 'sharp';
import { afterAll, beforeAll, expect, it, onTestFinished } from 'vitest';
import { compile, EXAMPLE_IMAGES, exampleSite, templateFor, type SiteContent } from '../../shared/sites';
import { PORTAL_NAME } from '../src/portal/web';
import {
  describeOnDatabases,
  createEnterprise,
  orderOp,
  rowId,
  startPlatformWithManager,
  type Device,
  type Loose,
  type TestPlatform,
} from './helpers';

const SIGNOFF = { signerName: '王建国', signedAt: '2026-11-20T10:00:00Z', documentSha256: 'a'.repeat(64) };
const WML_ONLY = 'text/vnd.wap.wml, image/vnd.wap.wbmp';
const XHTML_MP = 'application/vnd.wap.xhtml+xml, application/xhtml+xml;q=0.9, */*;q=0.5';
const BROWSER = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8';

describeOnDatabases('site publication and the public listener', (database) => {
  let t: TestPlatform;
  let manager: Device;
  let admin: string;
  let n = 700;

  beforeAll(async () => {
    ({ t, manager, admin } = await startPlatformWithManager({ database, config: { offlineSweepMs: 50 } }));
  });
  afterAll(async () => t.close());

  const visit = (host: string, path: string, accept = BROWSER, init: RequestInit = {}) =>
    t.platform.publicSites.app.request(path, {
      ...init,
      headers: { host, accept, 'user-agent': 'Visitor/1.0', ...(init.headers as Record<string, string>) },
    });

  function siteContent(label: string, title = '泉城茶社'): SiteContent {
    const site = exampleSite();
    return { ...site, domain: { kind: 'assigned', label }, profile: { ...site.profile, name: title } } as SiteContent;
  }

  async function enterpriseWithSite(label: string): Promise<{ ent: string; siteId: string; content: SiteContent }> {
    const ent = rowId('ent');
    const siteId = rowId('site');
    const content = siteContent(label);
    const res = await manager.push(createEnterprise(++n, undefined, ent), {
      tbl: 'site',
      rowId: siteId,
      kind: 'create',
      patch: { enterpriseId: ent, name: '官网', content, images: [] },
    });
    expect(res.results.map((r) => r.status)).toEqual(['applied', 'applied']);
    return { ent, siteId, content };
  }

  const publishOp = (siteId: string, ent: string, revision: number, content: unknown, signoff: unknown = SIGNOFF) => ({
    tbl: 'site_publication' as const,
    rowId: siteId,
    kind: 'command' as const,
    name: 'site.publish.v1',
    patch: { siteId, enterpriseId: ent, revision, content, images: [], signoff },
  });

  async function open(ent: string) {
    await manager.push(orderOp(ent, 'open', 'site-standard'));
    const r = await t.api.call('POST', '/admin/boss/process', undefined, admin);
    expect(r.status).toBe(200);
  }

  it('waits for the opening, then serves the signed revision byte-identical to the shared compiler, by Accept and by explicit path', async () => {
    const { ent, siteId, content } = await enterpriseWithSite('teapub');
    const res = await manager.push(publishOp(siteId, ent, 1, content));
    expect(res.results[0]).toMatchObject({
      status: 'applied',
      row: { id: siteId, status: 'waiting_opening', liveRevision: null, requestedRevision: 1 },
    });
    const host = 'teapub.ec.example.cn';
    expect((await visit(host, '/')).status).toBe(404);

    await open(ent);
    const pulled = await manager.pullAll();
    const row = pulled.filter((c: Loose) => c.tbl === 'site_publication' && c.id === siteId).at(-1)!.row as Loose;
    expect(row).toMatchObject({
      status: 'live',
      liveRevision: 1,
      host,
      urls: { web: `https://${host}/`, wap: `http://${host}/wap/` },
      failure: null,
    });
    expect(row.revisions.map((r: Loose) => r.revision)).toEqual([1]);

    const expected = new Map(compile(content, templateFor(content), { resolve: () => undefined }).files.map((f) => [f.path, f.content]));
    const web = await visit(host, '/');
    expect(web.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(web.headers.get('vary')).toContain('Accept');
    expect(await web.text()).toBe(expected.get('web/index.html'));
    const wap2 = await visit(host, '/', XHTML_MP);
    expect(wap2.headers.get('content-type')).toBe('application/vnd.wap.xhtml+xml; charset=utf-8');
    expect(await wap2.text()).toBe(expected.get('wap2/index.xhtml'));
    const wml = await visit(host, '/', WML_ONLY);
    expect(wml.headers.get('content-type')).toBe('text/vnd.wap.wml; charset=utf-8');
    expect(await wml.text()).toBe(expected.get('wap1/index.wml'));
    // Explicit paths, whatever the Accept header; and www. answers too.
    expect(await (await visit(host, '/wml/')).text()).toBe(expected.get('wap1/index.wml'));
    expect(await (await visit(`www.${host}`, '/wap/index.xhtml')).text()).toBe(expected.get('wap2/index.xhtml'));
    for (const [path, body] of expected) {
      if (!path.startsWith('web/') || !path.endsWith('.html')) continue;
      expect(await (await visit(host, `/${path.slice(4)}`)).text()).toBe(body);
    }
  });

  it('answers 304 for a known ETag, gzip for WEB only, per-channel 404s, a favicon, and 404 for an unknown host', async () => {
    const { ent, siteId, content } = await enterpriseWithSite('teaserve');
    await open(ent);
    await manager.push(publishOp(siteId, ent, 1, content));
    const host = 'teaserve.ec.example.cn';
    const first = await visit(host, '/');
    const etag = first.headers.get('etag')!;
    expect((await visit(host, '/', BROWSER, { headers: { 'if-none-match': etag } })).status).toBe(304);
    expect((await visit(host, '/', BROWSER, { headers: { 'accept-encoding': 'gzip' } })).headers.get('content-encoding')).toBe('gzip');
    expect((await visit(host, '/', WML_ONLY, { headers: { 'accept-encoding': 'gzip' } })).headers.get('content-encoding')).toBeNull();
    const missing = await visit(host, '/nothing-here.wml', WML_ONLY);
    expect(missing.status).toBe(404);
    expect(missing.headers.get('content-type')).toBe('text/vnd.wap.wml; charset=utf-8');
    expect(await missing.text()).toContain('<wml>');
    expect((await visit(host, '/favicon.ico')).headers.get('content-type')).toBe('image/png');
    expect((await visit('other.example.com', '/')).status).toBe(404);
  });

  it('refuses to publish a site under a label the platform keeps (www, wap …): the portal keeps its address', async () => {
    const { ent, siteId } = await enterpriseWithSite('teareserved');
    await open(ent);
    for (const [revision, label] of [
      [1, 'www'],
      [2, 'wap'],
    ] as const) {
      const res = await manager.push(publishOp(siteId, ent, revision, siteContent(label)));
      expect(res.results[0]).toMatchObject({
        status: 'applied',
        row: { status: 'failed', liveRevision: null, failure: { code: 'label_reserved', details: { label } } },
      });
    }
    expect(await (await visit('www.ec.example.cn', '/')).text()).toContain(`<h1>${PORTAL_NAME}</h1>`); // the portal, not the site
    const fixed = await manager.push(publishOp(siteId, ent, 3, siteContent('teareserved')));
    expect(fixed.results[0]).toMatchObject({ status: 'applied', row: { status: 'live', liveRevision: 3 } });
  });

  it('keeps the live revision when a new one fails its checks, and rolls back to a kept revision', async () => {
    const { ent, siteId, content } = await enterpriseWithSite('tearoll');
    await open(ent);
    await manager.push(publishOp(siteId, ent, 1, content));
    const host = 'tearoll.ec.example.cn';
    const r2 = siteContent('tearoll', '泉城茶社二号');
    await manager.push(publishOp(siteId, ent, 2, r2));
    expect(await (await visit(host, '/')).text()).toContain('泉城茶社二号');
    const bad = await manager.push(publishOp(siteId, ent, 3, { not: 'a site' }));
    expect(bad.results[0]).toMatchObject({
      status: 'applied',
      row: { status: 'live', liveRevision: 2, requestedRevision: 3, failure: { code: 'invalid_content' } },
    });
    expect(await (await visit(host, '/')).text()).toContain('泉城茶社二号');
    const back = await manager.push({
      tbl: 'site_publication',
      rowId: siteId,
      kind: 'command',
      name: 'site.rollback.v1',
      patch: { siteId, revision: 1 },
    });
    expect(back.results[0]).toMatchObject({ status: 'applied', row: { liveRevision: 1 } });
    expect(await (await visit(host, '/')).text()).not.toContain('泉城茶社二号');
    const unsigned = await manager.push(publishOp(siteId, ent, 4, content, null));
    expect(unsigned.results[0]).toMatchObject({ status: 'rejected', code: 'forbidden' });
  });

  it('turns form posts into leads (escaped on the confirmation, stored as text), limits floods per address, and counts page views', async () => {
    const { ent, siteId, content } = await enterpriseWithSite('tealead');
    await open(ent);
    await manager.push(publishOp(siteId, ent, 1, content));
    const host = 'tealead.ec.example.cn';
    const post = (fields: Record<string, string>, accept = BROWSER) =>
      visit(host, '/guestbook', accept, {
        method: 'POST',
        body: new URLSearchParams(fields).toString(),
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
      });
    const hostile = '<script>alert(1)</script> 想订 10 斤茶';
    const ok = await post({ site: host, name: '李<b>', phone: '13912345678', message: hostile });
    expect(ok.status).toBe(200);
    expect(await ok.text()).not.toContain('<script>');
    const wml = await post({ site: host, message: '要一份价目表', phone: '13912345679' }, WML_ONLY);
    expect(wml.status).toBe(200);
    expect(wml.headers.get('content-type')).toBe('text/vnd.wap.wml; charset=utf-8');
    expect((await post({ site: host, message: '', phone: '13912345678' })).status).toBe(400);
    expect((await post({ site: host, message: 'x', phone: '123' })).status).toBe(400);
    const pulled = await manager.pullAll();
    const leads = pulled.filter((c: Loose) => c.tbl === 'lead' && c.row?.siteId === siteId).map((c: Loose) => c.row);
    expect(leads.map((l: Loose) => [l.channel, l.contact, l.text, l.handled])).toEqual([
      ['web', '13912345678', hostile, false],
      ['wap1', '13912345679', '要一份价目表', false],
    ]);
    // The same address is limited after postsPerAddress posts in the window (in the database).
    const codes = [];
    for (let i = 0; i < 6; i++) codes.push((await post({ site: host, message: `第${i}条`, phone: '13912345678' })).status);
    expect(codes.filter((s) => s === 429).length).toBeGreaterThan(0);
    // The desktop may mark a lead handled, nothing else.
    const lead = leads[0];
    const handled = await manager.push({ tbl: 'lead', rowId: lead.id, kind: 'update', patch: { handled: true }, baseVersion: 1 });
    expect(handled.results[0]).toMatchObject({ status: 'applied', row: { handled: true } });
    const edit = await manager.push({ tbl: 'lead', rowId: lead.id, kind: 'update', patch: { text: 'changed' }, baseVersion: 2 });
    expect(edit.results[0]).toMatchObject({ status: 'rejected', code: 'invalid' });

    // Visits: 3 page views by two visitors on WEB, one WML view; a crawler is not counted.
    await visit(host, '/');
    await visit(host, '/', BROWSER, { headers: { 'user-agent': 'Other/2.0' } });
    await visit(host, '/', BROWSER);
    await visit(host, '/', WML_ONLY);
    await visit(host, '/', BROWSER, { headers: { 'user-agent': 'Mozilla/5.0 (compatible; Baiduspider/2.0)' } });
    await t.platform.publicSites.visits.flush();
    const days = (await manager.pullAll())
      .filter((c: Loose) => c.tbl === 'site_visit_day' && c.row?.siteId === siteId)
      .map((c: Loose) => c.row);
    const latest = new Map(days.map((d: Loose) => [d.channel, d]));
    expect(latest.get('web')).toMatchObject({ pv: 3, uv: 2, date: '2026-11-20' });
    expect(latest.get('wap1')).toMatchObject({ pv: 1, uv: 1 });
  });

  it("answers a form post with a page of the site in the visitor's channel: its style, header and navigation, and the way back", async () => {
    const { ent, siteId, content } = await enterpriseWithSite('teanotice');
    await open(ent);
    await manager.push(publishOp(siteId, ent, 1, content));
    const post = (fields: Record<string, string>, accept: string) =>
      visit('teanotice.ec.example.cn', '/guestbook', accept, {
        method: 'POST',
        body: new URLSearchParams(fields).toString(),
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
      });
    // The flood test before this one used up the in-process address's posts: one window later they are allowed again.
    const before = t.clock.ms;
    t.clock.ms += 3600_000;
    onTestFinished(() => {
      t.clock.ms = before;
    });
    const refused = await post({ message: '想订茶', phone: '123' }, BROWSER);
    const page = await refused.text();
    expect(refused.status).toBe(400);
    // The site's style sheet and navigation, addressed from /guestbook; the refusal links back to the form.
    expect(page).toContain('<link rel="stylesheet" href="/style.css">');
    expect(page).toMatch(/<nav class="site-nav"[^>]*><ul><li><a href="\/index\.html">首页<\/a>/);
    expect(page).toContain(
      '<main><h1>提交失败</h1>\n<p>请填写正确的手机号码或邮箱。</p>\n<p><a href="/c/guestbook.html">返回留言</a></p>\n</main>',
    );
    expect(page).toContain('<footer class="site-footer">');
    const wap2 = await (await post({ message: '想订茶', phone: '13912345671' }, XHTML_MP)).text();
    expect(wap2).toContain('<link rel="stylesheet" type="text/css" href="/wap/style.css"/>');
    expect(wap2).toContain('<h1>留言已提交</h1>');
    const wml = await (await post({ message: '想订茶', phone: '13912345672' }, WML_ONLY)).text();
    expect(wml).toMatch(
      /<card title="留言已提交"><p>谢谢！[^<]*<\/p>\n<p><a href="\/wml\/index\.wml" accesskey="0">0 [^<]+<\/a><\/p>\n<do type="prev"/,
    );
  });

  it('shows the pictures of a published revision, made from the uploaded original, content-addressed and cached for good', async () => {
    const photo = await sharp({ create: { width: 1600, height: 1000, channels: 3, background: { r: 40, g: 120, b: 60 } } })
      .jpeg()
      .toBuffer();
    const sha256 = createHash('sha256').update(photo).digest('hex');
    const created = await t.api.call(
      'POST',
      '/assets/v1/uploads',
      { clientId: manager.clientId, sha256, size: photo.length, mime: 'image/jpeg' },
      manager.token,
    );
    const uploaded = await t.platform.app.request(`/assets/v1/uploads/${created.body.uploadId as string}`, {
      method: 'PATCH',
      headers: { authorization: `Bearer ${manager.token}`, 'content-type': 'application/offset+octet-stream', 'upload-offset': '0' },
      body: photo,
    });
    expect([created.status, uploaded.status]).toEqual([201, 201]);
    const pictureOn = async (label: string) => {
      const { ent, siteId, content } = await enterpriseWithSite(label);
      let json = JSON.stringify(content);
      for (const image of Object.values(EXAMPLE_IMAGES)) json = json.replaceAll(image.sha256, sha256);
      await open(ent);
      const op = publishOp(siteId, ent, 1, JSON.parse(json));
      const res = await manager.push({ ...op, patch: { ...op.patch, images: [sha256] } });
      expect(res.results[0]).toMatchObject({ status: 'applied', row: { status: 'live', liveRevision: 1 } });
      const page = await (await visit(`${label}.ec.example.cn`, '/')).text();
      const src = new RegExp(`<img[^>]*src="(assets/${sha256}-web480\\.jpg)"[^>]*>`).exec(page);
      expect(src?.[0]).toMatch(/width="480" height="300"/);
      return visit(`${label}.ec.example.cn`, `/${src![1]}`);
    };
    const first = await pictureOn('teapic');
    const bytes = Buffer.from(await first.arrayBuffer());
    expect([first.status, first.headers.get('content-type'), first.headers.get('cache-control')]).toEqual([
      200,
      'image/jpeg',
      'public, max-age=31536000, immutable',
    ]);
    expect(await sharp(bytes).metadata()).toMatchObject({ format: 'jpeg', width: 480, height: 300 });
    // Another site with the same photo is served the same bytes under the same ETag (made once, content-addressed).
    const second = await pictureOn('teapic2');
    expect([first.headers.get('etag'), Buffer.from(await second.arrayBuffer()).equals(bytes)]).toEqual([second.headers.get('etag'), true]);
  });

  it('resizes the pictures of a publish before its transaction: other devices write meanwhile, and the live revision shows every picture', async () => {
    const photos = await Promise.all(
      [0, 1, 2].map((i) =>
        sharp({
          create: {
            width: 2400,
            height: 1600,
            channels: 3,
            background: { r: 0, g: 0, b: 0 },
            noise: { type: 'gaussian', mean: 100 + i * 20, sigma: 40 },
          },
        })
          .jpeg()
          .toBuffer(),
      ),
    );
    const hashes = photos.map((photo) => createHash('sha256').update(photo).digest('hex'));
    for (const [i, photo] of photos.entries()) {
      const created = await t.api.call(
        'POST',
        '/assets/v1/uploads',
        { clientId: manager.clientId, sha256: hashes[i], size: photo.length, mime: 'image/jpeg' },
        manager.token,
      );
      const uploaded = await t.platform.app.request(`/assets/v1/uploads/${created.body.uploadId as string}`, {
        method: 'PATCH',
        headers: { authorization: `Bearer ${manager.token}`, 'content-type': 'application/offset+octet-stream', 'upload-offset': '0' },
        body: photo,
      });
      expect([created.status, uploaded.status]).toEqual([201, 201]);
    }
    const { ent, siteId, content } = await enterpriseWithSite('teabigpics');
    let json = JSON.stringify(content);
    Object.values(EXAMPLE_IMAGES).forEach((image, i) => (json = json.replaceAll(image.sha256, hashes[i % hashes.length]!)));
    await open(ent);
    const op = publishOp(siteId, ent, 1, JSON.parse(json));
    const { db } = t.platform.ctx.database;
    const done: string[] = [];
    const publishing = manager.push({ ...op, patch: { ...op.patch, images: hashes } }).then((res) => (done.push('publish'), res));
    // The first picture's sizes are committed while the others are still being made: another device's write goes through now.
    while (
      (await db.selectFrom('image_rendition').select('sha256').where('source_sha256', '=', hashes[0]!).execute()).length === 0 &&
      done.length === 0
    )
      await new Promise((r) => setTimeout(r, 5));
    const other = await t.api.device('jn.manager');
    const written = other.push(createEnterprise(++n)).then((res) => (done.push('other write'), res));
    const [published, wrote] = await Promise.all([publishing, written]);
    expect(done).toEqual(['other write', 'publish']);
    expect(wrote.results[0]).toMatchObject({ status: 'applied' });
    expect(published.results[0]).toMatchObject({ status: 'applied', row: { status: 'live', liveRevision: 1 } });
    // Every picture the live revision names is there.
    const page = await (await visit('teabigpics.ec.example.cn', '/')).text();
    const sources = [...page.matchAll(/<img[^>]*src="(assets\/[^"]+)"/g)].map((m) => m[1]!);
    expect(sources.length).toBeGreaterThan(0);
    for (const src of sources) expect((await visit('teabigpics.ec.example.cn', `/${src}`)).status).toBe(200);
    const assets = await db.selectFrom('site_asset').select('sha256').where('site_id', '=', siteId).execute();
    const blobs = await db
      .selectFrom('blob')
      .select('sha256')
      .where(
        'sha256',
        'in',
        assets.map((a) => a.sha256),
      )
      .execute();
    expect(new Set(blobs.map((b) => b.sha256))).toEqual(new Set(assets.map((a) => a.sha256)));
  }, 60_000);

  it('lets an administrator publish without a sign-off only with a reason, which is kept with the revision', async () => {
    const { ent, siteId, content } = await enterpriseWithSite('teaunsigned');
    await open(ent);
    const administrator = await t.api.device('admin');
    const withoutReason = await administrator.push(publishOp(siteId, ent, 1, content, null));
    expect(withoutReason.results[0]).toMatchObject({ status: 'rejected', code: 'invalid' });
    const corrected = {
      ...publishOp(siteId, ent, 1, siteContent('teaunsigned', '泉城茶社更正')),
      patch: {
        ...publishOp(siteId, ent, 1, content, null).patch,
        content: siteContent('teaunsigned', '泉城茶社更正'),
        unsignedReason: '客户书面要求更正电话号码',
      },
    };
    expect((await administrator.push(corrected)).results[0]).toMatchObject({ status: 'applied', row: { status: 'live', liveRevision: 1 } });
    expect(await (await visit('teaunsigned.ec.example.cn', '/')).text()).toContain('泉城茶社更正');
    const kept = await t.platform.ctx.database.db
      .selectFrom('site_revision')
      .select(['signoff', 'unsigned_reason', 'submitted_by'])
      .where('site_id', '=', siteId)
      .executeTakeFirstOrThrow();
    expect(kept).toEqual({ signoff: null, unsigned_reason: '客户书面要求更正电话号码', submitted_by: 'admin' });
    const byManager = await manager.push({ ...corrected, patch: { ...corrected.patch, revision: 2 } });
    expect(byManager.results[0]).toMatchObject({ status: 'rejected', code: 'forbidden' });
  });

  it("takes a cancelled enterprise's site offline by itself at the end of the last billed month (the platform's clock)", async () => {
    const { ent, siteId, content } = await enterpriseWithSite('teacancel');
    await open(ent);
    await manager.push(publishOp(siteId, ent, 1, content));
    const host = 'teacancel.ec.example.cn';
    await manager.push(orderOp(ent, 'cancel', 'site-standard', { effectiveDate: '2026-12-15' }));
    expect((await t.api.call('POST', '/admin/boss/process', undefined, admin)).status).toBe(200);
    // Read as stored (the devices' tokens would have expired on the moved clock); a change bumps last_seq, so devices pull it.
    const publicationRow = async () => {
      const row = await t.platform.ctx.database.db
        .selectFrom('site_publication')
        .select(['data', 'last_seq'])
        .where('id', '=', siteId)
        .executeTakeFirstOrThrow();
      return { ...(JSON.parse(row.data) as Loose), lastSeq: Number(row.last_seq) };
    };
    const offlineAt = '2026-12-31T16:00:00.000Z'; // 2027-01-01 00:00 China time
    const scheduled = await publicationRow();
    expect(scheduled).toMatchObject({ status: 'live', offlineAt });
    const before = t.clock.ms;
    try {
      t.clock.ms = Date.parse(offlineAt) - 1;
      await new Promise((r) => setTimeout(r, 300)); // sweeps run meanwhile
      expect((await visit(host, '/')).status).toBe(200);
      expect(await publicationRow()).toEqual(scheduled);
      t.clock.ms = Date.parse(offlineAt);
      const stopped = await visit(host, '/', WML_ONLY);
      expect([stopped.status, await stopped.text()]).toEqual([410, expect.stringContaining('网站已停止服务')]);
      await expect
        .poll(publicationRow, { timeout: 3000, interval: 100 })
        .toMatchObject({ status: 'offline', offlineAt, lastSeq: expect.toSatisfy((seq: number) => seq > scheduled.lastSeq) });
    } finally {
      t.clock.ms = before;
    }
  });
});
