/**
 * A group's 动力100 services on a real backend: what its plan includes, the switchboard and SMS
 * groups naming only roster members, and the ring-back tone — format and length read from the
 * file itself, the catalog's limits (samples) enforced, the tone played back as stored.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Switchboard } from '../../../shared/domain/groupServices';
import { m4aFile, mp3Silence, wavTone } from '../../helpers/audioFiles';
import { createTestBackend, type TestBackend } from '../../helpers/backend';
import { FIXTURES_DIR } from '../../helpers/paths';
import { errorCode, setUp, SIGNATURE_BASE64 } from '../orders/support';

let t: TestBackend;
let enterpriseId: string;
let members: Record<string, string>;

beforeEach(async () => {
  t = createTestBackend();
  enterpriseId = await setUp(t);
  const add = async (name: string, mobile: string, department: string) =>
    (await t.call('roster.addMember', { enterpriseId, fields: { name, mobile, department, title: '' } })).id;
  members = {
    wang: await add('王伟', '13800138000', '销售部'),
    li: await add('李娜', '13900139000', '财务部'),
    zhao: await add('赵敏', '13700137000', '销售部'),
  };
});
afterEach(() => t.cleanup());

async function sign(planCode: string) {
  const draft = await t.call('orders.create', { enterpriseId, kind: 'open', planCode, date: '2026-11-16' });
  await t.call('orders.sign', { id: draft.id, signerName: '王建国', signaturePngBase64: SIGNATURE_BASE64 });
}

const switchboard = (over: Partial<Switchboard> = {}): Switchboard => ({
  number: '053188886666',
  extensionsFollowShortNumbers: true,
  hours: { days: [1, 2, 3, 4, 5], open: '08:30', close: '17:30' },
  greeting: { open: '您好，这里是泉城茶业，请拨分机号，查号请按0。', closed: '现在是非工作时间，请在工作日 8:30–17:30 来电。' },
  transfers: [{ key: '0', label: '前台', memberId: members.li! }],
  operatorMemberId: members.li!,
  ...over,
});
const tone = (name: string, bytes: Buffer) => ({ enterpriseId, file: { name, base64: bytes.toString('base64') } });

describe('what the plan includes', () => {
  it('follows the signed plan: nothing before one is signed, then what 通信动力一 brings (the switchboard)', async () => {
    expect((await t.call('services.get', { enterpriseId })).included).toEqual({ switchboard: false, smsGroups: false, ringTone: false });
    await sign('power-comm-1');
    expect((await t.call('services.get', { enterpriseId })).included).toEqual({ switchboard: true, smsGroups: false, ringTone: false });
  });
});

describe('switchboard and SMS groups', () => {
  it('keeps a switchboard whose transfers name roster members, and refuses one naming somebody else or closing before it opens', async () => {
    const saved = await t.call('services.setSwitchboard', { enterpriseId, switchboard: switchboard() });
    expect(saved.switchboard).toMatchObject({ number: '053188886666', transfers: [{ key: '0', memberId: members.li }] });
    expect(await errorCode(t, 'services.setSwitchboard', { enterpriseId, switchboard: switchboard({ operatorMemberId: 'nobody' }) })).toBe(
      'services.member_unknown',
    );
    const late = await t.transport.invoke('services.setSwitchboard', {
      enterpriseId,
      switchboard: switchboard({ hours: { days: [1], open: '18:00', close: '09:00' } }),
    });
    expect(late.ok ? null : late.error.issues?.map((i) => i.code)).toEqual(['services.hours_order']);
    expect((await t.call('services.get', { enterpriseId })).switchboard?.hours.open).toBe('08:30'); // nothing lost
  });

  it('keeps SMS groups by department or by hand, and refuses a department nobody is in', async () => {
    const groups = [
      { id: 'g1', name: '销售部全员', kind: 'department' as const, department: '销售部' },
      { id: 'g2', name: '管理层', kind: 'members' as const, memberIds: [members.wang!, members.li!] },
    ];
    expect((await t.call('services.setSmsGroups', { enterpriseId, groups })).smsGroups).toEqual(groups);
    expect(
      await errorCode(t, 'services.setSmsGroups', {
        enterpriseId,
        groups: [{ id: 'g3', name: '研发', kind: 'department', department: '研发部' }],
      }),
    ).toBe('services.department_unknown');
  });
});

describe('ring-back tone', () => {
  it.each([
    ['铃声.wav', () => wavTone(3), 'wav', 3],
    ['彩铃.mp3', () => mp3Silence(30), 'mp3', 30],
    ['彩铃.m4a', () => m4aFile(25), 'm4a', 25],
  ])('reads %s: its format and length from the file', async (name, make, format, seconds) => {
    const bytes = make();
    const view = await t.call('services.uploadRingTone', tone(name, bytes));
    expect(view.ringTone).toMatchObject({ fileName: name, format, bytes: bytes.length, members: 'all' });
    expect(view.ringTone!.durationSeconds).toBeCloseTo(seconds, 0);
    const played = await t.call('services.ringToneAudio', { sha256: view.ringTone!.sha256 });
    expect(Buffer.from(played.base64, 'base64').equals(bytes)).toBe(true);
  });

  it('refuses a tone longer or larger than the catalog allows, or a file that is not audio; the tone already there stays', async () => {
    const limits = (await t.call('services.get', { enterpriseId })).ringToneLimits;
    expect(limits).toMatchObject({ maxSeconds: 40, sample: true });
    await t.call('services.uploadRingTone', tone('a.wav', wavTone(2)));
    expect(await errorCode(t, 'services.uploadRingTone', tone('long.mp3', mp3Silence(60)))).toBe('services.ringtone_too_long');
    expect(await errorCode(t, 'services.uploadRingTone', tone('big.wav', wavTone(150)))).toBe('services.ringtone_too_large');
    const png = readFileSync(path.join(FIXTURES_DIR, 'signatures', 'wang-jianguo.png'));
    expect(['services.ringtone_format', 'services.ringtone_unreadable']).toContain(
      await errorCode(t, 'services.uploadRingTone', tone('铃声.mp3', png)),
    );
    expect((await t.call('services.get', { enterpriseId })).ringTone?.fileName).toBe('a.wav');
  });

  it('gives the tone to members picked by hand, only roster members', async () => {
    await t.call('services.uploadRingTone', tone('a.wav', wavTone(2)));
    expect((await t.call('services.setRingToneMembers', { enterpriseId, members: [members.wang!] })).ringTone?.members).toEqual([
      members.wang,
    ]);
    expect(await errorCode(t, 'services.setRingToneMembers', { enterpriseId, members: ['ghost'] })).toBe('services.member_unknown');
  });
});
