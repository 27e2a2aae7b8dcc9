/** 办理业务: the order type, the plan, the date, the quote — and 生成受理单. */
import { expect, type Page } from '@playwright/test';
import { waitForPopupsClosed } from './popups';

export class NewOrderPage {
  constructor(private readonly page: Page) {}

  async waitFor(): Promise<void> {
    await this.page.getByTestId('order-create').waitFor();
  }
  /** The order type that is chosen (the form starts with the keyboard on it). */
  chosenKind() {
    return this.page.getByTestId('order-kind').locator('input[type=radio]:checked');
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
  /** The cells of a row of the month table (`2026-11`). */
  monthCells(month: string) {
    return this.page.getByTestId('quote-months').locator('tr', { hasText: month }).locator('td');
  }

  /** Replaces the date by typing it (the picker takes typed dates), Enter to confirm. */
  async typeDate(date: string): Promise<void> {
    const input = this.dateInput();
    await this.page.keyboard.press('Control+A');
    await this.page.keyboard.type(date);
    await expect(input).toHaveValue(date);
    await this.page.keyboard.press('Enter');
    await waitForPopupsClosed(this.page, '.ant-picker-dropdown');
  }

  async create(): Promise<void> {
    await this.page.keyboard.press('Control+Enter');
  }
}
