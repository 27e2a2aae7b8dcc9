/**
 * The sync adapters: one per synced table, registered explicitly (never twice, none missing), and
 * each parsing what the platform sends with the shared schema — a site's content with the site
 * model's, whose ids become file names in a build and so may never be path-like.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { SYNCED_TABLES } from '../../../shared/platform-api';
import { SYNC_ADAPTERS } from '../../../electron/backend/app/syncAdapterList';
import { enterpriseSyncAdapter } from '../../../electron/backend/domains/enterprises/syncAdapter';
import { siteSyncAdapter } from '../../../electron/backend/domains/sites/syncAdapter';
import { syncAdapters } from '../../../electron/backend/domains/sync/adapters';
import { mirrorAdapter } from '../../../electron/backend/domains/sync/mirrorAdapter';
import { createTestBackend, type TestBackend } from '../../helpers/backend';
import { teaEnterprise } from '../../integration/sites/support';
import { editSite } from '../../helpers/siteEdits';

let t: TestBackend;
afterEach(() => t?.cleanup());

describe('registering the adapters', () => {
  const all = [...SYNC_ADAPTERS];

  it('takes one adapter per synced table', () => {
    expect(
      syncAdapters(all)
        .all()
        .map((a) => a.tbl)
        .sort(),
    ).toEqual([...SYNCED_TABLES].sort());
  });

  it('refuses a second adapter for a table instead of letting it replace the first', () => {
    expect(() => syncAdapters([...all, mirrorAdapter('site')])).toThrow('two sync adapters for site');
  });

  it('refuses to start without an adapter for every synced table', () => {
    expect(() => syncAdapters(all.filter((a) => a.tbl !== 'service_order'))).toThrow('no sync adapter for service_order');
  });
});

/** A real site, as its wire row, with a news column of one item and a tray entry. */
async function siteRow(): Promise<Record<string, unknown>> {
  t = createTestBackend();
  const enterpriseId = await teaEnterprise(t);
  const site = await t.call('sites.create', { enterpriseId });
  const withNews = await editSite(t, 'sites.addColumn', { siteId: site.id, type: 'news', title: '新闻' });
  const news = withNews.content.columns.find((c) => c.type === 'news')!;
  await editSite(t, 'sites.addItem', {
    siteId: site.id,
    columnId: news.id,
    item: { kind: 'article', title: '新茶上市', body: [], images: [] },
  });
  return siteSyncAdapter.load(t.backend.database()!, site.id)!.fields;
}

type Content = { columns: { type: string; id: string; items: { id: string }[] }[]; unsorted: { id: string }[] };

describe('parsing a pulled site', () => {
  it('accepts a site as the editor saves it', async () => {
    expect(siteSyncAdapter.parse(await siteRow())).toMatchObject({ ok: true });
  });

  it.each([
    ['an item id', (c: Content) => (c.columns.find((col) => col.type === 'news')!.items[0]!.id = '../../index')],
    ['a column id', (c: Content) => (c.columns[0]!.id = '../web')],
    ['a tray entry id', (c: Content) => c.unsorted.push({ id: 'a/b', source: 'x', blocks: [], images: [] } as never)],
  ])('refuses path-like ids where they become file names: %s', async (_what, spoil) => {
    const row = structuredClone(await siteRow());
    spoil(row.content as Content);
    const parsed = siteSyncAdapter.parse(row);
    expect(parsed.ok).toBe(false);
    expect(parsed.ok ? [] : parsed.problems).toEqual(expect.arrayContaining([expect.stringMatching(/^content\..*id: site\.id\.invalid$/)]));
  });

  it('refuses empty content, which no build could compile', async () => {
    const parsed = siteSyncAdapter.parse({ ...(await siteRow()), content: {} });
    expect(parsed).toMatchObject({ ok: false, problems: expect.arrayContaining([expect.stringMatching(/^content\.version: /)]) });
  });
});

describe('parsing a pulled enterprise', () => {
  const row = {
    id: 'e1',
    name: '济南泉城茶业有限公司',
    creditCode: '91370100MA3C4Q7B0X',
    industrySection: 'F',
    industryDivision: null,
    region: { province: '山东省', city: '济南市', district: '历下区' },
    address: '济南市历下区泉城路188号',
    contact: { name: '王建国', mobile: '13805310001', email: null },
    manager: '李经理',
    channel: 'customer_manager',
    note: null,
    status: 'registered',
    groupCode: null,
    createdAt: '2026-11-16T01:00:00.000Z',
    updatedAt: '2026-11-16T01:00:00.000Z',
  };

  it('accepts a whole row and refuses one with a field missing or of the wrong shape', () => {
    expect(enterpriseSyncAdapter.parse(row)).toMatchObject({ ok: true });
    const { creditCode: _creditCode, ...withoutCode } = row;
    expect(enterpriseSyncAdapter.parse(withoutCode)).toMatchObject({ ok: false, problems: [expect.stringMatching(/^creditCode: /)] });
    expect(enterpriseSyncAdapter.parse({ ...row, region: '济南' })).toMatchObject({
      ok: false,
      problems: [expect.stringMatching(/^region: /)],
    });
  });
});
