/**
 * Property-based run (SYNC.md §3.12): random offline edits on 3–5 devices with randomly wrong
 * clocks and a random fault on every sync, then heal, quiesce (sync until a round moves nothing) and check the five invariants:
 * convergence, no loss, no duplicates, monotonic cursors and base versions, empty queues.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Fault } from '../../helpers/faultProxy';
import { createDevice, type Device } from '../../helpers/syncDevice';
import { checkInvariants, MonotonicityTracker } from '../../helpers/syncInvariants';
import { useSyncRig } from '../../helpers/syncRig';

const JINAN = ['山东省/济南市'];
const rig = useSyncRig();
let nextIndex = 20000;

const FAULTS: (Fault | null)[] = [
  null,
  null,
  { kind: 'drop_before' },
  { kind: 'drop_after' },
  { kind: 'status', status: 500 },
  { kind: 'status', status: 503, headers: { 'retry-after': '0' } },
  { kind: 'status', status: 429, headers: { 'retry-after': '0' } },
  { kind: 'duplicate_concurrent' },
  { kind: 'duplicate_sequential' },
  { kind: 'delay', ms: 30 },
];
const VALUES = {
  address: ['济南市历下区甲路1号', '济南市历下区乙路2号', '济南市历下区丙路3号'],
  manager: ['张经理', '李经理', '王经理'],
  note: ['备注一', '备注二', null],
  contact: ['赵敏', '钱进', '孙立'],
};
type Field = keyof typeof VALUES;

type Action =
  | { type: 'create'; device: number; duplicateOf: number | null }
  | { type: 'edit'; device: number; row: number; field: Field; value: number }
  | { type: 'delete'; device: number; row: number }
  | { type: 'sync'; device: number; fault: number; onPull: boolean }
  | { type: 'resolve'; device: number; pick: number; mine: boolean };

const action = (devices: number): fc.Arbitrary<Action> => {
  const device = fc.integer({ min: 0, max: devices - 1 });
  return fc.oneof(
    { weight: 3, arbitrary: fc.record({ type: fc.constant('create' as const), device, duplicateOf: fc.option(fc.nat(20), { freq: 6 }) }) },
    {
      weight: 6,
      arbitrary: fc.record({
        type: fc.constant('edit' as const),
        device,
        row: fc.nat(50),
        field: fc.constantFrom<Field>('address', 'manager', 'note', 'contact'),
        value: fc.nat(2),
      }),
    },
    { weight: 1, arbitrary: fc.record({ type: fc.constant('delete' as const), device, row: fc.nat(50) }) },
    {
      weight: 4,
      arbitrary: fc.record({ type: fc.constant('sync' as const), device, fault: fc.nat(FAULTS.length - 1), onPull: fc.boolean() }),
    },
    { weight: 1, arbitrary: fc.record({ type: fc.constant('resolve' as const), device, pick: fc.nat(10), mine: fc.boolean() }) },
  );
};

/** Device clocks: right, a year behind, a day ahead, five minutes ahead (SYNC.md §3.12 (14)). */
const CLOCK_OFFSETS_MS = [0, -365 * 86_400_000, 86_400_000, 5 * 60_000];

async function run(deviceCount: number, actions: Action[], clocks: number[]): Promise<void> {
  const devices: Device[] = [];
  const tracker = new MonotonicityTracker();
  const created: { index: number }[] = [];
  try {
    for (let i = 0; i < deviceCount; i++) {
      const d = await createDevice(`D${i}`, {
        start: new Date(Date.parse('2026-11-16T01:00:00Z') + CLOCK_OFFSETS_MS[clocks[i]! % CLOCK_OFFSETS_MS.length]!).toISOString(),
      });
      await d.signIn(rig.proxy.url, 'jn.manager', rig.platform.login('jn.manager').password);
      devices.push(d);
    }
    for (const step of actions) {
      const d = devices[step.device]!;
      const rows = d.enterprises().map((e) => e.id as string);
      if (step.type === 'create') {
        const reuse = step.duplicateOf !== null && created.length > 0 ? created[step.duplicateOf % created.length]! : null;
        const index = reuse ? reuse.index : nextIndex++;
        const result = await d.transport.invoke('enterprises.create', (await import('../../helpers/syncDevice')).jinanEnterprise(index));
        if (result.ok && !reuse) created.push({ index });
      } else if (step.type === 'edit' && rows.length > 0) {
        const id = rows[step.row % rows.length]!;
        const value = VALUES[step.field][step.value];
        // The app may refuse an edit (a row sharing its credit code with an unmerged duplicate): not an accepted op, then.
        await d
          .editEnterprise(id, (f) =>
            step.field === 'contact' ? { ...f, contact: { ...f.contact, name: value! } } : { ...f, [step.field]: value ?? undefined },
          )
          .catch((error: Error) => {
            if (!error.message.includes('enterprise.duplicate_credit_code')) throw error;
          });
      } else if (step.type === 'delete' && rows.length > 0) {
        d.deleteEnterprise(rows[step.row % rows.length]!);
      } else if (step.type === 'sync') {
        const fault = FAULTS[step.fault];
        if (fault) rig.proxy.inject({ match: (r) => r.path === (step.onPull ? '/sync/v1/pull' : '/sync/v1/push'), fault });
        await d.sync();
        rig.proxy.clearRules();
        tracker.observe(d);
      } else if (step.type === 'resolve') {
        const open = await d.call('sync.conflicts', {});
        const conflict = open[step.pick % Math.max(1, open.length)];
        if (conflict) {
          const resolution = step.mine && conflict.actions.includes('mine') ? 'mine' : 'theirs';
          await d.call('sync.resolveConflict', { id: conflict.id, resolution });
        }
      }
    }
    // Heal and quiesce: sync every device until a whole round moves nothing.
    rig.proxy.clearRules();
    for (let round = 0; round < 12; round++) {
      let moved = 0;
      for (const d of devices) {
        const report = await d.sync();
        expect(report.outcome).toBe('ok');
        moved += report.pushed + report.pulled + report.conflicts + report.pending;
        tracker.observe(d);
      }
      if (moved === 0) break;
    }
    checkInvariants({ platformDataDir: rig.platform.dataDir, devices: devices.map((device) => ({ device, scopes: JINAN })), tracker });
  } finally {
    devices.forEach((d) => d.cleanup());
  }
}

describe('random offline work and faults on several devices', () => {
  it('always ends converged, with nothing lost, nothing duplicated, cursors monotonic and queues empty', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc
          .integer({ min: 3, max: 5 })
          .chain((n) =>
            fc.tuple(
              fc.constant(n),
              fc.array(action(n), { minLength: 10, maxLength: 60 }),
              fc.array(fc.nat(CLOCK_OFFSETS_MS.length - 1), { minLength: n, maxLength: n }),
            ),
          ),
        async ([n, actions, clocks]) => run(n, actions, clocks),
      ),
      {
        numRuns: Number(process.env.ECW_SYNC_PROPERTY_RUNS ?? 8),
        seed: process.env.ECW_SYNC_PROPERTY_SEED ? Number(process.env.ECW_SYNC_PROPERTY_SEED) : undefined,
        endOnFailure: true,
      },
    );
  }, 600_000);
});
