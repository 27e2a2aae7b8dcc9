import { execFile } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { chinaDate } from '../../../shared/domain/dates';
import { createTestBackend, tempDir } from '../../helpers/backend';
import { FIXTURES_DIR, REPO_ROOT } from '../../helpers/paths';
import { ecw } from './support';

const FIXTURE = path.join(FIXTURES_DIR, 'materials', 'quancheng-tea', 'enterprise.json');
const fixture = () => JSON.parse(readFileSync(FIXTURE, 'utf8')) as Record<string, unknown>;

let dataDir: string;
beforeEach(() => {
  dataDir = tempDir();
});

/** Opens the data directory the CLI wrote to, as the app would afterwards. */
async function inApp<T>(look: (t: ReturnType<typeof createTestBackend>) => Promise<T>): Promise<T> {
  const t = createTestBackend({ dataDir });
  try {
    return await look(t);
  } finally {
    t.cleanup();
  }
}

function writeFile(content: unknown): string {
  const file = path.join(tempDir(), 'enterprise.json');
  writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content));
  return file;
}

describe('ecw enterprise create --from FILE', () => {
  it('imports the fixture with a draft opening order for its plan, and prints just the id', async () => {
    const run = await ecw('--data-dir', dataDir, 'enterprise', 'create', '--from', FIXTURE, '--manager', '李敏', '--json');
    expect(run.code).toBe(0);
    expect(Object.keys(run.json as object)).toEqual(['id']);
    const { id } = run.json as { id: string };
    await inApp(async (t) => {
      const enterprise = await t.call('enterprises.get', { id });
      expect(enterprise).toMatchObject({
        name: '济南泉城茶业有限公司',
        creditCode: '91370100MA3C4Q7B0X',
        industrySection: 'F',
        manager: '李敏',
        channel: 'customer_manager',
        region: { province: '山东省', city: '济南市', district: '历下区' },
        contact: { name: '王建国', mobile: '13805310001', email: 'service@quanchengtea.example' },
        note: '批发和零售业 (茶叶零售)',
      });
      const orders = await t.call('orders.listForEnterprise', { enterpriseId: id });
      expect(orders).toHaveLength(1);
      expect(orders[0]).toMatchObject({ kind: 'open', status: 'draft', planCode: 'site-standard', effectiveDate: '2026-11-16' });
      expect(orders[0]!.quote.firstMonth).toEqual({ rule: 'first_half', feeFen: 5000 });
    });
  });

  it('takes the manager from the operator profile, and the channel from --channel', async () => {
    await inApp((t) => t.call('system.setOperator', { name: '张营业', channel: 'business_hall' }));
    const run = await ecw('--data-dir', dataDir, 'enterprise', 'create', '--from', FIXTURE, '--channel', 'business_hall', '--json');
    expect(run.code).toBe(0);
    const enterprise = await inApp((t) => t.call('enterprises.get', { id: (run.json as { id: string }).id }));
    expect(enterprise).toMatchObject({ manager: '张营业', channel: 'business_hall' });
  });

  it('creates no order when the file names no plan', async () => {
    const { plan: _plan, openDate: _openDate, ...withoutPlan } = fixture();
    const run = await ecw('--data-dir', dataDir, 'enterprise', 'create', '--from', writeFile(withoutPlan), '--manager', '李敏', '--json');
    expect(run.code).toBe(0);
    expect(await inApp((t) => t.call('orders.listForEnterprise', { enterpriseId: (run.json as { id: string }).id }))).toEqual([]);
  });

  it('refuses a second enterprise with the same credit code, naming the first', async () => {
    expect((await ecw('--data-dir', dataDir, 'enterprise', 'create', '--from', FIXTURE, '--manager', '李敏', '--json')).code).toBe(0);
    const again = await ecw(
      '--data-dir',
      dataDir,
      'enterprise',
      'create',
      '--from',
      writeFile({ ...fixture(), name: '另一家茶业公司' }),
      '--manager',
      '李敏',
      '--json',
    );
    expect(again.code).toBe(1);
    expect(again.json).toEqual({
      error: { code: 'enterprise.duplicate_credit_code', message: expect.stringContaining('济南泉城茶业有限公司') },
    });
    const list = await ecw('--data-dir', dataDir, 'enterprise', 'list', '--json');
    expect((list.json as unknown[]).length).toBe(1);
  });

  it('says clearly when there is no customer manager, and saves nothing', async () => {
    const run = await ecw('--data-dir', dataDir, 'enterprise', 'create', '--from', FIXTURE, '--json');
    expect(run.code).toBe(1);
    expect((run.json as { error: { code: string; message: string } }).error).toEqual({
      code: 'enterprise.manager_required',
      message: expect.stringContaining('--manager'),
    });
    expect((await ecw('--data-dir', dataDir, 'enterprise', 'list', '--json')).json).toEqual([]);
  });

  it('refuses an unknown plan or an impossible opening date before saving the enterprise', async () => {
    const badPlan = await ecw(
      '--data-dir',
      dataDir,
      'enterprise',
      'create',
      '--from',
      writeFile({ ...fixture(), plan: 'gold' }),
      '--manager',
      '李敏',
      '--json',
    );
    expect(badPlan.code).toBe(1);
    expect((badPlan.json as { error: { code: string } }).error.code).toBe('quote.unknown_plan');
    const badDate = await ecw(
      '--data-dir',
      dataDir,
      'enterprise',
      'create',
      '--from',
      writeFile({ ...fixture(), openDate: '2026-11-31' }),
      '--manager',
      '李敏',
      '--json',
    );
    expect(badDate.code).toBe(1);
    expect((badDate.json as { error: { code: string } }).error.code).toBe('invalid_input');
    expect((await ecw('--data-dir', dataDir, 'enterprise', 'list', '--json')).json).toEqual([]);
  });

  it('accepts a past opening date only with a warning on stderr (issue 8 item 11)', async () => {
    const day = (offset: number) => chinaDate(new Date(Date.now() + offset * 86_400_000));
    const warnings: string[] = [];
    const spy = vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => (warnings.push(String(chunk)), true));
    try {
      const past = await ecw(
        '--data-dir',
        dataDir,
        'enterprise',
        'create',
        '--from',
        writeFile({ ...fixture(), openDate: day(-3) }),
        '--manager',
        '李敏',
        '--json',
      );
      expect(past.code).toBe(0);
      expect(warnings.join('')).toContain(`opening date ${day(-3)} is before today (${day(0)})`);
      warnings.length = 0;
      const future = await ecw(
        '--data-dir',
        dataDir,
        'enterprise',
        'create',
        '--from',
        writeFile({ ...fixture(), creditCode: '91350100M000100Y43', openDate: day(3) }),
        '--manager',
        '李敏',
        '--json',
      );
      expect(future.code).toBe(0);
      expect(warnings.join('')).not.toContain('before today');
    } finally {
      spy.mockRestore();
    }
  });

  it('reports the fields at fault in an invalid enterprise', async () => {
    const run = await ecw(
      '--data-dir',
      dataDir,
      'enterprise',
      'create',
      '--from',
      writeFile({ ...fixture(), creditCode: '91370100MA3C4Q7B01', contact: { name: '王建国', mobile: '12345' } }),
      '--manager',
      '李敏',
      '--json',
    );
    expect(run.code).toBe(1);
    const error = (run.json as { error: { code: string; message: string } }).error;
    expect(error.code).toBe('invalid_input');
    expect(error.message).toContain('creditCode');
    expect(error.message).toContain('contact.mobile');
  });

  it('exits 1 for a missing or broken file and 2 for a missing --from or a bad channel', async () => {
    const missing = await ecw('--data-dir', dataDir, 'enterprise', 'create', '--from', path.join(dataDir, 'nope.json'), '--json');
    expect([missing.code, (missing.json as { error: { code: string } }).error.code]).toEqual([1, 'file.unreadable']);
    const broken = await ecw('--data-dir', dataDir, 'enterprise', 'create', '--from', writeFile('{"name": "济南'), '--json');
    expect([broken.code, (broken.json as { error: { code: string } }).error.code]).toEqual([1, 'file.invalid_json']);
    const noFrom = await ecw('--data-dir', dataDir, 'enterprise', 'create', '--json');
    expect([noFrom.code, (noFrom.json as { error: { code: string } }).error.code]).toEqual([2, 'usage']);
    const badChannel = await ecw('--data-dir', dataDir, 'enterprise', 'create', '--from', FIXTURE, '--channel', 'pigeon', '--json');
    expect([badChannel.code, (badChannel.json as { error: { code: string } }).error.code]).toEqual([2, 'usage']);
  });
});

describe('ecw enterprise list', () => {
  it('prints every list row as a JSON array, filtered by --query', async () => {
    await ecw('--data-dir', dataDir, 'enterprise', 'create', '--from', FIXTURE, '--manager', '李敏', '--json');
    await ecw(
      '--data-dir',
      dataDir,
      'enterprise',
      'create',
      '--from',
      writeFile({ ...fixture(), name: '青岛海风渔具有限公司', creditCode: '91350100M000100Y43', plan: undefined }),
      '--manager',
      '李敏',
      '--json',
    );
    const all = (await ecw('--data-dir', dataDir, 'enterprise', 'list', '--json')).json as {
      name: string;
      creditCode: string;
      contactMobile: string;
    }[];
    expect(all.map((r) => r.name).sort()).toEqual(['济南泉城茶业有限公司', '青岛海风渔具有限公司']);
    expect(all[0]).toEqual(
      expect.objectContaining({
        id: expect.any(String),
        creditCode: expect.any(String),
        contactMobile: '13805310001',
        manager: '李敏',
        city: '济南市',
      }),
    );
    const found = (await ecw('--data-dir', dataDir, 'enterprise', 'list', '--query', '泉城', '--json')).json as { name: string }[];
    expect(found.map((r) => r.name)).toEqual(['济南泉城茶业有限公司']);
  });
});

describe('the npm script', () => {
  it('runs `npm run -s ecw -- …` end to end: create from the fixture, list, quote', async () => {
    const run = promisify(execFile);
    const npm = (...args: string[]) => run('npm', ['run', '-s', 'ecw', '--', ...args], { cwd: REPO_ROOT, encoding: 'utf8' });
    const created = await npm('--data-dir', dataDir, 'enterprise', 'create', '--from', FIXTURE, '--manager', '李敏', '--json');
    const { id } = JSON.parse(created.stdout) as { id: string };
    const listed = JSON.parse((await npm('--data-dir', dataDir, 'enterprise', 'list', '--json')).stdout) as { id: string }[];
    expect(listed.map((r) => r.id)).toEqual([id]);
    const quoted = JSON.parse((await npm('quote', '--plan', 'site-standard', '--open', '2026-11-16', '--months', '1', '--json')).stdout);
    expect(quoted.months).toEqual([{ month: '2026-11', functionFeeFen: 5000, smsSent: 0, smsOverage: 0, smsFeeFen: 0, totalFeeFen: 5000 }]);
    const failed = await npm('quote', '--plan', 'site-standard', '--json').catch((error: { code: number; stdout: string }) => error);
    expect((failed as { code: number }).code).toBe(2);
  }, 120_000);
});
