/**
 * Scope exits, long offline periods, server restores and upgrades (SYNC.md §3.12 (6), (19), (20),
 * (21)): purge on leaving a region with forbidden edits kept for export, 410 → full resync behind
 * the mass-delete guard, a platform restored from an older backup, and 426 with the queue kept.
 */
import { copyFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { pathIs, startFaultProxy } from '../../helpers/faultProxy';
import { startPlatformInProcess } from '../../helpers/platform';
import { tempDir } from '../../helpers/backend';
import { createDevice, QINGDAO, type DeviceOptions } from '../../helpers/syncDevice';
import { useSyncRig } from '../../helpers/syncRig';
import { checkInvariants, openPlatformDb } from '../../helpers/syncInvariants';

const JINAN = ['山东省/济南市'];
const SHANDONG = ['山东省/%'];
const rig = useSyncRig();
let nextIndex = 13000;

const device = (name: string, user = 'jn.manager', options: DeviceOptions = {}) => rig.device(name, { ...options, user });

const serverSeq = () => {
  const db = openPlatformDb(rig.platform.dataDir);
  try {
    return db.prepare('SELECT seq FROM sync_meta').pluck().get() as number;
  } finally {
    db.close();
  }
};

describe('scope exits', () => {
  it('(19) an enterprise moved to another region is purged on the old region\u2019s devices; pending edits become an exportable forbidden conflict', async () => {
    const a = await device('A');
    const b = await device('B');
    const province = await device('S', 'sd.manager');
    const id = await a.createEnterprise(nextIndex++);
    const order = await a.call('orders.create', { enterpriseId: id, kind: 'open', planCode: 'site-standard', date: '2026-11-16' });
    await a.sync();
    await b.sync();
    await province.sync();
    await b.editEnterprise(id, (f) => ({ ...f, address: '济南市历下区搬走前路1号' }));
    await province.editEnterprise(id, (f) => ({ ...f, region: QINGDAO, address: '青岛市市南区香港中路1号' }));
    await province.sync();

    expect((await a.sync()).outcome).toBe('ok');
    expect(a.enterprises().some((e) => e.id === id)).toBe(false);
    expect(a.db.prepare('SELECT count(*) FROM service_order WHERE id = ?').pluck().get(order.id)).toBe(1); // a local draft is never synced, so never purged

    expect(await b.sync()).toMatchObject({ outcome: 'ok', conflicts: 1, pending: 0 });
    expect(b.enterprises().some((e) => e.id === id)).toBe(false);
    const [forbidden] = await b.call('sync.conflicts', {});
    expect(forbidden).toMatchObject({ kind: 'forbidden', rowId: id, actions: ['theirs', 'export'] });
    const exported = await b.call('sync.exportConflict', { id: forbidden!.id });
    expect(JSON.parse(exported.json).myChange.op.patch).toEqual({ address: '济南市历下区搬走前路1号' });
    await b.call('sync.resolveConflict', { id: forbidden!.id, resolution: 'theirs' });
    expect(await b.call('sync.conflicts', {})).toEqual([]);

    await province.sync();
    expect((await province.call('enterprises.get', { id })).region.city).toBe('青岛市');
    checkInvariants({
      platformDataDir: rig.platform.dataDir,
      devices: [
        { device: a, scopes: JINAN },
        { device: b, scopes: JINAN },
        { device: province, scopes: SHANDONG },
      ],
    });
  }, 60_000);
});

describe('long offline and full resync', () => {
  it('(20) 200 days offline with 2,000 queued ops: all pushed, 410, resync; the few rows deleted meanwhile go without tripping the guard', async () => {
    const a = await device('A', 'jn.manager', { start: '2026-01-01T09:00:00+08:00' });
    const b = await device('B');
    const ids: string[] = [];
    for (let i = 0; i < 50; i++) ids.push(await a.createEnterprise(nextIndex++));
    await a.sync();
    await b.sync();
    // A goes offline for 200 days and works: 1,000 new enterprises, 1,000 edits (each of its own op).
    a.clock.advance(200 * 86_400_000);
    const made: string[] = [];
    for (let i = 0; i < 1000; i++) made.push(await a.createEnterprise(nextIndex++));
    await a.sync(); // the creates go out; then 1,000 edits stay queued while offline
    rig.proxy.partition();
    for (let i = 0; i < 1000; i++) await a.editEnterprise(made[i]!, (f) => ({ ...f, note: `离线第${i}条` }));
    expect((await a.sync()).outcome).toBe('offline');
    // Meanwhile B deletes three of the older rows and the platform compacts its history.
    rig.proxy.heal();
    for (const id of ids.slice(0, 3)) b.deleteEnterprise(id);
    await b.sync();
    await rig.platform.admin('POST', '/admin/compact', { belowSeq: serverSeq() });
    rig.proxy.log.length = 0;
    const report = await a.sync();
    expect(report).toMatchObject({ outcome: 'ok', pushed: 1000, pending: 0 });
    expect(rig.proxy.log.filter((l) => l.path === '/sync/v1/pull').map((l) => l.status)).toContain(410);
    expect((await a.call('sync.status', {})).resyncGuard).toBeNull();
    for (const id of ids.slice(0, 3)) expect(a.enterprises().some((e) => e.id === id)).toBe(false);
    await b.sync();
    checkInvariants({ platformDataDir: rig.platform.dataDir, devices: [a, b].map((device) => ({ device, scopes: JINAN })) });
  }, 240_000);

  it('stops a resync that would delete more than 30 % of the rows and asks; "delete" then removes them', async () => {
    const a = await device('A');
    const b = await device('B');
    for (let i = 0; i < 20; i++) await a.createEnterprise(nextIndex++);
    await a.sync();
    await b.sync();
    const existing = a.enterprises().map((e) => e.id as string);
    const toDelete = existing.slice(0, Math.ceil(existing.length * 0.4));
    for (const id of toDelete) b.deleteEnterprise(id);
    await b.sync();
    await rig.platform.admin('POST', '/admin/compact', { belowSeq: serverSeq() });
    const resynced = await a.sync();
    expect(resynced, JSON.stringify(resynced)).toMatchObject({ outcome: 'ok' });
    const status = await a.call('sync.status', {});
    expect(status).toMatchObject({
      state: 'needs_attention',
      attention: expect.arrayContaining(['resync_guard']),
      resyncGuard: { rows: toDelete.length },
    });
    expect(a.enterprises().length).toBe(existing.length); // nothing deleted without a person saying so
    expect(await a.call('sync.resolveResyncGuard', { action: 'delete' })).toEqual({ removed: toDelete.length });
    expect((await a.call('sync.status', {})).resyncGuard).toBeNull();
    checkInvariants({ platformDataDir: rig.platform.dataDir, devices: [a, b].map((device) => ({ device, scopes: JINAN })) });
  }, 120_000);

  it('(6) a platform restored from an older backup gets the lost ops again and every device resyncs', async () => {
    const a = await device('A');
    const b = await device('B');
    await a.createEnterprise(nextIndex++);
    await a.sync();
    await b.sync();
    // Back up the platform's database (stopped cleanly, so the file is whole).
    await rig.restartPlatform();
    await rig.platform.stop();
    const backup = path.join(tempDir('ecw-platform-backup-'), 'platform.sqlite');
    copyFileSync(path.join(rig.platform.dataDir, 'platform.sqlite'), backup);
    await rig.restartPlatform();
    // Work that the restore will lose.
    const lostId = await a.createEnterprise(nextIndex++);
    await a.editEnterprise(a.enterprises()[0]!.id as string, (f) => ({ ...f, note: '恢复前的修改' }));
    await a.sync();
    await b.sync();
    // Restore.
    await rig.platform.stop();
    for (const suffix of ['', '-wal', '-shm']) rmSync(path.join(rig.platform.dataDir, `platform.sqlite${suffix}`), { force: true });
    copyFileSync(backup, path.join(rig.platform.dataDir, 'platform.sqlite'));
    await rig.restartPlatform();
    // B pulls first: its cursor is ahead of the restored platform → 410 → resync.
    rig.proxy.log.length = 0;
    await b.settle();
    expect(rig.proxy.log.some((l) => l.path === '/sync/v1/pull' && l.status === 410)).toBe(true);
    // A pushes: the platform expects an opSeq A had already been told was applied → A resends what
    // it lost (op_gap), and resyncs, since the seqs after the restore point are reused.
    const newId = await a.createEnterprise(nextIndex++);
    rig.proxy.log.length = 0;
    await a.settle();
    expect(rig.proxy.log.some((l) => l.path === '/sync/v1/push' && l.status === 409)).toBe(true);
    await b.settle();
    for (const d of [a, b]) {
      expect(d.enterprises().map((e) => e.id)).toEqual(expect.arrayContaining([lostId, newId]));
    }
    checkInvariants({ platformDataDir: rig.platform.dataDir, devices: [a, b].map((device) => ({ device, scopes: JINAN })) });
  }, 120_000);
});

describe('upgrades', () => {
  it('(21) below minSchemaVersion: 426, the queue is kept and pushed once the platform accepts the app again', async () => {
    const dataDir = tempDir('ecw-platform-');
    let strict = await startPlatformInProcess({ dataDir });
    const upgradeProxy = await startFaultProxy(strict.url);
    try {
      const a = rig.keep(await createDevice('A'));
      await a.signIn(upgradeProxy.url, 'jn.manager', strict.login('jn.manager').password);
      await a.sync();
      await strict.stop();
      strict = await startPlatformInProcess({ dataDir, config: { minSchemaVersion: 2 } });
      upgradeProxy.retarget(strict.url);
      await a.createEnterprise(nextIndex++);
      const refused = await a.sync();
      expect(refused).toMatchObject({ outcome: 'needs_attention', error: { code: 'client_upgrade_required' }, pending: 1 });
      expect(await a.call('sync.status', {})).toMatchObject({
        state: 'needs_attention',
        attention: expect.arrayContaining(['upgrade_required']),
        pendingOps: 1,
      });
      expect(upgradeProxy.log.filter(pathIs('/sync/v1/push') as never).length).toBeGreaterThan(0);
      await strict.stop();
      strict = await startPlatformInProcess({ dataDir });
      upgradeProxy.retarget(strict.url);
      expect(await a.sync()).toMatchObject({ outcome: 'ok', pushed: 1, pending: 0 });
      expect((await a.call('sync.status', {})).attention).not.toContain('upgrade_required');
    } finally {
      await upgradeProxy.close();
      await strict.stop();
    }
  }, 60_000);
});
