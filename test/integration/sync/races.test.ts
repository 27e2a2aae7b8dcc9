/**
 * Races and clocks (SYNC.md §3.12 (13)–(15)): an edit made while the previous op of the row is in
 * flight, device clocks a year behind / a day ahead / jumping back, and writers committing while
 * another device pages through a pull.
 */
import { describe, expect, it } from 'vitest';
import { pathIs } from '../../helpers/faultProxy';
import type { DeviceOptions } from '../../helpers/syncDevice';
import { useSyncRig } from '../../helpers/syncRig';
import { checkInvariants, MonotonicityTracker } from '../../helpers/syncInvariants';

const JINAN = ['山东省/济南市'];
const rig = useSyncRig();
let nextIndex = 11000;

const device = (name: string, options: DeviceOptions = {}) => rig.device(name, options);

describe('races', () => {
  it('(13) an edit made while the previous op of the row is in flight is still pushed', async () => {
    const a = await device('A');
    const id = await a.createEnterprise(nextIndex++);
    await a.sync();
    await a.editEnterprise(id, (f) => ({ ...f, address: '济南市历下区在途路1号' }));
    rig.proxy.inject({ match: pathIs('/sync/v1/push'), fault: { kind: 'delay', ms: 400 } });
    const syncing = a.sync();
    while (!a.outbox().some((o) => o.status === 'sent')) await new Promise((r) => setTimeout(r, 5));
    await a.editEnterprise(id, (f) => ({ ...f, address: '济南市历下区在途后路2号' }));
    expect(
      a
        .outbox()
        .slice(-2)
        .map((o) => o.status),
    ).toEqual(['sent', 'pending']); // never folded into the op in flight
    await syncing;
    await a.settle();
    expect(a.outbox().map((o) => o.status)).toEqual(['acked', 'acked', 'acked']);
    const b = await device('B');
    await b.sync();
    expect((await b.call('enterprises.get', { id })).address).toBe('济南市历下区在途后路2号');
    checkInvariants({ platformDataDir: rig.platform.dataDir, devices: [a, b].map((device) => ({ device, scopes: JINAN })) });
  });

  it("(13) an edit made after a failed push of the same row is not taken for someone else's change", async () => {
    const a = await device('A');
    const id = await a.createEnterprise(nextIndex++);
    await a.sync();
    await a.editEnterprise(id, (f) => ({ ...f, address: '济南市历下区断网路1号' }));
    rig.proxy.inject({ match: pathIs('/sync/v1/push'), fault: { kind: 'drop_before' } });
    expect((await a.sync()).outcome).toBe('offline');
    await a.editEnterprise(id, (f) => ({ ...f, address: '济南市历下区断网后路2号' }));
    expect(await a.sync()).toMatchObject({ outcome: 'ok', pushed: 2, conflicts: 0 });
    expect(await a.call('sync.conflicts', {})).toEqual([]);
    expect((await a.call('enterprises.get', { id })).address).toBe('济南市历下区断网后路2号');
    checkInvariants({ platformDataDir: rig.platform.dataDir, devices: [{ device: a, scopes: JINAN }] });
  });

  it('(15) rows committed while another device pages through a pull are never skipped', async () => {
    const a = await device('A');
    for (let i = 0; i < 30; i++) await a.createEnterprise(nextIndex++);
    await a.sync();
    const b = await device('B', { setup: { pullLimit: 3 } });
    const tracker = new MonotonicityTracker();
    rig.proxy.inject({ match: pathIs('/sync/v1/pull'), times: Infinity, fault: { kind: 'delay', ms: 40 } });
    const pulling = b.sync();
    // Meanwhile A keeps writing: new rows and edits of rows B has or has not reached yet.
    const ids = a.enterprises().map((e) => e.id as string);
    for (let round = 0; round < 6; round++) {
      await a.createEnterprise(nextIndex++);
      await a.editEnterprise(ids[round * 5]!, (f) => ({ ...f, note: `第${round}轮修改` }));
      await a.sync();
      tracker.observe(b);
    }
    await pulling;
    rig.proxy.clearRules();
    await b.settle();
    await a.settle();
    checkInvariants({ platformDataDir: rig.platform.dataDir, devices: [a, b].map((device) => ({ device, scopes: JINAN })), tracker });
  }, 60_000);
});

interface Outcome {
  conflicts: string[];
  final: Record<string, unknown>;
}

/** One scenario on three devices; clocks[i] is where device i's clock starts, `jump` moves C's clock mid-run. */
async function clockScenario(starts: [string, string, string], jumpMs: number): Promise<Outcome> {
  const [a, b, c] = [
    await device('A', { start: starts[0] }),
    await device('B', { start: starts[1] }),
    await device('C', { start: starts[2] }),
  ];
  const index = nextIndex++;
  const id = await a.createEnterprise(index);
  await a.sync();
  await b.sync();
  await c.sync();
  await a.editEnterprise(id, (f) => ({ ...f, address: '济南市历下区时钟甲路1号' }));
  await b.editEnterprise(id, (f) => ({ ...f, address: '济南市历下区时钟乙路2号', contact: { ...f.contact, name: '乙联系人' } }));
  await c.editEnterprise(id, (f) => ({ ...f, note: '丙第一次' }));
  c.clock.advance(jumpMs);
  await c.editEnterprise(id, (f) => ({ ...f, note: '丙第二次', manager: '丙经理' }));
  await a.sync();
  await c.sync();
  await b.sync();
  for (const d of [a, b, c]) await d.settle();
  const conflicts = (await Promise.all([a, b, c].map((d) => d.call('sync.conflicts', {})))).flatMap((list, i) =>
    list.map(
      (x) => `${'ABC'[i]}:${x.kind}:${x.fields.map((f) => `${f.field}=${JSON.stringify(f.mine)}/${JSON.stringify(f.theirs)}`).join(',')}`,
    ),
  );
  const e = await a.call('enterprises.get', { id });
  const final = { address: e.address, contact: e.contact.name, note: e.note, manager: e.manager, sameOnAll: true };
  for (const d of [b, c]) {
    const other = await d.call('enterprises.get', { id });
    final.sameOnAll &&=
      other.address === e.address && other.contact.name === e.contact.name && other.note === e.note && other.manager === e.manager;
  }
  checkInvariants({ platformDataDir: rig.platform.dataDir, devices: [a, b, c].map((device) => ({ device, scopes: JINAN })) });
  return { conflicts, final };
}

describe('device clocks', () => {
  it('(14) clocks a year behind, a day ahead, 5 minutes ahead and jumping back give the same outcome as correct clocks', async () => {
    const now = '2026-11-16T09:00:00+08:00';
    const correct = await clockScenario([now, now, now], 60_000);
    const wrong = await clockScenario(
      ['2025-11-16T09:00:00+08:00', '2026-11-17T09:00:00+08:00', '2026-11-16T09:05:00+08:00'],
      -2 * 86_400_000,
    );
    expect(wrong).toEqual(correct);
    expect(correct.final).toMatchObject({
      address: '济南市历下区时钟甲路1号',
      contact: '乙联系人',
      note: '丙第二次',
      manager: '丙经理',
      sameOnAll: true,
    });
    expect(correct.conflicts).toEqual(['B:field:address="济南市历下区时钟乙路2号"/"济南市历下区时钟甲路1号"']);
  }, 60_000);
});
