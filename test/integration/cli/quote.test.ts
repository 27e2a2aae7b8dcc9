import { describe, expect, it } from 'vitest';
import { saveCatalog } from '../../../electron/backend/domains/catalog/repository';
import { SEED_CATALOG } from '../../../shared/domain/catalog';
import { createTestBackend, tempDir } from '../../helpers/backend';
import { ecw } from './support';

const month = (m: string, functionFeeFen: number, smsSent = 0, smsOverage = 0, smsFeeFen = 0) => ({
  month: m,
  functionFeeFen,
  smsSent,
  smsOverage,
  smsFeeFen,
  totalFeeFen: functionFeeFen + smsFeeFen,
});

describe('ecw quote --json', () => {
  it('prints exactly the plan and one entry per month, 12 by default, with the first month by the 15th rule', async () => {
    const run = await ecw('quote', '--plan', 'site-standard', '--open', '2026-11-16', '--json');
    expect(run.code).toBe(0);
    const out = run.json as { plan: unknown; months: Record<string, unknown>[] };
    expect(Object.keys(out)).toEqual(['plan', 'months']);
    expect(out.plan).toEqual({ code: 'site-standard', name: '企业建站 标准版', monthlyFeeFen: 10000, smsIncluded: 1100, smsRateFen: 10 });
    expect(out.months).toHaveLength(12);
    expect(out.months[0]).toEqual(month('2026-11', 5000));
    expect(out.months[11]).toEqual(month('2027-10', 10000));
    for (const m of out.months)
      expect(Object.keys(m)).toEqual(['month', 'functionFeeFen', 'smsSent', 'smsOverage', 'smsFeeFen', 'totalFeeFen']);
  });

  it('runs from the opening month through the cancellation month, billing the cancellation month', async () => {
    const run = await ecw('quote', '--plan', 'site-business', '--open', '2026-11-15', '--cancel', '2027-02-01', '--months', '12', '--json');
    expect(run.json).toEqual({
      plan: { code: 'site-business', name: '企业建站 商务版', monthlyFeeFen: 20000, smsIncluded: 2500, smsRateFen: 10 },
      months: [month('2026-11', 20000), month('2026-12', 20000), month('2027-01', 20000), month('2027-02', 20000)],
    });
  });

  it('shows N months and charges SMS beyond the plan at the catalog rate', async () => {
    const run = await ecw(
      '--json',
      'quote',
      '--plan',
      'site-standard',
      '--open',
      '2026-02-28',
      '--months',
      '2',
      '--sms',
      '2026-02=1100',
      '--sms',
      '2026-03=1350',
    );
    expect((run.json as { months: unknown[] }).months).toEqual([
      month('2026-02', 5000, 1100, 0, 0),
      month('2026-03', 10000, 1350, 250, 2500),
    ]);
  });

  it('gives the same numbers as the app’s orders.quote', async () => {
    const t = createTestBackend();
    try {
      const fromApp = await t.call('orders.quote', {
        planCode: 'site-business',
        openDate: '2026-12-20',
        cancelDate: '2027-05-31',
        smsByMonth: { '2027-01': 3000 },
      });
      const run = await ecw(
        'quote',
        '--plan',
        'site-business',
        '--open',
        '2026-12-20',
        '--cancel',
        '2027-05-31',
        '--sms',
        '2027-01=3000',
        '--json',
      );
      const months = (run.json as { months: { month: string; totalFeeFen: number }[] }).months;
      expect(months.map((m) => [m.month, m.totalFeeFen])).toEqual(fromApp.months.map((m) => [m.month, m.totalFeeFen]));
    } finally {
      t.cleanup();
    }
  });

  it('uses the data directory’s catalog when given --data-dir', async () => {
    const t = createTestBackend();
    await t.backend.writes.write((db) =>
      saveCatalog(
        db,
        {
          ...SEED_CATALOG,
          version: 2,
          source: 'platform',
          plans: SEED_CATALOG.plans.map((p) => (p.code === 'site-standard' ? { ...p, monthlyFeeFen: 12000, smsRateFen: 8 } : p)),
        },
        new Date(),
      ),
    );
    t.backend.close();
    const run = await ecw(
      '--data-dir',
      t.dataDir,
      'quote',
      '--plan',
      'site-standard',
      '--open',
      '2026-11-01',
      '--months',
      '1',
      '--sms',
      '2026-11=1200',
      '--json',
    );
    expect(run.json).toEqual({
      plan: { code: 'site-standard', name: '企业建站 标准版', monthlyFeeFen: 12000, smsIncluded: 1100, smsRateFen: 8 },
      months: [month('2026-11', 12000, 1200, 100, 800)],
    });
    t.cleanup();
  });

  it('prints a table with the first-month calculation without --json', async () => {
    const run = await ecw('quote', '--plan', 'site-standard', '--open', '2026-11-16', '--months', '2');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('2026-11-16 开通，晚于当月15日，首月按半月收取 50.00 元');
    expect(run.stdout).toContain('超出 0.10 元/条 (示例 sample)');
    expect(run.stdout).toMatch(/2026-11\s+企业建站 标准版\s+50\.00/);
    expect(run.stdout).toMatch(/合计\s+150\.00/);
  });
});

describe('ecw quote with bad arguments', () => {
  it.each([
    [['quote', '--open', '2026-11-16'], '--plan'],
    [['quote', '--plan', 'site-standard'], '--open'],
    [['quote', '--plan', 'site-standard', '--open', '2026-02-30'], '--open'],
    [['quote', '--plan', 'site-standard', '--open', '2026-11-16', '--cancel', 'tomorrow'], '--cancel'],
    [['quote', '--plan', 'site-standard', '--open', '2026-11-16', '--months', '0'], '--months'],
    [['quote', '--plan', 'site-standard', '--open', '2026-11-16', '--months', '2.5'], '--months'],
    [['quote', '--plan', 'site-standard', '--open', '2026-11-16', '--sms', '2026-11:30'], '--sms'],
    [['quote', '--plan', 'site-standard', '--open', '2026-11-16', '--sms', '2026-11=1', '--sms', '2026-11=2'], '--sms'],
    [['quote', '--plan', 'site-standard', '--open', '2026-11-16', '--colour', 'red'], 'colour'],
  ])('%j → exit 2 with a usage error naming %s', async (argv, named) => {
    const run = await ecw(...argv, '--json');
    expect(run.code).toBe(2);
    expect(run.json).toEqual({ error: { code: 'usage', message: expect.stringContaining(named) } });
  });

  it('exits 1 with the error code for an unknown plan or a cancellation before the opening', async () => {
    const unknown = await ecw('quote', '--plan', 'site-gold', '--open', '2026-11-16', '--json');
    expect(unknown.code).toBe(1);
    expect(unknown.json).toEqual({ error: { code: 'quote.unknown_plan', message: expect.stringContaining('site-gold') } });
    const early = await ecw('quote', '--plan', 'site-standard', '--open', '2026-11-16', '--cancel', '2026-10-31', '--json');
    expect(early.code).toBe(1);
    expect((early.json as { error: { code: string } }).error.code).toBe('quote.cancel_before_open');
    const emptyDir = await ecw('--data-dir', tempDir(), 'quote', '--plan', 'site-gold', '--open', '2026-11-16', '--json');
    expect((emptyDir.json as { error: { code: string } }).error.code).toBe('quote.unknown_plan');
  });
});
