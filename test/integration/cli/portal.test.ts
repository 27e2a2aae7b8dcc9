/**
 * `ecw portal search QUERY --json` (issue 13 item 5): through the platform the CLI is signed in to,
 * `[{"enterpriseId","name","industry","url","score"}]`, best first — over three sites published on a
 * real platform served on a loopback port. The member report is read from the pulled member_report table.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { DEMO_PASSWORD, startTestPlatform, type TestPlatform } from '../../../platform/test/helpers';
import { machineToolSite, publishSite, softwareSite, teaSite, type FixtureSite } from '../../../platform/test/portalFixture';
import { createTestBackend, tempDir } from '../../helpers/backend';
import { sheetRows } from '../../helpers/workbook';
import { ecw } from './support';

let t: TestPlatform;
let machines: FixtureSite;
let dataDir: string;

beforeAll(async () => {
  t = await startTestPlatform();
  const manager = await t.api.device('sd.manager');
  const admin = (await t.api.login('admin')).accessToken;
  machines = await publishSite(t, manager, admin, machineToolSite('luzhong'), { section: 'C', division: '34' }, 'zibo');
  await publishSite(t, manager, admin, teaSite('quancheng'), { section: 'F', division: '52' }, 'jinan');
  await publishSite(t, manager, admin, softwareSite('haixing'), { section: 'I', division: '65' }, 'qingdao');
  const server = await t.serve();
  dataDir = tempDir();
  const signedIn = createTestBackend({ dataDir });
  try {
    await signedIn.call('sync.signIn', { server, user: 'sd.manager', password: DEMO_PASSWORD });
    // The member report is read from the synced member_report table: pull it once.
    await signedIn.call('sync.now', {});
  } finally {
    signedIn.cleanup();
  }
}, 120_000);
afterAll(async () => t.close());

it('prints the matching enterprises best first in the issue’s shape', async () => {
  const found = await ecw('--data-dir', dataDir, 'portal', 'search', '鲁中', '--json');
  expect(found.code).toBe(0);
  const hits = found.json as { enterpriseId: string; name: string; industry: string; url: string; score: number }[];
  expect(hits).toHaveLength(1);
  expect(Object.keys(hits[0]!)).toEqual(['enterpriseId', 'name', 'industry', 'url', 'score']);
  expect(hits[0]).toMatchObject({
    enterpriseId: machines.ent,
    name: '淄博鲁中机械制造有限公司',
    industry: 'C',
    url: 'https://luzhong.ec.example.cn/',
  });
  expect(hits[0]!.score).toBeGreaterThanOrEqual(80);

  const byModel = (await ecw('--data-dir', dataDir, 'portal', 'search', 'CK6150', '--json')).json as {
    enterpriseId: string;
    score: number;
  }[];
  expect(byModel.map((h) => h.enterpriseId)).toEqual([machines.ent]);
  expect(byModel[0]!.score).toBeLessThan(hits[0]!.score); // a model number ranks below a name
  const several = (await ecw('--data-dir', dataDir, 'portal', 'search', '有限公司', '--limit', '2', '--json')).json as unknown[];
  expect(several).toHaveLength(2);
  expect((await ecw('--data-dir', dataDir, 'portal', 'search', '鲁', '--json')).json).toEqual([]);
});

it('refuses to search when not signed in, and says how to use it', async () => {
  const nobody = await ecw('--data-dir', tempDir(), 'portal', 'search', '鲁中', '--json');
  expect(nobody.code).toBe(1);
  expect(nobody.stdout).toContain('portal.signed_out');
  expect((await ecw('--data-dir', dataDir, 'portal', 'search', '--json')).code).toBe(2);
  expect((await ecw('--data-dir', dataDir, 'portal', 'search', '鲁中', '--limit', '0', '--json')).code).toBe(2);
});

it('reads an enterprise’s portal member report (portal.memberReport) as pulled from the platform, and names an enterprise it does not have', async () => {
  const backend = createTestBackend({ dataDir });
  try {
    const report = await backend.call('portal.memberReport', { enterpriseId: machines.ent, month: '2026-11' });
    expect(report).toEqual({
      enterpriseId: machines.ent,
      month: '2026-11',
      followers: 0,
      followingEnterprise: 0,
      followingIndustry: 0,
      newThisMonth: 0,
      optedOut: 0,
      byRegion: [],
      asOf: expect.any(String),
    });
    const file = await backend.call('files.memberReport', { enterpriseId: machines.ent, month: '2026-11' });
    expect([file.mime, file.fileName]).toEqual([
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      '门户会员报告-2026-11.xlsx',
    ]);
    const rows = (await sheetRows(file.bytes, '门户会员')).slice(0, 6);
    expect(rows).toEqual([
      ['门户会员报告', '2026-11'],
      ['关注会员', 0],
      ['关注本企业', 0],
      ['关注所在行业', 0],
      ['2026-11 新增', 0],
      ['已退订短信', 0],
    ]);
    const missing = await backend.transport.invoke('portal.memberReport', { enterpriseId: 'no-such-enterprise' });
    expect(missing.ok ? null : missing.error.code).toBe('portal.not_found');
  } finally {
    backend.cleanup();
  }
});
