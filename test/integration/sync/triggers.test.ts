/**
 * When sync runs (issue 4): after local changes (debounced), on a timer while online, when the
 * network comes back — and never two cycles at once.
 */
import { describe, expect, it } from 'vitest';
import { pathIs } from '../../helpers/faultProxy';
import type { DeviceOptions } from '../../helpers/syncDevice';
import { useSyncRig } from '../../helpers/syncRig';

const rig = useSyncRig();
let nextIndex = 40000;

const device = (name: string, options: DeviceOptions = {}) => rig.device(name, options);

const waitFor = async (what: string, check: () => boolean | Promise<boolean>, timeoutMs = 15_000) => {
  const until = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
};

describe('sync triggers', () => {
  it('pushes a local change by itself after the debounce, and pulls others\u2019 changes on the timer', async () => {
    const a = await device('A', { setup: { autoSync: true, debounceMs: 150, intervalMs: 400 } });
    const b = await device('B');
    const id = await a.createEnterprise(nextIndex++);
    await waitFor('the create to be pushed', () => a.outbox().every((o) => o.status === 'acked') && a.outbox().length === 1);
    await b.sync();
    await b.editEnterprise(id, (f) => ({ ...f, manager: '定时拉取经理' }));
    await b.sync();
    await waitFor('A to pull B\u2019s edit', async () => (await a.call('enterprises.get', { id })).manager === '定时拉取经理');
    a.stopAuto();
  });

  it('tries again soon after the network comes back, instead of waiting out the backoff', async () => {
    const a = await device('A', {
      setup: { autoSync: true, debounceMs: 50, backoff: { baseMs: 60_000, capMs: 300_000 }, random: () => 0.99 },
    });
    rig.proxy.partition();
    await a.createEnterprise(nextIndex++);
    await waitFor('an offline attempt', async () => (await a.call('sync.status', {})).state === 'offline');
    expect((await a.call('sync.status', {})).nextAttemptInMs).toBeGreaterThan(10_000);
    rig.proxy.heal();
    await a.call('sync.nudge', { reason: 'online' });
    await waitFor('the queue to drain', () => a.outbox().every((o) => o.status === 'acked'), 5000);
    a.stopAuto();
  });

  it('runs one cycle at a time: a sync asked for during a cycle runs after it', async () => {
    const a = await device('A');
    for (let i = 0; i < 3; i++) await a.createEnterprise(nextIndex++);
    rig.proxy.log.length = 0;
    rig.proxy.inject({ match: pathIs('/sync/v1/push'), times: Infinity, fault: { kind: 'delay', ms: 300 } });
    const first = a.sync();
    await new Promise((r) => setTimeout(r, 50));
    await a.createEnterprise(nextIndex++);
    const [one, two, three] = await Promise.all([first, a.sync(), a.sync()]);
    rig.proxy.clearRules();
    expect(one.pushed + two.pushed + three.pushed).toBe(4);
    const pushes = rig.proxy.log.filter((l) => l.path === '/sync/v1/push');
    for (let i = 1; i < pushes.length; i++) expect(pushes[i]!.at - pushes[i - 1]!.at).toBeGreaterThanOrEqual(290); // never two in flight
    expect(two).toEqual(three); // the two later requests share one cycle
  });
});
