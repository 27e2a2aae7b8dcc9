/**
 * Orders are commands (SYNC.md §3.5, §3.12 (16), (18)): submitted once even when replayed, the
 * BOSS opening result (group code, domain, SMS code, maintenance account) comes back to every
 * device, a withdrawn plan is rejected visibly while later ops go through, and an order may
 * arrive before its enterprise.
 */
import { describe, expect, it } from 'vitest';
import { pathIs } from '../../helpers/faultProxy';
import type { Device, DeviceOptions } from '../../helpers/syncDevice';
import { useSyncRig } from '../../helpers/syncRig';
import { checkInvariants, openPlatformDb } from '../../helpers/syncInvariants';
import { SIGNATURE_BASE64 } from '../orders/support';
import { PORTAL_PROMOTION_CODE } from '../../../shared/domain/catalog';
import { chinaDate } from '../../../shared/domain/dates';

const rig = useSyncRig();
let nextIndex = 7000;

async function device(name: string, options: DeviceOptions = {}): Promise<Device> {
  const d = await rig.device(name, { ...options, signedOut: true });
  await d.call('system.setOperator', { name: '李敏', channel: 'customer_manager' });
  await d.signIn(rig.proxy.url, 'jn.manager', rig.platform.login('jn.manager').password);
  return d;
}

async function submittedOrder(d: Device, enterpriseId: string, planCode = 'site-standard'): Promise<string> {
  const draft = await d.call('orders.create', { enterpriseId, kind: 'open', planCode, date: '2026-11-16' });
  await d.call('orders.sign', { id: draft.id, signerName: '王建国', signaturePngBase64: SIGNATURE_BASE64 });
  await d.call('orders.submit', { id: draft.id });
  return draft.id;
}

const platformCount = (sql: string, ...args: unknown[]) => {
  const db = openPlatformDb(rig.platform.dataDir);
  try {
    return db
      .prepare(sql)
      .pluck()
      .get(...args) as number;
  } finally {
    db.close();
  }
};

describe('orders', () => {
  it('(18) submits an order once even when the answer is lost, and brings the BOSS opening back to both devices', async () => {
    const a = await device('A');
    const b = await device('B');
    const enterpriseId = await a.createEnterprise(nextIndex++);
    const orderId = await submittedOrder(a, enterpriseId);
    rig.proxy.inject({ match: pathIs('/sync/v1/push'), fault: { kind: 'drop_after' } });
    expect((await a.sync()).outcome).toBe('offline');
    const report = await a.sync();
    expect(report).toMatchObject({ outcome: 'ok', conflicts: 0, pending: 0 });
    expect(await a.call('sync.conflicts', {})).toEqual([]);
    expect(platformCount('SELECT count(*) FROM service_order WHERE id = ?', orderId)).toBe(1);
    expect(platformCount('SELECT count(*) FROM subscription WHERE enterprise_id = ?', enterpriseId)).toBe(1);

    await rig.platform.admin('POST', '/admin/boss/process');
    await a.sync();
    await b.sync();
    for (const d of [a, b]) {
      const info = await d.call('sync.platformInfo', { enterpriseId });
      expect(info.status).toBe('opened');
      expect(info.groupCode).toMatch(/^JT/);
      expect(info.orders).toEqual([
        expect.objectContaining({
          orderId,
          platformStatus: 'opened',
          opening: expect.objectContaining({
            groupCode: info.groupCode,
            maintenanceAccount: expect.objectContaining({ login: expect.any(String) }),
          }),
        }),
      ]);
      expect((await d.call('enterprises.get', { id: enterpriseId })).groupCode).toBe(info.groupCode);
    }
    // The order itself says what the platform did with it (the enterprise page's order list shows 已开通).
    expect(await a.call('orders.get', { id: orderId })).toMatchObject({ status: 'submitted', platformStatus: 'opened' });
    checkInvariants({ platformDataDir: rig.platform.dataDir, devices: [a, b].map((device) => ({ device, scopes: ['山东省/济南市'] })) });
  }, 60_000);
});

describe('orders and the catalog', () => {
  it('(18) rejects an order for a withdrawn plan visibly, processes the ops after it, and brings the new catalog', async () => {
    const a = await device('A');
    const enterpriseId = await a.createEnterprise(nextIndex++);
    await a.sync();
    const { SEED_CATALOG } = await import('../../../shared/domain/catalog');
    await rig.platform.admin('POST', '/admin/catalog', {
      plans: SEED_CATALOG.plans.map((p) => (p.code === 'site-business' ? { ...p, available: false } : p)),
    });
    const orderId = await submittedOrder(a, enterpriseId, 'site-business'); // the device still holds the old catalog
    await a.editEnterprise(enterpriseId, (f) => ({ ...f, address: '济南市历下区撤销套餐后路1号' }));
    const report = await a.sync();
    expect(report).toMatchObject({ outcome: 'ok', pending: 0, conflicts: 1, pushed: 1 });
    expect(
      a
        .outbox()
        .slice(-2)
        .map((o) => [o.kind, o.status]),
    ).toEqual([
      ['command', 'rejected'],
      ['update', 'acked'],
    ]);
    const [rejected] = await a.call('sync.conflicts', {});
    expect(rejected).toMatchObject({ kind: 'rejected', tbl: 'service_order', rowId: orderId, code: 'plan_not_available' });
    expect(platformCount('SELECT count(*) FROM service_order WHERE id = ?', orderId)).toBe(0);
    expect(
      platformCount(
        `SELECT count(*) FROM enterprise WHERE id = ? AND json_extract(data, '$.address') = ?`,
        enterpriseId,
        '济南市历下区撤销套餐后路1号',
      ),
    ).toBe(1);
    const catalog = a.db.prepare('SELECT max(version) AS v FROM catalog').get() as { v: number };
    expect(catalog.v).toBeGreaterThan(1);
    const plans = JSON.parse(a.db.prepare('SELECT data_json FROM catalog ORDER BY version DESC LIMIT 1').pluck().get() as string).plans as {
      code: string;
      available: boolean;
    }[];
    expect(plans.find((p) => p.code === 'site-business')!.available).toBe(false);
    await rig.platform.admin('POST', '/admin/catalog', { plans: SEED_CATALOG.plans });
  }, 60_000);

  it('(16) an order delivered before its enterprise applies, and the list still works until the enterprise arrives', async () => {
    const a = await device('A');
    const enterpriseId = await a.createEnterprise(nextIndex++);
    const orderId = await submittedOrder(a, enterpriseId);
    await a.sync();
    await a.editEnterprise(enterpriseId, (f) => ({ ...f, manager: '后改经理' })); // the enterprise's seq now follows its order's
    await a.sync();
    const b = await device('B', { setup: { pullLimit: 1 } });
    rig.proxy.inject({ match: pathIs('/sync/v1/pull'), after: 1, fault: { kind: 'drop_before' }, times: 1 });
    const first = await b.sync();
    expect(first.outcome).toBe('offline');
    const rows = b.db
      .prepare(
        `SELECT 'service_order' AS t, id FROM service_order UNION ALL SELECT tbl, id FROM sync_row UNION ALL SELECT 'enterprise', id FROM enterprise`,
      )
      .all() as { t: string; id: string }[];
    expect(rows).toHaveLength(1);
    expect(rows[0]!.t).not.toBe('enterprise');
    expect((await b.call('enterprises.list', {})).rows).toEqual([]);
    await b.settle();
    expect((await b.call('enterprises.get', { id: enterpriseId })).manager).toBe('后改经理');
    expect((await b.call('sync.platformInfo', { enterpriseId })).orders.map((o) => o.orderId)).toEqual([orderId]);
  }, 60_000);
  it('refuses a promotion signed offline yesterday for yesterday, and the order says why', async () => {
    const a = await device('A');
    const enterpriseId = await a.createEnterprise(nextIndex++);
    await submittedOrder(a, enterpriseId);
    await a.sync();
    await rig.platform.admin('POST', '/admin/boss/process');
    await a.sync(); // the plan is active on both sides
    // The platform runs on the real clock: the device signs on the platform's yesterday, offline, for that day.
    const yesterday = new Date(Date.now() - 24 * 3600_000);
    a.clock.set(`${chinaDate(yesterday)}T16:00:00+08:00`);
    const draft = await a.call('orders.create', {
      enterpriseId,
      kind: 'open',
      planCode: PORTAL_PROMOTION_CODE,
      date: chinaDate(yesterday),
    });
    await a.call('orders.sign', { id: draft.id, signerName: '王建国', signaturePngBase64: SIGNATURE_BASE64 });
    await a.call('orders.submit', { id: draft.id });
    a.clock.set(new Date().toISOString());

    expect(await a.sync()).toMatchObject({ outcome: 'ok', pending: 0, conflicts: 1 });
    const [refused] = await a.call('sync.conflicts', {});
    expect(refused).toMatchObject({ kind: 'rejected', tbl: 'service_order', rowId: draft.id, code: 'promotion_start_past' });
    const info = await a.call('sync.platformInfo', { enterpriseId });
    expect(info.orders.find((o) => o.orderId === draft.id)?.failure).toMatchObject({ code: 'promotion_start_past' });
    expect(platformCount('SELECT count(*) FROM service_order WHERE id = ?', draft.id)).toBe(0);
    expect(platformCount('SELECT count(*) FROM portal_promotion WHERE enterprise_id = ?', enterpriseId)).toBe(0);
  }, 60_000);
});
