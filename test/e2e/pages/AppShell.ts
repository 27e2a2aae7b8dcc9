/** The browser tab with the app in it: screenshots per step, and the first-run operator form. */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';

export class AppShell {
  private step = 0;

  constructor(
    readonly page: Page,
    private readonly shotsDir: string,
  ) {
    mkdirSync(shotsDir, { recursive: true });
  }

  /** The next numbered file name (without extension), for a step's picture made by other means. */
  nextShotPath(name: string): string {
    this.step++;
    return path.join(this.shotsDir, `${String(this.step).padStart(2, '0')}-${name}`);
  }

  /** `01-first-run.png`, `02-…`: one numbered screenshot per step, in order. */
  async shot(name: string): Promise<void> {
    await this.page.screenshot({ path: `${this.nextShotPath(name)}.png` });
  }

  async open(url: string, hash = ''): Promise<void> {
    await this.page.goto(url + hash);
  }

  /** First run: the operator's name (typed, then Enter). */
  async setUpOperator(name: string): Promise<void> {
    const input = this.page.getByLabel('您的姓名');
    await input.waitFor({ timeout: 30_000 });
    await input.focus();
    await this.page.keyboard.type(name);
  }

  async confirmOperator(): Promise<void> {
    await this.page.keyboard.press('Enter');
  }

  operatorName() {
    return this.page.getByTestId('operator-name');
  }

  /** A toast (antd message) with this text. */
  toast(text: string | RegExp) {
    return this.page.locator('.ant-message').getByText(text);
  }
}
