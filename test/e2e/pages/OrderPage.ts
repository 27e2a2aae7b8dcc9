/** The service order: sign on screen, see the PDF, print/download, submit, read the audit trail. */
import { expect, type Page } from '@playwright/test';

export class OrderPage {
  constructor(private readonly page: Page) {}

  status() {
    return this.page.locator('.ecw-order-head').getByTestId('order-status');
  }
  signerInput() {
    return this.page.locator('#order-signer');
  }
  canvas() {
    return this.page.getByTestId('signature-canvas');
  }
  documentFrame() {
    return this.page.getByTestId('document-frame');
  }
  /** Waits until pdf.js has drawn the PDF's pages (打印 is enabled then), so a screenshot shows them. */
  async documentLoaded(): Promise<void> {
    await expect(this.documentFrame().locator('canvas.ecw-pdf-page').first()).toBeVisible();
    await expect(this.page.getByTestId('document-print')).toBeEnabled();
  }
  auditEntries() {
    return this.page.getByTestId('order-audit').getByTestId('audit-entry');
  }
  submittedBanner() {
    return this.page.getByTestId('order-submitted');
  }
  submitButton() {
    return this.page.getByTestId('order-submit');
  }

  async waitFor(status: string): Promise<void> {
    await this.status().getByText(status).waitFor();
  }

  /** The customer's signature: a few strokes with the mouse, as a hand would draw them. */
  async drawSignature(): Promise<void> {
    await this.canvas().scrollIntoViewIfNeeded();
    const box = (await this.canvas().boundingBox())!;
    const mouse = this.page.mouse;
    const stroke = async (points: [number, number][]) => {
      await mouse.move(box.x + points[0]![0], box.y + points[0]![1]);
      await mouse.down();
      for (const [x, y] of points.slice(1)) await mouse.move(box.x + x, box.y + y, { steps: 3 });
      await mouse.up();
    };
    await stroke(Array.from({ length: 24 }, (_, i) => [50 + i * 12, 130 + Math.sin(i / 2.5) * 35] as [number, number]));
    await stroke(Array.from({ length: 12 }, (_, i) => [180 + i * 5, 60 + i * 9] as [number, number]));
    await stroke(Array.from({ length: 10 }, (_, i) => [330 + i * 10, 90 - i * 3] as [number, number]));
  }

  async confirmSignature(): Promise<void> {
    await this.page.getByTestId('signature-confirm').click();
  }

  async clearSignature(): Promise<void> {
    await this.page.getByTestId('signature-clear').click();
  }

  async download() {
    const [download] = await Promise.all([this.page.waitForEvent('download'), this.page.getByTestId('document-download').click()]);
    return download;
  }
}
