/**
 * A push applies its ops as if each came alone: the write unit of work (rows kept in memory,
 * written at the end) must give the same results and the same rows as one push per op — for
 * enterprises meeting on few ids and credit codes, and the subscriptions their orders open.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { OpResult } from '../../shared/platform-api/sync';
import { SCHEMA_VERSION } from '../../shared/platform-api/common';
import {
  Device,
  creditCode,
  describeOnDatabases,
  enterpriseFields,
  orderOp,
  startTestPlatform,
  type OpInput,
  type TestPlatform,
} from './helpers';

type Step =
  | { kind: 'create'; row: number; code: number }
  | { kind: 'code'; row: number; code: number }
  | { kind: 'manager'; row: number; value: number }
  | { kind: 'delete'; row: number }
  | { kind: 'open'; row: number };

const ROWS = 3;
const CODES = 2;
// Few rows and codes, many creates and deletes: ops that meet on one row or one credit code.
const step: fc.Arbitrary<Step> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('create' as const), row: fc.nat(ROWS - 1), code: fc.nat(CODES - 1) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('code' as const), row: fc.nat(ROWS - 1), code: fc.nat(CODES - 1) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('manager' as const), row: fc.nat(ROWS - 1), value: fc.nat(2) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('delete' as const), row: fc.nat(ROWS - 1) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('open' as const), row: fc.nat(ROWS - 1) }) },
);

describeOnDatabases('batched ops', (database) => {
  let t: TestPlatform;
  let run = 0;
  beforeAll(async () => {
    t = await startTestPlatform({ database });
  });
  afterAll(async () => t.close());

  /** The steps as ops on this run's own rows and credit codes (`lane` keeps the two ways apart). */
  function ops(steps: Step[], lane: string): OpInput[] {
    const id = (row: number) => `batch-${run}-${lane}-${row}`;
    const code = (n: number) => creditCode(600_000 + run * 100 + (lane === 'one' ? 0 : 50) + n);
    return steps.map((s, i): OpInput => {
      if (s.kind === 'open') return orderOp(id(s.row), 'open', 'site-standard', {}, `${id(s.row)}-order-${i}`);
      if (s.kind === 'create')
        return { tbl: 'enterprise', rowId: id(s.row), kind: 'create', patch: { ...enterpriseFields(s.code), creditCode: code(s.code) } };
      if (s.kind === 'delete') return { tbl: 'enterprise', rowId: id(s.row), kind: 'delete', patch: {}, baseVersion: null };
      const patch = s.kind === 'code' ? { creditCode: code(s.code) } : { manager: `经理${s.value}` };
      return { tbl: 'enterprise', rowId: id(s.row), kind: 'update', patch, baseVersion: null };
    });
  }

  const outcome = (r: OpResult) => [r.status, r.kind ?? null, r.code ?? null, r.version ?? null, r.deleted ?? false];

  async function rowsOf(lane: string) {
    const { db } = t.platform.ctx.database;
    const ofLane = `batch-${run}-${lane}-%`;
    const enterprises = await db
      .selectFrom('enterprise')
      .select(['id', 'version', 'deleted', 'data'])
      .where('id', 'like', ofLane)
      .orderBy('id')
      .execute();
    // Subscription ids are the platform's own: compare them by enterprise, in the order they were opened.
    const subscriptions = await db
      .selectFrom('subscription')
      .select(['enterprise_id', 'version', 'data'])
      .where('enterprise_id', 'like', ofLane)
      .orderBy('enterprise_id')
      .orderBy('last_seq')
      .execute();
    return {
      enterprises: enterprises.map((r) => {
        const data = JSON.parse(r.data) as { creditCode: string; manager: string; status: string };
        return [r.id.split('-').at(-1), Number(r.version), Number(r.deleted), creditCodeIndex(data.creditCode), data.manager, data.status];
      }),
      subscriptions: subscriptions.map((r) => {
        const data = JSON.parse(r.data) as { status: string; planCode: string; openOrderId: string };
        return [r.enterprise_id.split('-').at(-1), Number(r.version), data.status, data.planCode, data.openOrderId.split('-').at(-1)];
      }),
    };
  }
  const creditCodeIndex = (code: string) => Number(code.slice(10, 17)) % 50;

  it('gives the same results and rows, pushed several at a time, as pushed one at a time', async () => {
    const { accessToken } = await t.api.login('jn.manager');
    /** A device of its own per run and way, so a failed run leaves no gap in another's op numbers. */
    const device = async () =>
      new Device(
        t.api,
        accessToken,
        (await t.api.call('POST', '/sync/v1/clients', { schemaVersion: SCHEMA_VERSION }, accessToken)).body.clientId,
      );
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 30 }), fc.integer({ min: 2, max: 30 }), async (steps, perPush) => {
        run++;
        const [alone, together] = [await device(), await device()];
        const oneByOne: OpResult[] = [];
        for (const op of ops(steps, 'one')) oneByOne.push(...(await alone.push(op)).results);
        const batched: OpResult[] = [];
        const all = ops(steps, 'all');
        for (let i = 0; i < all.length; i += perPush) batched.push(...(await together.push(...all.slice(i, i + perPush))).results);
        expect(batched.map(outcome)).toEqual(oneByOne.map(outcome));
        expect(await rowsOf('all')).toEqual(await rowsOf('one'));
      }),
      { numRuns: 60 },
    );
  });
});
