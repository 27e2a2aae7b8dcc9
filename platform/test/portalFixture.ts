/**
 * Three published sites in different industries and regions (issue 13's tests): a machine-tool
 * maker in Zibo (C 制造业 / 34 通用设备) with a CK6150 lathe, the example tea shop in Jinan
 * (F 批发和零售业 / 52 零售业) and a software house in Qingdao (I / 65), each opened and live.
 */
import { expect } from 'vitest';
import { exampleSite, type SiteContent } from '../../shared/sites';
import { createEnterprise, orderOp, rowId, type Device, type TestPlatform } from './helpers';

const SIGNOFF = { signerName: '王建国', signedAt: '2026-11-20T10:00:00Z', documentSha256: 'c'.repeat(64) };

export interface FixtureSite {
  label: string;
  ent: string;
  siteId: string;
  content: SiteContent;
  host: string;
}

type Profile = SiteContent['profile'];
type Column = SiteContent['columns'][number];

export function machineToolSite(label: string): SiteContent {
  const site = exampleSite();
  const columns = site.columns.map((c): Column => {
    if (c.type === 'products')
      return {
        ...c,
        items: [
          { kind: 'product', id: 'p-ck6150', name: '数控车床', model: 'CK6150', description: [], images: [] },
          { kind: 'product', id: 'p-z3050', name: '摇臂钻床', model: 'Z3050×16', description: [], images: [] },
        ],
      };
    if (c.type === 'supply')
      return { ...c, items: [{ kind: 'post', id: 's-castings', postKind: 'demand', title: '求购机床铸件毛坯', text: [] }] };
    if (c.type === 'news')
      return { ...c, items: [{ kind: 'article', id: 'n-expo', title: '参加济南国际机床展', date: '2026-10-01', body: [], images: [] }] };
    return c;
  });
  const profile: Profile = {
    ...site.profile,
    name: '淄博鲁中机械制造有限公司',
    shortName: '鲁中机械',
    slogan: '专业数控机床制造',
    industry: { section: 'C', division: '34' },
  };
  return { ...site, profile, columns, domain: { kind: 'assigned', label } } as SiteContent;
}

export function teaSite(label: string): SiteContent {
  const site = exampleSite();
  return { ...site, domain: { kind: 'assigned', label } } as SiteContent;
}

export function softwareSite(label: string): SiteContent {
  const site = exampleSite();
  const columns = site.columns.map((c): Column =>
    c.type === 'products'
      ? { ...c, items: [{ kind: 'product', id: 'p-erp', name: '制造业ERP系统', model: 'HX-ERP 5', description: [], images: [] }] }
      : c.type === 'supply'
        ? { ...c, items: [] }
        : c,
  );
  const profile: Profile = {
    ...site.profile,
    name: '青岛海星软件有限公司',
    shortName: '海星软件',
    slogan: '企业软件与信息化服务',
    industry: { section: 'I', division: '65' },
  };
  return { ...site, profile, columns, domain: { kind: 'assigned', label } } as SiteContent;
}

const REGIONS = {
  zibo: { province: '山东省', city: '淄博市', district: '张店区' },
  jinan: { province: '山东省', city: '济南市', district: '历下区' },
  qingdao: { province: '山东省', city: '青岛市', district: '市南区' },
};

let n = 9100;

/** Creates the enterprise (industry and region as given), its site, opens it and publishes `content`. */
export async function publishSite(
  t: TestPlatform,
  manager: Device,
  admin: string,
  content: SiteContent,
  industry: { section: string; division: string },
  region: keyof typeof REGIONS,
): Promise<FixtureSite> {
  const ent = rowId('ent');
  const siteId = rowId('site');
  const create = createEnterprise(++n, REGIONS[region], ent);
  create.patch = { ...create.patch, industrySection: industry.section, industryDivision: industry.division };
  const created = await manager.push(create, {
    tbl: 'site',
    rowId: siteId,
    kind: 'create',
    patch: { enterpriseId: ent, name: '官网', content, images: [] },
  });
  expect(created.results.map((r) => r.status)).toEqual(['applied', 'applied']);
  await manager.push(orderOp(ent, 'open', 'site-standard'));
  expect((await t.api.call('POST', '/admin/boss/process', undefined, admin)).status).toBe(200);
  await republish(manager, { ent, siteId }, 1, content);
  const label = (content.domain as { label: string }).label;
  return { label, ent, siteId, content, host: `${label}.${t.platform.ctx.config.sitesDomain}` };
}

export async function republish(
  manager: Device,
  site: { ent: string; siteId: string },
  revision: number,
  content: SiteContent,
): Promise<void> {
  const res = await manager.push({
    tbl: 'site_publication',
    rowId: site.siteId,
    kind: 'command',
    name: 'site.publish.v1',
    patch: { siteId: site.siteId, enterpriseId: site.ent, revision, content, images: [], signoff: SIGNOFF },
  });
  expect(res.results[0]).toMatchObject({ status: 'applied', row: { status: 'live', liveRevision: revision } });
}
