/**
 * The enterprise form, driven from the keyboard: typing, Tab between fields, choosing from the
 * selects by typing and Enter, Ctrl+Enter to save, Esc to leave.
 */
import { expect, type Page } from '@playwright/test';
import { waitForPopupsClosed } from './popups';

export class EnterpriseFormPage {
  constructor(private readonly page: Page) {}

  form() {
    return this.page.getByTestId('enterprise-form');
  }
  input(id: string) {
    return this.page.locator(`#ent-${id}`);
  }
  /** The message under a field (error, warning or hint). */
  help(id: string) {
    return this.page.getByTestId(`ent-${id}-help`);
  }
  /** The message above the buttons when a save failed for a reason that is not a field's. */
  failure() {
    return this.page.getByTestId('form-error');
  }
  draftNotice() {
    return this.page.getByTestId('draft-restored');
  }
  /** Waits until the field with this id has the keyboard focus. */
  async waitForFocus(id: string): Promise<void> {
    await expect(this.page.locator(`#${id}`)).toBeFocused();
  }

  async type(text: string): Promise<void> {
    await this.page.keyboard.type(text);
  }
  async tab(): Promise<void> {
    await this.page.keyboard.press('Tab');
  }
  async backspace(times = 1): Promise<void> {
    for (let i = 0; i < times; i++) await this.page.keyboard.press('Backspace');
  }

  /** In a select or the region cascader: type to filter, wait for the option, Enter to take it. */
  async choose(search: string, option: string | RegExp): Promise<void> {
    const field = await this.page.evaluate(() => document.activeElement?.id ?? '');
    const shown = this.page.locator('.ant-select-dropdown:visible').getByText(option).first();
    await this.page.keyboard.type(search);
    // On a loaded machine a keystroke can land before the control opened its list: type it again once.
    if (
      !(await shown.waitFor({ timeout: 10_000 }).then(
        () => true,
        () => false,
      ))
    ) {
      await this.page.keyboard.press('ControlOrMeta+A');
      await this.page.keyboard.press('Backspace');
      await this.page.keyboard.type(search, { delay: 50 });
      await shown.waitFor();
    }
    await this.page.keyboard.press('Enter');
    await waitForPopupsClosed(this.page, '.ant-select-dropdown');
    // The choice is made once the control shows it (and its search text is gone).
    await this.page
      .locator(`.ant-select:has(#${field})`)
      .getByTitle(option)
      .or(this.page.locator(`.ant-select:has(#${field})`).getByText(option))
      .first()
      .waitFor();
  }

  async save(): Promise<void> {
    await this.page.keyboard.press('Control+Enter');
  }
  async cancel(): Promise<void> {
    await this.page.keyboard.press('Escape');
  }
  async discardDraft(): Promise<void> {
    await this.page.getByTestId('draft-discard').click();
  }
}
