/**
 * The desktop side of issue 10 on a real backend: leads pulled from the platform are listed and
 * marked handled (a synced `handled` edit that waits in the outbox), a sign-off queues
 * `site.publish.v1` with exactly the signed content, and the site's publication and visit
 * statistics read what the platform sent. Rows land through the tables' sync adapters, as a pull stores them.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { LeadWireRow, SitePublicationWireRow, SiteVisitDayWireRow } from '../../../shared/platform-api';
import { leadSyncAdapter } from '../../../electron/backend/domains/leads/syncAdapter';
import { sitePublicationSyncAdapter } from '../../../electron/backend/domains/publishing/syncAdapter';
import { siteVisitDaySyncAdapter } from '../../../electron/backend/domains/visits/syncAdapter';
import { createTestBackend, type TestBackend } from '../../helpers/backend';
import { FIXTURES_DIR } from '../../helpers/paths';
import { teaEnterprise, withoutEmptyListColumns } from '../sites/support';

const backends: TestBackend[] = [];
afterEach(() => backends.splice(0).forEach((b) => b.cleanup()));

const AT = '2026-12-01T02:00:00.000Z';
const lead = (id: string, enterpriseId: string, receivedAt: string, over: Partial<LeadWireRow> = {}): LeadWireRow => ({
  id,
  enterpriseId,
  siteId: null,
  channel: 'web',
  kind: 'message',
  name: '访客',
  contact: '13800000001',
  text: '<b>想要报价</b>',
  receivedAt,
  handled: false,
  createdAt: receivedAt,
  updatedAt: receivedAt,
  ...over,
});

async function backendWithEnterprise() {
  const t = createTestBackend();
  backends.push(t);
  return { t, enterpriseId: await teaEnterprise(t) };
}

const pulled = <R extends Record<string, unknown>>(
  t: TestBackend,
  adapter: { save(db: never, id: string, row: R, base: { version: number; row: R }, unacked: boolean): void },
  row: R & { id: string },
) => t.backend.writes.write((db) => adapter.save(db as never, row.id, row, { version: 1, row }, false));

const outbox = (t: TestBackend) =>
  t.backend.database()!.prepare(`SELECT tbl, row_id, kind, name, patch_json, base_version FROM outbox ORDER BY op_seq`).all() as {
    tbl: string;
    row_id: string;
    kind: string;
    name: string | null;
    patch_json: string;
    base_version: number | null;
  }[];

describe('leads', () => {
  it('are listed newest first, per enterprise and overall, with the unhandled count', async () => {
    const { t, enterpriseId } = await backendWithEnterprise();
    await pulled(t, leadSyncAdapter, lead('l1', enterpriseId, '2026-12-01T01:00:00.000Z'));
    await pulled(t, leadSyncAdapter, lead('l2', enterpriseId, '2026-12-02T01:00:00.000Z', { channel: 'wap1', kind: 'order' }));
    await pulled(t, leadSyncAdapter, lead('l3', 'other-enterprise', '2026-12-03T01:00:00.000Z', { handled: true }));
    expect((await t.call('leads.list', {})).map((l) => l.id)).toEqual(['l3', 'l2', 'l1']);
    const mine = await t.call('leads.list', { enterpriseId });
    expect(mine.map((l) => [l.id, l.channel, l.kind])).toEqual([
      ['l2', 'wap1', 'order'],
      ['l1', 'web', 'message'],
    ]);
    expect(mine[1]!.text).toBe('<b>想要报价</b>'); // stored as text, escaped where shown
    expect(await t.call('leads.unhandledCount', {})).toEqual({ count: 2 });
  });

  it('marked handled: shown at once, one absolute `handled` update in the outbox against the row’s version; marking again queues nothing', async () => {
    const { t, enterpriseId } = await backendWithEnterprise();
    await pulled(t, leadSyncAdapter, lead('l1', enterpriseId, AT));
    const before = outbox(t).length;
    expect(await t.call('leads.setHandled', { id: 'l1', handled: true })).toMatchObject({ id: 'l1', handled: true });
    expect(await t.call('leads.unhandledCount', {})).toEqual({ count: 0 });
    await t.call('leads.setHandled', { id: 'l1', handled: true });
    const ops = outbox(t).slice(before);
    expect(ops).toEqual([
      { tbl: 'lead', row_id: 'l1', kind: 'update', name: null, patch_json: JSON.stringify({ handled: true }), base_version: 1 },
    ]);
    const missing = await t.transport.invoke('leads.setHandled', { id: 'nope', handled: true });
    expect(missing.ok || missing.error.code).toBe('lead.not_found');
  });
});

describe('publishing', () => {
  const signature = () => readFileSync(path.join(FIXTURES_DIR, 'signatures', 'wang-jianguo.png')).toString('base64');

  it('a sign-off queues site.publish.v1 with the signed revision, content, images and the sign-off document', async () => {
    const { t, enterpriseId } = await backendWithEnterprise();
    const site = await withoutEmptyListColumns(t, (await t.call('sites.create', { enterpriseId })).id);
    const { site: signed, document } = await t.call('sites.signOff', {
      siteId: site.id,
      signerName: '王建国',
      signaturePngBase64: signature(),
    });
    const publish = outbox(t).filter((op) => op.name === 'site.publish.v1');
    expect(publish).toHaveLength(1);
    expect(publish[0]).toMatchObject({ tbl: 'site_publication', row_id: site.id, kind: 'command' });
    const args = JSON.parse(publish[0]!.patch_json) as Record<string, unknown>;
    expect(args).toEqual({
      siteId: site.id,
      enterpriseId,
      revision: signed.revision,
      content: signed.content,
      images: [],
      signoff: { signerName: '王建国', signedAt: expect.any(String), documentSha256: document.sha256 },
    });
    const publication = await t.call('sites.publication', { siteId: site.id });
    expect(publication).toMatchObject({
      localRevision: signed.revision,
      signedOffRevision: signed.revision,
      status: null,
      liveRevision: null,
      pendingRevision: signed.revision,
      differsFromLive: true,
    });
  });

  it('shows what the platform reported: live revision, URLs, host, a failure, and whether the local revision differs', async () => {
    const { t, enterpriseId } = await backendWithEnterprise();
    const site = await t.call('sites.create', { enterpriseId });
    const row: SitePublicationWireRow = {
      id: site.id,
      enterpriseId,
      status: 'live',
      liveRevision: site.revision,
      publishedAt: AT,
      requestedRevision: site.revision + 1,
      failure: { code: 'dtd_invalid', message: 'WML page fails its DTD' },
      host: 'quancheng.sites.example',
      urls: { web: 'http://quancheng.sites.example/', wap: 'http://quancheng.sites.example/wap/' },
      revisions: [{ revision: site.revision, publishedAt: AT }],
      offlineAt: null,
      createdAt: AT,
      updatedAt: AT,
    };
    await pulled(t, sitePublicationSyncAdapter, row);
    expect(await t.call('sites.publication', { siteId: site.id })).toMatchObject({
      status: 'live',
      liveRevision: site.revision,
      publishedAt: AT,
      host: 'quancheng.sites.example',
      urls: row.urls,
      failure: { code: 'dtd_invalid' },
      differsFromLive: false,
      pendingRevision: null,
    });
    const rollback = await t.transport.invoke('sites.rollback', { siteId: site.id, revision: 99 });
    expect(rollback.ok || rollback.error.code).toBe('site.revision_not_kept');
    expect(await t.call('sites.rollback', { siteId: site.id, revision: site.revision })).toEqual({
      siteId: site.id,
      revision: site.revision,
    });
    expect(
      outbox(t)
        .filter((op) => op.name === 'site.rollback.v1')
        .map((op) => JSON.parse(op.patch_json)),
    ).toEqual([{ siteId: site.id, revision: site.revision }]);
  });
});

describe('visit statistics', () => {
  it('returns the last N days (China time) per day and channel, summed over an enterprise’s sites', async () => {
    const { t, enterpriseId } = await backendWithEnterprise();
    t.clock.set('2026-12-03T04:00:00.000Z');
    const day = (siteId: string, date: string, channel: SiteVisitDayWireRow['channel'], pv: number, uv: number): SiteVisitDayWireRow => ({
      id: `${siteId}:${date}:${channel}`,
      siteId,
      enterpriseId,
      date,
      channel,
      pv,
      uv,
      createdAt: AT,
      updatedAt: AT,
    });
    for (const row of [
      day('s1', '2026-11-01', 'web', 9, 9),
      day('s1', '2026-12-02', 'web', 5, 2),
      day('s1', '2026-12-03', 'wap1', 3, 1),
      day('s2', '2026-12-03', 'wap1', 4, 4),
    ])
      await pulled(t, siteVisitDaySyncAdapter, row);
    expect(await t.call('sites.visitStats', { siteId: 's1', days: 30 })).toEqual({
      days: [
        { date: '2026-12-02', channel: 'web', pv: 5, uv: 2 },
        { date: '2026-12-03', channel: 'wap1', pv: 3, uv: 1 },
      ],
    });
    expect((await t.call('sites.visitStats', { siteId: 's1', days: 1 })).days).toEqual([
      { date: '2026-12-03', channel: 'wap1', pv: 3, uv: 1 },
    ]);
    expect((await t.call('sites.visitStats', { enterpriseId, days: 30 })).days).toEqual([
      { date: '2026-12-02', channel: 'web', pv: 5, uv: 2 },
      { date: '2026-12-03', channel: 'wap1', pv: 7, uv: 5 },
    ]);
    const tooMany = await t.transport.invoke('sites.visitStats', { siteId: 's1', days: 5000 });
    expect(tooMany.ok).toBe(false);
  });
});
