/**
 * What the end-to-end files share: one Chromium per file (the renderer built first, the
 * screenshot folder emptied), and per test browser-mode processes on fresh data folders and pages,
 * all stopped when the test ends.
 */
import { rmSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { tempDir } from '../helpers/backend';
import { launchChromium } from '../helpers/chromium';
import { startWebProcess, type WebProcess } from '../helpers/webProcess';
import { ensureRendererBuilt } from './pages/renderer';

export interface BrowserSession {
  /** A fresh data folder, removed after the file. */
  newDir(): string;
  /** Browser mode on `dataDir` as a real process, stopped after the test. */
  startWeb(dataDir: string): Promise<WebProcess>;
  /** A zh-CN page (downloads allowed), closed after the test. */
  newPage(viewport?: { width: number; height: number }): Promise<Page>;
}

export function useBrowserSession(options: { shots: string; dirPrefix: string }): BrowserSession {
  let browser: Browser | undefined;
  const webs: WebProcess[] = [];
  const pages: Page[] = [];
  const dirs: string[] = [];

  beforeAll(async () => {
    rmSync(options.shots, { recursive: true, force: true });
    ensureRendererBuilt();
    browser = await launchChromium();
  });
  afterEach(async () => {
    for (const page of pages.splice(0)) await page.close();
    for (const web of webs.splice(0)) await web.stop();
  });
  afterAll(async () => {
    await browser?.close();
    dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true }));
  });

  return {
    newDir() {
      const dir = tempDir(options.dirPrefix);
      dirs.push(dir);
      return dir;
    },
    async startWeb(dataDir) {
      const web = await startWebProcess(dataDir);
      webs.push(web);
      return web;
    },
    async newPage(viewport = { width: 1440, height: 900 }) {
      const page = await browser!.newPage({ viewport, locale: 'zh-CN', acceptDownloads: true });
      pages.push(page);
      return page;
    },
  };
}
