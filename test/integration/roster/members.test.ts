/** One member at a time: adding by hand, changing a number with its effect shown first, rules and renumbering, removing and undoing. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestBackend, type TestBackend } from '../../helpers/backend';
import { csvText, people } from '../../helpers/rosterFiles';
import { errorCode, setUp } from '../orders/support';

let t: TestBackend;
let enterpriseId: string;
beforeEach(async () => {
  t = createTestBackend();
  enterpriseId = await setUp(t);
});
afterEach(() => t.cleanup());

const fields = (name: string, mobile: string, extra: Record<string, unknown> = {}) => ({
  name,
  mobile,
  department: '销售部',
  title: '经理',
  ...extra,
});

describe('members by hand', () => {
  it('adds a China Mobile member with the next number by the rules; refuses other operators unless confirmed as moved (携号转网)', async () => {
    const wang = await t.call('roster.addMember', { enterpriseId, fields: fields('王伟', '138 0013 8000') });
    expect(wang).toMatchObject({
      mobile: '13800138000',
      shortNumber: expect.stringMatching(/^6\d{5}$/),
      state: 'draft',
      chinaMobile: true,
      portedIn: false,
    });
    expect(await errorCode(t, 'roster.addMember', { enterpriseId, fields: fields('李娜', '18612345678') })).toBe('roster.not_china_mobile');
    const li = await t.call('roster.addMember', { enterpriseId, fields: fields('李娜', '18612345678', { portedIn: true }) });
    expect(li).toMatchObject({ chinaMobile: true, portedIn: true });
    expect(await errorCode(t, 'roster.addMember', { enterpriseId, fields: fields('王伟二', '13800138000') })).toBe(
      'roster.duplicate_mobile',
    );
    expect(await errorCode(t, 'roster.addMember', { enterpriseId, fields: fields('赵敏', '12345') })).toBe('roster.mobile_invalid');
  });

  it('refuses a taken or forbidden number typed by hand, and takes an easy one', async () => {
    await t.call('roster.addMember', { enterpriseId, fields: fields('王伟', '13800138000', { shortNumber: '612345' }) });
    const li = await t.call('roster.addMember', { enterpriseId, fields: fields('李娜', '13900139000', { shortNumber: '612346' }) });
    expect(await errorCode(t, 'roster.updateMember', { id: li.id, fields: fields('李娜', '13900139000', { shortNumber: '612345' }) })).toBe(
      'roster.short_number_taken',
    );
    expect(await errorCode(t, 'roster.updateMember', { id: li.id, fields: fields('李娜', '13900139000', { shortNumber: '119000' }) })).toBe(
      'roster.short_number_invalid',
    );
    const moved = await t.call('roster.updateMember', { id: li.id, fields: fields('李娜', '13900139000', { shortNumber: '688888' }) });
    expect(moved.shortNumber).toBe('688888'); // an easy number, given by hand
  });

  it('renumbers, under new rules, only the numbers the rules gave (not those from the file or typed by hand)', async () => {
    const staff = people(6, 31).map((p, i) => ({
      ...p,
      department: i < 3 ? '销售部' : '财务部',
      ...(i === 0 ? { shortNumber: '623456' } : {}),
    }));
    await t.call('roster.import', { enterpriseId, source: { kind: 'paste', text: csvText(staff).replaceAll(',', '\t') } });
    const view = await t.call('roster.setRules', {
      enterpriseId,
      rules: { firstDigit: '7', departmentBlocks: [{ department: '销售部', prefix: '7100' }], reserved: [] },
      renumber: true,
    });
    const number = (mobile: string) => view.members.find((m) => m.mobile === mobile)!.shortNumber!;
    expect(number(staff[0]!.mobile)).toBe('623456');
    expect([number(staff[1]!.mobile), number(staff[2]!.mobile)].every((n) => n.startsWith('7100'))).toBe(true);
    expect(staff.slice(3).every((p) => number(p.mobile).startsWith('7') && !number(p.mobile).startsWith('7100'))).toBe(true);
    expect(
      await errorCode(t, 'roster.setRules', {
        enterpriseId,
        rules: {
          firstDigit: '7',
          departmentBlocks: [
            { department: '销售部', prefix: '71' },
            { department: '财务部', prefix: '7100' },
          ],
          reserved: [],
        },
      }),
    ).toBe('roster.rules_invalid');
  });

  it('removing a member never confirmed forgets it; discarding a change of a draft forgets the draft', async () => {
    const wang = await t.call('roster.addMember', { enterpriseId, fields: fields('王伟', '13800138000') });
    expect(await t.call('roster.removeMember', { id: wang.id })).toEqual({ id: wang.id, removed: 'deleted' });
    const li = await t.call('roster.addMember', { enterpriseId, fields: fields('李娜', '13900139000') });
    expect(await t.call('roster.discardChange', { id: li.id })).toEqual({ id: li.id, member: null });
    expect((await t.call('roster.list', { enterpriseId })).members).toEqual([]);
    const trail = await t.call('enterprises.audit', { id: enterpriseId });
    expect(trail.map((e) => e.action)).toEqual(['enterprise.created']); // roster entries live on the members
  });
});
