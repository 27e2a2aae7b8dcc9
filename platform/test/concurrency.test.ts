/**
 * Concurrent pushes (issue 8, items 21 and 22): every write decides against the row's current
 * version under a lock, and pulls still see commits in seq order, on SQLite and on PostgreSQL.
 */
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { Change } from '../../shared/platform-api/sync';
import { createEnterprise, describeOnDatabases, startTestPlatform, updateOp, type Device, type TestPlatform } from './helpers';

describeOnDatabases('concurrent pushes', (database) => {
  let t: TestPlatform;
  beforeEach(async () => {
    t = await startTestPlatform({ database });
  });
  afterEach(async () => t.close());

  const devices = async (count: number): Promise<Device[]> => {
    const all: Device[] = [];
    for (let i = 0; i < count; i++) all.push(await t.api.device(i % 2 ? 'jn.clerk' : 'jn.manager'));
    return all;
  };

  it('applies exactly one of ten simultaneous edits of the same field from the same base, per row; the nine others conflict', async () => {
    const ten = await devices(10);
    const rows = Array.from({ length: 10 }, (_, i) => createEnterprise(700 + i));
    await ten[0]!.push(...rows);
    const pushes = await Promise.all(
      ten.map((d, k) => d.push(...rows.map((r) => updateOp('enterprise', r.rowId, { manager: `经理${k}` }, 1)))),
    );

    for (const [i, row] of rows.entries()) {
      const outcomes = pushes.map((p) => p.results[i]!);
      const applied = outcomes.filter((r) => r.status === 'applied');
      expect([row.rowId, applied.length, outcomes.filter((r) => r.status === 'conflict' && r.kind === 'field').length]).toEqual([
        row.rowId,
        1,
        9,
      ]);
      const stored = await t.platform.ctx.database.db
        .selectFrom('enterprise')
        .select(['version', 'data'])
        .where('id', '=', row.rowId)
        .executeTakeFirstOrThrow();
      expect([Number(stored.version), JSON.parse(stored.data).manager]).toEqual([2, (applied[0]!.row as { manager: string }).manager]);
      // Every device was told the row's one true state.
      for (const r of outcomes) expect([r.version, (r.row as { manager: string }).manager]).toEqual([2, JSON.parse(stored.data).manager]);
    }
  });

  it('lets a device paging during eight devices’ concurrent pushes end with exactly the platform’s rows and versions', async () => {
    const writers = await devices(8);
    const reader = await t.api.device('jn.agent');
    const shared = Array.from({ length: 8 }, (_, i) => createEnterprise(800 + i));
    await writers[0]!.push(...shared);
    const held = new Map<string, number>();
    const apply = (changes: Change[]) => {
      for (const c of changes) {
        if (c.deleted || c.scopeExit) held.delete(c.id);
        else held.set(c.id, c.version!);
      }
    };
    let writing = true;
    const pushes = Promise.all(
      writers.map(async (w, k) => {
        for (let round = 0; round < 6; round++) {
          await w.push(
            createEnterprise(1000 + k * 10 + round),
            ...shared.map((s) => updateOp('enterprise', s.rowId, { address: `济南市历下区并发路${k}-${round}号` }, null)),
          );
        }
      }),
    ).finally(() => (writing = false));
    while (writing) apply(await reader.pullAll(7));
    await pushes;
    apply(await reader.pullAll(7));
    const server = await t.platform.ctx.database.db.selectFrom('enterprise').select(['id', 'version']).where('deleted', '=', 0).execute();
    expect(held).toEqual(new Map(server.map((r) => [r.id, Number(r.version)])));
    expect(held.size).toBe(8 + 8 * 6);
  });
});
