/**
 * Issue 10 on the site and enterprise pages (jsdom, real backend): the site's publication as the
 * platform reported it — live revision, host, a refused revision's reason in Chinese, the local
 * revision differing from the live one, rollback queued as a command — and the visit chart's totals.
 */
import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { chinaDate } from '../../shared/domain/dates';
import type { SitePublicationWireRow, SiteVisitDayWireRow } from '../../shared/platform-api';
import { sitePublicationSyncAdapter } from '../../electron/backend/domains/publishing/syncAdapter';
import { siteVisitDaySyncAdapter } from '../../electron/backend/domains/visits/syncAdapter';
import { setJson } from '../../electron/backend/domains/sync/db/state';
import type { Account } from '../../electron/backend/domains/auth/session';
import { makeVerifier } from '../../electron/backend/domains/auth/verifier';
import { createTestBackend, type TestBackend } from '../helpers/backend';
import { jinanEnterprise } from '../helpers/syncDevice';
import { renderApp } from './renderApp';

const backends: TestBackend[] = [];
afterEach(() => backends.splice(0).forEach((b) => b.cleanup()));
const AT = '2026-12-01T02:00:00.000Z';

async function enterpriseWithSite() {
  const t = createTestBackend();
  backends.push(t);
  await t.call('system.setOperator', { name: '李敏', channel: 'customer_manager' });
  const { id: enterpriseId } = await t.call('enterprises.create', jinanEnterprise(1));
  const site = await t.call('sites.create', { enterpriseId });
  return { t, enterpriseId, site };
}

describe('the site page’s publication bar', () => {
  it('shows the live revision, host, the failure reason in Chinese and that the local revision differs; rollback queues site.rollback.v1', async () => {
    const { t, enterpriseId, site } = await enterpriseWithSite();
    const row: SitePublicationWireRow = {
      id: site.id,
      enterpriseId,
      status: 'live',
      liveRevision: 1,
      publishedAt: AT,
      requestedRevision: site.revision,
      failure: { code: 'wml_deck_too_large', message: 'deck over 1400 bytes' },
      host: 'jinan1.sites.example',
      urls: { web: 'http://jinan1.sites.example/', wap: 'http://jinan1.sites.example/wap/' },
      revisions: [
        { revision: 1, publishedAt: AT },
        { revision: 2, publishedAt: AT },
      ],
      offlineAt: null,
      createdAt: AT,
      updatedAt: AT,
    };
    row.liveRevision = 2;
    await t.backend.writes.write((db) => sitePublicationSyncAdapter.save(db, row.id, row, { version: 1, row }, false));
    const { user } = renderApp(t.transport, `/enterprises/${enterpriseId}/site`);
    const bar = await screen.findByTestId('site-publication', {}, { timeout: 30_000 });
    expect(within(bar).getByTestId('publication-status')).toHaveTextContent('已上线');
    expect(bar).toHaveTextContent('jinan1.sites.example');
    expect(within(bar).getByTestId('publication-failure')).toHaveTextContent('WAP 1.0 页面超过手机可接收的大小');
    if (site.revision !== 2)
      expect(within(bar).getByTestId('publication-differs')).toHaveTextContent(`本机为第 ${site.revision} 版，线上为第 2 版`);

    await user.click(within(bar).getByRole('combobox'));
    await user.click(await screen.findByText(/^第 1 版/, { selector: '.ant-select-item-option-content' }));
    await user.click(within(bar).getByRole('button', { name: '回退' }));
    await waitFor(() => {
      const ops = t.backend.database()!.prepare(`SELECT name, patch_json FROM outbox WHERE tbl = 'site_publication'`).all();
      expect(ops).toEqual([{ name: 'site.rollback.v1', patch_json: JSON.stringify({ siteId: site.id, revision: 1 }) }]);
    });
  }, 90_000);
});

describe('publishing without a sign-off', () => {
  /** The account this device last signed in with, as an online sign-in stores it. */
  async function signedInAs(t: TestBackend, role: 'administrator' | 'customer_manager') {
    const login = role === 'administrator' ? 'admin' : 'jn.manager';
    const account: Account = {
      server: 'http://127.0.0.1:1',
      login,
      user: { id: `u-${login}`, login, name: '王管理', role, region: { province: '山东', city: null } },
      verifier: await makeVerifier('not-used'),
      signedInAt: AT,
    };
    await t.backend.writes.write((db) => setJson(db, 'account', account));
  }

  it('is offered to an administrator only, asks for a reason and queues site.publish.v1 without a sign-off, with the reason', async () => {
    const { t, enterpriseId, site } = await enterpriseWithSite();
    await signedInAs(t, 'customer_manager');
    const first = renderApp(t.transport, `/enterprises/${enterpriseId}/site`);
    const managerBar = await screen.findByTestId('site-publication', {}, { timeout: 30_000 });
    await new Promise((r) => setTimeout(r, 2000)); // the account's role arrives with sync.status (the administrator's button appears well within this)
    expect(within(managerBar).queryByRole('button', { name: '无签字发布' })).toBeNull();
    first.unmount();

    await signedInAs(t, 'administrator');
    const { user } = renderApp(t.transport, `/enterprises/${enterpriseId}/site`);
    const bar = await screen.findByTestId('site-publication', {}, { timeout: 30_000 });
    await user.click(await within(bar).findByRole('button', { name: '无签字发布' }, { timeout: 2000 }));
    const dialog = await screen.findByRole('dialog');
    const confirm = within(dialog).getByRole('button', { name: '确认发布' });
    expect(confirm).toBeDisabled(); // no reason yet
    await user.type(within(dialog).getByRole('textbox', { name: '原因' }), '客户书面要求更正电话号码');
    await user.click(confirm);
    await waitFor(() => {
      const ops = t.backend.database()!.prepare(`SELECT name, patch_json FROM outbox WHERE tbl = 'site_publication'`).all() as {
        name: string;
        patch_json: string;
      }[];
      expect(ops.map((o) => [o.name, JSON.parse(o.patch_json)])).toEqual([
        [
          'site.publish.v1',
          expect.objectContaining({
            siteId: site.id,
            enterpriseId,
            revision: site.revision,
            signoff: null,
            unsignedReason: '客户书面要求更正电话号码',
          }),
        ],
      ]);
    });
    // Requested once: not offered again for the same revision.
    await waitFor(() => expect(within(bar).queryByRole('button', { name: '无签字发布' })).toBeNull());
  }, 90_000);
});

describe('the enterprise page’s visit chart', () => {
  it('shows the last 30 days’ PV and UV totals of the enterprise’s sites', async () => {
    const { t, enterpriseId, site } = await enterpriseWithSite();
    const today = chinaDate(new Date());
    const day = (date: string, channel: SiteVisitDayWireRow['channel'], pv: number, uv: number): SiteVisitDayWireRow => ({
      id: `${site.id}:${date}:${channel}`,
      siteId: site.id,
      enterpriseId,
      date,
      channel,
      pv,
      uv,
      createdAt: AT,
      updatedAt: AT,
    });
    for (const row of [day(today, 'web', 120, 30), day(today, 'wap1', 7, 3), day('2020-01-01', 'web', 999, 999)])
      await t.backend.writes.write((db) => siteVisitDaySyncAdapter.save(db, row.id, row, { version: 1, row }, false));
    renderApp(t.transport, `/enterprises/${enterpriseId}`);
    const card = await screen.findByTestId('visit-stats', {}, { timeout: 30_000 });
    await waitFor(() => expect(card).toHaveTextContent(/浏览量 PV\s*127/));
    expect(card).toHaveTextContent(/访客数 UV\s*33/);
    expect(within(card).getByRole('img', { name: '近 30 天各渠道访问量折线图' })).toBeInTheDocument();
  }, 90_000);
});
