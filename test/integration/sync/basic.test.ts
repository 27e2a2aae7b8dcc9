/**
 * Two or three devices and a real platform (SYNC.md §3.12 (17)): disjoint edits merge, the same
 * field conflicts visibly with both values, equal values do not conflict, delete against update
 * both ways, the same credit code created offline twice, and each way of resolving a conflict.
 */
import { describe, expect, it } from 'vitest';
import type { Device } from '../../helpers/syncDevice';
import { useSyncRig } from '../../helpers/syncRig';

const rig = useSyncRig({ proxy: false });
let nextIndex = 100;

const device = (name: string, user = 'jn.manager'): Promise<Device> => rig.device(name, { user });

/** A and B both hold the same synced enterprise. */
async function sharedEnterprise(): Promise<{ a: Device; b: Device; id: string }> {
  const a = await device('A');
  const b = await device('B');
  const id = await a.createEnterprise(nextIndex++);
  await a.sync();
  await b.sync();
  return { a, b, id };
}

describe('two devices of one customer manager', () => {
  it('sends an enterprise created offline to the other device, exactly once', async () => {
    const { a, b, id } = await sharedEnterprise();
    const onB = await b.call('enterprises.get', { id });
    expect(onB.name).toMatch(/^济南泉城测试\d+号有限公司$/);
    expect(await a.sync()).toMatchObject({ pushed: 0, pulled: 0, conflicts: 0, pending: 0, outcome: 'ok' });
    expect(a.outbox().map((o) => o.status)).toEqual(['acked']);
  });

  it('merges edits of different fields made offline on both devices', async () => {
    const { a, b, id } = await sharedEnterprise();
    await a.editEnterprise(id, (f) => ({ ...f, address: '济南市历下区经十路1号' }));
    await b.editEnterprise(id, (f) => ({ ...f, contact: { ...f.contact, name: '赵敏' } }));
    await a.sync();
    expect(await b.sync()).toMatchObject({ pushed: 1, conflicts: 0 });
    await a.sync();
    for (const d of [a, b]) {
      const e = await d.call('enterprises.get', { id });
      expect(e.address).toBe('济南市历下区经十路1号');
      expect(e.contact.name).toBe('赵敏');
    }
    expect(await b.call('sync.conflicts', {})).toEqual([]);
  });

  it('keeps the platform value on the same field and shows both values to the second device, which can resolve with its own', async () => {
    const { a, b, id } = await sharedEnterprise();
    await a.editEnterprise(id, (f) => ({ ...f, address: '济南市历下区经十路100号' }));
    await b.editEnterprise(id, (f) => ({ ...f, address: '济南市历下区泉城路200号', manager: '张经理' }));
    await a.sync();
    const second = await b.sync();
    expect(second).toMatchObject({ conflicts: 1 });
    const [conflict] = await b.call('sync.conflicts', {});
    expect(conflict).toMatchObject({
      kind: 'field',
      rowId: id,
      fields: [{ field: 'address', mine: '济南市历下区泉城路200号', theirs: '济南市历下区经十路100号' }],
    });
    // The main view shows the platform's value and keeps B's non-conflicting edit.
    const shown = await b.call('enterprises.get', { id });
    expect(shown.address).toBe('济南市历下区经十路100号');
    expect(shown.manager).toBe('张经理');
    expect((await b.call('sync.status', {})).attention).toContain('conflicts');

    await b.call('sync.resolveConflict', { id: conflict!.id, resolution: 'mine' });
    expect((await b.call('enterprises.get', { id })).address).toBe('济南市历下区泉城路200号');
    expect(await b.sync()).toMatchObject({ pushed: 1, conflicts: 0 });
    await a.sync();
    expect((await a.call('enterprises.get', { id })).address).toBe('济南市历下区泉城路200号');
    expect(await b.call('sync.conflicts', {})).toEqual([]);
  });

  it('resolves a field conflict with the platform value, or with an edited value', async () => {
    const { a, b, id } = await sharedEnterprise();
    await a.editEnterprise(id, (f) => ({ ...f, address: '济南市历下区经十路7号', manager: '钱经理' }));
    await b.editEnterprise(id, (f) => ({ ...f, address: '济南市历下区经十路8号', manager: '孙经理' }));
    await a.sync();
    await b.sync();
    const conflicts = await b.call('sync.conflicts', {});
    expect(conflicts).toHaveLength(1);
    expect(conflicts[0]!.fields.map((f) => f.field).sort()).toEqual(['address', 'manager']);
    await b.call('sync.resolveConflict', { id: conflicts[0]!.id, resolution: 'edit', values: { address: '济南市历下区经十路9号' } });
    await b.sync();
    await a.sync();
    for (const d of [a, b]) {
      const e = await d.call('enterprises.get', { id });
      expect([e.address, e.manager]).toEqual(['济南市历下区经十路9号', '钱经理']);
    }

    await a.editEnterprise(id, (f) => ({ ...f, note: '甲方备注' }));
    await b.editEnterprise(id, (f) => ({ ...f, note: '乙方备注' }));
    await a.sync();
    await b.sync();
    const [noteConflict] = await b.call('sync.conflicts', {});
    await b.call('sync.resolveConflict', { id: noteConflict!.id, resolution: 'theirs' });
    expect(await b.sync()).toMatchObject({ pushed: 0, conflicts: 0 });
    expect((await b.call('enterprises.get', { id })).note).toBe('甲方备注');
    expect(await b.call('sync.conflicts', {})).toEqual([]);
  });

  it('does not report a conflict when both devices set the same value', async () => {
    const { a, b, id } = await sharedEnterprise();
    await a.editEnterprise(id, (f) => ({ ...f, address: '济南市历下区同一路1号' }));
    await b.editEnterprise(id, (f) => ({ ...f, address: '济南市历下区同一路1号' }));
    await a.sync();
    expect(await b.sync()).toMatchObject({ pushed: 1, conflicts: 0 });
  });

  it('turns delete against update into a conflict, both ways', async () => {
    // A deletes, B edits later → B's update meets a tombstone.
    const first = await sharedEnterprise();
    first.a.deleteEnterprise(first.id);
    await first.b.editEnterprise(first.id, (f) => ({ ...f, address: '济南市历下区删除后路1号' }));
    await first.a.sync();
    await first.b.sync();
    const [updateVsDelete] = await first.b.call('sync.conflicts', {});
    expect(updateVsDelete).toMatchObject({ kind: 'update_vs_delete', rowId: first.id });
    // Restore: the record comes back with B's change, on both devices.
    await first.b.call('sync.resolveConflict', { id: updateVsDelete!.id, resolution: 'mine' });
    await first.b.sync();
    await first.a.sync();
    for (const d of [first.a, first.b]) expect((await d.call('enterprises.get', { id: first.id })).address).toBe('济南市历下区删除后路1号');

    // A edits, B deletes the old version → B's delete meets a newer row.
    const second = await sharedEnterprise();
    await second.a.editEnterprise(second.id, (f) => ({ ...f, manager: '周经理' }));
    second.b.deleteEnterprise(second.id);
    await second.a.sync();
    await second.b.sync();
    const [deleteVsUpdate] = await second.b.call('sync.conflicts', {});
    expect(deleteVsUpdate).toMatchObject({ kind: 'delete_vs_update', rowId: second.id });
    expect((await second.b.call('enterprises.get', { id: second.id })).manager).toBe('周经理'); // the row is back, with A's change
    await second.b.call('sync.resolveConflict', { id: deleteVsUpdate!.id, resolution: 'mine' }); // delete anyway
    await second.b.sync();
    await second.a.sync();
    for (const d of [second.a, second.b]) expect(d.enterprises().some((e) => e.id === second.id)).toBe(false);
  });

  it('reports the same credit code created offline on two devices as duplicate_key, and merges into the existing record', async () => {
    const a = await device('A');
    const b = await device('B');
    const index = nextIndex++;
    const idA = await a.createEnterprise(index, { contact: { name: '甲联系人', mobile: '13900000001' } });
    const idB = await b.createEnterprise(index, { name: '济南泉城重复登记有限公司', note: '乙方记录' });
    await a.sync();
    expect(await b.sync()).toMatchObject({ conflicts: 1 });
    const [dup] = await b.call('sync.conflicts', {});
    expect(dup).toMatchObject({ kind: 'duplicate_key', rowId: idB, existingId: idA });
    const ours = (d: Device) =>
      d
        .enterprises()
        .map((e) => e.id)
        .filter((id) => id === idA || id === idB)
        .sort();
    expect(ours(b)).toEqual([idA, idB].sort()); // both visible until a person decides
    await b.call('sync.resolveConflict', { id: dup!.id, resolution: 'mine' });
    await b.sync();
    await a.sync();
    for (const d of [a, b]) {
      expect(ours(d)).toEqual([idA]);
      const merged = await d.call('enterprises.get', { id: idA });
      expect([merged.name, merged.note]).toEqual(['济南泉城重复登记有限公司', '乙方记录']);
    }
  });
});
