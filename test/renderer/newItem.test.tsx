/**
 * Adding an item (issue 8 item 18), jsdom against a real backend: "添加产品" opens a blank product
 * to name and fill — a draft the preview shows, not a live item called 新产品. It becomes a revision
 * only when 添加到栏目 is clicked with a name; 取消 leaves the site as it was.
 */
import { screen, waitFor, within } from '@testing-library/react';
import type { UserEvent } from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Site } from '../../shared/api/sites';
import { itemTitle } from '../../shared/sites/model';
import { createTestBackend, type TestBackend } from '../helpers/backend';
import { jinanEnterprise } from '../helpers/syncDevice';
import { renderApp } from './renderApp';
import { editSite } from '../helpers/siteEdits';

interface Fixture {
  enterpriseId: string;
  site: Site;
  columnId: string;
}

async function siteWithProducts(backend: TestBackend): Promise<Fixture> {
  await backend.call('system.setOperator', { name: '李敏', channel: 'customer_manager' });
  const { id: enterpriseId } = await backend.call('enterprises.create', jinanEnterprise(1));
  const created = await backend.call('sites.create', { enterpriseId });
  const site = await editSite(backend, 'sites.addColumn', {
    siteId: created.id,
    revision: created.revision,
    type: 'products',
    title: '产品中心',
  });
  return { enterpriseId, site, columnId: site.content.columns.find((c) => c.type === 'products')!.id };
}

const saved = (backend: TestBackend, f: Fixture) => backend.call('sites.get', { siteId: f.site.id });
const savedNames = async (backend: TestBackend, f: Fixture) =>
  (await saved(backend, f)).content.columns.find((c) => c.id === f.columnId)!.items.map(itemTitle);

async function openProducts(user: UserEvent, f: Fixture) {
  await waitFor(() => expect(screen.getByTestId('site-revision')).toHaveTextContent(`第 ${f.site.revision} 版`));
  await user.click(within(await screen.findByTestId('column-list')).getByText('产品中心'));
  await screen.findByTestId('item-list');
}

describe('adding an item (jsdom, in-memory transport, real backend)', () => {
  let backend: TestBackend;
  let f: Fixture;
  beforeEach(async () => {
    backend = createTestBackend();
    f = await siteWithProducts(backend);
  });
  afterEach(() => backend.cleanup());

  it('opens a blank draft the preview shows, and adds it as one revision only when confirmed with a name', async () => {
    const { user } = renderApp(backend.transport, `/enterprises/${f.enterpriseId}/site`);
    await openProducts(user, f);

    await user.click(screen.getByTestId('item-add'));
    const editor = await screen.findByTestId('item-editor');
    expect(editor).toHaveTextContent('添加产品');
    expect(within(editor).getByTestId('item-title')).toHaveValue('');
    // Nothing saved yet: no revision, no item called 新产品.
    expect((await saved(backend, f)).revision).toBe(f.site.revision);
    expect(await savedNames(backend, f)).toEqual([]);

    // Without a name it is refused, field marked, nothing saved.
    await user.click(screen.getByTestId('item-save'));
    await waitFor(() => expect(within(editor).getAllByTestId('field-error').length).toBeGreaterThan(0));
    expect((await saved(backend, f)).revision).toBe(f.site.revision);

    // Named and filled: the preview shows it as typed; 添加到栏目 makes it one revision and opens it.
    await user.click(within(editor).getByTestId('item-title'));
    await user.paste('明前龙井');
    await user.click(within(editor).getByTestId('item-spec'));
    await user.paste('250克/罐');
    await waitFor(() => expect(screen.getByTestId('preview-status').parentElement!.parentElement).toHaveTextContent('含未保存的修改'));
    await user.click(screen.getByTestId('item-save'));
    await waitFor(() => expect(screen.getByTestId('site-revision')).toHaveTextContent(`第 ${f.site.revision + 1} 版`));
    const site = await saved(backend, f);
    const added = site.content.columns.find((c) => c.id === f.columnId)!.items;
    expect(added).toEqual([expect.objectContaining({ kind: 'product', name: '明前龙井', spec: '250克/罐' })]);
    expect(await screen.findByTestId('item-editor')).toHaveTextContent('编辑内容');
    expect(screen.getByTestId('item-title')).toHaveValue('明前龙井');
  });

  it('drops the draft on 取消 and keeps an unfinished one when the manager looks elsewhere', async () => {
    const { user } = renderApp(backend.transport, `/enterprises/${f.enterpriseId}/site`);
    await openProducts(user, f);

    await user.click(screen.getByTestId('item-add'));
    await user.click(within(await screen.findByTestId('item-editor')).getByTestId('item-title'));
    await user.paste('普洱');
    await user.click(screen.getByTestId('item-back'));
    expect(await screen.findByTestId('item-row-new')).toHaveTextContent('普洱');
    await user.click(within(screen.getByTestId('item-row-new')).getByText('普洱'));
    expect(within(await screen.findByTestId('item-editor')).getByTestId('item-title')).toHaveValue('普洱');

    await user.click(screen.getByTestId('item-save-discard'));
    await screen.findByTestId('item-list');
    expect(screen.queryByTestId('item-row-new')).toBeNull();
    expect((await saved(backend, f)).revision).toBe(f.site.revision);
    expect(await savedNames(backend, f)).toEqual([]);
  });
});
