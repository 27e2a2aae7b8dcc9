/**
 * VPMN roster orders (`roster.submit.v1`): accepted only for an enterprise whose plan brings VPMN,
 * opened by the BOSS simulation — the group's VPMN number, each member's short number confirmed, or
 * sent back with the reason (a number taken meanwhile, a mobile in another group) — on both databases.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RosterChange, RosterOrderWireRow } from '../../shared/platform-api/roster';
import {
  describeOnDatabases,
  createEnterprise,
  orderOp,
  rowId,
  startPlatformWithManager,
  type Device,
  type OpInput,
  type TestPlatform,
} from './helpers';

const person = (n: number, shortNumber: string, extra: Partial<RosterChange> = {}) =>
  ({
    action: 'add',
    memberId: rowId('member'),
    name: `成员${n}`,
    mobile: `1380000${String(n).padStart(4, '0')}`,
    department: '销售部',
    title: '经理',
    email: null,
    shortNumber,
    extension: null,
    portedIn: false,
    ...extra,
  }) as Extract<RosterChange, { action: 'add' }>;

const rosterOp = (enterpriseId: string, changes: RosterChange[], id = rowId('roster')): OpInput => ({
  tbl: 'roster_order',
  rowId: id,
  kind: 'command',
  name: 'roster.submit.v1',
  patch: { id, enterpriseId, changes },
});

describeOnDatabases('roster orders', (database) => {
  let t: TestPlatform;
  let manager: Device;
  let admin: string;
  let n = 700;

  beforeAll(async () => {
    ({ t, manager, admin } = await startPlatformWithManager({ database }));
  });
  afterAll(async () => t.close());

  async function enterprise(plan: string | null = 'power-comm-1'): Promise<string> {
    const id = rowId('ent');
    await manager.push(createEnterprise(++n, undefined, id));
    if (plan) await manager.push(orderOp(id, 'open', plan));
    return id;
  }
  const boss = () => t.api.call<{ processed: { orderId: string; status: string }[] }>('POST', '/admin/boss/process', undefined, admin);
  const order = async (id: string) =>
    (await t.platform.ctx.database.db.selectFrom('roster_order').select('data').where('id', '=', id).executeTakeFirstOrThrow()).data;
  const results = async (id: string) => (JSON.parse(await order(id)) as Omit<RosterOrderWireRow, 'id'>).results!;
  const members = async (enterpriseId: string) =>
    (
      await t.platform.ctx.database.db
        .selectFrom('roster_member')
        .select(['id', 'mobile', 'short_number', 'deleted'])
        .where('enterprise_id', '=', enterpriseId)
        .execute()
    ).filter((m) => !m.deleted);

  it('refuses a roster for an enterprise whose plan has no VPMN, and one without a plan', async () => {
    const site = await enterprise('site-standard');
    const none = await enterprise(null);
    const res = await manager.push(rosterOp(site, [person(1, '612345')]), rosterOp(none, [person(2, '612346')]));
    expect(res.results.map((r) => r.code)).toEqual(['no_vpmn_subscription', 'no_vpmn_subscription']);
  });

  it('the BOSS opens the group (its VPMN number) and confirms each short number; the members come to devices by pull', async () => {
    const ent = await enterprise();
    const op = rosterOp(ent, [
      person(1, '612345'),
      person(2, '612346'),
      person(3, '688888', { portedIn: true, mobile: '18612345678' } as Partial<RosterChange>),
    ]);
    const pushed = await manager.push(op);
    expect(pushed.results[0]).toMatchObject({ status: 'applied', row: { status: 'submitted', results: null, groupNumber: null } });
    const processed = await boss();
    expect(processed.body.processed).toContainEqual({ orderId: op.rowId, status: 'completed' });
    const row = JSON.parse(await order(op.rowId)) as RosterOrderWireRow;
    expect(row.groupNumber).toMatch(/^VP370102\d{4}$/);
    expect(row.results!.map((r) => r.status)).toEqual(['confirmed', 'confirmed', 'confirmed']);
    const pulled = (await manager.pullAll()).filter(
      (c) => c.tbl === 'roster_member' && 'row' in c && (c.row as { enterpriseId: string }).enterpriseId === ent,
    );
    expect(pulled.map((c) => c.row)).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ shortNumber: '612345', groupNumber: row.groupNumber }),
        expect.objectContaining({ shortNumber: '688888' }),
      ]),
    );
    // The same order again (a retried command): nothing new.
    await manager.push({ ...op });
    expect((await boss()).body.processed.filter((p) => p.orderId === op.rowId)).toEqual([]);
    expect(await members(ent)).toHaveLength(3);
  });

  it('sends back a number taken meanwhile, naming who has it, and a mobile already in another group', async () => {
    const a = await enterprise();
    const b = await enterprise();
    await manager.push(rosterOp(a, [person(11, '612345')]));
    await boss();
    // Two devices added different people with the same number; the second order comes later.
    const second = rosterOp(a, [person(12, '612345'), person(13, '612399')]);
    const otherGroup = rosterOp(b, [person(11, '612345')]);
    await manager.push(second, otherGroup);
    await boss();
    expect(await results(second.rowId)).toEqual([
      expect.objectContaining({ status: 'conflict', code: 'short_number_taken', heldBy: '成员11' }),
      expect.objectContaining({ status: 'confirmed' }),
    ]);
    expect(await results(otherGroup.rowId)).toEqual([expect.objectContaining({ status: 'conflict', code: 'in_other_group' })]);
    expect((await members(a)).map((m) => m.short_number).sort()).toEqual(['612345', '612399']);
  });

  it('frees the numbers of removed members first, swaps two numbers in one order, and refuses a number someone keeps', async () => {
    const ent = await enterprise();
    const [x, y, z] = [person(21, '620001'), person(22, '620002'), person(23, '620003')];
    await manager.push(rosterOp(ent, [x, y, z]));
    await boss();
    const update = (c: RosterChange, shortNumber: string) => ({ ...c, action: 'update', shortNumber }) as RosterChange;
    const newcomer = person(24, '620003');
    const swap = rosterOp(ent, [
      update(x, '620002'),
      update(y, '620001'),
      { action: 'remove', memberId: z.memberId },
      newcomer,
      update(person(25, '620009'), '620010'),
    ]);
    await manager.push(swap);
    await boss();
    expect((await results(swap.rowId)).map((r) => [r.action, r.status, r.code])).toEqual([
      ['update', 'confirmed', undefined],
      ['update', 'confirmed', undefined],
      ['remove', 'confirmed', undefined],
      ['add', 'confirmed', undefined],
      ['update', 'conflict', 'not_member'],
    ]);
    const numbers = Object.fromEntries((await members(ent)).map((m) => [m.id, m.short_number]));
    expect(numbers).toEqual({ [x.memberId]: '620002', [y.memberId]: '620001', [newcomer.memberId]: '620003' });

    const taken = rosterOp(ent, [update(x, '620003')]);
    await manager.push(taken);
    await boss();
    expect(await results(taken.rowId)).toEqual([
      expect.objectContaining({ status: 'conflict', code: 'short_number_taken', heldBy: '成员24' }),
    ]);
  });

  it('tells which mobiles another group holds (numbers only), leaving out the asking group’s own', async () => {
    const a = await enterprise();
    const b = await enterprise();
    const member = person(41, '640001');
    await manager.push(rosterOp(a, [member]));
    await boss();
    const ask = (enterpriseId: string) =>
      t.api.call('POST', '/vpmn/v1/lookup', { enterpriseId, mobiles: [member.mobile, '13900000000'] }, manager.token);
    expect((await ask(b)).body).toEqual({ inOtherGroup: [member.mobile] });
    expect((await ask(a)).body).toEqual({ inOtherGroup: [] });
    expect((await t.api.call('POST', '/vpmn/v1/lookup', { enterpriseId: b, mobiles: ['110'] }, manager.token)).status).toBe(400);
    expect((await t.api.call('POST', '/vpmn/v1/lookup', { enterpriseId: b, mobiles: [] })).status).toBe(401);
  });

  describe('who may submit', () => {
    it('lets agents and counter staff submit rosters in their region, and nobody outside it', async () => {
      const ent = await enterprise();
      const agent = await t.api.device('jn.agent');
      const qingdao = await t.api.device('qd.manager');
      expect((await agent.push(rosterOp(ent, [person(31, '630001')]))).results[0]!.status).toBe('applied');
      expect((await qingdao.push(rosterOp(ent, [person(32, '630002')]))).results[0]).toMatchObject({
        status: 'rejected',
        code: 'forbidden',
      });
    });
  });
});
