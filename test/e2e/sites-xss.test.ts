/**
 * Every WEB and WAP 2.0 page of a site built from the hostile corpus, opened in Chromium: no script
 * runs (no flag set, no dialog), nothing loads from outside the site, every XHTML page parses.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { BrowserContext, Page } from '@playwright/test';
import { compile } from '../../shared/sites/compile';
import type { OutputFile } from '../../shared/sites/job';
import { templateFor } from '../../shared/sites/templates/catalog';
import { hostileSite } from '../fixtures/xss/hostileSite';
import { describeWith, expect, test } from './fixtures';

/** Browsers render WAP 2.0 pages as XHTML when served as application/xhtml+xml (STANDARDS §2.2). */
const BROWSER_TYPES: Record<string, string> = {
  html: 'text/html; charset=utf-8',
  xhtml: 'application/xhtml+xml; charset=utf-8',
  css: 'text/css; charset=utf-8',
};
/** A 1×1 GIF for every derived image (the compiler lists them; the backend would copy real ones). */
const PIXEL = Buffer.from('R0lGODlhAQABAIAAAP///wAAACH5BAEAAAAALAAAAAABAAEAAAICRAEAOw==', 'base64');
const CONTROL = '/control.html';

function serve(files: Map<string, OutputFile>): Promise<Server> {
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    if (path === CONTROL)
      return void res
        .writeHead(200, { 'content-type': BROWSER_TYPES.html })
        .end('<!DOCTYPE html><title>control</title><script>window.__xss=1</script>');
    const file = files.get(path.slice(1));
    if (file)
      return void res
        .writeHead(200, { 'content-type': BROWSER_TYPES[path.slice(path.lastIndexOf('.') + 1)] ?? 'application/octet-stream' })
        .end(file.content);
    if (/\/assets\//.test(path)) return void res.writeHead(200, { 'content-type': 'image/gif' }).end(PIXEL);
    res.writeHead(404).end();
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

describeWith(['chromium'], 'sites: hostile content in Chromium', () => {
  let server: Server;
  let context: BrowserContext;
  let tab: Page;
  let dialogs: string[] = [];
  let origin: string;
  let pages: string[];
  const outside: string[] = [];

  test.describe.configure({ timeout: 600_000 });

  test.beforeAll(async ({ browser }) => {
    const { site, assets } = hostileSite();
    const result = compile(site, templateFor(site), assets);
    pages = result.files.filter((f) => /^(web\/.*\.html|wap2\/.*\.xhtml)$/.test(f.path)).map((f) => f.path);
    server = await serve(new Map(result.files.map((f) => [f.path, f])));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    context = await browser.newContext();
    // Anything that leaves the site (evil.example, javascript:, data:) is recorded and refused.
    await context.route('**/*', (route) => {
      const url = route.request().url();
      if (url.startsWith(origin)) return route.continue();
      outside.push(url);
      return route.abort();
    });
    tab = await context.newPage();
    tab.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
  });

  test.afterAll(async () => {
    await context?.close();
    await new Promise((resolve) => server?.close(resolve));
  });

  async function visit(path: string): Promise<{ ran: boolean; dialogs: string[]; parseErrors: number }> {
    const page = tab;
    dialogs = [];
    await page.goto(`${origin}${path}`, { waitUntil: 'load' });
    // Give focus, hover and load handlers a chance to fire, had any been written into the page.
    await page.evaluate(() => {
      for (const element of Array.from(document.querySelectorAll('*'))) {
        for (const type of ['mouseover', 'focus', 'click', 'error', 'load']) element.dispatchEvent(new Event(type));
      }
    });
    // …including timers they might have set: 20 ms of the page's own clock, not the test's.
    await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 20)));
    const ran = await page.evaluate(() => (window as unknown as { __xss?: number }).__xss === 1);
    const parseErrors = await page.locator('parsererror').count();
    return { ran, dialogs, parseErrors };
  }

  test('notices a script that runs (the check can fail)', async () => {
    expect((await visit(CONTROL)).ran).toBe(true);
  });

  test('runs no script, opens no dialog and loads nothing from outside on any WEB or WAP 2.0 page', async () => {
    expect(pages.length).toBeGreaterThan(40);
    for (const path of pages) {
      const { ran, dialogs, parseErrors } = await visit(`/${path}`);
      expect({ path, ran, dialogs, parseErrors }).toEqual({ path, ran: false, dialogs: [], parseErrors: 0 });
    }
    expect(outside).toEqual([]);
  });
});
