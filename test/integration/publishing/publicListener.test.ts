/**
 * The public listener of a real platform process over HTTP: what visitors fetch is valid in its
 * channel (html-validate, xmllint --valid with the shared DTD catalog, the WML deck budget), a
 * browser leaves a message, a feature phone posts a WML postfield, visits are counted as made, a
 * publish racing visitors never serves a mixed revision, and two processes on one PostgreSQL count
 * leads and visits once and share the form-post limits.
 */
import { createHash } from 'node:crypto';
import { copyFileSync, mkdtempSync, readFileSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import sharp from 'sharp';
import { EXAMPLE_IMAGES, exampleSite, WML_DECK_BUDGET, type SiteContent } from '../../../shared/sites';
import { chromium } from 'playwright-core';
import { startPlatform, type PlatformProcess } from '../../helpers/platform';
import { BROWSER, requestSite as request, resolveEveryHostTo, WML_ONLY, XHTML_MP } from '../../helpers/publicSite';
import { CHROMIUM_ARGS, chromiumPath, describeWith } from '../../helpers/systemTools';
import { asFile, htmlProblems, writeTemp, xml2wbxmlSizes, xmllintProblems } from '../../unit/sites/oracles';
import { SERVING_CHECK_MS } from '../../../platform/src/public/liveSites';
import { Api, createEnterprise, freshPgDatabase, orderOp, rowId, TEST_PG, type Device, type Loose } from '../../../platform/test/helpers';

const SIGNOFF = { signerName: '王建国', signedAt: '2026-11-20T10:00:00Z', documentSha256: 'b'.repeat(64) };

const apiOf = (p: PlatformProcess) => new Api((url, init) => fetch(`${p.url}${url}`, init));
const deviceOn = (p: PlatformProcess, user: string) => apiOf(p).device(user, p.login(user).password);

function content(label: string, name = '泉城茶社'): SiteContent {
  const site = exampleSite();
  return { ...site, domain: { kind: 'assigned', label }, profile: { ...site.profile, name } } as SiteContent;
}

/** An enterprise with a site, opened by BOSS, with revision 1 published; returns the ids and the host. */
async function liveSite(
  p: PlatformProcess,
  manager: Device,
  label: string,
  n: number,
  site = content(label),
  images: string[] = [],
): Promise<{ ent: string; siteId: string; host: string }> {
  const ent = rowId('ent');
  const siteId = rowId('site');
  await manager.push(createEnterprise(n, undefined, ent), {
    tbl: 'site',
    rowId: siteId,
    kind: 'create',
    patch: { enterpriseId: ent, name: '官网', content: site, images },
  });
  await manager.push(orderOp(ent, 'open', 'site-standard'));
  await p.admin('POST', '/admin/boss/process');
  const res = await manager.push(publishOp(siteId, ent, 1, site, images));
  expect(res.results[0]).toMatchObject({ status: 'applied', row: { status: 'live', liveRevision: 1 } });
  return { ent, siteId, host: `${label}.${p.sitesDomain}` };
}

const publishOp = (siteId: string, ent: string, revision: number, siteContent: unknown, images: string[] = []) => ({
  tbl: 'site_publication' as const,
  rowId: siteId,
  kind: 'command' as const,
  name: 'site.publish.v1',
  patch: { siteId, enterpriseId: ent, revision, content: siteContent, images, signoff: SIGNOFF },
});

/** A 960×720 JPEG photo from the materials corpus. */
const PHOTO = readFileSync(path.join(__dirname, '../../fixtures/materials/corpus/jiexun-auto-repair/四轮定位.jpg'));
const sha256Of = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/** Uploads bytes as the desktop's sync does (one chunk); returns their sha256. */
async function uploadOriginal(p: PlatformProcess, device: Device, bytes: Buffer): Promise<string> {
  const sha256 = sha256Of(bytes);
  const created = await apiOf(p).call(
    'POST',
    '/assets/v1/uploads',
    { clientId: device.clientId, sha256, size: bytes.length, mime: 'image/jpeg' },
    device.token,
  );
  expect(created.status).toBe(201);
  const res = await fetch(`${p.url}/assets/v1/uploads/${created.body.uploadId as string}`, {
    method: 'PATCH',
    headers: { authorization: `Bearer ${device.token}`, 'content-type': 'application/offset+octet-stream', 'upload-offset': '0' },
    body: new Uint8Array(bytes),
  });
  expect(res.status).toBe(201);
  return sha256;
}

/** The example site with every picture replaced by the one stored as `sha256`, shown on WML too (the template's choice is off). */
function withPicture(label: string, sha256: string): SiteContent {
  let json = JSON.stringify(content(label));
  for (const image of Object.values(EXAMPLE_IMAGES)) json = json.replaceAll(image.sha256, sha256);
  const site = JSON.parse(json) as SiteContent;
  return { ...site, template: { ...site.template, options: { ...site.template.options, wap1: { showImages: true } } } };
}

const imgTags = (page: string) => [...page.matchAll(/<img\b[^>]*>/g)].map((m) => m[0]);
const attr = (tag: string, name: string) => new RegExp(`\\b${name}="([^"]*)"`).exec(tag)?.[1];

describeWith(['xmllint', 'xml2wbxml', '../shared', 'chromium'], 'the public listener of a platform process', () => {
  let p: PlatformProcess;
  let manager: Device;

  beforeAll(async () => {
    p = await startPlatform();
    manager = await deviceOn(p, 'jn.manager');
  });
  afterAll(async () => p.stop());

  it('serves pages valid in each channel by Accept, with 404 and confirmation pages valid too, and WML decks within budget', async () => {
    const { host } = await liveSite(p, manager, 'teavalid', 801);
    expect(p.publicUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const web = await request(p.publicUrl, host, '/', { accept: BROWSER });
    const wap2 = await request(p.publicUrl, host, '/', { accept: XHTML_MP });
    const wml = await request(p.publicUrl, host, '/', { accept: WML_ONLY });
    expect([web.headers['content-type'], wap2.headers['content-type'], wml.headers['content-type']]).toEqual([
      'text/html; charset=utf-8',
      'application/vnd.wap.xhtml+xml; charset=utf-8',
      'text/vnd.wap.wml; charset=utf-8',
    ]);
    const web404 = await request(p.publicUrl, host, '/missing.html');
    const confirmation = (accept: string) =>
      request(p.publicUrl, host, '/guestbook', { accept, method: 'POST', body: 'message=%E4%BD%A0%E5%A5%BD&phone=13912340001' });
    const [webOk, wap2Ok, wmlOk] = [await confirmation(BROWSER), await confirmation(XHTML_MP), await confirmation(WML_ONLY)];
    expect([webOk.status, wap2Ok.status, wmlOk.status]).toEqual([200, 200, 200]);
    expect(htmlProblems([asFile('index.html', web.body), asFile('404.html', web404.body), asFile('ok.html', webOk.body)])).toEqual([]);
    const wap404 = await request(p.publicUrl, host, '/wap/missing.xhtml');
    const wml404 = await request(p.publicUrl, host, '/wml/missing.wml');
    const { dir, cleanup } = writeTemp([
      asFile('index.xhtml', wap2.body),
      asFile('404.xhtml', wap404.body),
      asFile('ok.xhtml', wap2Ok.body),
      asFile('index.wml', wml.body),
      asFile('404.wml', wml404.body),
      asFile('ok.wml', wmlOk.body),
    ]);
    try {
      expect(xmllintProblems(dir, ['index.xhtml', '404.xhtml', 'ok.xhtml', 'index.wml', '404.wml', 'ok.wml'])).toEqual([]);
      for (const [deck, bytes] of await xml2wbxmlSizes(dir, ['index.wml', '404.wml', 'ok.wml']))
        expect([deck, bytes <= WML_DECK_BUDGET]).toEqual([deck, true]);
    } finally {
      cleanup();
    }
  });

  it('answers 304 for a known ETag and gzip for WEB through the listener itself, and 404 for an unknown host', async () => {
    const { host } = await liveSite(p, manager, 'teaetag', 807);
    const url = new URL(p.publicUrl);
    const get = (headers: Record<string, string>) =>
      new Promise<{ status: number; headers: http.IncomingHttpHeaders; bytes: number }>((resolve, reject) => {
        http
          .get({ host: url.hostname, port: url.port, path: '/', headers: { accept: BROWSER, ...headers } }, (res) => {
            let bytes = 0;
            res.on('data', (c: Buffer) => (bytes += c.length));
            res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, bytes }));
          })
          .on('error', reject);
      });
    const first = await get({ host });
    expect(first.status).toBe(200);
    expect(Number(first.headers['content-length'])).toBe(first.bytes);
    const again = await get({ host, 'if-none-match': first.headers.etag! });
    expect([again.status, again.bytes]).toEqual([304, 0]);
    const gzipped = await get({ host, 'accept-encoding': 'gzip, deflate' });
    expect([gzipped.status, gzipped.headers['content-encoding'], gzipped.bytes < first.bytes]).toEqual([200, 'gzip', true]);
    expect((await get({ host: 'elsewhere.example.com' })).status).toBe(404);
  });

  it('shows a published photo on the WEB, WAP 2.0 and WML pages: resized from the upload, within the WAP budgets, cached for good', async () => {
    const photo = await uploadOriginal(p, manager, PHOTO);
    const { host, siteId, ent } = await liveSite(p, manager, 'teaphoto', 811, withPicture('teaphoto', photo), [photo]);
    /** The first page (the home page or one it links to) showing the photo at `variant`, and that picture. */
    const fetchImage = async (home: string, accept: string, variant: string) => {
      const shows = (t: string) => attr(t, 'src')?.includes(`${photo}-${variant}.`);
      const homePage = await request(p.publicUrl, host, home, { accept });
      const links = [...homePage.body.matchAll(/\bhref="([^"#:]+)"/g)].map((m) => new URL(m[1]!, `http://x${home}`).pathname);
      let pagePath = home;
      let page = homePage;
      for (const link of links) {
        if (imgTags(page.body).some(shows)) break;
        pagePath = link;
        page = await request(p.publicUrl, host, link, { accept });
      }
      const tag = imgTags(page.body).find(shows);
      expect(tag, `an <img> of the photo's ${variant} size from ${home}`).toBeDefined();
      const image = await request(p.publicUrl, host, new URL(attr(tag!, 'src')!, `http://x${pagePath}`).pathname, { accept });
      const { width, height, format } = await sharp(image.bytes).metadata();
      return { page, pagePath, tag: tag!, image, width, height, format };
    };

    const web = await fetchImage('/', BROWSER, 'web480');
    expect([web.image.status, web.image.headers['content-type'], web.format, web.width, web.height]).toEqual([
      200,
      'image/jpeg',
      'jpeg',
      480,
      360,
    ]);
    expect([attr(web.tag, 'width'), attr(web.tag, 'height')]).toEqual(['480', '360']);
    expect(web.image.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    const again = await request(p.publicUrl, host, new URL(attr(web.tag, 'src')!, 'http://x/').pathname, {
      ifNoneMatch: web.image.headers.etag!,
    });
    expect([again.status, again.bytes.length]).toEqual([304, 0]);

    const wap2 = await fetchImage('/wap/', XHTML_MP, 'wap2');
    expect([wap2.image.headers['content-type'], wap2.width, wap2.height]).toEqual(['image/jpeg', 240, 180]);
    const wap2Images = await Promise.all(
      [...new Set(imgTags(wap2.page.body).map((t) => new URL(attr(t, 'src')!, `http://x${wap2.pagePath}`).pathname))].map((src) =>
        request(p.publicUrl, host, src, { accept: XHTML_MP }),
      ),
    );
    // mobileOK's page weight: the document and its pictures within 20 KB.
    expect(wap2.page.bytes.length + wap2Images.reduce((sum, i) => sum + i.bytes.length, 0)).toBeLessThanOrEqual(20 * 1024);

    const wml = await fetchImage('/wml/', WML_ONLY, 'wap1');
    expect([wml.image.headers['content-type'], wml.width, wml.height]).toEqual(['image/jpeg', 120, 90]);
    expect(wml.image.bytes.length).toBeLessThanOrEqual(2.4 * 1024); // STANDARDS §1: a WAP 1.x picture's weight on GPRS
    const { dir, cleanup } = writeTemp([asFile('index.wml', wml.page.body)]); // the deck showing the photo
    try {
      expect(xmllintProblems(dir, ['index.wml'])).toEqual([]);
      for (const [deck, bytes] of await xml2wbxmlSizes(dir, ['index.wml'])) expect([deck, bytes <= WML_DECK_BUDGET]).toEqual([deck, true]);
    } finally {
      cleanup();
    }

    // A revision naming an original the platform never received, or one that is not a picture, is refused with the reason; revision 1 stays live.
    const notPicture = await uploadOriginal(p, manager, Buffer.from('not a picture at all'));
    for (const [revision, images] of [
      [2, [photo, 'f'.repeat(64)]],
      [3, [photo, notPicture]],
    ] as const) {
      const res = await manager.push(publishOp(siteId, ent, revision, withPicture('teaphoto', photo), [...images]));
      expect(res.results[0]).toMatchObject({
        status: 'applied',
        row: { status: 'live', liveRevision: 1, failure: { code: 'missing_assets' } },
      });
    }
    expect((await request(p.publicUrl, host, new URL(attr(web.tag, 'src')!, 'http://x/').pathname)).status).toBe(200);
  });

  it('takes a message from a browser on the WEB site and one from a WML postfield, and counts the visits made', async () => {
    const { siteId, host } = await liveSite(p, manager, 'teavisit', 802);
    // The browser resolves every host name to the public listener, as DNS would the site's.
    const browser = await chromium.launch({
      executablePath: chromiumPath,
      args: [...CHROMIUM_ARGS, resolveEveryHostTo(p.publicUrl)],
      headless: true,
    });
    try {
      const page = await browser.newPage();
      await page.goto(`http://${host}/c/guestbook.html`);
      await page.fill('#gb-name', '张三');
      await page.fill('#gb-phone', '13912340002');
      await page.fill('#gb-message', '<img src=x onerror=alert(1)> 想了解团购价格');
      // The form's own page is /c/guestbook.html: wait for the answer's page (/guestbook) to have loaded.
      await Promise.all([page.waitForURL((url) => url.pathname === '/guestbook'), page.click('form.guestbook button[type=submit]')]);
      expect(await page.textContent('h1')).toBe('留言已提交');
      // The confirmation is a page of the site: its style sheet applied, its header and navigation, a link home.
      expect(
        await page.evaluate(
          () =>
            getComputedStyle(document.querySelector('header.site-header')!).display !== 'inline' &&
            document.styleSheets[0]!.cssRules.length > 0,
        ),
      ).toBe(true);
      expect(await page.locator('nav.site-nav a').count()).toBeGreaterThan(3);
      expect([await page.textContent('main a'), await page.getAttribute('main a', 'href')]).toEqual(['返回首页', '/']);
    } finally {
      await browser.close();
    }
    const phone = await request(p.publicUrl, host, '/guestbook', {
      accept: WML_ONLY,
      method: 'POST',
      body: new URLSearchParams({ site: host, message: '要价目表', phone: '13912340003' }).toString(),
    });
    expect(phone.status).toBe(200);
    expect(phone.body).toContain('<wml>');
    // Page views: 2 more WEB views by the same browser UA, 3 WML views by one phone.
    for (let i = 0; i < 3; i++) await request(p.publicUrl, host, '/', { accept: WML_ONLY });
    await new Promise((r) => setTimeout(r, 1200)); // the counts are written within 0.5 s
    const changes = await manager.pullAll();
    const leads = changes.filter((c: Loose) => c.tbl === 'lead' && c.row?.siteId === siteId).map((c: Loose) => c.row);
    expect(leads.map((l: Loose) => [l.channel, l.contact, l.text])).toEqual([
      ['web', '13912340002', '<img src=x onerror=alert(1)> 想了解团购价格'],
      ['wap1', '13912340003', '要价目表'],
    ]);
    const days = new Map(
      changes.filter((c: Loose) => c.tbl === 'site_visit_day' && c.row?.siteId === siteId).map((c: Loose) => [c.row.channel, c.row]),
    );
    expect(days.get('web')).toMatchObject({ pv: 1, uv: 1 }); // the browser's page view (the confirmation is not a page of the site)
    expect(days.get('wap1')).toMatchObject({ pv: 3, uv: 1 });
  });

  it('never serves a mixed revision while a new one is published under many requests', async () => {
    const { ent, siteId, host } = await liveSite(p, manager, 'tearace', 803);
    const paths = ['/', '/wap/', '/wml/'];
    let stop = false;
    const seen: string[] = [];
    const visitors = Array.from({ length: 8 }, async (_, i) => {
      while (!stop) {
        const r = await request(p.publicUrl, host, paths[i % 3]!);
        expect(r.status).toBe(200);
        seen.push(r.body.includes('泉城茶社二号') ? 'r2' : r.body.includes('泉城茶社') ? 'r1' : 'other');
      }
    });
    await new Promise((r) => setTimeout(r, 200));
    const res = await manager.push(publishOp(siteId, ent, 2, content('tearace', '泉城茶社二号')));
    expect(res.results[0]).toMatchObject({ row: { liveRevision: 2 } });
    await new Promise((r) => setTimeout(r, 200));
    stop = true;
    await Promise.all(visitors);
    expect(seen).not.toContain('other');
    // Once r2 is seen, no later answer is r1 (per visitor order is not kept here, so check the switch happened once).
    const firstR2 = seen.indexOf('r2');
    expect(firstR2).toBeGreaterThan(0);
    expect(seen.slice(firstR2 + 16).includes('r1')).toBe(false);
  });

  it('loses at most the last 0.5 s of page views when killed, and none on a normal stop', async () => {
    const { siteId, host } = await liveSite(p, manager, 'teacrash', 806);
    const views = (n: number) => Promise.all(Array.from({ length: n }, () => request(p.publicUrl, host, '/', { accept: WML_ONLY })));
    const wmlViews = async () => {
      const device = await deviceOn(p, 'jn.manager');
      const days = (await device.pullAll()).filter(
        (c: Loose) => c.tbl === 'site_visit_day' && c.row?.siteId === siteId && c.row.channel === 'wap1',
      );
      return (days.at(-1) as Loose | undefined)?.row.pv as number | undefined;
    };
    await views(3);
    await new Promise((r) => setTimeout(r, 1200)); // past the 0.5 s window: written
    await views(2);
    p = await p.restart({ signal: 'SIGKILL' });
    const afterKill = (await wmlViews())!;
    expect(afterKill).toBeGreaterThanOrEqual(3);
    expect(afterKill).toBeLessThanOrEqual(5);
    await views(2);
    p = await p.restart({ signal: 'SIGTERM' });
    expect(await wmlViews()).toBe(afterKill + 2);
  });
});

describeWith(['../shared'], 'two platform processes on one PostgreSQL', () => {
  let a: PlatformProcess;
  let b: PlatformProcess;
  let drop: () => Promise<void>;

  beforeAll(async () => {
    if (!TEST_PG) {
      if (process.env.CI) throw new Error('CI needs PLATFORM_TEST_PG (scripts/pg-test-cluster.sh).');
      return;
    }
    const db = await freshPgDatabase();
    drop = db.drop;
    a = await startPlatform({ extraArgs: ['--database-url', db.url] });
    // The second process: its own files, the same database, the same token key (a province's deployment shares it).
    const dataDir = mkdtempSync(path.join(tmpdir(), 'ecw-platform-b-'));
    for (const file of ['token-secret', 'demo-logins.json']) copyFileSync(path.join(a.dataDir, file), path.join(dataDir, file));
    b = await startPlatform({ dataDir, extraArgs: ['--database-url', db.url] });
  });
  afterAll(async () => {
    await a?.stop();
    await b?.stop();
    await drop?.();
  });

  it.skipIf(!TEST_PG)(
    'publishes through one, serves and takes leads on both, counts each lead and visitor once, and shares the post limit',
    async () => {
      const onA = await deviceOn(a, 'jn.manager');
      const onB = await deviceOn(b, 'jn.manager');
      const { siteId, host } = await liveSite(a, onA, 'teatwo', 804);
      // A session opened on one process works on the other.
      const session = await apiOf(a).login('jn.manager', a.login('jn.manager').password);
      expect((await apiOf(b).call('GET', '/auth/v1/me', undefined, session.accessToken)).status).toBe(200);
      const fromA = await request(a.publicUrl, host, '/');
      const fromB = await request(b.publicUrl, host, '/');
      expect(fromB.status).toBe(200);
      expect(fromB.body).toBe(fromA.body);
      // One visitor on both processes: two page views, one unique visitor.
      const post = (publicUrl: string, i: number) =>
        request(publicUrl, host, '/guestbook', { method: 'POST', body: `message=m${i}&phone=13912340010` });
      const statuses = [];
      for (let i = 0; i < 6; i++) statuses.push((await post(i % 2 ? b.publicUrl : a.publicUrl, i)).status);
      expect(statuses).toEqual([200, 200, 200, 200, 200, 429]); // 5 an hour per address, counted across both
      await new Promise((r) => setTimeout(r, 1200));
      const changes = await onB.pullAll();
      const leads = changes.filter((c: Loose) => c.tbl === 'lead' && c.row?.siteId === siteId);
      expect(new Set(leads.map((c: Loose) => c.id)).size).toBe(5);
      const web = changes
        .filter((c: Loose) => c.tbl === 'site_visit_day' && c.row?.siteId === siteId && c.row.channel === 'web')
        .at(-1) as Loose;
      expect(web.row).toMatchObject({ pv: 2, uv: 1 });
    },
  );

  it.skipIf(!TEST_PG)(
    'switches a revision under visitors on both processes: never a mixed answer, and the other process serves the new one within the stated bound',
    async () => {
      const onA = await deviceOn(a, 'jn.manager');
      const { ent, siteId, host } = await liveSite(a, onA, 'tearacepg', 805);
      let stop = false;
      const answers: { process: 'a' | 'b'; startedAt: number; seen: string }[] = [];
      const visitors = Array.from({ length: 8 }, async (_, i) => {
        const [name, publicUrl] = i % 2 ? (['b', b.publicUrl] as const) : (['a', a.publicUrl] as const);
        while (!stop) {
          const startedAt = performance.now();
          const r = await request(publicUrl, host, ['/', '/wap/', '/wml/'][i % 3]!);
          expect(r.status).toBe(200);
          answers.push({
            process: name,
            startedAt,
            seen: r.body.includes('泉城茶社二号') ? 'r2' : r.body.includes('泉城茶社') ? 'r1' : 'other',
          });
        }
      });
      await new Promise((r) => setTimeout(r, 300));
      const res = await onA.push(publishOp(siteId, ent, 2, content('tearacepg', '泉城茶社二号')));
      const committedBy = performance.now();
      expect(res.results[0]).toMatchObject({ row: { liveRevision: 2 } });
      await new Promise((r) => setTimeout(r, SERVING_CHECK_MS + 500));
      stop = true;
      await Promise.all(visitors);
      expect(answers.filter((x) => x.seen === 'other')).toEqual([]);
      const late = answers.filter((x) => x.startedAt >= committedBy + SERVING_CHECK_MS);
      expect(late.filter((x) => x.process === 'b').length).toBeGreaterThan(0);
      expect(late.filter((x) => x.seen !== 'r2')).toEqual([]);
      // The process that published answers the new revision from its next request on.
      expect(answers.filter((x) => x.process === 'a' && x.startedAt >= committedBy && x.seen !== 'r2')).toEqual([]);
    },
  );
});
