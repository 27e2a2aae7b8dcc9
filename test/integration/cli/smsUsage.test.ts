/**
 * `ecw enterprise show ID --json` with its BOSS opening, and `ecw enterprise usage ID --month` (issue 11
 * item 6): exactly the issue's JSON shapes, over rows stored as a pull stores them (the tables' sync
 * adapters) in the CLI's data directory; the bill is the billing module's quote of that month.
 */
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { quote } from '../../../shared/domain/billing';
import { findPlan, SEED_CATALOG } from '../../../shared/domain/catalog';
import type { ServiceOrderWireRow, SmsUsageWireRow } from '../../../shared/platform-api';
import { serviceOrderSyncAdapter } from '../../../electron/backend/domains/orders/syncAdapter';
import { smsUsageSyncAdapter } from '../../../electron/backend/domains/smsUsage/syncAdapter';
import { createTestBackend, tempDir } from '../../helpers/backend';
import { FIXTURES_DIR } from '../../helpers/paths';
import { ecw } from './support';

const AT = '2026-11-16T02:00:00.000Z';
const SIGNATURE = path.join(FIXTURES_DIR, 'signatures', 'wang-jianguo.png');
let dataDir: string;
beforeEach(() => {
  dataDir = tempDir();
});
const run = (...argv: string[]) => ecw('--data-dir', dataDir, ...argv);

/** The tea enterprise (plan standard, opened 2026-11-16) with its opening order signed. */
async function signedEnterprise(): Promise<{ enterpriseId: string; orderId: string }> {
  const created = await run(
    'enterprise',
    'create',
    '--from',
    path.join(FIXTURES_DIR, 'materials', 'quancheng-tea', 'enterprise.json'),
    '--manager',
    '李敏',
    '--json',
  );
  const enterpriseId = (created.json as { id: string }).id;
  const orders = await run('order', 'list', '--enterprise', enterpriseId, '--json');
  const orderId = (orders.json as { id: string }[])[0]!.id;
  expect((await run('order', 'sign', orderId, '--signer', '王建国', '--signature', SIGNATURE, '--json')).code).toBe(0);
  return { enterpriseId, orderId };
}

/** Stores what a pull would: BOSS's opening on the order, and the platform's monthly SMS counts. */
async function pulled(orderId: string, enterpriseId: string, usage: SmsUsageWireRow[]): Promise<void> {
  const t = createTestBackend({ dataDir });
  try {
    const order: ServiceOrderWireRow = {
      id: orderId,
      enterpriseId,
      number: null,
      kind: 'open',
      planCode: 'site-standard',
      previousPlanCode: null,
      effectiveDate: '2026-11-16',
      status: 'opened',
      signerName: '王建国',
      submittedAt: AT,
      submittedBy: 'jn.manager',
      snapshot: {},
      failure: null,
      processedAt: AT,
      createdAt: AT,
      updatedAt: AT,
      opening: {
        groupCode: 'JT3701000001',
        domain: null,
        smsServiceCode: { unifiedCode: '10658000', extension: '1001', full: '106580001001' },
        maintenanceAccount: { login: 'jt3701000001-admin', initialPassword: 'secret-pw' },
        status: 'opened',
        openedAt: AT,
      },
    };
    await t.backend.writes.write((db) => serviceOrderSyncAdapter.save(db, orderId, order, { version: 2, row: order }, false));
    for (const row of usage) await t.backend.writes.write((db) => smsUsageSyncAdapter.save(db, row.id, row, { version: 1, row }, false));
  } finally {
    t.cleanup();
  }
}

describe('ecw enterprise show', () => {
  it('prints the enterprise with "opening": null before BOSS opened it, and {groupCode, smsServiceCode, smsExtension, maintenanceAccount, status} after (no password)', async () => {
    const { enterpriseId, orderId } = await signedEnterprise();
    const before = await run('enterprise', 'show', enterpriseId, '--json');
    expect(before.code).toBe(0);
    expect(before.json).toMatchObject({ id: enterpriseId, name: '济南泉城茶业有限公司', opening: null });
    await pulled(orderId, enterpriseId, []);
    const after = await run('enterprise', 'show', enterpriseId, '--json');
    expect((after.json as { opening: unknown }).opening).toEqual({
      groupCode: 'JT3701000001',
      smsServiceCode: '10658000',
      smsExtension: '1001',
      maintenanceAccount: 'jt3701000001-admin',
      status: 'opened',
    });
    expect(after.stdout).not.toContain('secret-pw');
    expect((await run('enterprise', 'show', 'no-such-enterprise', '--json')).code).toBe(1);
    expect((await run('enterprise', 'show', '--json')).code).toBe(2);
  });
});

describe('ecw enterprise usage', () => {
  it('prints {month, smsSent, smsIncluded, smsOverage, functionFeeFen, smsFeeFen, totalFeeFen}: the platform’s count billed by the quote’s rules', async () => {
    const { enterpriseId, orderId } = await signedEnterprise();
    const usage = (month: string, smsSent: number): SmsUsageWireRow => ({
      id: `${enterpriseId}:${month}`,
      enterpriseId,
      month,
      smsSent,
      createdAt: AT,
      updatedAt: AT,
    });
    await pulled(orderId, enterpriseId, [usage('2026-11', 1200), usage('2026-12', 300)]);
    const plan = findPlan(SEED_CATALOG, 'standard')!;
    const expected = quote({ plan, openDate: '2026-11-16', months: 2, smsByMonth: { '2026-11': 1200, '2026-12': 300 } }).months;

    const november = await run('enterprise', 'usage', enterpriseId, '--month', '2026-11', '--json');
    expect(november.code).toBe(0);
    expect(Object.keys(november.json as object)).toEqual([
      'month',
      'smsSent',
      'smsIncluded',
      'smsOverage',
      'functionFeeFen',
      'smsFeeFen',
      'totalFeeFen',
    ]);
    const m = expected[0]!;
    expect(november.json).toEqual({
      month: '2026-11',
      smsSent: 1200,
      smsIncluded: m.smsIncluded,
      smsOverage: 1200 - plan.smsIncluded,
      functionFeeFen: m.functionFeeFen,
      smsFeeFen: m.smsFeeFen,
      totalFeeFen: m.totalFeeFen,
    });
    expect(m.rule).toBe('first_half');
    expect(m.smsFeeFen).toBe((1200 - plan.smsIncluded) * plan.smsRateFen);

    const december = await run('enterprise', 'usage', enterpriseId, '--month', '2026-12', '--json');
    expect(december.json).toMatchObject({
      smsSent: 300,
      smsOverage: 0,
      smsFeeFen: 0,
      functionFeeFen: plan.monthlyFeeFen,
      totalFeeFen: plan.monthlyFeeFen,
    });
    const january = await run('enterprise', 'usage', enterpriseId, '--month', '2027-01', '--json');
    expect(january.json).toMatchObject({ smsSent: 0 });

    const early = await run('enterprise', 'usage', enterpriseId, '--month', '2026-10', '--json');
    expect((early.json as { error: { code: string } }).error.code).toBe('sms.month_before_opening');
    expect((await run('enterprise', 'usage', enterpriseId, '--month', '2026-13', '--json')).code).toBe(1);
    expect((await run('enterprise', 'usage', enterpriseId, '--json')).code).toBe(2);
  });
});
