/**
 * What every end-to-end test is given (import `test` and `expect` from here, not from
 * @playwright/test):
 * - `session`: fresh data folders, browser mode on them as real processes, and pages (one browser
 *   context each, so two pages are two devices) — all closed and stopped when the test ends;
 * - `platform`: the reference platform as a real process with its demo staff, started only for
 *   the tests that ask for it; `platformProxy`: a loopback proxy in front of it that a test can cut;
 * - `screenshots(story)`: numbered screenshots in test-results/e2e/<project>/<story>/;
 * - `screenChecks`: run on every screen a test photographs; by default the accessibility check
 *   (accessibility.ts: axe-core, no serious or critical violation). A file can add its own with
 *   `test.use({ screenChecks: [accessibilityCheck, mine] })`.
 * Data folders live in the test's own output folder: kept beside the trace when the test fails,
 * removed with it when it passes.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { test as base, expect, type Page } from '@playwright/test';
import { startFaultProxy, type FaultProxy } from '../helpers/faultProxy';
import { startPlatform, type PlatformProcess } from '../helpers/platform';
import { available, skipReason } from '../helpers/requirements';
import { startWebProcess, type WebProcess } from '../helpers/webProcess';
import { accessibilityCheck } from './accessibility';
import { Screenshots, type ScreenCheck } from './pages/screenshots';

export interface BrowserSession {
  /** A fresh, empty data folder. */
  newDir(): string;
  /** Browser mode on `dataDir` (a fresh folder when omitted) as a real process. */
  startWeb(dataDir?: string): Promise<WebProcess>;
  /** A page in a browser context of its own, with the project's viewport and zh-CN. */
  newPage(): Promise<Page>;
}

interface E2EFixtures {
  screenChecks: ScreenCheck[];
  session: BrowserSession;
  platform: PlatformProcess;
  platformProxy: FaultProxy;
  screenshots: (story: string) => Screenshots;
}

export const test = base.extend<E2EFixtures>({
  screenChecks: [[accessibilityCheck], { option: true }],

  session: async ({ browser }, use, testInfo) => {
    const contexts: Awaited<ReturnType<typeof browser.newContext>>[] = [];
    const webs: WebProcess[] = [];
    let dirs = 0;
    const newDir = () => {
      const dir = testInfo.outputPath(`data-${++dirs}`);
      mkdirSync(dir, { recursive: true });
      return dir;
    };
    await use({
      newDir,
      async startWeb(dataDir = newDir()) {
        const web = await startWebProcess(dataDir);
        webs.push(web);
        return web;
      },
      async newPage() {
        const context = await browser.newContext();
        contexts.push(context);
        return context.newPage();
      },
    });
    // Pages first, so no page is left talking to a stopped backend.
    for (const context of contexts) await context.close();
    for (const web of webs) await web.stop();
  },

  platform: async ({}, use, testInfo) => {
    const platform = await startPlatform({ dataDir: testInfo.outputPath('platform') });
    await use(platform);
    await platform.stop();
  },

  platformProxy: async ({ platform }, use) => {
    const proxy = await startFaultProxy(platform.url);
    await use(proxy);
    await proxy.close();
  },

  screenshots: async ({ screenChecks }, use, testInfo) => {
    const root = path.join(testInfo.project.outputDir, 'e2e', testInfo.project.name);
    const check: ScreenCheck = async (page, screen) => {
      for (const screenCheck of screenChecks) await screenCheck(page, screen);
    };
    await use((story) => new Screenshots(path.join(root, story), check));
  },
});

export { expect };

/** The tag of the tests that also run at the small laptop's size (the `laptop` project). */
export const LAPTOP = '@laptop';

/** `test.describe` whose tests skip, with "[skipped: needs X]" in the name, when a system tool is absent outside CI (under CI it fails). */
export function describeWith(requirements: string[], name: string, body: () => void): void {
  const ok = available(...requirements);
  test.describe(ok ? name : `${name} [${skipReason(requirements)}]`, () => {
    test.skip(!ok, skipReason(requirements));
    body();
  });
}
