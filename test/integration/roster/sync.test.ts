/**
 * Roster changes are orders (issue 12 item 5), against a real platform: submitted as
 * `roster.submit.v1` commands, opened by the BOSS simulation (the VPMN group number, each member's
 * short number confirmed), synced to every device; a number taken meanwhile comes back as a visible
 * conflict the manager resolves; an order the platform refuses leaves its members visibly refused.
 */
import { describe, expect, it } from 'vitest';
import type { Device } from '../../helpers/syncDevice';
import { useSyncRig } from '../../helpers/syncRig';
import { csvText, people } from '../../helpers/rosterFiles';
import { SIGNATURE_BASE64 } from '../orders/support';

const rig = useSyncRig({ proxy: false });
let nextIndex = 8100;

async function device(name: string): Promise<Device> {
  const d = await rig.device(name, { signedOut: true });
  await d.call('system.setOperator', { name: '李敏', channel: 'customer_manager' });
  await d.signIn(rig.platform.url, 'jn.manager', rig.platform.login('jn.manager').password);
  return d;
}

/** An enterprise with a signed 通信动力 order (VPMN), submitted unless `submit` is false. */
async function vpmnCustomer(d: Device, submit = true): Promise<{ enterpriseId: string; orderId: string }> {
  const enterpriseId = await d.createEnterprise(nextIndex++);
  const draft = await d.call('orders.create', { enterpriseId, kind: 'open', planCode: 'power-comm-1', date: '2026-11-16' });
  await d.call('orders.sign', { id: draft.id, signerName: '王建国', signaturePngBase64: SIGNATURE_BASE64 });
  if (submit) await d.call('orders.submit', { id: draft.id });
  return { enterpriseId, orderId: draft.id };
}

const boss = () => rig.platform.admin('POST', '/admin/boss/process');
const roster = (d: Device, enterpriseId: string) => d.call('roster.list', { enterpriseId });
const paste = (list: ReturnType<typeof people>) => ({ kind: 'paste' as const, text: csvText(list).replaceAll(',', '\t') });

describe('roster orders', () => {
  it('opens the group: the BOSS gives its VPMN number and confirms every short number, on both devices', async () => {
    const a = await device('A');
    const b = await device('B');
    const { enterpriseId } = await vpmnCustomer(a);
    const staff = people(5, 41);
    await a.call('roster.import', { enterpriseId, source: paste(staff) });
    expect((await roster(a, enterpriseId)).counts).toMatchObject({ members: 5, draft: 5 });
    expect(await a.call('roster.submit', { enterpriseId })).toEqual({ orders: 1, changes: 5 });
    expect((await roster(a, enterpriseId)).counts).toMatchObject({ pending: 5, draft: 0 });

    await a.sync();
    await boss();
    await a.sync();
    await b.sync();
    for (const d of [a, b]) {
      const view = await roster(d, enterpriseId);
      expect(view.groupNumber).toMatch(/^VP370102\d{4}$/);
      expect(view.members).toHaveLength(5);
      for (const m of view.members) expect(m).toMatchObject({ state: 'active', confirmedShortNumber: m.shortNumber, conflict: null });
    }
    expect((await roster(a, enterpriseId)).orders).toEqual([
      expect.objectContaining({ status: 'completed', changes: 5, confirmed: 5, sentBack: 0 }),
    ]);
    rig.invariants(a, b);
  }, 60_000);

  it('a number taken meanwhile comes back as a conflict naming who has it; changed and resubmitted, it is confirmed', async () => {
    const a = await device('A');
    const b = await device('B');
    const { enterpriseId } = await vpmnCustomer(a);
    await a.sync();
    await b.sync();
    // Both devices, offline, add a different person with the same number.
    await a.call('roster.addMember', {
      enterpriseId,
      fields: { name: '王伟', mobile: '13800138001', department: '销售部', title: '', shortNumber: '612399' },
    });
    const li = await b.call('roster.addMember', {
      enterpriseId,
      fields: { name: '李娜', mobile: '13900139001', department: '财务部', title: '', shortNumber: '612399' },
    });
    await a.call('roster.submit', { enterpriseId });
    await b.call('roster.submit', { enterpriseId });
    await a.sync();
    await boss();
    await b.sync();
    await boss();
    await b.sync();

    let mine = (await roster(b, enterpriseId)).members.find((m) => m.id === li.id)!;
    expect(mine).toMatchObject({ state: 'conflict', conflict: { code: 'short_number_taken', heldBy: '王伟' }, shortNumber: '612399' });
    expect((await roster(b, enterpriseId)).members.find((m) => m.name === '王伟')).toMatchObject({
      state: 'active',
      shortNumber: '612399',
    });

    await b.call('roster.updateMember', {
      id: li.id,
      fields: { name: '李娜', mobile: '13900139001', department: '财务部', title: '', shortNumber: '612398' },
    });
    expect((await roster(b, enterpriseId)).members.find((m) => m.id === li.id)).toMatchObject({ state: 'draft', conflict: null });
    await b.call('roster.submit', { enterpriseId });
    await b.sync();
    await boss();
    await b.sync();
    await a.sync();
    for (const d of [a, b]) {
      mine = (await roster(d, enterpriseId)).members.find((m) => m.id === li.id)!;
      expect(mine).toMatchObject({ state: 'active', shortNumber: '612398', confirmedShortNumber: '612398' });
    }
    rig.invariants(a, b);
  }, 90_000);

  it('removing a member and changing a number after opening go out as orders too', async () => {
    const a = await device('A');
    const { enterpriseId } = await vpmnCustomer(a);
    const staff = people(3, 43);
    await a.call('roster.import', { enterpriseId, source: paste(staff) });
    await a.call('roster.submit', { enterpriseId });
    await a.sync();
    await boss();
    await a.sync();
    const [first, second] = (await roster(a, enterpriseId)).members;
    await a.call('roster.removeMember', { id: first!.id });
    await a.call('roster.updateMember', {
      id: second!.id,
      fields: { name: second!.name, mobile: second!.mobile, department: second!.department, title: second!.title, shortNumber: '655555' },
    });
    const view = await roster(a, enterpriseId);
    expect(view.members.find((m) => m.id === first!.id)?.state).toBe('removing');
    expect(view.members.find((m) => m.id === second!.id)).toMatchObject({ state: 'draft', confirmedShortNumber: second!.shortNumber });
    await a.call('roster.submit', { enterpriseId });
    await a.sync();
    await boss();
    await a.sync();
    const after = await roster(a, enterpriseId);
    expect(after.members).toHaveLength(2);
    expect(after.members.find((m) => m.id === first!.id)).toBeUndefined();
    expect(after.members.find((m) => m.id === second!.id)).toMatchObject({
      state: 'active',
      shortNumber: '655555',
      confirmedShortNumber: '655555',
    });
    rig.invariants(a);
  }, 60_000);

  it('an order the platform refuses (the VPMN plan never reached it) leaves its members refused with the reason, and they go again', async () => {
    const a = await device('A');
    const { enterpriseId, orderId } = await vpmnCustomer(a, false); // signed here, never submitted
    await a.call('roster.import', { enterpriseId, source: paste(people(2, 44)) });
    await a.call('roster.submit', { enterpriseId });
    await a.sync();
    const refused = await roster(a, enterpriseId);
    expect(refused.orders[0]).toMatchObject({ status: 'refused', failure: { code: 'no_vpmn_subscription' } });
    expect(refused.members.map((m) => [m.state, m.conflict?.code])).toEqual([
      ['conflict', 'no_vpmn_subscription'],
      ['conflict', 'no_vpmn_subscription'],
    ]);

    await a.call('orders.submit', { id: orderId });
    expect(await a.call('roster.submit', { enterpriseId })).toEqual({ orders: 1, changes: 2 });
    await a.sync();
    await boss();
    await a.sync();
    expect((await roster(a, enterpriseId)).members.map((m) => m.state)).toEqual(['active', 'active']);
  }, 60_000);

  it('flags, on import, a member of another region’s group that only the platform knows', async () => {
    const a = await device('A');
    const { enterpriseId } = await vpmnCustomer(a);
    const [held] = people(1, 45);
    await a.call('roster.import', { enterpriseId, source: paste([held!]) });
    await a.call('roster.submit', { enterpriseId });
    await a.sync();
    await boss();

    const q = await rig.device('Q', { signedOut: true });
    await q.call('system.setOperator', { name: '张海涛', channel: 'customer_manager' });
    await q.signIn(rig.platform.url, 'qd.manager', rig.platform.login('qd.manager').password);
    const qingdao = await q.createEnterprise(nextIndex++, {
      region: { province: '山东省', city: '青岛市', district: '市南区' },
      address: '青岛市市南区香港中路8号',
    });
    await q.sync();
    const input = { enterpriseId: qingdao, source: paste([held!, ...people(1, 46)]) };
    const preview = await q.call('roster.previewImport', input);
    expect(preview.otherGroupsChecked).toBe('platform');
    expect(preview.refused).toEqual([expect.objectContaining({ row: 2, code: 'roster.in_other_group', mobile: held!.mobile })]);
    expect(preview.added).toHaveLength(1);
    // Offline, the device says it could check only what it holds.
    await q.call('sync.signOut', {});
    expect((await q.call('roster.previewImport', input)).otherGroupsChecked).toBe('this_device');
  }, 60_000);

  it('says what is missing instead of submitting: no VPMN plan, nothing to submit', async () => {
    const a = await device('A');
    const enterpriseId = await a.createEnterprise(nextIndex++);
    await a.call('roster.addMember', { enterpriseId, fields: { name: '王伟', mobile: '13800138009', department: '', title: '' } });
    const noPlan = await a.transport.invoke('roster.submit', { enterpriseId });
    expect(noPlan.ok ? '' : noPlan.error.code).toBe('roster.no_vpmn_plan');
    const { enterpriseId: other } = await vpmnCustomer(a);
    const nothing = await a.transport.invoke('roster.submit', { enterpriseId: other });
    expect(nothing.ok ? '' : nothing.error.code).toBe('roster.nothing_to_submit');
  });
});
