/**
 * Network and server faults between a device and a real platform (SYNC.md §3.12 (1)–(5), (7), (8)),
 * through the fault-injecting proxy; every scenario ends with the five invariants.
 */
import Database from 'better-sqlite3';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { pathIs, startFaultProxy } from '../../helpers/faultProxy';
import { startPlatformInProcess } from '../../helpers/platform';
import type { Device, DeviceOptions } from '../../helpers/syncDevice';
import { checkInvariants, MonotonicityTracker, openPlatformDb } from '../../helpers/syncInvariants';
import { JINAN, useSyncRig } from '../../helpers/syncRig';

const rig = useSyncRig();
let nextIndex = 1000;

const device = (name: string, options: DeviceOptions = {}, server?: string, user?: string, password?: string): Promise<Device> =>
  rig.device(name, { ...options, ...(server ? { server } : {}), ...(user ? { user } : {}), ...(password ? { password } : {}) });

const isPush = pathIs('/sync/v1/push');
const appliedCount = (mutationIds: string[]) => {
  const db = openPlatformDb(rig.platform.dataDir);
  try {
    return db
      .prepare(`SELECT count(*) FROM applied_op WHERE is_replay = 0 AND mutation_id IN (${mutationIds.map(() => '?').join(',')})`)
      .pluck()
      .get(...mutationIds) as number;
  } finally {
    db.close();
  }
};
const mutationIds = (d: Device) => d.db.prepare('SELECT mutation_id FROM outbox ORDER BY op_seq').pluck().all() as string[];
const invariants = rig.invariants;

async function createMany(d: Device, count: number): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < count; i++) ids.push(await d.createEnterprise(nextIndex++));
  return ids;
}

const waitFor = async (what: string, check: () => boolean | Promise<boolean>, timeoutMs = 20_000) => {
  const until = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
};

describe('faults between device and platform', () => {
  it('(1) a push dropped before the platform saw it is applied once on retry', async () => {
    const a = await device('A');
    await createMany(a, 3);
    rig.proxy.inject({ match: isPush, fault: { kind: 'drop_before' } });
    expect(await a.sync()).toMatchObject({ outcome: 'offline', pushed: 0, pending: 3 });
    expect(a.outbox().map((o) => o.status)).toEqual(['sent', 'sent', 'sent']);
    expect(appliedCount(mutationIds(a))).toBe(0);
    expect(await a.sync()).toMatchObject({ outcome: 'ok', pushed: 3, pending: 0 });
    expect(appliedCount(mutationIds(a))).toBe(3);
    invariants(a);
  });

  it('(2) a push whose answer was lost after the platform committed comes back as duplicate, no new row', async () => {
    const a = await device('A');
    const b = await device('B');
    await createMany(a, 2);
    rig.proxy.inject({ match: isPush, fault: { kind: 'drop_after' } });
    expect(await a.sync()).toMatchObject({ outcome: 'offline', pushed: 0 });
    expect(appliedCount(mutationIds(a))).toBe(2); // committed on the platform, unknown to the device
    expect(await a.sync()).toMatchObject({ outcome: 'ok', pushed: 2, pending: 0 });
    expect(appliedCount(mutationIds(a))).toBe(2);
    expect(a.db.prepare('SELECT attempts FROM outbox').pluck().all()).toEqual([2, 2]);
    await b.sync();
    invariants(a, b);
  });

  it('(3) a 500 on the second batch: the first batch is acked, nothing after the failure is applied early', async () => {
    const a = await device('A');
    await createMany(a, 230);
    rig.proxy.inject({ match: isPush, after: 1, fault: { kind: 'status', status: 500 } });
    expect(await a.sync()).toMatchObject({ outcome: 'retrying', pushed: 200, pending: 30 });
    const ids = mutationIds(a);
    expect(appliedCount(ids.slice(0, 200))).toBe(200);
    expect(appliedCount(ids.slice(200))).toBe(0);
    expect(await a.sync()).toMatchObject({ outcome: 'ok', pushed: 30, pending: 0 });
    invariants(a);
  });

  it('(3) a platform whose database is locked answers 503 + Retry-After; the op is retried and applied once', async () => {
    const a = await device('A');
    await a.sync(); // registered before the lock (the lock is about the push)
    await createMany(a, 2);
    const lock = new Database(path.join(rig.platform.dataDir, 'platform.sqlite'));
    lock.exec('BEGIN IMMEDIATE');
    const release = setTimeout(() => lock.exec('ROLLBACK'), 6500);
    const first = await a.sync();
    clearTimeout(release);
    if (lock.inTransaction) lock.exec('ROLLBACK');
    lock.close();
    expect(first).toMatchObject({ outcome: 'retrying', pushed: 0, error: { code: 'unavailable' } });
    expect(appliedCount(mutationIds(a))).toBe(0);
    expect(await a.sync()).toMatchObject({ outcome: 'ok', pushed: 2 });
    invariants(a);
  }, 60_000);

  it('(4) after 503s with no new local writes, the retry timer alone drains the queue', async () => {
    rig.proxy.log.length = 0;
    rig.proxy.inject({ match: isPush, times: 8, fault: { kind: 'status', status: 503, headers: { 'retry-after': '0' } } });
    const a = await device('A', { setup: { autoSync: true, debounceMs: 50, backoff: { baseMs: 100, capMs: 400 } } });
    await createMany(a, 3);
    await waitFor('the queue to drain', async () => (await a.call('sync.status', {})).state === 'up_to_date');
    a.stopAuto();
    const pushes = rig.proxy.log.filter((l) => l.path === '/sync/v1/push');
    expect(pushes.filter((l) => l.status === 503).length).toBe(8);
    expect(pushes.at(-1)!.status).toBe(200);
    invariants(a);
  });

  it('honours Retry-After on 429 before the next attempt', async () => {
    rig.proxy.log.length = 0;
    rig.proxy.inject({
      match: isPush,
      fault: { kind: 'status', status: 429, headers: { 'retry-after': '3' }, body: { code: 'rate_limited', message: 'slow down' } },
    });
    const a = await device('A', { setup: { autoSync: true, debounceMs: 20, backoff: { baseMs: 10, capMs: 20 } } });
    await createMany(a, 1);
    await waitFor('the op to be pushed', () => a.outbox().every((o) => o.status === 'acked'));
    a.stopAuto();
    const pushes = rig.proxy.log.filter((l) => l.path === '/sync/v1/push');
    expect(pushes.map((l) => l.status)).toEqual([429, 200]);
    expect(pushes[1]!.at - pushes[0]!.at).toBeGreaterThanOrEqual(2900);
  });

  it('(7) the same push delivered twice at once: one applies, the other gets the stored results', async () => {
    const a = await device('A');
    await createMany(a, 5);
    rig.proxy.inject({ match: isPush, fault: { kind: 'duplicate_concurrent' } });
    expect(await a.sync()).toMatchObject({ outcome: 'ok', pushed: 5 });
    rig.proxy.inject({ match: isPush, fault: { kind: 'duplicate_sequential' } });
    await createMany(a, 2);
    expect(await a.sync()).toMatchObject({ outcome: 'ok', pushed: 2 });
    expect(appliedCount(mutationIds(a))).toBe(7);
    invariants(a);
  });

  it('(5) SIGKILL of the platform mid-push and mid-pull: everything resumes after restart (mid-upload: assets.test.ts)', async () => {
    const a = await device('A');
    const b = await device('B', { setup: { pullLimit: 20 } });
    await createMany(a, 400);
    // Mid-push: kill once the platform has applied some of the ops.
    const pushing = a.sync();
    const ids = mutationIds(a);
    await waitFor('some ops applied', () => appliedCount(ids) > 0, 30_000);
    await rig.platform.stop('SIGKILL');
    expect((await pushing).outcome).toBe('offline');
    await rig.restartPlatform();
    expect(await a.settle()).toMatchObject({ outcome: 'ok', pending: 0 });
    expect(appliedCount(ids)).toBe(400);

    // Mid-pull: kill while B bootstraps in pages of 20.
    const pulling = b.sync();
    await waitFor('B to have a cursor', () => b.cursor() !== null, 30_000);
    await rig.platform.stop('SIGKILL');
    expect((await pulling).outcome).toBe('offline');
    await rig.restartPlatform();
    await b.settle();
    invariants(a, b);
  }, 120_000);
});

describe('token expiry', () => {
  it('(8) an access token that expires mid-batch is refreshed, the batch resent, nothing duplicated', async () => {
    const short = await startPlatformInProcess({ config: { accessTtlMs: 1500 } });
    const tokenProxy = await startFaultProxy(short.url);
    try {
      const a = await device('A', {}, tokenProxy.url, 'jn.manager', short.login('jn.manager').password);
      await createMany(a, 210);
      // A fresh token just before the cycle, so only the injected delay (not a slow machine) outlives it.
      await a.signIn(tokenProxy.url, 'jn.manager', short.login('jn.manager').password);
      tokenProxy.inject({ match: isPush, after: 1, fault: { kind: 'delay', ms: 2000 } });
      expect(await a.sync()).toMatchObject({ outcome: 'ok', pushed: 210, pending: 0 });
      const statuses = tokenProxy.log.filter((l) => l.path === '/sync/v1/push').map((l) => l.status);
      expect(statuses).toEqual([200, 401, 200]);
      const refreshes = tokenProxy.log.filter((l) => l.path === '/auth/v1/refresh').map((l) => l.status);
      expect(refreshes.length).toBeGreaterThanOrEqual(1);
      expect(refreshes.every((s) => s === 200)).toBe(true);
      checkInvariants({ platformDataDir: short.dataDir, devices: [{ device: a, scopes: JINAN }], tracker: new MonotonicityTracker() });
    } finally {
      await tokenProxy.close();
      await short.stop();
    }
  });

  it('(9) a token that expires again while its retry is on the way leaves the device signed in; the next cycle pushes', async () => {
    const short = await startPlatformInProcess({ config: { accessTtlMs: 1500 } });
    const tokenProxy = await startFaultProxy(short.url);
    try {
      const a = await device('A', {}, tokenProxy.url, 'jn.manager', short.login('jn.manager').password);
      await createMany(a, 5);
      tokenProxy.inject({ match: isPush, times: 2, fault: { kind: 'delay', ms: 2000 } });
      const first = await a.sync();
      expect(first).toMatchObject({ outcome: 'retrying', pushed: 0, pending: 5, error: { code: 'token_expired' } });
      const pushStatuses = () => tokenProxy.log.filter((l) => l.path === '/sync/v1/push').map((l) => l.status);
      expect(pushStatuses()).toEqual([401, 401]);
      expect(await a.call('sync.status', {})).toMatchObject({ signedIn: true });
      expect(await a.sync()).toMatchObject({ outcome: 'ok', pushed: 5, pending: 0 });
      expect(pushStatuses().at(-1)).toBe(200);
      checkInvariants({ platformDataDir: short.dataDir, devices: [{ device: a, scopes: JINAN }], tracker: new MonotonicityTracker() });
    } finally {
      await tokenProxy.close();
      await short.stop();
    }
  });
});
