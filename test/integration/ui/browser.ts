/**
 * For a test file that looks at the app in Chromium: the renderer built, Debian's Chromium started,
 * and browser-mode processes on fresh data folders — all stopped and removed when the file ends.
 */
import { rmSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { tempDir } from '../../helpers/backend';
import { launchChromium } from '../../helpers/chromium';
import { startWebProcess, type WebProcess } from '../../helpers/webProcess';
import { ensureRendererBuilt } from '../../e2e/pages/renderer';

export interface BrowserRig {
  browser(): Browser;
  /** Browser mode on a fresh data folder (or `dataDir`), with these extra arguments. */
  startWeb(options?: { dataDir?: string; args?: string[] }): Promise<WebProcess & { dataDir: string }>;
}

export function useBrowser(): BrowserRig {
  let browser: Browser | undefined;
  const webs: WebProcess[] = [];
  const dirs: string[] = [];
  beforeAll(async () => {
    ensureRendererBuilt();
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    for (const web of webs) await web.stop();
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });
  return {
    browser: () => browser!,
    async startWeb({ dataDir, args = [] } = {}) {
      const dir = dataDir ?? tempDir('ecw-ui-');
      if (!dataDir) dirs.push(dir);
      const web = await startWebProcess(dir, args);
      webs.push(web);
      return Object.assign(web, { dataDir: dir });
    },
  };
}
