/**
 * `ecw site status`, `ecw site stats` and `ecw leads list` (issue 10): exactly the issue's JSON shapes,
 * over rows stored as a pull stores them (through the tables' sync adapters) in the CLI's data directory.
 */
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { chinaDate } from '../../../shared/domain/dates';
import type { LeadWireRow, SitePublicationWireRow, SiteVisitDayWireRow } from '../../../shared/platform-api';
import { leadSyncAdapter } from '../../../electron/backend/domains/leads/syncAdapter';
import { sitePublicationSyncAdapter } from '../../../electron/backend/domains/publishing/syncAdapter';
import { siteVisitDaySyncAdapter } from '../../../electron/backend/domains/visits/syncAdapter';
import type { SyncAdapter } from '../../../electron/backend/domains/sync/adapters';
import { createTestBackend, tempDir } from '../../helpers/backend';
import { FIXTURES_DIR } from '../../helpers/paths';
import { ecw } from './support';

const AT = '2026-12-01T02:00:00.000Z';
let dataDir: string;
beforeEach(() => {
  dataDir = tempDir();
});
const run = (...argv: string[]) => ecw('--data-dir', dataDir, ...argv);

/** Stores platform rows in the data directory as a pull would, then closes it for the CLI. */
async function pulled<R extends { id: string }>(adapter: SyncAdapter<R>, rows: R[]): Promise<void> {
  const t = createTestBackend({ dataDir });
  try {
    for (const row of rows) await t.backend.writes.write((db) => adapter.save(db, row.id, row, { version: 1, row }, false));
  } finally {
    t.cleanup();
  }
}

async function enterpriseWithSite(): Promise<{ enterpriseId: string; siteId: string }> {
  const created = await run(
    'enterprise',
    'create',
    '--from',
    path.join(FIXTURES_DIR, 'materials', 'quancheng-tea', 'enterprise.json'),
    '--manager',
    '李敏',
    '--json',
  );
  const enterpriseId = (created.json as { id: string }).id;
  const imported = await run(
    'site',
    'import',
    path.join(FIXTURES_DIR, 'materials', 'quancheng-tea'),
    '--enterprise',
    enterpriseId,
    '--json',
  );
  return { enterpriseId, siteId: (imported.json as { siteId: string }).siteId };
}

describe('ecw site status', () => {
  it('prints {siteId, localRevision, liveRevision, publishedAt, urls, host} — empty before the platform reports, filled after', async () => {
    const { enterpriseId, siteId } = await enterpriseWithSite();
    const before = await run('site', 'status', siteId, '--json');
    expect(before.code).toBe(0);
    const localRevision = (before.json as { localRevision: number }).localRevision;
    expect(before.json).toEqual({
      siteId,
      localRevision,
      liveRevision: null,
      publishedAt: null,
      urls: { web: null, wap: null },
      host: null,
    });

    const urls = { web: 'http://quancheng.sites.example/', wap: 'http://quancheng.sites.example/wap/' };
    const row: SitePublicationWireRow = {
      id: siteId,
      enterpriseId,
      status: 'live',
      liveRevision: localRevision,
      publishedAt: AT,
      requestedRevision: localRevision,
      failure: null,
      host: 'quancheng.sites.example',
      urls,
      revisions: [{ revision: localRevision, publishedAt: AT }],
      offlineAt: null,
      createdAt: AT,
      updatedAt: AT,
    };
    await pulled(sitePublicationSyncAdapter, [row]);
    const after = await run('site', 'status', siteId, '--json');
    expect(JSON.stringify(after.json)).toBe(
      JSON.stringify({ siteId, localRevision, liveRevision: localRevision, publishedAt: AT, urls, host: 'quancheng.sites.example' }),
    );
    expect((await run('site', 'status', 'no-such-site', '--json')).code).toBe(1);
  });
});

describe('ecw site stats', () => {
  it('prints {days: [{date, channel, pv, uv}]} for the last N days', async () => {
    const today = chinaDate(new Date());
    const day = (date: string, channel: SiteVisitDayWireRow['channel'], pv: number, uv: number): SiteVisitDayWireRow => ({
      id: `s1:${date}:${channel}`,
      siteId: 's1',
      enterpriseId: 'e1',
      date,
      channel,
      pv,
      uv,
      createdAt: AT,
      updatedAt: AT,
    });
    await pulled(siteVisitDaySyncAdapter, [day('2020-01-01', 'web', 1, 1), day(today, 'web', 12, 3), day(today, 'wap2', 4, 2)]);
    const stats = await run('site', 'stats', 's1', '--json');
    expect(stats.code).toBe(0);
    expect(JSON.stringify(stats.json)).toBe(
      JSON.stringify({
        days: [
          { date: today, channel: 'wap2', pv: 4, uv: 2 },
          { date: today, channel: 'web', pv: 12, uv: 3 },
        ],
      }),
    );
    expect((await run('site', 'stats', 's1', '--days', 'x', '--json')).code).toBe(2);
  });
});

describe('ecw leads list', () => {
  it('prints every lead newest first in the issue’s shape, filtered by --enterprise', async () => {
    const lead = (id: string, enterpriseId: string, receivedAt: string): LeadWireRow => ({
      id,
      enterpriseId,
      siteId: 's1',
      channel: 'wap1',
      kind: 'message',
      name: '张先生',
      contact: '13800000001',
      text: '请来电',
      receivedAt,
      handled: false,
      createdAt: receivedAt,
      updatedAt: receivedAt,
    });
    await pulled(leadSyncAdapter, [lead('l1', 'e1', '2026-12-01T01:00:00.000Z'), lead('l2', 'e2', '2026-12-02T01:00:00.000Z')]);
    const all = await run('leads', 'list', '--json');
    expect(all.code).toBe(0);
    const shape = (l: LeadWireRow) => ({
      id: l.id,
      enterpriseId: l.enterpriseId,
      siteId: l.siteId,
      channel: l.channel,
      name: l.name,
      contact: l.contact,
      text: l.text,
      receivedAt: l.receivedAt,
      handled: l.handled,
    });
    expect(JSON.stringify(all.json)).toBe(
      JSON.stringify([shape(lead('l2', 'e2', '2026-12-02T01:00:00.000Z')), shape(lead('l1', 'e1', '2026-12-01T01:00:00.000Z'))]),
    );
    expect((await run('leads', 'list', '--enterprise', 'e1', '--json')).json).toEqual([
      shape(lead('l1', 'e1', '2026-12-01T01:00:00.000Z')),
    ]);
    expect((await run('leads', 'list', 'extra', '--json')).code).toBe(2);
  });
});
