/** Push: the per-device op log is applied exactly once and in order (SYNC.md §3.4). */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SCHEMA_VERSION } from '../../shared/platform-api/common';
import { TransientError } from '../src/sync/transient';
import {
  describeOnDatabases,
  createEnterprise,
  enterpriseFields,
  mutationId,
  rowId,
  startTestPlatform,
  updateOp,
  type TestPlatform,
} from './helpers';

describeOnDatabases('push', (database) => {
  let t: TestPlatform;
  beforeEach(async () => {
    t = await startTestPlatform({ database });
  });
  afterEach(async () => t.close());

  const countEnterprises = async () =>
    Number(
      (
        await t.platform.ctx.database.db
          .selectFrom('enterprise')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  describe('push', () => {
    it('applies a create and returns the full server row at version 1', async () => {
      const device = await t.api.device('jn.manager');
      const res = await device.push(createEnterprise(1));
      expect(res.lastAppliedOpSeq).toBe(1);
      const [r] = res.results;
      expect(r).toMatchObject({ opSeq: 1, status: 'applied', version: 1 });
      expect(r!.row).toMatchObject({ name: '济南测试企业1有限公司', status: 'registered', groupCode: null, region: { city: '济南市' } });
      expect(r!.seq).toBe(res.serverSeq);
    });

    it('replays the stored result when the same push arrives twice, without applying again', async () => {
      const device = await t.api.device('jn.manager');
      const op = { ...createEnterprise(2), opSeq: 1, mutationId: mutationId() };
      const first = await device.push(op);
      const second = await device.push(op);
      expect(second.results[0]).toMatchObject({ status: 'duplicate', originalStatus: 'applied', version: 1 });
      expect(second.lastAppliedOpSeq).toBe(1);
      expect(second.serverSeq).toBe(first.serverSeq);
      expect(await countEnterprises()).toBe(1);
    });

    it('serializes concurrent duplicate pushes of one device: one applies, the other gets the stored results', async () => {
      const device = await t.api.device('jn.manager');
      const ops = [1, 2, 3].map((n) => ({ ...createEnterprise(10 + n), opSeq: n, mutationId: mutationId() }));
      const [a, b] = await Promise.all([device.push(...ops), device.push(...ops)]);
      const statuses = [a, b].map((r) => r.results.map((x) => x.status).join(','));
      expect(statuses.sort()).toEqual(['applied,applied,applied', 'duplicate,duplicate,duplicate']);
      expect(await countEnterprises()).toBe(3);
    });

    it('answers 409 op_gap with the expected opSeq and keeps the ops before the hole', async () => {
      const device = await t.api.device('jn.manager');
      const r = await device.pushRaw([
        { ...createEnterprise(20), opSeq: 1 },
        { ...createEnterprise(21), opSeq: 3 },
      ]);
      expect(r.status).toBe(409);
      expect(r.body).toMatchObject({ code: 'op_gap', expectedOpSeq: 2, lastAppliedOpSeq: 1 });
      expect(await countEnterprises()).toBe(1);
      const resend = await device.pushRaw([{ ...createEnterprise(22), opSeq: 2 }]);
      expect(resend.body.lastAppliedOpSeq).toBe(2);
    });

    it('answers 409 client_state_mismatch when an applied opSeq comes back with another mutation (a copied database)', async () => {
      const device = await t.api.device('jn.manager');
      await device.push({ ...createEnterprise(30), opSeq: 1 });
      const copy = await device.pushRaw([{ ...createEnterprise(31), opSeq: 1 }]);
      expect(copy.status).toBe(409);
      expect(copy.body).toMatchObject({ code: 'client_state_mismatch', reason: 'mutation_mismatch' });
      expect(await countEnterprises()).toBe(1);
    });

    it('refuses an unknown clientId and a clientId of another user with client_state_mismatch', async () => {
      const mine = await t.api.device('jn.manager');
      const other = await t.api.device('jn.clerk');
      const unknown = await t.api.call('POST', '/sync/v1/push', { schemaVersion: SCHEMA_VERSION, clientId: 'nope', ops: [] }, mine.token);
      expect(unknown.body).toMatchObject({ code: 'client_state_mismatch', reason: 'unknown_client' });
      const stolen = await t.api.call(
        'POST',
        '/sync/v1/push',
        { schemaVersion: SCHEMA_VERSION, clientId: other.clientId, ops: [] },
        mine.token,
      );
      expect(stolen.status).toBe(409);
      expect(stolen.body).toMatchObject({ code: 'client_state_mismatch', reason: 'other_user' });
    });

    it('consumes a permanently bad op as rejected and applies the ops after it', async () => {
      const device = await t.api.device('jn.manager');
      const bad = { ...createEnterprise(40), patch: { ...enterpriseFields(40), creditCode: '91370102MA00000401' } };
      const res = await device.push(bad, createEnterprise(41), {
        tbl: 'enterprise',
        rowId: rowId(),
        kind: 'update',
        patch: { name: '不存在的企业' },
        baseVersion: 1,
      });
      expect(res.results.map((r) => [r.status, r.code])).toEqual([
        ['rejected', 'invalid'],
        ['applied', undefined],
        ['rejected', 'not_found'],
      ]);
      expect(res.results[0]).toMatchObject({ retryable: false, message: expect.stringContaining('creditCode') });
      expect(res.lastAppliedOpSeq).toBe(3);
      const again = await device.pushRaw([{ ...bad, opSeq: 1, mutationId: 'different' }]);
      expect(again.status).toBe(409); // the rejected op's opSeq is consumed, not reusable
    });

    it('refuses fields the platform owns', async () => {
      const device = await t.api.device('jn.manager');
      const id = rowId();
      await device.push(createEnterprise(50, undefined, id));
      const res = await device.push(updateOp('enterprise', id, { groupCode: 'JT000' }, 1));
      expect(res.results[0]).toMatchObject({ status: 'rejected', code: 'invalid' });
    });

    it('answers 426 client_upgrade_required below the minimum schema version, and 413 for an oversized push', async () => {
      await t.close();
      t = await startTestPlatform({ database, config: { minSchemaVersion: SCHEMA_VERSION + 1 } });
      const session = await t.api.login('jn.manager');
      const r = await t.api.call('POST', '/sync/v1/clients', { schemaVersion: SCHEMA_VERSION }, session.accessToken);
      expect(r.status).toBe(426);
      expect(r.body).toMatchObject({ code: 'client_upgrade_required', minSchemaVersion: SCHEMA_VERSION + 1 });
      const big = {
        schemaVersion: SCHEMA_VERSION,
        clientId: 'x',
        ops: [{ ...createEnterprise(1), opSeq: 1, mutationId: 'm', patch: { note: 'x'.repeat(1_100_000) } }],
      };
      const tooBig = await t.api.call('POST', '/sync/v1/push', big, session.accessToken);
      expect(tooBig.status).toBe(413);
      expect(tooBig.body).toMatchObject({ code: 'payload_too_large' });
    });

    it('stops at a transient failure with 503 and the durable watermark; the retry applies the rest once', async () => {
      await t.close();
      let failOn: string | undefined;
      t = await startTestPlatform({
        database,
        faults: {
          beforeOp: (op) => {
            if (op.rowId === failOn) throw new TransientError('disk busy');
          },
        },
      });
      const device = await t.api.device('jn.manager');
      const ops = [1, 2, 3].map((n) => ({ ...createEnterprise(70 + n), opSeq: n, mutationId: mutationId() }));
      failOn = ops[1]!.rowId;
      const failed = await device.pushRaw(ops);
      expect(failed.status).toBe(503);
      expect(failed.headers.get('retry-after')).toBeTruthy();
      expect(failed.body).toMatchObject({ code: 'unavailable', lastAppliedOpSeq: 1 });
      expect(await countEnterprises()).toBe(1);
      failOn = undefined;
      const retried = await device.push(...ops);
      expect(retried.results.map((r) => r.status)).toEqual(['duplicate', 'applied', 'applied']);
      expect(await countEnterprises()).toBe(3);
    });

    it('consumes an op the platform fails on with a bug as rejected internal, so the queue moves on', async () => {
      await t.close();
      t = await startTestPlatform({
        database,
        faults: {
          beforeOp: (op) => {
            if (op.opSeq === 1) throw new TypeError('boom');
          },
        },
      });
      const device = await t.api.device('jn.manager');
      const res = await device.push(createEnterprise(80), createEnterprise(81));
      expect(res.results.map((r) => [r.status, r.code])).toEqual([
        ['rejected', 'internal'],
        ['applied', undefined],
      ]);
    });

    it('applies ops on one credit code in their order within a push: a delete frees it for a create, and two enterprises can swap theirs', async () => {
      const device = await t.api.device('jn.manager');
      const [a, b] = [createEnterprise(90), createEnterprise(91)];
      await device.push(a, b);
      const again = { ...createEnterprise(90), rowId: rowId() };
      const freed = await device.push({ tbl: 'enterprise', rowId: a.rowId, kind: 'delete', patch: {}, baseVersion: 1 }, again);
      expect(freed.results.map((r) => r.status)).toEqual(['applied', 'applied']);
      const [codeB, codeNew] = [enterpriseFields(91).creditCode, enterpriseFields(92).creditCode];
      const swapped = await device.push(
        updateOp('enterprise', again.rowId, { creditCode: codeNew }, 1),
        updateOp('enterprise', b.rowId, { creditCode: enterpriseFields(90).creditCode }, 1),
        updateOp('enterprise', again.rowId, { creditCode: codeB }, 2),
      );
      expect(swapped.results.map((r) => r.status)).toEqual(['applied', 'applied', 'applied']);
      const codes = await t.platform.ctx.database.db
        .selectFrom('enterprise')
        .select(['id', 'credit_code'])
        .where('deleted', '=', 0)
        .execute();
      expect(new Map(codes.map((r) => [r.id, r.credit_code]))).toEqual(
        new Map([
          [b.rowId, enterpriseFields(90).creditCode],
          [again.rowId, codeB],
        ]),
      );
    });

    it('treats a re-registered device re-sending an applied mutation as a duplicate', async () => {
      const old = await t.api.device('jn.manager');
      const op = { ...createEnterprise(60), mutationId: mutationId() };
      await old.push({ ...op, opSeq: 1 });
      const fresh = await t.api.device('jn.manager');
      const res = await fresh.push({ ...op, opSeq: 1 });
      expect(res.results[0]).toMatchObject({ status: 'duplicate', originalStatus: 'applied' });
      expect(await countEnterprises()).toBe(1);
    });
  });
});
