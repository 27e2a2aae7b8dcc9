/**
 * The outbox rules (SYNC.md §3.2): a change folds into the row's latest op only while that op is
 * pending and derives from the same server version; sent ops never change; a request carries one
 * never-sent op per row, and a later op's base moves past our own applied change.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { recordChange, recordCommand } from '../../../electron/backend/domains/sync/db/outbox';
import { markSent, nextBatch, rebaseFollowing } from '../../../electron/backend/domains/sync/db/queue';
import { asWritable } from '../../../electron/backend/infra/db/handles';
import { createTestBackend, type TestBackend } from '../../helpers/backend';

let t: TestBackend;
afterEach(() => t?.cleanup());

function setUp() {
  t = createTestBackend();
  // Straight on the connection, as the unit of work and the engine would inside the write queue.
  const db = asWritable(t.backend.database()!);
  const ctx = { db, newId: () => crypto.randomUUID(), now: () => t.clock.now };
  const ops = () =>
    db.prepare('SELECT op_seq, kind, patch_json, base_version, status, wire_seq FROM outbox ORDER BY op_seq').all() as {
      op_seq: number;
      kind: string;
      patch_json: string;
      base_version: number | null;
      status: string;
      wire_seq: number | null;
    }[];
  return { db, ctx, ops };
}

describe('recording changes', () => {
  it('folds edits into a pending op of the same base (create + edits stay one create)', () => {
    const { ctx, ops } = setUp();
    recordChange(ctx, { tbl: 'enterprise', rowId: 'e1', kind: 'create', patch: { name: 'A', address: 'x' } });
    recordChange(ctx, { tbl: 'enterprise', rowId: 'e1', kind: 'update', patch: { address: 'y' } });
    expect(ops()).toMatchObject([{ kind: 'create', patch_json: JSON.stringify({ name: 'A', address: 'y' }) }]);
  });

  it('never changes an op once sent: the next edit gets its own op', () => {
    const { db, ctx, ops } = setUp();
    recordChange(ctx, { tbl: 'enterprise', rowId: 'e1', kind: 'update', patch: { address: 'x' }, baseVersion: 3 });
    const [sent] = markSent(db, nextBatch(db, 200, 1_000_000), 0);
    recordChange(ctx, { tbl: 'enterprise', rowId: 'e1', kind: 'update', patch: { address: 'y' }, baseVersion: 3 });
    expect(ops()).toMatchObject([
      { patch_json: JSON.stringify({ address: 'x' }), status: 'sent', wire_seq: 1 },
      { patch_json: JSON.stringify({ address: 'y' }), status: 'pending', wire_seq: null },
    ]);
    expect(sent!.wire_seq).toBe(1);
  });

  it('does not fold an edit made after a pull moved the row to a newer version into the older op', () => {
    const { ctx, ops } = setUp();
    recordChange(ctx, { tbl: 'enterprise', rowId: 'e1', kind: 'update', patch: { address: 'x' }, baseVersion: 3 });
    recordChange(ctx, { tbl: 'enterprise', rowId: 'e1', kind: 'update', patch: { note: 'n' }, baseVersion: 5 });
    expect(ops().map((o) => [o.base_version, o.patch_json])).toEqual([
      [3, '{"address":"x"}'],
      [5, '{"note":"n"}'],
    ]);
  });

  it('keeps commands apart from field edits and never folds them', () => {
    const { ctx, ops } = setUp();
    recordCommand(ctx, { tbl: 'service_order', rowId: 'o1', name: 'order.submit.v1', args: { id: 'o1' } });
    recordCommand(ctx, { tbl: 'service_order', rowId: 'o1', name: 'order.submit.v1', args: { id: 'o1' } });
    expect(ops().map((o) => o.kind)).toEqual(['command', 'command']);
  });
});

describe('building a push', () => {
  it('numbers ops on the wire contiguously, and keeps a sent op\u2019s number when it is resent', () => {
    const { db, ctx } = setUp();
    for (const id of ['e1', 'e2', 'e3']) recordChange(ctx, { tbl: 'enterprise', rowId: id, kind: 'create', patch: { name: id } });
    const first = markSent(db, nextBatch(db, 2, 1_000_000), 0);
    expect(first.map((o) => o.wire_seq)).toEqual([1, 2]);
    const again = markSent(db, nextBatch(db, 200, 1_000_000), 2);
    expect(again.map((o) => o.wire_seq)).toEqual([1, 2, 3]);
  });

  it('sends one never-sent op per row per request, and moves its base past our own applied change', () => {
    const { db, ctx, ops } = setUp();
    recordChange(ctx, { tbl: 'enterprise', rowId: 'e1', kind: 'update', patch: { address: 'x' }, baseVersion: 3 });
    const [inFlight] = markSent(db, nextBatch(db, 200, 1_000_000), 0);
    recordChange(ctx, { tbl: 'enterprise', rowId: 'e1', kind: 'update', patch: { address: 'y' }, baseVersion: 3 });
    recordChange(ctx, { tbl: 'enterprise', rowId: 'e2', kind: 'update', patch: { address: 'z' }, baseVersion: 1 });
    expect(nextBatch(db, 200, 1_000_000).map((o) => o.row_id)).toEqual(['e1']); // e1's second op waits (and so does what follows)
    rebaseFollowing(db, inFlight!, 4, []);
    expect(ops().map((o) => o.base_version)).toEqual([3, 4, 1]);
  });

  it('keeps the older base for a later op that sets a field someone else changed meanwhile', () => {
    const { db, ctx, ops } = setUp();
    recordChange(ctx, { tbl: 'enterprise', rowId: 'e1', kind: 'update', patch: { address: 'x' }, baseVersion: 3 });
    const [inFlight] = markSent(db, nextBatch(db, 200, 1_000_000), 0);
    recordChange(ctx, { tbl: 'enterprise', rowId: 'e1', kind: 'update', patch: { manager: 'm' }, baseVersion: 3 });
    rebaseFollowing(db, inFlight!, 5, ['manager']);
    expect(ops().map((o) => o.base_version)).toEqual([3, 3]);
  });
});
