/**
 * The site editor lives on its edits' answers (issue 7 item 6): an edit made in the builder answers
 * what changed, the builder puts that onto the site it shows and does not read the whole site again;
 * a change made elsewhere (another window, a sync) is still read and shown.
 */
import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ProcedureName, Transport } from '../../shared/api';
import { createTestBackend, type TestBackend } from '../helpers/backend';
import { jinanEnterprise } from '../helpers/syncDevice';
import { renderApp } from './renderApp';

/** The in-memory transport, counting the calls by procedure. */
function counted(transport: Transport): { transport: Transport; calls: Map<ProcedureName, number> } {
  const calls = new Map<ProcedureName, number>();
  return {
    calls,
    transport: {
      invoke: (name, input) => {
        calls.set(name, (calls.get(name) ?? 0) + 1);
        return transport.invoke(name, input);
      },
      on: transport.on,
    },
  };
}

const shownTitles = () => screen.queryAllByTestId('item-row').map((row) => row.querySelector('.ecw-item-row-title')!.textContent);
const itemRow = (title: string) =>
  screen.getAllByTestId('item-row').find((row) => row.querySelector('.ecw-item-row-title')!.textContent === title)!;
const waitForRevision = (revision: number) =>
  waitFor(() => expect(screen.getByTestId('site-revision')).toHaveTextContent(`第 ${revision} 版`));
/** Longer than the cache's event coalescing and a read: a re-read would have happened by then. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 400));

describe('the site editor on its edits’ answers', () => {
  let backend: TestBackend;
  let siteId: string;
  let enterpriseId: string;
  let newsId: string;
  beforeEach(async () => {
    backend = createTestBackend();
    await backend.call('system.setOperator', { name: '李敏', channel: 'customer_manager' });
    enterpriseId = (await backend.call('enterprises.create', jinanEnterprise(1))).id;
    const site = await backend.call('sites.create', { enterpriseId });
    siteId = site.id;
    newsId = site.content.columns.find((c) => c.title === '新闻动态')!.id;
    let revision = site.revision;
    for (const title of ['开业公告', '新品上市'])
      revision = (
        await backend.call('sites.addItem', { siteId, revision, columnId: newsId, item: { kind: 'article', title, body: [], images: [] } })
      ).revision;
  });
  afterEach(() => backend.cleanup());

  it('shows its own edit from the answer, without reading the site again; another window’s edit is read', async () => {
    const { transport, calls } = counted(backend.transport);
    const { user } = renderApp(transport, `/enterprises/${enterpriseId}/site`);
    const start = (await backend.call('sites.get', { siteId })).revision;
    await waitForRevision(start);
    await user.click(within(await screen.findByTestId('column-list')).getByText('新闻动态'));
    await screen.findByTestId('item-list');
    await settle();
    calls.clear();

    await user.click(within(itemRow('开业公告')).getByLabelText('下移'));
    await waitForRevision(start + 1);
    await settle();
    expect(shownTitles()).toEqual(['新品上市', '开业公告']);
    expect(calls.get('sites.moveItem') ?? calls.get('sites.reorderItems')).toBe(1);
    expect(calls.get('sites.getForEnterprise') ?? 0).toBe(0);

    // Another window renames a column: that change is read and shown.
    await backend.call('sites.updateColumn', { siteId, columnId: newsId, title: '公司新闻' });
    await waitForRevision(start + 2);
    expect(calls.get('sites.getForEnterprise')).toBeGreaterThanOrEqual(1);
    expect(within(screen.getByTestId('column-list')).getByText('公司新闻')).toBeInTheDocument();
  });
});
