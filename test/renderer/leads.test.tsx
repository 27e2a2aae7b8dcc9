/**
 * The leads screen (issue 10) in jsdom against a real backend: the navigation's unhandled count,
 * the list with a visitor's hostile text shown as text, and marking handled — the badge and the
 * list follow the backend's change, and the edit waits in the outbox for the next sync.
 */
import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { LeadWireRow } from '../../shared/platform-api';
import { leadSyncAdapter } from '../../electron/backend/domains/leads/syncAdapter';
import { createTestBackend, type TestBackend } from '../helpers/backend';
import { jinanEnterprise } from '../helpers/syncDevice';
import { renderApp } from './renderApp';

const backends: TestBackend[] = [];
afterEach(() => backends.splice(0).forEach((b) => b.cleanup()));

const lead = (id: string, receivedAt: string, text: string, handled = false): LeadWireRow => ({
  id,
  enterpriseId: 'e1',
  siteId: 's1',
  channel: 'wap1',
  kind: 'message',
  name: '张先生',
  contact: '13800000001',
  text,
  receivedAt,
  handled,
  createdAt: receivedAt,
  updatedAt: receivedAt,
});

async function backendWithLeads(rows: LeadWireRow[]): Promise<TestBackend> {
  const t = createTestBackend();
  backends.push(t);
  await t.call('system.setOperator', { name: '李敏', channel: 'customer_manager' });
  for (const row of rows) await t.backend.writes.write((db) => leadSyncAdapter.save(db, row.id, row, { version: 1, row }, false));
  return t;
}

describe('the leads screen', () => {
  it('shows the unhandled count in the navigation, lists unhandled leads with their text as typed, and marks one handled', async () => {
    const t = await backendWithLeads([
      lead('l1', '2026-12-01T01:00:00.000Z', '<img src=x onerror=alert(1)>想订100斤茶'),
      lead('l2', '2026-12-02T01:00:00.000Z', '请回电'),
      lead('l3', '2026-11-20T01:00:00.000Z', '旧留言', true),
    ]);
    const { user } = renderApp(t.transport, '/leads');
    expect(await screen.findByTestId('leads-unhandled')).toHaveTextContent('2');
    const table = await screen.findByTestId('leads-table');
    await waitFor(() => expect(within(table).getByText('请回电')).toBeInTheDocument());
    expect(within(table).getByText('<img src=x onerror=alert(1)>想订100斤茶')).toBeInTheDocument();
    expect(document.querySelector('img[src="x"]')).toBeNull();
    expect(within(table).queryByText('旧留言')).toBeNull(); // handled ones only under 全部

    await user.click(screen.getByTestId('lead-toggle-l2'));
    await waitFor(() => expect(screen.getByTestId('leads-unhandled')).toHaveTextContent('1'));
    await waitFor(() => expect(within(table).queryByText('请回电')).toBeNull());
    const op = t.backend.database()!.prepare(`SELECT kind, patch_json FROM outbox WHERE tbl = 'lead' AND row_id = 'l2'`).get();
    expect(op).toEqual({ kind: 'update', patch_json: '{"handled":true}' });

    await user.click(screen.getByText('全部'));
    await waitFor(() => expect(within(table).getByText('旧留言')).toBeInTheDocument());
    expect(within(table).getByText('请回电')).toBeInTheDocument();
  });

  it("names each lead's enterprise on the list of all leads, linking to it", async () => {
    const t = await backendWithLeads([]);
    const first = await t.call('enterprises.create', jinanEnterprise(1));
    const second = await t.call('enterprises.create', jinanEnterprise(2));
    const rows = [
      { ...lead('l1', '2026-12-01T01:00:00.000Z', '要报价'), enterpriseId: first.id },
      { ...lead('l2', '2026-12-02T01:00:00.000Z', '请回电'), enterpriseId: second.id },
    ];
    for (const row of rows) await t.backend.writes.write((db) => leadSyncAdapter.save(db, row.id, row, { version: 1, row }, false));
    renderApp(t.transport, '/leads');
    const table = await screen.findByTestId('leads-table');
    const link = await within(table).findByRole('link', { name: second.name });
    expect(link.getAttribute('href')).toContain(`/enterprises/${second.id}`);
    expect(within(within(table).getByText('要报价').closest('tr')!).getByRole('link', { name: first.name })).toBeInTheDocument();
  });

  it('shows no badge and an empty list when there are no leads', async () => {
    const t = await backendWithLeads([]);
    renderApp(t.transport, '/leads');
    expect(await screen.findByText('暂无留言')).toBeInTheDocument();
    expect(screen.getByText('留言线索')).toBeInTheDocument();
    expect(screen.queryByTestId('leads-unhandled')).toBeNull();
  });
});
