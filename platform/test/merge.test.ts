/** Conflict detection and merge (SYNC.md §3.5): two devices edit the same enterprise from the same base. */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sameValue } from '../src/sync/canonical';
import { mergePatch } from '../src/sync/merge';
import {
  describeOnDatabases,
  createEnterprise,
  enterpriseFields,
  rowId,
  startTestPlatform,
  updateOp,
  type Device,
  type TestPlatform,
} from './helpers';

describeOnDatabases('merge', (database) => {
  let t: TestPlatform;
  let a: Device;
  let b: Device;
  let c: Device;
  let n = 100;

  beforeAll(async () => {
    t = await startTestPlatform({ database });
    a = await t.api.device('jn.manager');
    b = await t.api.device('jn.clerk');
    c = await t.api.device('sd.manager');
  });
  afterAll(async () => t.close());

  /** A fresh enterprise at version 1, created by device a. */
  async function fresh(): Promise<string> {
    const id = rowId('ent');
    const res = await a.push(createEnterprise(++n, undefined, id));
    expect(res.results[0]!.status).toBe('applied');
    return id;
  }

  describe('field merge', () => {
    it('auto-merges edits of different fields and tells the second writer which fields it took from the server', async () => {
      const id = await fresh();
      await a.push(updateOp('enterprise', id, { address: '济南市历下区泉城路188号' }, 1));
      const res = await b.push(updateOp('enterprise', id, { manager: '李经理' }, 1));
      expect(res.results[0]).toMatchObject({ status: 'merged', version: 3, autoMerged: ['address'] });
      expect(res.results[0]!.row).toMatchObject({ address: '济南市历下区泉城路188号', manager: '李经理' });
    });

    it('reports a field conflict with both values when both changed the same field, keeping the server value and applying the rest', async () => {
      const id = await fresh();
      await a.push(updateOp('enterprise', id, { name: '济南泉城科技有限公司' }, 1));
      const res = await b.push(updateOp('enterprise', id, { name: '济南泉城信息有限公司', manager: '李经理' }, 1));
      expect(res.results[0]).toMatchObject({
        status: 'conflict',
        kind: 'field',
        fields: { name: { mine: '济南泉城信息有限公司', theirs: '济南泉城科技有限公司' } },
      });
      expect(res.results[0]!.row).toMatchObject({ name: '济南泉城科技有限公司', manager: '李经理' });
      // Resolution: a new op from the conflict's version with the chosen value.
      const resolved = await b.push(updateOp('enterprise', id, { name: '济南泉城信息有限公司' }, res.results[0]!.version!));
      expect(resolved.results[0]).toMatchObject({ status: 'applied', row: { name: '济南泉城信息有限公司' } });
    });

    it('sees no conflict when both set the same value', async () => {
      const id = await fresh();
      await a.push(updateOp('enterprise', id, { manager: '赵经理' }, 1));
      const res = await b.push(updateOp('enterprise', id, { manager: '赵经理' }, 1));
      expect(res.results[0]!.status).not.toBe('conflict');
      expect(res.results[0]!.version).toBe(2);
    });

    it('merges a field group as a unit: contact name on one side and contact mobile on the other conflict', async () => {
      const id = await fresh();
      const contact = enterpriseFields(n).contact;
      await a.push(updateOp('enterprise', id, { contact: { ...contact, name: '王建军' } }, 1));
      const res = await b.push(updateOp('enterprise', id, { contact: { ...contact, mobile: '13805310003' } }, 1));
      expect(res.results[0]).toMatchObject({ status: 'conflict', kind: 'field' });
      expect(Object.keys(res.results[0]!.fields!)).toEqual(['contact']);
      expect(res.results[0]!.row).toMatchObject({ contact: { name: '王建军', mobile: '13805310002' } });
    });

    it('conflicts on any concurrent change of a long text (the note), never splicing the two', async () => {
      const id = await fresh();
      await a.push(updateOp('enterprise', id, { note: '客户要求周一上门。' }, 1));
      const res = await b.push(updateOp('enterprise', id, { note: '客户要求周二上门。' }, 1));
      expect(res.results[0]).toMatchObject({
        status: 'conflict',
        fields: { note: { mine: '客户要求周二上门。', theirs: '客户要求周一上门。' } },
      });
    });
  });

  describe('deletes', () => {
    it('turns a delete whose base is older than a change into delete_vs_update, keeping the row', async () => {
      const id = await fresh();
      await a.push(updateOp('enterprise', id, { manager: '钱经理' }, 1));
      const res = await c.push({ tbl: 'enterprise', rowId: id, kind: 'delete', patch: {}, baseVersion: 1 });
      expect(res.results[0]).toMatchObject({ status: 'conflict', kind: 'delete_vs_update', version: 2, row: { manager: '钱经理' } });
      const anyway = await c.push({ tbl: 'enterprise', rowId: id, kind: 'delete', patch: {}, baseVersion: 2 });
      expect(anyway.results[0]).toMatchObject({ status: 'applied', deleted: true, row: null, version: 3 });
    });

    it('turns an update of a deleted row into update_vs_delete; an update from the tombstone version restores it', async () => {
      const id = await fresh();
      await a.push({ tbl: 'enterprise', rowId: id, kind: 'delete', patch: {}, baseVersion: 1 });
      const res = await b.push(updateOp('enterprise', id, { manager: '孙经理' }, 1));
      expect(res.results[0]).toMatchObject({ status: 'conflict', kind: 'update_vs_delete', deleted: true, version: 2 });
      // Restoring is for roles that may delete (platform/README.md): the clerk's conflict is resolved by a manager.
      const restore = await c.push(updateOp('enterprise', id, { manager: '孙经理' }, 2));
      expect(restore.results[0]).toMatchObject({
        status: 'applied',
        version: 3,
        row: { manager: '孙经理', name: enterpriseFields(n).name },
      });
    });
  });

  describe('natural keys', () => {
    it('answers duplicate_key with the existing id when two devices create the same credit code', async () => {
      const first = rowId('ent');
      const second = rowId('ent');
      await a.push(createEnterprise(900, undefined, first));
      const res = await b.push(createEnterprise(900, undefined, second));
      expect(res.results[0]).toMatchObject({ status: 'conflict', kind: 'duplicate_key', existingId: first, row: { id: first } });
      const rows = await t.platform.ctx.database.db.selectFrom('enterprise').select('id').where('id', '=', second).execute();
      expect(rows).toEqual([]);
    });

    it('keeps the credit code and applies the other fields when an update would duplicate another enterprise', async () => {
      const taken = await fresh();
      const id = await fresh();
      const takenCode = enterpriseFields(n - 1).creditCode;
      const res = await a.push(updateOp('enterprise', id, { creditCode: takenCode, manager: '周经理' }, 1));
      expect(res.results[0]).toMatchObject({
        status: 'conflict',
        kind: 'duplicate_key',
        existingId: taken,
        row: { manager: '周经理', creditCode: enterpriseFields(n).creditCode },
      });
    });

    it('lets a business-hall clerk edit but never delete', async () => {
      const id = await fresh();
      const res = await b.push({ tbl: 'enterprise', rowId: id, kind: 'delete', patch: {}, baseVersion: 1 });
      expect(res.results[0]).toMatchObject({ status: 'rejected', code: 'forbidden' });
    });

    it('frees the credit code of a deleted enterprise', async () => {
      const id = await fresh();
      await a.push({ tbl: 'enterprise', rowId: id, kind: 'delete', patch: {}, baseVersion: 1 });
      const again = await b.push({ ...createEnterprise(n), rowId: rowId('ent') });
      expect(again.results[0]!.status).toBe('applied');
    });
  });
});

describe('mergePatch', () => {
  it('takes untouched-by-others fields, conflicts on fields both changed, lists what others changed', () => {
    const out = mergePatch({
      current: { a: 1, b: 2, c: 3 },
      fieldVersions: { a: 1, b: 4, c: 5 },
      baseVersion: 3,
      patch: { a: 10, b: 20 },
    });
    expect(out).toEqual({ changes: { a: 10 }, conflicts: { b: { mine: 20, theirs: 2 } }, autoMerged: ['c'] });
  });

  it('never drops a value: each patched field is written, reported as a conflict, or already equal', () => {
    const field = fc.constantFrom('name', 'address', 'contact', 'region', 'note');
    const value = fc.oneof(fc.string({ maxLength: 3 }), fc.record({ name: fc.string({ maxLength: 2 }) }), fc.constant(null));
    fc.assert(
      fc.property(
        fc.dictionary(field, value),
        fc.dictionary(field, fc.integer({ min: 1, max: 9 })),
        fc.dictionary(field, value),
        fc.integer({ min: 0, max: 9 }),
        (current, fieldVersions, patch, baseVersion) => {
          const { changes, conflicts, autoMerged } = mergePatch({ current, fieldVersions, baseVersion, patch });
          for (const [f, mine] of Object.entries(patch)) {
            const outcomes = [f in changes, f in conflicts, sameValue(mine, current[f])].filter(Boolean);
            expect(outcomes).toHaveLength(1);
            if (f in changes) expect((fieldVersions[f] ?? 0) <= baseVersion).toBe(true);
            if (f in conflicts) expect(conflicts[f]).toEqual({ mine, theirs: current[f] ?? null });
          }
          for (const f of autoMerged) expect(f in patch).toBe(false);
        },
      ),
      { numRuns: 500 },
    );
  });
});
