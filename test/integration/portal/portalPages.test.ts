/**
 * Every page of the two portals, reached by following their links from the home pages: WEB pages pass
 * html-validate and axe-core (WCAG 2 A/AA, in Chromium at desktop and phone widths — Lighthouse is not
 * installed); WAP pages pass `xmllint --valid` with the shared DTD catalog in both channels, WML decks
 * compile (xml2wbxml) within WML_DECK_BUDGET and XHTML-MP pages stay within WAP2_MARKUP_BUDGET, with
 * enough enterprises in one industry that its list runs over several pages, and more promoted
 * enterprises (门户首页推荐) than a home lists under 推荐企业.
 */
import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { WAP2_MARKUP_BUDGET, WML_DECK_BUDGET } from '../../../shared/sites';
import type { OutputFile } from '../../../shared/sites/job';
import { listenPublic } from '../../../platform/src/listen';
import { PROMOTED_ON_HOME } from '../../../platform/src/portal/wap';
import { PORTAL_PROMOTION_CODE } from '../../../shared/domain/catalog';
import { orderOp, startTestPlatform, type Device, type TestPlatform } from '../../../platform/test/helpers';
import { machineToolSite, publishSite, softwareSite, teaSite } from '../../../platform/test/portalFixture';
import { CHROMIUM_ARGS, chromiumPath, describeWith } from '../../helpers/systemTools';
import { htmlProblems, writeTemp, xml2wbxmlSizes, xmllintProblems } from '../../unit/sites/oracles';

const WML_ONLY = 'text/vnd.wap.wml, image/vnd.wap.wbmp';
const XHTML_MP = 'application/vnd.wap.xhtml+xml, */*;q=0.5';
const BROWSER = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8';
const WWW = 'www.ec.example.cn';
const WAP = 'wap.ec.example.cn';
/** More machine makers than a WAP page lists (XHTML-MP 10, WML 6), so the industry list pages. */
const EXTRA_MAKERS = 10;

let t: TestPlatform;
let manager: Device;

beforeAll(async () => {
  t = await startTestPlatform();
  manager = await t.api.device('sd.manager');
  const admin = (await t.api.login('admin')).accessToken;
  await publishSite(t, manager, admin, machineToolSite('luzhong'), { section: 'C', division: '34' }, 'zibo');
  await publishSite(t, manager, admin, teaSite('quancheng'), { section: 'F', division: '52' }, 'jinan');
  await publishSite(t, manager, admin, softwareSite('haixing'), { section: 'I', division: '65' }, 'qingdao');
  for (let i = 0; i < EXTRA_MAKERS; i++) {
    const content = machineToolSite(`maker${i}`);
    content.profile = { ...content.profile, name: `淄博第${i + 1}机床制造股份有限公司（集团）`, shortName: `第${i + 1}机床集团公司` };
    const maker = await publishSite(t, manager, admin, content, { section: 'C', division: '35' }, i % 2 ? 'zibo' : 'qingdao');
    // Promoted from today (the test clock's 2026-11-20) for a month: more than either WAP home lists.
    await manager.push(orderOp(maker.ent, 'open', PORTAL_PROMOTION_CODE, { effectiveDate: '2026-11-20', promotionMonths: 1 }));
  }
  expect((await t.api.call('POST', '/admin/boss/process', undefined, admin)).status).toBe(200);
}, 180_000);

/** The links listed under 推荐企业 on a WAP home page. */
const promotedLinks = (home: string) => [.../推荐企业(.*?)按行业查找/s.exec(home)![1]!.matchAll(/<a href="[^"]+"/g)].length;
afterAll(async () => t.close());

/** Follows the links of a portal host from `/` (same host only); every page's body by path. */
async function crawl(host: string, accept: string, limit = 300): Promise<Map<string, string>> {
  const pages = new Map<string, string>();
  const queue = ['/'];
  while (queue.length && pages.size < limit) {
    const next = queue.shift()!;
    if (pages.has(next)) continue;
    const res = await t.platform.publicSites.app.request(next, { headers: { host, accept } });
    expect(res.status, `${host}${next}`).toBe(200);
    const body = await res.text();
    pages.set(next, body);
    for (const [, href] of body.matchAll(/href="(\/[^"]*)"/g)) {
      const link = href!.replace(/&amp;/g, '&');
      if (!pages.has(link) && !link.startsWith('//')) queue.push(link);
    }
  }
  return pages;
}

const asFiles = (pages: Map<string, string>, ext: string): OutputFile[] =>
  [...pages].map(
    ([url, body], i) => ({ path: `p${i}.${ext}`, channel: 'web', mime: '', content: body, source: url }) as unknown as OutputFile,
  );

it('WEB portal: every page reached from the home page is valid HTML', async () => {
  const pages = await crawl(WWW, BROWSER);
  expect([...pages.keys()]).toEqual(expect.arrayContaining(['/', '/industry/C', '/industry/C/35', '/posts', '/products']));
  expect(pages.size).toBeGreaterThan(20);
  expect(htmlProblems(asFiles(pages, 'html'))).toEqual([]);
});

describeWith(['xmllint', 'xml2wbxml', '../shared'], 'WAP portal pages against the DTDs and budgets', () => {
  it('XHTML-MP: every page DTD-valid and within the markup budget', async () => {
    const pages = await crawl(WAP, XHTML_MP);
    expect([...pages.keys()]).toEqual(expect.arrayContaining(['/', '/industry/C', '/industry/C?page=2']));
    expect(promotedLinks(pages.get('/')!)).toBe(PROMOTED_ON_HOME.wap2);
    // The member form's number opens the phone's keypad in number mode.
    expect(pages.get('/member')).toContain(
      `<input type="text" name="mobile" maxlength="20" size="12" style="-wap-input-format:&quot;*N&quot;"`,
    );
    const files = asFiles(pages, 'xhtml');
    const { dir, cleanup } = writeTemp(files);
    try {
      expect(
        xmllintProblems(
          dir,
          files.map((f) => f.path),
        ),
      ).toEqual([]);
    } finally {
      cleanup();
    }
    for (const [url, body] of pages) expect(Buffer.byteLength(body), url).toBeLessThanOrEqual(WAP2_MARKUP_BUDGET);
  });

  it('WML: every deck DTD-valid and compiling within the deck budget, the industry list paged', async () => {
    const pages = await crawl(WAP, WML_ONLY);
    expect([...pages.keys()]).toEqual(expect.arrayContaining(['/', '/industry/C', '/industry/C?page=2']));
    expect(promotedLinks(pages.get('/')!)).toBe(PROMOTED_ON_HOME.wap1);
    expect(pages.get('/member')).toMatch(/<input name="mobile" maxlength="20" size="10" title="手机号码" format="\*N"/);
    const files = asFiles(pages, 'wml');
    const { dir, cleanup } = writeTemp(files);
    try {
      expect(
        xmllintProblems(
          dir,
          files.map((f) => f.path),
        ),
      ).toEqual([]);
      const sizes = await xml2wbxmlSizes(
        dir,
        files.map((f) => f.path),
      );
      for (const [file, bytes] of sizes) expect(bytes, file).toBeLessThanOrEqual(WML_DECK_BUDGET);
    } finally {
      cleanup();
    }
  });
});

describeWith(['chromium'], 'WEB portal in Chromium (axe-core, two widths)', () => {
  let browser: Browser;
  let server: { url: string; port: number; close(): Promise<void> };
  const shots = path.join(tmpdir(), 'ecw-portal-shots');

  beforeAll(async () => {
    server = await listenPublic(t.platform);
    browser = await chromium.launch({
      executablePath: chromiumPath,
      args: [...CHROMIUM_ARGS, `--host-resolver-rules=MAP ${WWW} 127.0.0.1:${server.port}`],
    });
    mkdirSync(shots, { recursive: true });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('has no axe-core violations (WCAG 2 A and AA) on the home, industry, listing, enterprise and search pages', async () => {
    const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
    const paths = ['/', '/industry/C', '/posts?kind=demand', `/search?q=${encodeURIComponent('机床')}`, '/member'];
    for (const viewport of [
      { width: 1366, height: 768 },
      { width: 1024, height: 700 },
      { width: 375, height: 667 },
    ]) {
      const page = await browser.newPage({ viewport });
      for (const [i, p] of paths.entries()) {
        await page.goto(`http://${WWW}:${server.port}${p}`);
        await page.addScriptTag({ path: axePath });
        const violations = await page.evaluate(async () => {
          const axe = (window as unknown as { axe: { run(o: unknown): Promise<{ violations: { id: string; nodes: unknown[] }[] }> } }).axe;
          const result = await axe.run({ runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'best-practice'] } });
          return result.violations.map((v) => `${v.id} (${v.nodes.length})`);
        });
        expect(violations, `${p} at ${viewport.width}px`).toEqual([]);
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        expect(overflow, `${p} scrolls sideways at ${viewport.width}px`).toBeLessThanOrEqual(0);
        await page.screenshot({ path: path.join(shots, `${viewport.width}-${i}.png`), fullPage: true });
      }
      await page.close();
    }
  });

  it('member form: on a phone each industry is a row of its own, a tap target at least 44 px tall with a 20 px box', async () => {
    const page = await browser.newPage({ viewport: { width: 360, height: 640 }, isMobile: true, hasTouch: true });
    await page.goto(`http://${WWW}:${server.port}/member`);
    const choices = await page.locator('label.check').evaluateAll((labels) =>
      labels.map((label) => {
        const box = label.getBoundingClientRect();
        const check = label.querySelector('input')!.getBoundingClientRect();
        return { top: Math.round(box.top), height: box.height, box: [check.width, check.height] };
      }),
    );
    expect(choices.length).toBeGreaterThan(10);
    for (const choice of choices) {
      expect(choice.height).toBeGreaterThanOrEqual(44);
      expect(choice.box).toEqual([20, 20]);
    }
    expect(new Set(choices.map((c) => c.top)).size, 'one industry per row').toBe(choices.length);
    await page.close();
  });
});
