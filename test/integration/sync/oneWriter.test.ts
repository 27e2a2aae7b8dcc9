/**
 * One writer (ARCHITECTURE.md, issue 7 item 5): every write to a device's database goes through its
 * backend's write queue — the user's edits and the sync engine's steps alike — and a sync cycle's
 * network time holds nothing, so a save made during a slow push or upload does not wait for it.
 * Devices of the sync rig fail any write made outside the queue; the last test here runs every
 * kind of write there is on two of them.
 */
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createTestBackend, tempDir } from '../../helpers/backend';
import { pathIs, type ProxiedRequest } from '../../helpers/faultProxy';
import type { Device } from '../../helpers/syncDevice';
import { useSyncRig } from '../../helpers/syncRig';
import { SIGNATURE_BASE64 } from '../orders/support';
import { materialsCopy, teaEnterprise } from '../sites/support';

const rig = useSyncRig();
let nextIndex = 60000;
const DELAY_MS = 3000;

const waitFor = async (what: string, check: () => boolean, timeoutMs = 20_000) => {
  const until = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
};

/**
 * Saves an edit while a cycle waits on a request held at the proxy; returns how long the save took,
 * whether the cycle had ended by then, and the note the save wrote.
 */
async function saveDuringSlowRequest(a: Device, enterpriseId: string, slow: (r: ProxiedRequest) => boolean) {
  rig.proxy.inject({ match: slow, fault: { kind: 'delay', ms: DELAY_MS } });
  const from = rig.proxy.log.length;
  let cycleEnded = false;
  const cycle = a.sync().finally(() => (cycleEnded = true));
  await waitFor('the slow request to be on its way', () =>
    rig.proxy.log.slice(from).some((l) => slow({ ...l, headers: {}, body: Buffer.alloc(0) })),
  );
  const note = `同步途中保存 ${nextIndex}`;
  const started = performance.now();
  await a.editEnterprise(enterpriseId, (f) => ({ ...f, note }));
  return { saveMs: performance.now() - started, cycleEnded, report: await cycle, note };
}

/** The edit reached the platform: another device pulls it. */
async function seenElsewhere(enterpriseId: string): Promise<string | undefined> {
  const b = await rig.device('B');
  await b.sync();
  return (await b.call('enterprises.get', { id: enterpriseId })).note;
}

describe('one writer', () => {
  const isChunk = (r: { method: string; path: string }) => r.method === 'PATCH' && r.path.startsWith('/assets/v1/uploads/');
  it.each([
    // The create travels in the held push.
    { request: 'push', slow: pathIs('/sync/v1/push'), before: async () => undefined },
    // The create is synced first; the held request is a chunk of a 6 MB photo.
    {
      request: 'upload',
      slow: isChunk,
      before: async (a: Device) => {
        await a.sync();
        a.addPhoto(randomBytes(6 * 1024 * 1024));
      },
    },
  ])(
    'a save during a slow $request neither waits for it nor is lost',
    async ({ slow, before }) => {
      const a = await rig.device('A');
      const id = await a.createEnterprise(nextIndex++);
      await before(a);
      const { saveMs, cycleEnded, report, note } = await saveDuringSlowRequest(a, id, slow);
      expect(cycleEnded).toBe(false);
      expect(saveMs).toBeLessThan(DELAY_MS);
      expect(report.outcome).toBe('ok');
      expect(await a.settle()).toMatchObject({ outcome: 'ok', pending: 0 });
      expect(await seenElsewhere(id)).toBe(note);
      rig.invariants(a);
    },
    60_000,
  );

  it('a write made outside the queue is refused and reported (what the devices of these tests check)', async () => {
    const t = createTestBackend({ guardWrites: true });
    try {
      const { id } = await t.call('enterprises.create', (await import('../../helpers/syncDevice')).jinanEnterprise(nextIndex++));
      expect(() => t.backend.database()!.prepare('UPDATE enterprise SET note = ? WHERE id = ?').run('旁路写入', id)).toThrow(
        'write outside the write queue',
      );
      expect(t.backend.writeViolations).toHaveLength(1);
      expect((await t.call('enterprises.get', { id })).note).toBeUndefined();
      await t.backend.writes.write((db) => db.prepare('UPDATE enterprise SET note = ? WHERE id = ?').run('排队写入', id));
      expect((await t.call('enterprises.get', { id })).note).toBe('排队写入');
      expect(t.backend.writeViolations).toHaveLength(1);
    } finally {
      t.cleanup();
    }
  });

  it('every kind of write — edits, imports, builds, sign-offs, orders, sync, uploads, downloads, conflicts — goes through the queue', async () => {
    const a = await rig.device('A');
    const b = await rig.device('B');
    await a.call('system.setOperator', { name: '李敏', channel: 'customer_manager' });
    const enterpriseId = await teaEnterprise(a);
    const imported = await a.call('sites.import', { enterpriseId, paths: [materialsCopy()] });
    const site = await a.call('sites.get', { siteId: imported.siteId });
    await a.call('sites.updateProfile', {
      siteId: site.id,
      revision: site.revision,
      profile: { ...site.content.profile, slogan: '好水配好茶' },
    });
    await a.call('sites.build', { siteId: site.id }); // a query whose derived pictures are cached through the queue
    await a.call('sites.export', { siteId: site.id, outDir: path.join(tempDir('ecw-one-writer-'), 'out'), zip: true, force: true });
    await a.call('sites.signOff', { siteId: site.id, signerName: '王建国', signaturePngBase64: SIGNATURE_BASE64 });
    const order = await a.call('orders.create', { enterpriseId, kind: 'open', planCode: 'site-standard', date: '2026-11-16' });
    await a.call('orders.sign', { id: order.id, signerName: '王建国', signaturePngBase64: SIGNATURE_BASE64 });
    await a.call('orders.submit', { id: order.id });
    await a.call('drafts.save', { key: 'enterprise.new', value: { name: '草稿' } });
    expect(await a.settle()).toMatchObject({ outcome: 'ok', pending: 0 });
    expect(await b.settle()).toMatchObject({ outcome: 'ok' }); // pulls the rows and downloads the pictures
    expect((await b.call('sync.uploads', {})).length).toBe(0);

    // A conflict, resolved on one side.
    await a.editEnterprise(enterpriseId, (f) => ({ ...f, address: '济南市历下区甲方路1号' }));
    await b.editEnterprise(enterpriseId, (f) => ({ ...f, address: '济南市历下区乙方路2号' }));
    await a.sync();
    await b.sync();
    const [conflict] = await b.call('sync.conflicts', {});
    await b.call('sync.resolveConflict', { id: conflict!.id, resolution: 'mine' });
    await b.settle();
    await a.settle();

    expect(a.backend.writeViolations).toEqual([]);
    expect(b.backend.writeViolations).toEqual([]);
  }, 180_000);
});
