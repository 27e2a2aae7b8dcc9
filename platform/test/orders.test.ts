/** Orders are commands on a state machine, opened by the BOSS simulation (brief: 开通), never merged. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEED_CATALOG } from '../../shared/domain/catalog';
import type { Change } from '../../shared/platform-api/sync';
import {
  describeOnDatabases,
  createEnterprise,
  orderOp,
  rowId,
  startPlatformWithManager,
  startTestPlatform,
  type Device,
  type Loose,
  type TestPlatform,
} from './helpers';

describeOnDatabases('orders', (database) => {
  let t: TestPlatform;
  let manager: Device;
  let admin: string;
  let n = 300;

  beforeAll(async () => {
    ({ t, manager, admin } = await startPlatformWithManager({ database }));
  });
  afterAll(async () => t.close());

  async function enterprise(): Promise<string> {
    const id = rowId('ent');
    await manager.push(createEnterprise(++n, undefined, id));
    return id;
  }

  const subscriptions = (enterpriseId: string) =>
    t.platform.ctx.database.db
      .selectFrom('subscription')
      .select(['id', 'status', 'data'])
      .where('enterprise_id', '=', enterpriseId)
      .execute();

  const processBoss = () =>
    t.api.call<{ processed: { orderId: string; status: string }[] }>('POST', '/admin/boss/process', undefined, admin);

  const latest = (changes: Change[], tbl: string, id: string) => changes.filter((c) => c.tbl === tbl && c.id === id).at(-1);

  describe('order.submit.v1', () => {
    it('accepts an open order: order submitted, subscription opening, enterprise opening', async () => {
      const ent = await enterprise();
      const op = orderOp(ent, 'open', 'site-standard');
      const res = await manager.push(op);
      expect(res.results[0]).toMatchObject({
        status: 'applied',
        row: { id: op.rowId, status: 'submitted', kind: 'open', planCode: 'site-standard', opening: null },
      });
      expect((await subscriptions(ent)).map((s) => s.status)).toEqual(['opening']);
    });

    it('makes one subscription when the same order is submitted twice (a retried command with a new mutation)', async () => {
      const ent = await enterprise();
      const op = orderOp(ent, 'open', 'site-business');
      const first = await manager.push(op);
      const second = await manager.push({ ...op }); // new opSeq and mutationId, same order id
      expect(second.results[0]).toMatchObject({ status: 'applied', row: { id: op.rowId } });
      expect(second.results[0]!.version).toBe(first.results[0]!.version);
      expect(await subscriptions(ent)).toHaveLength(1);
    });

    it('rejects a second open order while a subscription exists, and a change or cancel without an active one', async () => {
      const ent = await enterprise();
      await manager.push(orderOp(ent, 'open', 'site-standard'));
      const res = await manager.push(
        orderOp(ent, 'open', 'site-business'),
        orderOp(ent, 'change', 'site-business'),
        orderOp(ent, 'cancel', 'site-standard'),
      );
      expect(res.results.map((r) => r.code)).toEqual(['subscription_exists', 'no_active_subscription', 'no_active_subscription']);
    });

    it('rejects an order for a plan withdrawn from the catalog and still processes the ops behind it', async () => {
      const withdrawn = SEED_CATALOG.plans.map((p) => (p.code === 'power-office-1' ? { ...p, available: false } : p));
      const published = await t.api.call('POST', '/admin/catalog', { plans: withdrawn }, admin);
      expect(published.status).toBe(201);
      const ent = await enterprise();
      const res = await manager.push(orderOp(ent, 'open', 'power-office-1'), orderOp(ent, 'open', 'site-standard'));
      expect(res.results.map((r) => r.status)).toEqual(['rejected', 'applied']);
      expect(res.results[0]).toMatchObject({ code: 'plan_not_available', retryable: false });
      const catalog = await t.api.call('GET', '/catalog/v1?since=1', undefined, manager.token);
      expect(catalog.body).toMatchObject({ version: 2, catalog: { version: 2, source: 'platform' } });
      const upToDate = await t.api.call('GET', '/catalog/v1?since=2', undefined, manager.token);
      expect(upToDate.body).toEqual({ version: 2, catalog: null });
    });

    it('rejects an order whose args do not match its row id or the schema', async () => {
      const ent = await enterprise();
      const op = orderOp(ent, 'open', 'site-standard');
      const res = await manager.push(
        { ...op, rowId: 'other' },
        { ...op, patch: { ...op.patch, signerName: '' } },
        { ...op, name: 'order.explode.v1' },
      );
      expect(res.results.map((r) => r.code)).toEqual(['order_mismatch', 'invalid', 'unknown_command']);
    });
  });

  describe('BOSS opening', () => {
    it('opens the order: group code, second-level domain, SMS extension, maintenance account; pull shows it; welcome SMS queued', async () => {
      const ent = await enterprise();
      const op = orderOp(ent, 'open', 'site-business', { secondLevelDomain: { label: 'quancheng-tech' } });
      await manager.push(op);
      const processed = await processBoss();
      expect(processed.body.processed).toContainEqual({ orderId: op.rowId, status: 'opened' });

      const changes = await manager.pullAll();
      const order = latest(changes, 'service_order', op.rowId)!.row as Loose;
      expect(order.status).toBe('opened');
      expect(order.opening).toMatchObject({
        groupCode: expect.stringMatching(/^JT370102\d{4}$/),
        domain: { label: 'quancheng-tech', fqdn: 'quancheng-tech.ec.example.com' },
        smsServiceCode: { extension: expect.stringMatching(/^\d{4,}$/) },
        maintenanceAccount: { login: expect.any(String), initialPassword: expect.stringMatching(/^\S{10}$/) },
        status: 'opened',
      });
      const company = latest(changes, 'enterprise', ent)!.row as Loose;
      expect(company).toMatchObject({ status: 'opened', groupCode: order.opening.groupCode });
      const sub = changes.find((c) => c.tbl === 'subscription' && (c.row as Loose)?.enterpriseId === ent);
      expect(latest(changes, 'subscription', sub!.id)!.row).toMatchObject({ status: 'active', planCode: 'site-business' });

      const outbox = await t.api.call<{ messages: Loose[] }>('GET', '/admin/sms-outbox?mobile=13805310002', undefined, admin);
      const sms = outbox.body.messages.find((m) => m.orderId === op.rowId);
      expect(sms).toMatchObject({ mobile: '13805310002', kind: 'welcome', status: 'queued' });
      expect(sms.text).toContain(order.opening.groupCode);
      expect(sms.text).toContain(order.opening.maintenanceAccount.initialPassword);
      expect(sms.text).toContain('quancheng-tech.ec.example.com');
    });

    it('derives a second-level domain from the enterprise when no label is given, and omits it when not asked', async () => {
      const [e1, e2] = [await enterprise(), await enterprise()];
      const asked = orderOp(e1, 'open', 'site-standard', { secondLevelDomain: {} });
      const plain = orderOp(e2, 'open', 'site-standard');
      await manager.push(asked, plain);
      await processBoss();
      const changes = await manager.pullAll();
      expect((latest(changes, 'service_order', asked.rowId)!.row as Loose).opening.domain.label).toMatch(/^ec[0-9a-z]{9}$/);
      expect((latest(changes, 'service_order', plain.rowId)!.row as Loose).opening.domain).toBeNull();
    });

    it('processes each order once: a second run finds nothing to do', async () => {
      const ent = await enterprise();
      await manager.push(orderOp(ent, 'open', 'site-standard'));
      await processBoss();
      expect((await processBoss()).body.processed).toEqual([]);
    });

    it('changes and cancels an active subscription', async () => {
      const ent = await enterprise();
      await manager.push(orderOp(ent, 'open', 'site-standard'));
      await processBoss();
      const change = orderOp(ent, 'change', 'site-business');
      const res = await manager.push(change, orderOp(ent, 'change', 'site-business'));
      expect(res.results[0]).toMatchObject({ status: 'applied', row: { previousPlanCode: 'site-standard' } });
      await processBoss();
      expect((await subscriptions(ent))[0]).toMatchObject({ status: 'active' });
      expect(JSON.parse((await subscriptions(ent))[0]!.data).planCode).toBe('site-business');
      const same = await manager.push(orderOp(ent, 'change', 'site-business'));
      expect(same.results[0]!.code).toBe('same_plan');
      await manager.push(orderOp(ent, 'cancel', 'site-business'));
      await processBoss();
      expect((await subscriptions(ent))[0]!.status).toBe('cancelled');
      const reopen = await manager.push(orderOp(ent, 'open', 'site-standard'));
      expect(reopen.results[0]!.status).toBe('applied');
    });

    it('opens orders by itself after the configured delay', async () => {
      const auto = await startTestPlatform({ database, config: { openingDelayMs: 20 } });
      try {
        const device = await auto.api.device('jn.manager');
        const ent = rowId('ent');
        await device.push(createEnterprise(1, undefined, ent), orderOp(ent, 'open', 'site-standard'));
        auto.clock.advance(1000);
        await expect
          .poll(async () => (await device.pullAll()).some((c) => c.tbl === 'enterprise' && (c.row as Loose)?.status === 'opened'), {
            timeout: 5000,
          })
          .toBe(true);
      } finally {
        await auto.close();
      }
    });
  });
});
