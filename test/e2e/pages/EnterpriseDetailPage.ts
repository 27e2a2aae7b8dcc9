/** An enterprise's page: its data, orders, documents and audit trail. */
import type { Page } from '@playwright/test';

export class EnterpriseDetailPage {
  constructor(private readonly page: Page) {}

  title() {
    return this.page.getByTestId('enterprise-title');
  }
  info() {
    return this.page.getByTestId('enterprise-info');
  }
  orderRows() {
    return this.page.getByTestId('order-row');
  }
  documentRows() {
    return this.page.getByTestId('document-row');
  }
  auditEntries() {
    return this.page.getByTestId('enterprise-audit').getByTestId('audit-entry');
  }
  currentPlan() {
    return this.page.getByTestId('current-plan');
  }
  newOrderButton() {
    return this.page.getByTestId('order-new');
  }

  async waitFor(name: string): Promise<void> {
    await this.title().getByText(name).waitFor();
  }
}
