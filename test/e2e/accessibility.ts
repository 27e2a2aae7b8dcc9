/**
 * The accessibility check every photographed screen goes through (the `screenChecks` default in
 * fixtures.ts): axe-core run in the page. A serious or critical violation fails the test, softly,
 * so the story goes on and one run names every screen that needs work. What axe found on a screen,
 * minor findings too, is attached to the test as `axe-<screen>.json` (in the trace and reports).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { expect, test, type Page } from '@playwright/test';
import type { AxeResults, ImpactValue, Result, RunOptions } from 'axe-core';

/** The impacts that fail a test: what blocks a screen-reader or low-vision user outright. */
export const BLOCKING: readonly ImpactValue[] = ['serious', 'critical'];

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/**
 * The app's own markup only: the preview frames are sandboxed (no script may run in them, axe's
 * neither) and show the customer's compiled site, not the app.
 */
const OPTIONS: RunOptions = { iframes: false, resultTypes: ['violations'] };

/** axe's findings on the page once it rests. */
export async function runAxe(page: Page): Promise<AxeResults> {
  await transitionsEnded(page);
  // Evaluated rather than added as a <script> tag: the app's Content-Security-Policy (script-src
  // 'self') refuses inline scripts, and the test must not switch that policy off.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE);
  return page.evaluate((options) => (window as unknown as { axe: { run(o: RunOptions): Promise<AxeResults> } }).axe.run(options), OPTIONS);
}

/**
 * Waits for the transitions and animations under way (a fade, a button turning enabled) to end:
 * colours caught halfway through one are no screen's real colours. Endless ones (spinners) are not waited for.
 */
async function transitionsEnded(page: Page): Promise<void> {
  await page.evaluate(() =>
    Promise.all(
      document
        .getAnimations()
        .filter((a) => a.playState === 'running' && a.effect?.getComputedTiming().endTime !== Infinity)
        .map((a) => a.finished.catch(() => undefined)),
    ),
  );
}

/** One line per rule: what is wrong, how often, where (the first few elements). */
function describe(violation: Result): string {
  const where = violation.nodes.slice(0, 3).map((node) => node.target.join(' '));
  const more = violation.nodes.length > where.length ? ` … (${violation.nodes.length} elements)` : '';
  return `${violation.id} (${violation.impact}): ${violation.help} — ${where.join(' | ')}${more}`;
}

export async function accessibilityCheck(page: Page, screen: string): Promise<void> {
  const { violations } = await runAxe(page);
  await test.info().attach(`axe-${screen}.json`, { body: JSON.stringify(violations, null, 2), contentType: 'application/json' });
  const blocking = violations.filter((v) => v.impact && BLOCKING.includes(v.impact)).map(describe);
  expect.soft(blocking, `serious or critical accessibility violations on the screen "${screen}"`).toEqual([]);
}
