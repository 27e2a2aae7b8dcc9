/**
 * Site edits answer what changed (issue 7 item 6): every one of the sixteen edit procedures, on the
 * imported tea site, answers a SiteDelta that — put onto the revision before — is exactly the site as
 * saved (editSite checks that at each step); the answer leaves the rest of the site out; the change
 * event carries the new revision; and an answer refuses to be put onto another revision.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { EventPayload } from '../../../shared/api';
import { applySiteDelta, DeltaMismatch } from '../../../shared/api/siteDelta';
import type { Site } from '../../../shared/api/sites';
import type { TestBackend } from '../../helpers/backend';
import { editSite } from '../../helpers/siteEdits';
import { columnOf, importedTeaSite, itemNamed } from './support';

const backends: TestBackend[] = [];
afterEach(() => backends.splice(0).forEach((b) => b.cleanup()));

async function imported(): Promise<{ backend: TestBackend; site: Site }> {
  const result = await importedTeaSite();
  backends.push(result.backend);
  return result;
}

const bytes = (value: unknown) => Buffer.byteLength(JSON.stringify(value));
const trayEntryWith = (site: Site, fileName: string) => site.content.unsorted.find((e) => e.images.some((i) => i.fileName === fileName))!;

describe('site edit answers', () => {
  it('put onto the revision before, show exactly what each of the sixteen edits saved', async () => {
    const { backend, site: start } = await imported();
    const siteId = start.id;
    const edit = editSite.bind(null, backend);
    const products = columnOf(start, 'products');
    const news = columnOf(start, 'news');
    const tea = itemNamed(start, '明前龙井');

    let s = await edit('sites.updateProfile', { siteId, profile: { ...start.content.profile, slogan: '一杯好茶，一份心意' } });
    s = await edit('sites.addColumn', { siteId, type: 'custom', title: '茶文化' });
    const custom = s.content.columns.find((c) => c.title === '茶文化')!;
    s = await edit('sites.updateColumn', { siteId, columnId: custom.id, body: [{ type: 'paragraph', runs: [{ text: '茶道源远流长' }] }] });
    s = await edit('sites.reorderColumns', { siteId, columnIds: [...s.content.columns.map((c) => c.id)].reverse() });
    s = await edit('sites.addItem', {
      siteId,
      columnId: products.id,
      item: { kind: 'product', name: '茉莉花茶', description: [], images: [] },
      index: 0,
    });
    const jasmine = itemNamed(s, '茉莉花茶');
    s = await edit('sites.updateItem', { siteId, itemId: tea.id, item: { ...tea, kind: 'product', name: '明前龙井（特级）' } as never });
    s = await edit('sites.reorderItems', {
      siteId,
      columnId: products.id,
      itemIds: [...columnOf(s, 'products').items.map((i) => i.id)].reverse(),
    });
    s = await edit('sites.moveItem', { siteId, itemId: jasmine.id, columnId: products.id, index: 1 });
    // The import put 茶园.jpg, a photo of a place, in the intro column; undone, it waits in the tray.
    const placed = s.intake.guesses.find((g) => g.rule === 'photo.place' && g.params.file === '茶园.jpg')!;
    s = await edit('sites.undoGuess', { siteId, guessId: placed.id });
    s = await edit('sites.moveFromTray', {
      siteId,
      entryId: trayEntryWith(s, '茶园.jpg').id,
      target: { kind: 'itemImages', itemId: jasmine.id },
    });
    s = await edit('sites.removeItem', { siteId, itemId: jasmine.id, toTray: true });
    const fromJasmine = s.content.unsorted.at(-1)!;
    s = await edit('sites.moveFromTray', { siteId, entryId: fromJasmine.id, target: { kind: 'logo' } });
    s = await edit('sites.moveFromTray', { siteId, entryId: fromJasmine.id, target: { kind: 'newColumn', type: 'custom', title: '其他' } });
    s = await edit('sites.removeColumn', { siteId, columnId: custom.id });
    s = await edit('sites.moveFromTray', {
      siteId,
      entryId: s.content.unsorted.at(-1)!.id,
      target: { kind: 'newItem', columnId: news.id },
    });
    s = await edit('sites.removeItem', { siteId, itemId: columnOf(s, 'news').items.at(-1)!.id, toTray: true });
    s = await edit('sites.moveFromTray', {
      siteId,
      entryId: s.content.unsorted.at(-1)!.id,
      target: { kind: 'columnBody', columnId: news.id },
    });
    s = await edit('sites.removeItem', { siteId, itemId: columnOf(s, 'news').items[0]!.id });
    s = await edit('sites.removeColumn', { siteId, columnId: s.content.columns.find((c) => c.title === '其他')!.id, discard: true });
    s = await edit('sites.undoGuess', {
      siteId,
      guessId: s.intake.guesses.find((g) => g.rule === 'photo.place' && g.params.file === '门店.jpg')!.id,
    });
    s = await edit('sites.discardTrayEntry', { siteId, entryId: s.content.unsorted[0]!.id });
    s = await edit('sites.setTemplate', { siteId, template: { templateId: 'retail-tea', styleId: 'brown', options: {} } });
    s = await edit('sites.setDomain', { siteId, domain: { kind: 'own', name: '泉城茶业.中国' } });
    s = await edit('sites.updateSms', { siteId, sms: { ...s.content.sms, signature: '泉城茶业' } });
    s = await edit('sites.undoGuess', { siteId, guessId: s.intake.guesses.find((g) => g.rule === 'photo.file_name')!.id });
    expect(s.revision).toBe(start.revision + 25);
  });

  it('leave out the rest of the site', async () => {
    const { backend, site } = await imported();
    const tea = itemNamed(site, '明前龙井');
    const answer = await backend.call('sites.updateItem', {
      siteId: site.id,
      revision: site.revision,
      itemId: tea.id,
      item: { ...tea, kind: 'product', name: '明前龙井（特级）' } as never,
    });
    expect(answer).toEqual({
      siteId: site.id,
      revision: site.revision + 1,
      updatedAt: expect.any(String),
      items: [expect.objectContaining({ id: tea.id, name: '明前龙井（特级）' })],
    });
    expect(bytes(answer)).toBeLessThan(bytes(site) / 10);
  });

  it('come with a change event that names the revision, so an answer already holding it need not be read again', async () => {
    const { backend, site } = await imported();
    const events: EventPayload<'data.changed'>[] = [];
    const stop = backend.transport.on('data.changed', (e) => events.push(e));
    await backend.call('sites.setDomain', { siteId: site.id, domain: { kind: 'assigned', label: 'quancheng' } });
    stop();
    expect(events).toContainEqual({ entity: 'site', id: site.id, revision: site.revision + 1 });
  });

  it('refuse to be put onto another revision than the one they were made on', async () => {
    const { backend, site } = await imported();
    const first = await backend.call('sites.setDomain', { siteId: site.id, domain: { kind: 'assigned', label: 'quancheng' } });
    const second = await backend.call('sites.setDomain', { siteId: site.id, domain: { kind: 'assigned', label: 'quancheng2' } });
    expect(() => applySiteDelta(site, second)).toThrow(DeltaMismatch);
    expect(applySiteDelta(applySiteDelta(site, first), second)).toEqual(await backend.call('sites.get', { siteId: site.id }));
  });
});
