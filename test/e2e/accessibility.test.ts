/**
 * The accessibility check itself (accessibility.ts), on a page made to fail it: it must notice
 * what it is there to catch, or a green run would prove nothing.
 */
import { BLOCKING, runAxe } from './accessibility';
import { describeWith, expect, test } from './fixtures';

const BAD_PAGE = `<!DOCTYPE html><html lang="zh-CN"><title>坏页面</title><main>
  <p style="color:#bbb;background:#fff">浅灰色的字</p>
  <div role="button" tabindex="0">栏目 <button>上移</button></div>
  <input type="password">
</main></html>`;

describeWith(['chromium'], 'the accessibility check', () => {
  test('notices low contrast, a button inside a button and an unlabelled field (the check can fail)', async ({ page }) => {
    await page.setContent(BAD_PAGE);
    const { violations } = await runAxe(page);
    const blocking = violations.filter((v) => v.impact && BLOCKING.includes(v.impact)).map((v) => v.id);
    expect(blocking.sort()).toEqual(['color-contrast', 'label', 'nested-interactive']);
  });
});
