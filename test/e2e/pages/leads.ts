/** 留言线索: visitors' messages and order requests as last synced, and their unread count in the navigation. */
import type { Locator, Page } from '@playwright/test';

export class LeadsPage {
  constructor(readonly page: Page) {}

  /** The navigation entry's badge: how many leads nobody has handled yet. */
  unhandledBadge(): Locator {
    return this.page.getByTestId('leads-unhandled');
  }

  async open(): Promise<void> {
    await this.page.getByRole('link', { name: /留言线索/ }).click();
    await this.table().waitFor();
  }

  table(): Locator {
    return this.page.getByTestId('leads-table');
  }

  /** One row per lead shown (antd's empty-table row is not one). */
  rows(): Locator {
    return this.table().locator('tbody tr.ant-table-row');
  }
}
