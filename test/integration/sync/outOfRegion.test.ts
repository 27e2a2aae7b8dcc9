/**
 * Work outside the account's region (issue 8 item 15): a 济南 manager registers enterprises in
 * 青岛 offline; the platform refuses each at the next sync. The conflicts say they were new records,
 * and can be exported in one file and discarded all at once, in one unit of work.
 */
import { describe, expect, it } from 'vitest';
import { QINGDAO } from '../../helpers/syncDevice';
import { useSyncRig } from '../../helpers/syncRig';

const rig = useSyncRig();
let nextIndex = 15000;

describe('enterprises registered outside the account\u2019s region', () => {
  it('become forbidden conflicts marked as new records, exported together and discarded together', async () => {
    const a = await rig.device('A', { user: 'jn.manager' });
    const ours = await a.createEnterprise(nextIndex++);
    const outside = [];
    for (let i = 0; i < 3; i++)
      outside.push(await a.createEnterprise(nextIndex++, { region: QINGDAO, address: `青岛市市南区香港中路${i + 1}号` }));

    expect(await a.sync()).toMatchObject({ outcome: 'ok', conflicts: 3 });
    const conflicts = await a.call('sync.conflicts', {});
    expect(conflicts.map((c) => [c.kind, c.opKind, c.rowId]).sort()).toEqual(outside.map((id) => ['forbidden', 'create', id]).sort());

    const exported = await a.call('sync.exportConflicts', { ids: conflicts.map((c) => c.id) });
    const file = JSON.parse(exported.json) as {
      conflicts: { rowId: string; label: string; myChange: { op: { kind: string; patch: { region: unknown } } } }[];
    };
    expect(file.conflicts.map((c) => c.rowId).sort()).toEqual([...outside].sort());
    expect(
      file.conflicts.every((c) => c.myChange.op.kind === 'create' && JSON.stringify(c.myChange.op.patch.region).includes('青岛市')),
    ).toBe(true);
    expect(exported.fileName).toMatch(/^ecw-conflicts-.*-3\.json$/);

    expect(await a.call('sync.resolveConflicts', { ids: conflicts.map((c) => c.id), resolution: 'theirs' })).toEqual({ resolved: 3 });
    expect(await a.call('sync.conflicts', {})).toEqual([]);
    expect(a.enterprises().map((e) => e.id)).toEqual([ours]);
    expect(await a.sync()).toMatchObject({ outcome: 'ok', conflicts: 0, pending: 0 });
    // Resolved ones are not resolved twice.
    expect(await a.call('sync.resolveConflicts', { ids: conflicts.map((c) => c.id), resolution: 'theirs' })).toEqual({ resolved: 0 });
    rig.invariants(a);
  }, 60_000);
});
