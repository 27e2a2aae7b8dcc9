/** The browser tab with the app in it: screenshots per step, and the first-run operator form. */
import type { Page } from '@playwright/test';
import type { Screenshots } from './screenshots';

export class AppShell {
  constructor(
    readonly page: Page,
    private readonly shots: Screenshots,
  ) {}

  /** The next numbered file name (without extension), for a step's picture made by other means. */
  nextShotPath(name: string): string {
    return this.shots.nextPath(name);
  }

  /** `01-first-run.png`, `02-…`: one numbered screenshot per step, in order. */
  async shot(name: string): Promise<void> {
    await this.shots.take(this.page, name);
  }

  async open(url: string, hash = ''): Promise<void> {
    await this.page.goto(url + hash);
  }

  /** First run: the operator's name (typed, then Enter). */
  async setUpOperator(name: string): Promise<void> {
    const input = this.page.getByLabel('您的姓名');
    await input.waitFor();
    await input.focus();
    await this.page.keyboard.type(name);
  }

  async confirmOperator(): Promise<void> {
    await this.page.keyboard.press('Enter');
  }

  operatorName() {
    return this.page.getByTestId('operator-name');
  }
}
