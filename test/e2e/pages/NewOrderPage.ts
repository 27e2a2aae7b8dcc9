/** 办理业务: the order type, the plan, the date, the quote — and 生成受理单. */
import type { Page } from 'playwright-core';
import { waitForPopupsClosed } from './popups';

export class NewOrderPage {
  constructor(private readonly page: Page) {}

  async waitFor(): Promise<void> {
    await this.page.getByTestId('order-create').waitFor({ timeout: 30_000 });
  }
  plan(code: string) {
    return this.page.getByTestId(`plan-${code}`);
  }
  /** The plan's card, once it is the chosen one. */
  chosen(code: string) {
    return this.page.locator('.ant-radio-wrapper-checked').getByTestId(`plan-${code}`);
  }
  dateInput() {
    return this.page.locator('#order-date');
  }
  quote() {
    return this.page.getByTestId('quote');
  }
  quoteRule() {
    return this.page.getByTestId('quote-rule');
  }
  monthlyFee() {
    return this.page.getByTestId('quote-monthly-fee');
  }
  /** A row of the month table (`2026-11`), as its cells' text. */
  async monthRow(month: string): Promise<string[]> {
    const row = this.page.getByTestId('quote-months').locator('tr', { hasText: month });
    return row.locator('td').allInnerTexts();
  }

  /** Replaces the date by typing it (the picker takes typed dates), Enter to confirm. */
  async typeDate(date: string): Promise<void> {
    const input = this.dateInput();
    await this.page.keyboard.press('Control+A');
    await this.page.keyboard.type(date);
    await this.page.waitForFunction(([el, want]) => (el as HTMLInputElement).value === want, [await input.elementHandle(), date] as const);
    await this.page.keyboard.press('Enter');
    await waitForPopupsClosed(this.page, '.ant-picker-dropdown');
  }

  async create(): Promise<void> {
    await this.page.keyboard.press('Control+Enter');
  }
}
