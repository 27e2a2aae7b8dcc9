/**
 * What the platform decides and a client may not claim (issue 8, items 6 and 8): versions, the role
 * policy of platform/README.md, what another region's records reveal, administrator input.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  QINGDAO,
  createEnterprise,
  describeOnDatabases,
  orderOp,
  rowId,
  startTestPlatform,
  updateOp,
  type Device,
  type TestPlatform,
} from './helpers';

describeOnDatabases('versions and roles', (database) => {
  let t: TestPlatform;
  let manager: Device;
  let clerk: Device;
  let agent: Device;
  let admin: string;
  let n = 600;
  beforeAll(async () => {
    t = await startTestPlatform({ database });
    [manager, clerk, agent] = [await t.api.device('jn.manager'), await t.api.device('jn.clerk'), await t.api.device('jn.agent')];
    admin = (await t.api.login('admin')).accessToken;
  });
  afterAll(async () => t.close());

  async function enterprise(): Promise<string> {
    const id = rowId('ent');
    expect((await manager.push(createEnterprise(++n, undefined, id))).results[0]!.status).toBe('applied');
    return id;
  }

  const row = async (id: string) =>
    await t.platform.ctx.database.db.selectFrom('enterprise').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

  it('rejects a base version above the server’s as invalid: it neither overwrites another device’s edit nor skips the delete conflict', async () => {
    const id = await enterprise();
    await clerk.push(updateOp('enterprise', id, { manager: '李经理' }, 1));
    const claimed = await manager.push(updateOp('enterprise', id, { manager: '王经理' }, 1_000_000), {
      tbl: 'enterprise',
      rowId: id,
      kind: 'delete',
      patch: {},
      baseVersion: 1_000_000,
    });
    expect(claimed.results.map((r) => [r.status, r.code])).toEqual([
      ['rejected', 'invalid'],
      ['rejected', 'invalid'],
    ]);
    const stored = await row(id);
    expect([Number(stored.version), Number(stored.deleted), JSON.parse(stored.data).manager]).toEqual([2, 0, '李经理']);
  });

  it('does not reveal the id or contents of another region’s enterprise holding the same credit code', async () => {
    const jinan = createEnterprise(++n);
    await manager.push(jinan);
    const qingdao = await t.api.device('qd.manager');
    const res = await qingdao.push({ ...createEnterprise(n, QINGDAO), rowId: rowId('ent') });
    expect(res.results[0]).toMatchObject({ status: 'conflict', kind: 'duplicate_key' });
    expect(JSON.stringify(res.results[0])).not.toContain(jinan.rowId);
    expect(res.results[0]!.row).toBeUndefined();
  });

  it('lets only managers and administrators restore what was deleted: a clerk’s or agent’s update of a tombstone is forbidden', async () => {
    const id = await enterprise();
    await manager.push({ tbl: 'enterprise', rowId: id, kind: 'delete', patch: {}, baseVersion: 1 });
    const byClerk = await clerk.push(updateOp('enterprise', id, { manager: '李经理' }, 2));
    const byAgent = await agent.push(updateOp('enterprise', id, { manager: '赵经理' }, 2));
    expect([byClerk.results[0]!.code, byAgent.results[0]!.code]).toEqual(['forbidden', 'forbidden']);
    expect(Number((await row(id)).deleted)).toBe(1);
    const byManager = await manager.push(updateOp('enterprise', id, { manager: '王经理' }, 2));
    expect(byManager.results[0]).toMatchObject({ status: 'applied', version: 3 });
  });

  it('lets an agent open a subscription but not cancel or change one', async () => {
    const id = await enterprise();
    expect((await agent.push(orderOp(id, 'open', 'site-standard'))).results[0]!.status).toBe('applied');
    await t.api.call('POST', '/admin/boss/process', undefined, admin);
    const res = await agent.push(orderOp(id, 'cancel', 'site-standard'), orderOp(id, 'change', 'site-business'));
    expect(res.results.map((r) => r.code)).toEqual(['forbidden', 'forbidden']);
    expect((await clerk.push(orderOp(id, 'cancel', 'site-standard'))).results[0]!.status).toBe('applied');
  });

  it('answers 400 to an administrator’s user change that changes nothing, and 404 to an unknown user', async () => {
    const empty = await t.api.call('PATCH', '/admin/users/jn.clerk', {}, admin);
    expect(empty.status).toBe(400);
    expect(empty.body.code).toBe('invalid_request');
    expect((await t.api.call('PATCH', '/admin/users/nobody', { role: 'agent' }, admin)).status).toBe(404);
  });
});
