/**
 * Rows the platform sends that fail their wire schema (issue 7 item 2): each synced table's adapter
 * parses what arrives with the shared zod schema — a site's content also with the site model's —
 * and a malformed row is refused before anything stores it, listed with a stable code for the sync
 * centre, while the rest of the page lands and the cursor moves on. The rows come from a real
 * platform; the fault proxy rewrites its pull answer into what a broken or hostile one could send.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Change, PullResponse } from '../../../shared/platform-api';
import { tempDir } from '../../helpers/backend';
import { pathIs } from '../../helpers/faultProxy';
import type { Device } from '../../helpers/syncDevice';
import { useSyncRig } from '../../helpers/syncRig';
import { withoutEmptyListColumns } from '../sites/support';
import { editSite } from '../../helpers/siteEdits';

const rig = useSyncRig();
let nextIndex = 50000;

/** An enterprise of A with a site holding one news item (no empty list column: that is a check error), on the platform. */
async function siteOnPlatform(a: Device): Promise<{ enterpriseId: string; siteId: string }> {
  const enterpriseId = await a.createEnterprise(nextIndex++);
  const site = await a.call('sites.create', { enterpriseId });
  const withNews = await editSite(a, 'sites.addColumn', { siteId: site.id, type: 'news', title: '新闻' });
  const news = withNews.content.columns.find((c) => c.type === 'news')!;
  await editSite(a, 'sites.addItem', {
    siteId: site.id,
    columnId: news.id,
    item: { kind: 'article', title: '新茶上市', body: [], images: [] },
  });
  await withoutEmptyListColumns(a, site.id);
  await a.sync();
  return { enterpriseId, siteId: site.id };
}

async function addNewsItem(d: Device, siteId: string, title: string): Promise<void> {
  const site = await d.call('sites.get', { siteId });
  const news = site.content.columns.find((c) => c.type === 'news')!;
  await editSite(d, 'sites.addItem', { siteId, columnId: news.id, item: { kind: 'article', title, body: [], images: [] } });
}

/** The next pull answer goes out with `edit` applied to its changes. */
function rewriteNextPull(edit: (changes: Change[]) => Change[]): void {
  const rewrite = (answer: unknown) => {
    const page = answer as PullResponse;
    return { ...page, changes: edit(page.changes) };
  };
  rig.proxy.inject({ match: pathIs('/sync/v1/pull'), fault: { kind: 'rewrite', rewrite } });
}

const copy = <T>(value: T): T => structuredClone(value);
const contentOf = (change: Change) => change.row!.content as { columns: { type: string; items: { id: string }[] }[] };

/** The site's change with the first news item's id made path-like (ids become file names in a build). */
function withPathLikeItemId(change: Change, id = change.id): Change {
  const bad = { ...copy(change), id, row: { ...copy(change.row!), id } };
  contentOf(bad).columns.find((c) => c.type === 'news')!.items[0]!.id = '../../index';
  return bad;
}

/** Every local table a row of these ids could have landed in. */
const storedIds = (d: Device, ids: string[]) =>
  d.db
    .prepare(
      `SELECT id FROM site WHERE id IN (${ids.map(() => '?').join(',')}) UNION ALL SELECT id FROM enterprise WHERE id IN (${ids.map(() => '?').join(',')})
       UNION ALL SELECT id FROM sync_row WHERE id IN (${ids.map(() => '?').join(',')})`,
    )
    .pluck()
    .all(...ids, ...ids, ...ids);

describe('malformed rows from the platform', () => {
  it('are refused, listed with a stable code and not stored, while the good rows of the same page land', async () => {
    const a = await rig.device('A');
    const b = await rig.device('B');
    const { enterpriseId, siteId } = await siteOnPlatform(a);
    const other = await a.createEnterprise(nextIndex++);
    await a.sync();

    rewriteNextPull((changes) => {
      const site = changes.find((c) => c.id === siteId)!;
      const enterprise = changes.find((c) => c.id === enterpriseId)!;
      return [
        ...changes,
        withPathLikeItemId(site, 'evil-site'),
        { ...copy(site), id: 'empty-site', row: { ...copy(site.row!), id: 'empty-site', content: {} } },
        {
          ...copy(enterprise),
          id: 'bad-enterprise',
          row: { ...copy(enterprise.row!), id: 'bad-enterprise', region: '济南', creditCode: undefined },
        },
      ];
    });
    expect(await b.sync()).toMatchObject({ outcome: 'ok' });

    // The good rows of the page landed …
    expect((await b.call('enterprises.get', { id: enterpriseId })).id).toBe(enterpriseId);
    expect((await b.call('enterprises.get', { id: other })).id).toBe(other);
    expect((await b.call('sites.get', { siteId })).content.columns.some((c) => c.items.some((i) => i.id !== '../../index'))).toBe(true);
    // … the malformed ones nowhere, and the sync centre can list them.
    expect(storedIds(b, ['evil-site', 'empty-site', 'bad-enterprise'])).toEqual([]);
    const refused = await b.call('sync.refusedRows', {});
    expect(refused.map((r) => [r.tbl, r.rowId, r.code]).sort()).toEqual([
      ['enterprise', 'bad-enterprise', 'row_invalid'],
      ['site', 'empty-site', 'row_invalid'],
      ['site', 'evil-site', 'row_invalid'],
    ]);
    const problems = (rowId: string) => refused.find((r) => r.rowId === rowId)!.problems.join('\n');
    expect(problems('evil-site')).toMatch(/^content\.columns\.\d+\.items\.0\.id: site\.id\.invalid$/m);
    expect(problems('bad-enterprise')).toMatch(/^creditCode: /m);
    expect((await b.call('sync.status', {})).refusedRows).toBe(3);

    // The cursor moved past them: the next cycle has nothing to pull, and later changes still arrive.
    expect(await b.sync()).toMatchObject({ outcome: 'ok', pulled: 0 });
    await a.editEnterprise(other, (f) => ({ ...f, address: '济南市历下区拒收之后路1号' }));
    await a.sync();
    expect(await b.sync()).toMatchObject({ outcome: 'ok', pulled: 1 });
    expect((await b.call('enterprises.get', { id: other })).address).toBe('济南市历下区拒收之后路1号');
  }, 120_000);

  it('never replace a stored site: with a path-like item id or empty content refused, builds and exports stay inside their folder', async () => {
    const a = await rig.device('A');
    const b = await rig.device('B');
    const { siteId } = await siteOnPlatform(a);
    await b.sync();
    const before = await b.call('sites.get', { siteId });

    await addNewsItem(a, siteId, '第二条新闻');
    await a.sync();
    rewriteNextPull((changes) => changes.map((c) => (c.id === siteId ? withPathLikeItemId(c) : c)));
    expect(await b.sync()).toMatchObject({ outcome: 'ok' });
    await addNewsItem(a, siteId, '第三条新闻');
    await a.sync();
    rewriteNextPull((changes) => changes.map((c) => (c.id === siteId ? { ...c, row: { ...c.row!, content: {} } } : c)));
    expect(await b.sync()).toMatchObject({ outcome: 'ok' });

    expect(await b.call('sites.get', { siteId })).toEqual(before);
    expect((await b.call('sync.refusedRows', {})).filter((r) => r.rowId === siteId)).toHaveLength(1); // the latest refusal per row
    expect((await b.call('sites.build', { siteId })).report.summary.errors).toBe(0);
    const parent = tempDir('ecw-refused-export-');
    const exported = await b.call('sites.export', { siteId, outDir: path.join(parent, 'out'), zip: false });
    expect(exported.files).toBeGreaterThan(0);
    expect(readdirSync(parent)).toEqual(['out']);

    // A valid version of the site arrives: it is stored, and the site is no longer listed as refused.
    await addNewsItem(a, siteId, '第四条新闻');
    await a.sync();
    await b.sync();
    const after = await b.call('sites.get', { siteId });
    expect(after.content.columns.flatMap((c) => c.items.map((i) => ('title' in i ? i.title : '')))).toEqual(
      expect.arrayContaining(['第二条新闻', '第三条新闻', '第四条新闻']),
    );
    expect((await b.call('sync.refusedRows', {})).filter((r) => r.rowId === siteId)).toEqual([]);
  }, 120_000);
});
