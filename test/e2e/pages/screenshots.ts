/**
 * Numbered screenshots of one story: `01-first-run.png`, `02-…` in one folder, so the pictures
 * tell it in order (across several devices' tabs too). Each photographed screen also goes through
 * the run's screen checks (test/e2e/fixtures.ts): the accessibility check by default.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';

/** Looks at a screen a test shows; throws to fail the test. */
export type ScreenCheck = (page: Page, screen: string) => Promise<void>;

export class Screenshots {
  private step = 0;

  constructor(
    readonly dir: string,
    private readonly check: ScreenCheck,
  ) {
    mkdirSync(dir, { recursive: true });
  }

  /** The next numbered file name (without extension), for a step's picture made by other means. */
  nextPath(name: string): string {
    this.step++;
    return path.join(this.dir, `${String(this.step).padStart(2, '0')}-${name}`);
  }

  async take(page: Page, name: string, options: { fullPage?: boolean } = {}): Promise<void> {
    const file = `${this.nextPath(name)}.png`;
    await page.screenshot({ path: file, fullPage: options.fullPage ?? false });
    await this.check(page, name);
  }
}
