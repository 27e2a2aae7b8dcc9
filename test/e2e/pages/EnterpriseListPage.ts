/** 集团客户 list: the virtualized rows, search, count and the keyboard shortcuts. */
import { expect, type Page } from '@playwright/test';

export class EnterpriseListPage {
  constructor(private readonly page: Page) {}

  rows() {
    return this.page.getByTestId('enterprise-row');
  }
  empty() {
    return this.page.getByTestId('enterprise-empty');
  }
  count() {
    return this.page.getByTestId('enterprise-count');
  }
  search() {
    return this.page.getByTestId('enterprise-search');
  }

  async waitForList(): Promise<void> {
    await this.count()
      .getByText(/共|找到/)
      .waitFor();
  }

  /** `/` then the query, as a clerk does. */
  async searchFor(query: string): Promise<void> {
    await this.page.keyboard.press('/');
    await this.page.keyboard.type(query);
    await this.count().getByText('找到').waitFor();
  }

  /** Alt+N; done once the form has put the keyboard on its first field (typing before that would go nowhere). */
  async newEnterprise(): Promise<void> {
    await this.page.keyboard.press('Alt+N');
    await this.page.getByTestId('enterprise-form').waitFor();
    await expect(this.page.locator('#ent-name')).toBeFocused();
  }
}
