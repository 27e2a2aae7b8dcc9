import type { Page } from '@playwright/test';

/**
 * Waits until no popup matching `selector` is visible. A strict locator would fail while an earlier
 * popup of the same kind is still in its leave animation, so every match is checked.
 */
export async function waitForPopupsClosed(page: Page, selector: string): Promise<void> {
  await page.waitForFunction((css) => [...document.querySelectorAll(css)].every((el) => !el.checkVisibility()), selector);
}
