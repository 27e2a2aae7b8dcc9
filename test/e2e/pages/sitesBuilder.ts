/** The site builder (/enterprises/:id/site): intake, editor, template picker, previews, sign-off, export. */
import { expect, type Locator, type Page } from '@playwright/test';
import { waitForPopupsClosed } from './popups';

export class SiteBuilderPage {
  constructor(readonly page: Page) {}

  root() {
    return this.page.getByTestId('site-builder');
  }
  revision() {
    return this.page.getByTestId('site-revision');
  }
  async waitForRevision(revision: number): Promise<void> {
    await this.revision().getByText(`第 ${revision} 版`, { exact: true }).waitFor();
  }
  async tab(name: string): Promise<void> {
    await this.page.getByRole('tab', { name }).click();
  }

  /* intake */
  async importFolder(dir: string): Promise<void> {
    await this.page.getByTestId('intake-folder-input').setInputFiles(dir);
    await this.page.getByTestId('import-summary').waitFor({ timeout: 90_000 });
  }
  summaryValue(name: 'columns' | 'items' | 'photos' | 'unsorted') {
    return this.page.getByTestId(`summary-${name}`);
  }
  problems() {
    return this.page.getByTestId('intake-problem');
  }
  guess(text: string): Locator {
    return this.page.getByTestId('intake-guess').filter({ hasText: text });
  }
  trayEntries() {
    return this.page.getByTestId('tray-entry');
  }
  /**
   * 移到 on a tray entry, then down the cascading menu by hovering to the last entry, which is clicked.
   * Scrolling the page (to bring a submenu into view) moves the menus away from a resting pointer,
   * which closes them; the user then opens the menu again, and so does this. A click on the last entry
   * while the menus move can land on nothing (seen on a loaded machine): the move counts only once the
   * entry has left the tray, and is tried again otherwise.
   */
  async moveFromTray(entry: string, menuPath: string[]): Promise<void> {
    const target = menuPath.at(-1)!;
    const trayEntry = this.trayEntries().filter({ hasText: entry });
    await expect(async () => {
      if ((await trayEntry.count()) === 0) return; // an earlier attempt's click was slow to take effect
      await this.page.keyboard.press('Escape');
      await waitForPopupsClosed(this.page, '.ant-dropdown');
      await trayEntry.getByTestId('tray-move').click();
      for (const name of menuPath.slice(0, -1)) await this.page.getByRole('menuitem', { name }).hover({ timeout: 10_000 });
      await this.page.getByRole('menuitem', { name: target }).click({ timeout: 10_000 });
      await expect(trayEntry).toHaveCount(0, { timeout: 20_000 });
    }).toPass({ timeout: 120_000 });
  }

  /* content editor */
  column(title: string) {
    return this.page.getByTestId('column-row').filter({ hasText: title });
  }
  itemRow(title: string) {
    return this.page.getByTestId('item-row').filter({ hasText: title });
  }
  async openItem(column: string, item: string): Promise<void> {
    await this.tab('栏目内容');
    await this.column(column).click();
    await this.itemRow(item).getByTestId('item-open').click();
    await this.page.getByTestId('item-editor').waitFor();
  }
  field(testId: string) {
    return this.page.getByTestId('item-editor').getByTestId(testId);
  }
  async saveItem(): Promise<void> {
    await this.page.getByTestId('item-save').click();
  }

  /* template */
  templateChoice(templateId: string, styleId: string) {
    return this.page.getByTestId(`template-choice-${templateId}-${styleId}`);
  }

  /* previews */
  async preview(mode: 'desktop' | 'phone' | 'wap2' | 'wap1' | 'sms' | 'report'): Promise<void> {
    await this.page.getByTestId(`preview-mode-${mode}`).click();
  }
  /** The document shown in a preview frame (its srcdoc: the parent cannot look inside a sandboxed frame). */
  async frameDocument(testId: string): Promise<string> {
    return (await this.page.getByTestId(testId).getAttribute('srcdoc')) ?? '';
  }
  /** Done once the picker shows the page: on a loaded machine a click on an option of a list still opening can be missed, and is then made again. */
  async choosePage(label: string): Promise<void> {
    const picker = this.page.getByTestId('preview-page');
    await expect(async () => {
      if ((await picker.getByRole('combobox').getAttribute('aria-expanded')) !== 'true') await picker.click();
      await this.page.locator('.ant-select-dropdown:visible').getByTitle(label, { exact: true }).click({ timeout: 10_000 });
      await expect(picker).toContainText(label, { timeout: 5_000 });
    }).toPass({ timeout: 60_000 });
  }
  wmlTitle() {
    return this.page.getByTestId('wml-title');
  }
  wmlBody() {
    return this.page.getByTestId('wml-body');
  }
  async wmlKey(key: string): Promise<void> {
    await this.page.getByTestId(`wml-key-${key}`).click();
  }
  async sendSms(text: string): Promise<void> {
    await this.page.getByTestId('sms-input').fill(text);
    await this.page.getByTestId('sms-send').click();
  }
  smsReplies() {
    return this.page.getByTestId('sms-reply');
  }

  /* the site on the platform */
  publication() {
    return this.page.getByTestId('site-publication');
  }
  publicationStatus() {
    return this.publication().getByTestId('publication-status');
  }

  /* sign-off and export */
  async drawSignature(): Promise<void> {
    const canvas = this.page.getByTestId('signoff-canvas');
    await canvas.scrollIntoViewIfNeeded();
    const box = (await canvas.boundingBox())!;
    const mouse = this.page.mouse;
    const stroke = async (points: [number, number][]) => {
      await mouse.move(box.x + points[0]![0], box.y + points[0]![1]);
      await mouse.down();
      for (const [x, y] of points.slice(1)) await mouse.move(box.x + x, box.y + y, { steps: 3 });
      await mouse.up();
    };
    await stroke(Array.from({ length: 24 }, (_, i) => [40 + i * 12, 110 + Math.sin(i / 2.5) * 30] as [number, number]));
    await stroke(Array.from({ length: 12 }, (_, i) => [160 + i * 5, 50 + i * 8] as [number, number]));
  }
  async exportAndDownload() {
    await this.page.getByTestId('export-run').click();
    await this.page.getByTestId('export-result').waitFor({ timeout: 90_000 });
    const [download] = await Promise.all([this.page.waitForEvent('download'), this.page.getByTestId('export-download').click()]);
    return download;
  }
}
