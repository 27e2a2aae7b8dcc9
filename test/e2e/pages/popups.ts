import type { Page } from '@playwright/test';

/**
 * Waits until no popup matching `selector` is visible. A strict locator would fail while an earlier
 * popup of the same kind is still in its leave animation, so every match is checked.
 */
export async function waitForPopupsClosed(page: Page, selector: string): Promise<void> {
  await page.waitForFunction((css) => [...document.querySelectorAll(css)].every((el) => !el.checkVisibility()), selector);
}

/**
 * Waits until a dialog has finished its opening zoom. A click during it can land where a button was
 * drawn a frame before and do nothing (seen on a loaded machine), so clicks inside wait for this.
 */
export async function waitForDialogOpened(page: Page): Promise<void> {
  await page.waitForFunction(() =>
    [...document.querySelectorAll('.ant-modal')].some((el) => el.checkVisibility() && !/-(appear|enter)/.test(el.className)),
  );
}
