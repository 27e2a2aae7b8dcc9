/**
 * The sync parts of the app as a user meets them: the header's status pill, the sync centre
 * (sign-in, 立即同步, queue, conflicts) and the platform card on an enterprise's page.
 */
import type { Locator, Page } from '@playwright/test';
import { watchToasts } from './toasts';

export class SyncCentre {
  constructor(readonly page: Page) {}

  indicator(): Locator {
    return this.page.getByTestId('sync-indicator');
  }

  /** Waits until the header says `state` (signed_out, offline, syncing, up_to_date, retrying, needs_attention). */
  async waitForState(state: string, timeout = 60_000): Promise<void> {
    await this.page.locator(`[data-testid="sync-indicator"][data-state="${state}"]`).waitFor({ timeout });
  }

  /** A click on the header's pill opens the sync centre. */
  async open(): Promise<void> {
    await this.indicator().click();
    await this.page.getByTestId('sync-centre').waitFor({ timeout: 60_000 });
  }

  /** Fills the form and presses 登录; the backend's error code, or null once signed in (or refused by the form itself). */
  async signIn(server: string, user: string, password: string): Promise<string | null> {
    const form = this.page.getByTestId('sync-sign-in');
    await form.waitFor();
    await this.page.locator('#sync-server').fill(server);
    await this.page.locator('#sync-user').fill(user);
    await this.page.locator('#sync-password').fill(password);
    return this.submitSignIn();
  }

  /** Presses 登录 and waits for the backend's answer (sign-in attempts must not overlap); its error code, or null. */
  async submitSignIn(): Promise<string | null> {
    const answered = this.page.waitForResponse((r) => r.url().endsWith('/api/sync.signIn'), { timeout: 90_000 });
    await this.page.getByTestId('sync-sign-in-submit').click();
    const answer = (await (await answered).json()) as { ok: boolean; error?: { code: string } };
    return answer.ok ? null : (answer.error?.code ?? 'unknown');
  }

  account(): Locator {
    return this.page.getByTestId('sync-account');
  }

  /** 立即同步: waits for the run to finish and for the toast that reports it (it replaces the previous one). */
  async syncNow(expected: RegExp): Promise<void> {
    const toasts = await watchToasts(this.page);
    const finished = this.page.waitForResponse((r) => r.url().endsWith('/api/sync.now'), { timeout: 120_000 });
    await this.page.getByTestId('sync-now').click();
    const answer = await (await finished).text();
    await toasts.shown(expected, `立即同步 did not report ${expected}: the backend answered ${answer}`);
  }

  tab(name: RegExp): Locator {
    return this.page.getByRole('tab', { name });
  }

  queueRows(): Locator {
    return this.page.getByTestId('sync-queue-row');
  }

  conflicts(): Locator {
    return this.page.getByTestId('conflict');
  }

  /** One field of a conflict: its mine / theirs cells and the choice buttons. */
  conflictField(field: string): Locator {
    return this.conflicts().locator(`[data-testid="conflict-field"][data-field="${field}"]`);
  }

  async choose(field: string, choice: '保留我的' | '采用对方' | '编辑后提交'): Promise<void> {
    await this.conflictField(field).getByText(choice, { exact: true }).click();
  }

  /** The text box of "编辑后提交" for a field (or one part of a group: `part` = mobile …). */
  editInput(field: string, part?: string): Locator {
    return this.conflictField(field).getByTestId(part ? `conflict-edit-${part}` : 'conflict-edit');
  }

  async submitResolution(): Promise<void> {
    await this.page.getByTestId('conflict-submit').click();
  }

  /** The platform card on an enterprise's page. */
  platformCard(): Locator {
    return this.page.getByTestId('enterprise-platform');
  }
}
