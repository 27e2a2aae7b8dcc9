/** Pull by server seq (SYNC.md §3.3): paging, snapshots, tombstones, scope exits, regional isolation, resync. */
import fs from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SCHEMA_VERSION } from '../../shared/platform-api/common';
import type { Change } from '../../shared/platform-api/sync';
import {
  QINGDAO,
  describeOnDatabases,
  createEnterprise,
  enterpriseFields,
  orderOp,
  rowId,
  startTestPlatform,
  tempDir,
  updateOp,
  type Device,
  type Loose,
  type TestPlatform,
} from './helpers';

describeOnDatabases('pull', (database) => {
  let t: TestPlatform;
  beforeEach(async () => {
    t = await startTestPlatform({ database });
  });
  afterEach(async () => t.close());

  const ids = (changes: Change[], tbl = 'enterprise') => changes.filter((c) => c.tbl === tbl).map((c) => c.id);

  /** What a device holds after applying changes in order: id → version, or absent. */
  function apply(changes: Change[], into = new Map<string, number>()) {
    for (const c of changes) {
      if (c.deleted || c.scopeExit) into.delete(`${c.tbl}:${c.id}`);
      else into.set(`${c.tbl}:${c.id}`, c.version!);
    }
    return into;
  }

  async function serverRows(tbl: 'enterprise' = 'enterprise', scope?: string) {
    let q = t.platform.ctx.database.db.selectFrom(tbl).select(['id', 'version']).where('deleted', '=', 0);
    if (scope) q = q.where('scope_id', '=', scope);
    return new Map((await q.execute()).map((r) => [`${tbl}:${r.id}`, Number(r.version)]));
  }

  describe('paging', () => {
    it('delivers every row once, at its latest version, in seq order, across pages', async () => {
      const writer = await t.api.device('jn.manager');
      const created = Array.from({ length: 7 }, (_, i) => createEnterprise(i + 1));
      await writer.push(...created);
      await writer.push(updateOp('enterprise', created[0]!.rowId, { manager: '新经理' }, 1));
      const reader = await t.api.device('jn.clerk');
      const first = await reader.pullRaw(null, 3);
      expect(first.body).toMatchObject({ hasMore: true, snapshotSeq: first.body.serverSeq });
      expect(first.body.changes).toHaveLength(3);
      reader.cursor = first.body.cursor;
      const rest = await reader.pullAll(3);
      const all = [...first.body.changes, ...rest];
      expect(all.map((c) => c.seq)).toEqual([...all.map((c) => c.seq)].sort((a, b) => a - b));
      expect(new Set(ids(all)).size).toBe(7);
      expect(all.find((c) => c.id === created[0]!.rowId)).toMatchObject({ version: 2, row: { manager: '新经理' } });
      const again = await reader.pullRaw(reader.cursor);
      expect(again.body).toMatchObject({ changes: [], hasMore: false, snapshotSeq: null });
    });

    it('skips no row when writers commit while a device is paging', async () => {
      const writers = await Promise.all([t.api.device('jn.manager'), t.api.device('sd.manager')]);
      const reader = await t.api.device('jn.clerk');
      const held = new Map<string, number>();
      let done = false;
      const writing = (async () => {
        for (let round = 0; round < 10; round++) {
          await Promise.all(
            writers.map((w, i) => w.push(createEnterprise(1000 + round * 10 + i * 5), createEnterprise(1001 + round * 10 + i * 5))),
          );
        }
        done = true;
      })();
      while (!done) apply(await reader.pullAll(4), held);
      await writing;
      apply(await reader.pullAll(4), held);
      expect(held).toEqual(await serverRows());
      expect(held.size).toBe(40);
    });
  });

  describe('deletes and scope exits', () => {
    it('sends tombstones to devices that had the row, and leaves them out of a bootstrap', async () => {
      const manager = await t.api.device('jn.manager');
      const doomed = createEnterprise(1);
      await manager.push(doomed, createEnterprise(2));
      const clerk = await t.api.device('jn.clerk');
      await clerk.pullAll();
      await manager.push({ tbl: 'enterprise', rowId: doomed.rowId, kind: 'delete', patch: {}, baseVersion: 1 });
      const incremental = await clerk.pullAll();
      expect(incremental).toEqual([expect.objectContaining({ tbl: 'enterprise', id: doomed.rowId, deleted: true, version: 2 })]);
      const newcomer = await t.api.device('jn.agent');
      expect(ids(await newcomer.pullAll())).toEqual([expect.not.stringMatching(doomed.rowId)]);
    });

    it('moves an enterprise and its children to another city: exits there, puts here, pending edits there are refused', async () => {
      const jn = await t.api.device('jn.manager');
      const qd = await t.api.device('qd.manager');
      const province = await t.api.device('sd.manager');
      const ent = createEnterprise(1);
      const site = {
        tbl: 'site' as const,
        rowId: rowId('site'),
        kind: 'create' as const,
        patch: { enterpriseId: ent.rowId, name: '官网', content: { pages: [] }, images: [] },
      };
      const order = orderOp(ent.rowId, 'open', 'site-standard');
      await jn.push(ent, site, order);
      await Promise.all([jn.pullAll(), qd.pullAll(), province.pullAll()]);

      const refused = await jn.push(updateOp('enterprise', ent.rowId, { region: QINGDAO }, 1));
      expect(refused.results[0]).toMatchObject({ status: 'rejected', code: 'forbidden' });

      const moved = await province.push(updateOp('enterprise', ent.rowId, { region: QINGDAO, address: '青岛市市南区香港中路1号' }, 2));
      expect(moved.results[0]).toMatchObject({ status: 'applied', row: { region: QINGDAO } });

      const jnChanges = await jn.pullAll();
      expect(jnChanges.every((c) => c.scopeExit)).toBe(true);
      expect(jnChanges.map((c) => c.tbl).sort()).toEqual(['enterprise', 'service_order', 'site', 'subscription']);
      expect(jnChanges.map((c) => c.id)).toEqual(expect.arrayContaining([ent.rowId, site.rowId, order.rowId]));
      const qdHeld = apply(await qd.pullAll());
      expect([...qdHeld.keys()]).toEqual(
        expect.arrayContaining([`enterprise:${ent.rowId}`, `site:${site.rowId}`, `service_order:${order.rowId}`]),
      );
      const provinceChanges = await province.pullAll();
      expect(provinceChanges.some((c) => c.scopeExit)).toBe(false);

      const stale = await jn.push(updateOp('enterprise', ent.rowId, { manager: '王经理' }, 2));
      expect(stale.results[0]).toMatchObject({ status: 'rejected', code: 'forbidden' });
      expect(stale.results[0]!.row).toBeUndefined();
    });
  });

  describe('regional isolation', () => {
    it('never shows a user another region’s rows and refuses writes to them', async () => {
      const jn = await t.api.device('jn.manager');
      const qd = await t.api.device('qd.manager');
      const jnEnt = createEnterprise(1);
      await jn.push(jnEnt, {
        tbl: 'site',
        rowId: rowId('site'),
        kind: 'create',
        patch: { enterpriseId: jnEnt.rowId, name: '官网', content: {}, images: [] },
      });
      await qd.push(createEnterprise(2, QINGDAO));
      const seen = await qd.pullAll();
      expect(seen.map((c) => (c.row as Loose)?.region?.city ?? c.tbl)).toEqual(['青岛市']);

      const res = await qd.push(
        updateOp('enterprise', jnEnt.rowId, { manager: '张经理' }, 1),
        { tbl: 'site', rowId: rowId('site'), kind: 'create', patch: { enterpriseId: jnEnt.rowId, name: '抢注', content: {}, images: [] } },
        orderOp(jnEnt.rowId, 'open', 'site-standard'),
        createEnterprise(3),
      );
      expect(res.results.map((r) => r.code)).toEqual(['forbidden', 'forbidden', 'forbidden', 'forbidden']);
      expect(res.results.every((r) => r.row === undefined)).toBe(true);
      const admin = await t.api.device('admin');
      expect(ids(await admin.pullAll())).toHaveLength(2);
    });

    it('lets a clerk register but not build sites, and keeps admin endpoints for administrators', async () => {
      const clerk = await t.api.device('jn.clerk');
      const ent = createEnterprise(1);
      const res = await clerk.push(ent, {
        tbl: 'site',
        rowId: rowId('site'),
        kind: 'create',
        patch: { enterpriseId: ent.rowId, name: '官网', content: {}, images: [] },
      });
      expect(res.results.map((r) => r.status)).toEqual(['applied', 'rejected']);
      expect((await t.api.call('GET', '/admin/sms-outbox', undefined, clerk.token)).status).toBe(403);
    });
  });

  describe('resync', () => {
    async function cursorAfterOneRow(device: Device) {
      await device.push(createEnterprise(Math.floor(Math.random() * 1e6)));
      await device.pullAll();
      return device.cursor!;
    }

    it('answers 410 stale_cursor once the history below the cursor was compacted', async () => {
      const device = await t.api.device('jn.manager');
      const cursor = await cursorAfterOneRow(device);
      await device.push(createEnterprise(2), createEnterprise(3));
      const admin = (await t.api.login('admin')).accessToken;
      const compacted = await t.api.call('POST', '/admin/compact', { belowSeq: 1000 }, admin);
      expect(compacted.body.minRetainedSeq).toBe((await device.pullRaw(null)).body.serverSeq);
      const r = await device.pullRaw(cursor);
      expect(r.status).toBe(410);
      expect(r.body).toMatchObject({ code: 'resync_required', resyncReason: 'stale_cursor' });
      expect((await device.pullRaw(null)).status).toBe(200);
    });

    it('answers 410 scopes_changed after an administrator moves the user to another city', async () => {
      const device = await t.api.device('jn.clerk');
      const cursor = await cursorAfterOneRow(device);
      const admin = (await t.api.login('admin')).accessToken;
      await t.api.call('PATCH', '/admin/users/jn.clerk', { region: { province: '山东省', city: '青岛市' } }, admin);
      const r = await device.pullRaw(cursor);
      expect(r.body).toMatchObject({ code: 'resync_required', resyncReason: 'scopes_changed' });
      expect((await device.pullRaw(null)).body.changes).toEqual([]);
    });

    it('answers 410 bad_cursor for a cursor it never issued, and 426 below the minimum schema version', async () => {
      const device = await t.api.device('jn.clerk');
      expect((await device.pullRaw('garbage')).body).toMatchObject({ code: 'resync_required', resyncReason: 'bad_cursor' });
      const old = await t.api.call('POST', '/sync/v1/pull', { schemaVersion: 0, clientId: device.clientId }, device.token);
      expect(old.status).toBe(426);
    });

    it.skipIf(database === 'postgres')(
      'after a restore from backup (SQLite file copy): 410 cursor_ahead on pull, op_gap on push so the device re-sends what was lost',
      async () => {
        const dir = await tempDir();
        await t.close();
        t = await startTestPlatform({ database, dataDir: dir });
        const device = await t.api.device('jn.manager');
        await device.push(createEnterprise(1));
        await t.platform.close();
        await fs.copyFile(path.join(dir, 'platform.sqlite'), path.join(dir, 'backup.sqlite'));

        t = await startTestPlatform({ database, dataDir: dir });
        device.api = t.api;
        await device.push(createEnterprise(2), createEnterprise(3));
        await device.pullAll();
        await t.platform.close();
        for (const suffix of ['', '-wal', '-shm']) await fs.rm(path.join(dir, `platform.sqlite${suffix}`), { force: true });
        await fs.copyFile(path.join(dir, 'backup.sqlite'), path.join(dir, 'platform.sqlite'));

        t = await startTestPlatform({ database, dataDir: dir });
        device.api = t.api;
        const pulled = await device.pullRaw(device.cursor);
        expect(pulled.body).toMatchObject({ code: 'resync_required', resyncReason: 'cursor_ahead' });
        const pushed = await device.pushRaw([{ ...createEnterprise(4), opSeq: 4 }]);
        expect(pushed.body).toMatchObject({ code: 'op_gap', expectedOpSeq: 2 });
        const fresh = await device.pullRaw(null);
        expect(fresh.body.lastAppliedOpSeq).toBe(1);
        expect(fresh.body.changes.map((c) => (c.row as Loose).name)).toEqual([enterpriseFields(1).name]);
      },
    );
  });

  describe('pull request', () => {
    it('reports the device’s lastAppliedOpSeq and the catalog version', async () => {
      const device = await t.api.device('jn.manager');
      await device.push(createEnterprise(1), createEnterprise(2));
      const r = await t.api.call(
        'POST',
        '/sync/v1/pull',
        { schemaVersion: SCHEMA_VERSION, clientId: device.clientId, limit: 1 },
        device.token,
      );
      expect(r.body).toMatchObject({ lastAppliedOpSeq: 2, catalogVersion: 1, hasMore: true });
    });
  });
});
