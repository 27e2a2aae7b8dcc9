import { afterEach, describe, expect, it } from 'vitest';
import { siteSyncAdapter } from '../../../electron/backend/domains/sites/syncAdapter';
import { createTestBackend, type TestBackend } from '../../helpers/backend';
import { teaEnterprise } from './support';

const backends: TestBackend[] = [];
afterEach(() => backends.splice(0).forEach((b) => b.cleanup()));

async function setUp() {
  const backend = createTestBackend();
  backends.push(backend);
  const enterpriseId = await teaEnterprise(backend);
  const site = await backend.call('sites.create', { enterpriseId });
  return { backend, enterpriseId, site, db: backend.backend.database()!, writes: backend.backend.writes, table: siteSyncAdapter };
}

describe('the site table as the sync engine sees it', () => {
  it('gives a site in its wire shape: enterprise, name, content and every picture it shows', async () => {
    const { site, db, table } = await setUp();
    const copy = table.load(db, site.id)!;
    expect(copy.fields).toMatchObject({
      id: site.id,
      enterpriseId: site.enterpriseId,
      name: '济南泉城茶业有限公司',
      content: site.content,
      images: [],
    });
    expect(copy.baseVersion).toBeNull();
  });

  it('stores a pulled version of the site where the editor reads it, with its server base', async () => {
    const { backend, site, db, writes, table } = await setUp();
    const content = { ...site.content, profile: { ...site.content.profile, slogan: '好水配好茶' } };
    const row = {
      id: site.id,
      enterpriseId: site.enterpriseId,
      name: content.profile.name,
      content,
      images: [],
      createdAt: site.createdAt,
      updatedAt: '2026-11-17T02:00:00.000Z',
    };
    await writes.write((db) => table.save(db, site.id, row, { version: 3, row }, false));
    const after = await backend.call('sites.get', { siteId: site.id });
    expect(after.content.profile.slogan).toBe('好水配好茶');
    expect(after.revision).toBe(site.revision + 1);
    expect(table.load(db, site.id)!.baseVersion).toBe(3);
    expect(table.syncedIds(db)).toEqual([site.id]);
  });

  it('takes in a second site of the same enterprise made on another device without failing; the first made stays the one shown', async () => {
    const { backend, enterpriseId, site, writes, table } = await setUp();
    const row = {
      id: 'other-device-site',
      enterpriseId,
      name: 'x',
      content: site.content,
      images: [],
      createdAt: '2026-11-20T00:00:00.000Z',
      updatedAt: '2026-11-20T00:00:00.000Z',
    };
    await writes.write((db) => table.save(db, row.id, row, { version: 1, row }, false));
    expect((await backend.call('sites.getForEnterprise', { enterpriseId }))!.id).toBe(site.id);
    await writes.write((db) => table.markServerDeleted(db, site.id, 4));
    expect((await backend.call('sites.getForEnterprise', { enterpriseId }))!.id).toBe('other-device-site');
  });
});
