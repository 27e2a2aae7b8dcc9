/** The opening SMS (issue 8, item 5): customer text cannot pose as the operator, and never shares a message with the password. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { smsSafeText } from '../src/boss/welcomeSms';
import {
  createEnterprise,
  describeOnDatabases,
  enterpriseFields,
  orderOp,
  rowId,
  startPlatformWithManager,
  type Device,
  type Loose,
  type TestPlatform,
} from './helpers';

const PHISHING_NAME = '泉城茶业\n【中国移动】您的账户异常，请立即访问 http://evil.example/x 验证';

describe('smsSafeText', () => {
  it('makes customer text one line, without 【】 or web addresses, at most 20 characters', () => {
    expect(smsSafeText('济南泉城茶业有限公司')).toBe('济南泉城茶业有限公司');
    expect(smsSafeText('泉城茶业\r\n第二行\u2028第三行\u202e')).toBe('泉城茶业 第二行 第三行');
    expect(smsSafeText('〖中国移动〗【10086】［客服］茶业')).toBe('中国移动 10086 客服 茶业');
    expect(smsSafeText('访问 https://evil.example/x?a=1 或 www.evil.cn 或 evil.example/y 或 ｅｖｉｌ．ｃｎ')).toBe('访问 或 或 或');
    expect(smsSafeText('3.5 折茶叶 有限公司。欢迎光临')).toBe('3.5 折茶叶 有限公司。欢迎光临');
    const safe = smsSafeText(PHISHING_NAME);
    expect([...safe].length).toBeLessThanOrEqual(20);
    expect(safe).toMatch(/^泉城茶业 中国移动/);
    expect(safe).not.toMatch(/[【】\n]|evil|http/);
  });
});

describeOnDatabases('opening SMS', (database) => {
  let t: TestPlatform;
  let manager: Device;
  let admin: string;
  beforeAll(async () => {
    ({ t, manager, admin } = await startPlatformWithManager({ database }));
  });
  afterAll(async () => t.close());

  it('sends the maintenance password in a message without the enterprise’s own text, and the name only made safe', async () => {
    const ent = rowId('ent');
    const order = orderOp(ent, 'open', 'site-business', { secondLevelDomain: { label: 'quancheng-tea' } });
    const pushed = await manager.push(
      { ...createEnterprise(7, undefined, ent), patch: { ...enterpriseFields(7), name: PHISHING_NAME } },
      order,
    );
    expect(pushed.results.map((r) => r.status)).toEqual(['applied', 'applied']);
    await t.api.call('POST', '/admin/boss/process', undefined, admin);

    const outbox = await t.api.call<{ messages: Loose[] }>('GET', '/admin/sms-outbox?mobile=13805310002', undefined, admin);
    const messages = outbox.body.messages.filter((m) => m.orderId === order.rowId);
    const changes = await manager.pullAll();
    const opening = (changes.filter((c) => c.id === order.rowId).at(-1)!.row as Loose).opening;
    const password: string = opening.maintenanceAccount.initialPassword;

    const withPassword = messages.filter((m) => m.text.includes(password));
    expect(withPassword).toHaveLength(1);
    expect(withPassword[0].text).not.toContain('泉城茶业');
    for (const m of messages) {
      expect(m.text).not.toMatch(/[\r\n]/);
      expect(m.text).not.toMatch(/evil|【中国移动】/);
      expect(m.text.match(/【/g)).toHaveLength(1); // the operator's signature only
      expect(m.text).toMatch(/^【集团客户】/);
    }
    expect(messages.some((m) => m.text.includes('泉城茶业') && !m.text.includes(password))).toBe(true);
  });
});
