/**
 * Toasts (antd messages) as a user sees them come and go. Call `watchToasts(page)` before the
 * action, then `await toasts.shown(text)`: the page records the text of every toast from then on
 * (and of those still showing), so one whose 3–6 s were over before a loaded machine let the test
 * look is still seen.
 */
import { expect, type Page } from '@playwright/test';

interface ToastRecord {
  __ecwToasts: string[];
  __ecwToastObserver?: MutationObserver;
}

/** In the page: from now on, every text an antd toast shows goes into `window.__ecwToasts`. */
function recordToasts(): void {
  const w = window as unknown as ToastRecord;
  w.__ecwToastObserver?.disconnect();
  const seen: string[] = (w.__ecwToasts = []);
  const look = () => {
    for (const notice of document.querySelectorAll('.ant-message-notice')) {
      const text = notice.textContent ?? '';
      if (!seen.includes(text)) seen.push(text);
    }
  };
  look();
  w.__ecwToastObserver = new MutationObserver(look);
  w.__ecwToastObserver.observe(document.body, { childList: true, subtree: true, characterData: true });
}

export interface Toasts {
  /** Waits until a toast with this text (a part of it, or matching it) has shown since `watchToasts`. */
  shown(text: string | RegExp, failure?: string): Promise<void>;
}

export async function watchToasts(page: Page): Promise<Toasts> {
  await page.evaluate(recordToasts);
  return {
    async shown(text, failure) {
      const matches = (shown: string) => (typeof text === 'string' ? shown.includes(text) : text.test(shown));
      const recorded = () => page.evaluate(() => (window as unknown as ToastRecord).__ecwToasts);
      await expect.poll(async () => (await recorded()).some(matches), { message: failure ?? `no toast ${String(text)}` }).toBe(true);
    },
  };
}
