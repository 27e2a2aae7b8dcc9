/**
 * The site builder's item list and quick edits in jsdom against a real backend: items added,
 * reordered and removed, each a new revision; and edits clicked in quick succession on a slow
 * backend (every call held back) all become revisions, in order, none lost (issue 8 item 14).
 */
import { screen, waitFor, within } from '@testing-library/react';
import type { UserEvent } from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Site } from '../../shared/api/sites';
import { TEMPLATES } from '../../shared/sites';
import { createTestBackend, type TestBackend } from '../helpers/backend';
import { jinanEnterprise } from '../helpers/syncDevice';
import { renderApp, slowed } from './renderApp';

/** A template's tile (its first colour style). */
const tileOf = (templateId: string) =>
  screen.getByTestId(`template-choice-${templateId}-${TEMPLATES.find((t) => t.id === templateId)!.styles[0]!.id}`);

/** A slow machine: every call waits this long before the backend sees it. */
const SLOW_MS = 250;

interface Fixture {
  enterpriseId: string;
  siteId: string;
  columnId: string;
}

/** The services company's blank site with three articles in 新闻动态. */
async function siteWithNews(backend: TestBackend): Promise<Fixture> {
  await backend.call('system.setOperator', { name: '李敏', channel: 'customer_manager' });
  const { id: enterpriseId } = await backend.call('enterprises.create', jinanEnterprise(1));
  const site = await backend.call('sites.create', { enterpriseId });
  const news = site.content.columns.find((c) => c.title === '新闻动态')!;
  let revision = site.revision;
  for (const title of ['开业公告', '新品上市', '招商启事'])
    revision = (
      await backend.call('sites.addItem', {
        siteId: site.id,
        revision,
        columnId: news.id,
        item: { kind: 'article', title, body: [], images: [] },
      })
    ).revision;
  return { enterpriseId, siteId: site.id, columnId: news.id };
}

const saved = (backend: TestBackend, f: Fixture): Promise<Site> => backend.call('sites.get', { siteId: f.siteId });
const savedTitles = async (backend: TestBackend, f: Fixture) =>
  (await saved(backend, f)).content.columns.find((c) => c.id === f.columnId)!.items.map((i) => (i.kind === 'article' ? i.title : i.kind));
const shownTitles = () => screen.queryAllByTestId('item-row').map((row) => row.querySelector('.ecw-item-row-title')!.textContent);
const itemRow = (title: string) =>
  screen.getAllByTestId('item-row').find((row) => row.querySelector('.ecw-item-row-title')!.textContent === title)!;

async function waitForRevision(revision: number) {
  await waitFor(() => expect(screen.getByTestId('site-revision')).toHaveTextContent(`第 ${revision} 版`));
}

/** Every queued edit answered: the header no longer says it is saving. */
async function waitUntilSaved() {
  await waitFor(() => expect(screen.queryByTestId('site-saving')).toBeNull());
}

async function openColumn(user: UserEvent, title: string) {
  await user.click(within(await screen.findByTestId('column-list')).getByText(title));
  await screen.findByTestId('item-list');
}

describe('the site editor (jsdom, in-memory transport, real backend)', () => {
  let backend: TestBackend;
  let f: Fixture;
  beforeEach(async () => {
    backend = createTestBackend();
    f = await siteWithNews(backend);
  });
  afterEach(() => backend.cleanup());

  it('adds, reorders and removes items, each a new revision', async () => {
    const { user } = renderApp(backend.transport, `/enterprises/${f.enterpriseId}/site`);
    const start = (await saved(backend, f)).revision;
    await waitForRevision(start);
    await openColumn(user, '新闻动态');
    expect(shownTitles()).toEqual(['开业公告', '新品上市', '招商启事']);

    // A new item is named before it is added (issue 8 item 18): then it is a revision.
    await user.click(screen.getByTestId('item-add'));
    await user.click(within(await screen.findByTestId('item-editor')).getByTestId('item-title'));
    await user.paste('新文章');
    await user.click(screen.getByTestId('item-save'));
    await waitForRevision(start + 1);
    expect(await screen.findByTestId('item-editor')).toBeInTheDocument();
    expect(await savedTitles(backend, f)).toEqual(['开业公告', '新品上市', '招商启事', '新文章']);

    await openColumn(user, '新闻动态');
    await user.click(within(itemRow('开业公告')).getByLabelText('下移'));
    await waitForRevision(start + 2);
    expect(shownTitles()).toEqual(['新品上市', '开业公告', '招商启事', '新文章']);
    expect(await savedTitles(backend, f)).toEqual(['新品上市', '开业公告', '招商启事', '新文章']);

    await user.click(within(itemRow('招商启事')).getByLabelText('删除'));
    await user.click(await screen.findByText('彻底删除'));
    const [question] = await screen.findAllByText('彻底删除这条内容？此操作不能撤销。');
    const confirm = question!.closest<HTMLElement>('.ant-modal')!;
    await user.click(within(confirm).getByText('彻底删除'));
    await waitForRevision(start + 3);
    expect(shownTitles()).toEqual(['新品上市', '开业公告', '新文章']);
    expect(await savedTitles(backend, f)).toEqual(['新品上市', '开业公告', '新文章']);
  });

  describe('on a slow backend, edits clicked in quick succession', () => {
    /** The builder on the slowed transport, at the site's current revision (and on a column, if named). */
    async function openSlowBuilder(column?: string) {
      const { user } = renderApp(slowed(backend.transport, SLOW_MS), `/enterprises/${f.enterpriseId}/site`);
      const start = (await saved(backend, f)).revision;
      await waitForRevision(start);
      if (column) await openColumn(user, column);
      return { user, start };
    }

    it('moves an item down twice with two quick clicks (two revisions, in order)', async () => {
      const { user, start } = await openSlowBuilder('新闻动态');

      const down = within(itemRow('开业公告')).getByLabelText('下移');
      await user.click(down);
      await user.click(down);
      expect(screen.getByTestId('site-saving')).toHaveTextContent('正在保存');
      await waitUntilSaved();

      expect(await savedTitles(backend, f)).toEqual(['新品上市', '招商启事', '开业公告']);
      expect((await saved(backend, f)).revision).toBe(start + 2);
      await waitForRevision(start + 2);
      expect(shownTitles()).toEqual(['新品上市', '招商启事', '开业公告']);
    });

    it('keeps both of two channel boxes unticked in quick succession, each shown at once', async () => {
      const { user, start } = await openSlowBuilder('新闻动态');

      const channels = screen.getByTestId('column-channels');
      await user.click(within(channels).getByLabelText('WAP 1.0'));
      await user.click(within(channels).getByLabelText('短信'));
      expect(within(channels).getByLabelText('WAP 1.0')).not.toBeChecked();
      expect(within(channels).getByLabelText('短信')).not.toBeChecked();
      await waitUntilSaved();

      const column = (await saved(backend, f)).content.columns.find((c) => c.id === f.columnId)!;
      expect(column.channels).toEqual({ web: true, wap2: true, wap1: false, sms: false });
      expect((await saved(backend, f)).revision).toBe(start + 2);
    });

    it('takes a second template tile clicked while the first is saving, in click order', async () => {
      const { user, start } = await openSlowBuilder();
      await user.click(screen.getByText('模板', { selector: '[role=tab]' }));

      await screen.findByTestId('template-picker');
      await user.click(tileOf('retail-tea'));
      const second = tileOf('logistics');
      expect(second).toBeEnabled();
      await user.click(second);
      expect(screen.getAllByTestId('template-saving').length).toBeGreaterThan(0);
      await waitUntilSaved();

      const site = await saved(backend, f);
      expect(site.content.template.templateId).toBe('logistics');
      expect(site.revision).toBe(start + 2);
      await waitFor(() => expect(second).toHaveAttribute('aria-pressed', 'true'));
    });

    it('saves a column title once when Enter is followed at once by leaving the field', async () => {
      const { user, start } = await openSlowBuilder('新闻动态');

      const title = screen.getByTestId('column-title');
      await user.clear(title);
      await user.type(title, '公司新闻{Enter}');
      await user.click(screen.getByTestId('column-list'));
      await waitUntilSaved();

      const site = await saved(backend, f);
      expect(site.content.columns.find((c) => c.id === f.columnId)!.title).toBe('公司新闻');
      expect(site.revision).toBe(start + 1);
    });
  });
});
