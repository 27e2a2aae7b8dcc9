/**
 * The portal member card on the enterprise page (issue 13 item 4), jsdom against a real backend: it
 * reads the synced member_report table (a row stored as a pull stores it), so it works offline and
 * says as of when; before any sync it says so. (The pull itself, from a real platform, is tested in
 * test/integration/portal/memberReportSync.test.ts.)
 */
import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, expect, it } from 'vitest';
import type { MemberReportWireRow } from '../../shared/platform-api';
import { memberReportSyncAdapter } from '../../electron/backend/domains/portal/syncAdapter';
import { setState } from '../../electron/backend/domains/sync/db/state';
import type { TestBackend } from '../helpers/backend';
import { OPENED_AT, openedEnterprise } from './openedEnterprise';
import { renderApp } from './renderApp';

const backends: TestBackend[] = [];
afterEach(() => backends.splice(0).forEach((b) => b.cleanup()));

it('shows the pulled counts, regions and new members of this month, as of the last sync, with the Excel export', async () => {
  const { t, enterpriseId } = await openedEnterprise(backends);
  const { month } = await t.call('portal.memberReport', { enterpriseId });
  const row: MemberReportWireRow = {
    id: enterpriseId,
    enterpriseId,
    followers: 5,
    followingEnterprise: 3,
    followingIndustry: 2,
    optedOut: 1,
    byRegion: [
      { province: '山东省', city: '济南市', members: 3 },
      { province: '', city: '', members: 2 },
    ],
    joinedByMonth: [
      { month: '2025-01', members: 1 },
      { month, members: 4 },
    ],
    createdAt: OPENED_AT,
    updatedAt: OPENED_AT,
  };
  const syncedAt = '2026-12-03T06:30:00.000Z';
  await t.backend.writes.write((db) => {
    memberReportSyncAdapter.save(db, row.id, row, { version: 1, row }, false);
    setState(db, 'last_sync_ok_at', syncedAt);
  });

  renderApp(t.transport, `/enterprises/${enterpriseId}`);
  const card = await screen.findByTestId('member-report', {}, { timeout: 30_000 });
  const counts = await within(card).findByTestId('member-report-counts', {}, { timeout: 30_000 });
  expect(counts).toHaveTextContent('关注会员5');
  expect(counts).toHaveTextContent(`${month} 新增4`);
  expect(counts).toHaveTextContent('关注本企业3');
  expect(counts).toHaveTextContent('关注所在行业2');
  expect(counts).toHaveTextContent('已退订短信1');
  const local = new Date(syncedAt);
  const pad = (n: number) => String(n).padStart(2, '0');
  const shown = `${local.getFullYear()}-${pad(local.getMonth() + 1)}-${pad(local.getDate())} ${pad(local.getHours())}:${pad(local.getMinutes())}`;
  expect(within(card).getByTestId('member-report-as-of')).toHaveTextContent(`截至 ${shown}（上次同步）`);
  const regions = within(within(card).getByTestId('member-report-regions')).getAllByRole('row').slice(1);
  expect(regions.map((r) => r.textContent)).toEqual(['山东省 济南市3', '未知地区（号码归属地不详）2']);
  expect(within(card).getByTestId('member-report-export')).toHaveAttribute(
    'href',
    expect.stringContaining(`files.memberReport?enterpriseId=${enterpriseId}&month=${month}`),
  );
});

it('says the report has not been synced yet on a device that never synced, with no members counted', async () => {
  const { t, enterpriseId } = await openedEnterprise(backends);
  renderApp(t.transport, `/enterprises/${enterpriseId}`);
  const card = await screen.findByTestId('member-report', {}, { timeout: 30_000 });
  expect(card).toHaveTextContent('门户会员');
  await waitFor(() => expect(card).toHaveTextContent('尚未与平台同步，同步后显示门户会员。'), { timeout: 30_000 });
  expect(within(card).getByTestId('member-report-counts')).toHaveTextContent('关注会员0');
  expect(within(card).queryByTestId('member-report-regions')).toBeNull();
});
