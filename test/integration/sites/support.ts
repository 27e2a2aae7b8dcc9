/** The tea company as a real enterprise in a real backend, and its material folder to import. */
import { cpSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach } from 'vitest';
import type { Input } from '../../../shared/api';
import type { Site } from '../../../shared/api/sites';
import { LISTING_COLUMNS } from '../../../shared/sites/lint';
import type { Column, Item } from '../../../shared/sites/model';
import { createTestBackend, tempDir, type TestBackend } from '../../helpers/backend';
import { editSite } from '../../helpers/siteEdits';
import { FIXTURES_DIR } from '../../helpers/paths';

export const MATERIALS = path.join(FIXTURES_DIR, 'materials', 'quancheng-tea');

export async function teaEnterprise(backend: TestBackend): Promise<string> {
  const file = JSON.parse(readFileSync(path.join(MATERIALS, 'enterprise.json'), 'utf8')) as Record<string, unknown>;
  const input = {
    name: file.name,
    creditCode: file.creditCode,
    industrySection: file.industrySection,
    region: file.region,
    address: file.address,
    contact: file.contact,
    manager: '李经理',
    channel: 'customer_manager',
  } as Input<'enterprises.create'>;
  return (await backend.call('enterprises.create', input)).id;
}

/** A private copy of the material folder, so a test may add or break files. */
export function materialsCopy(): string {
  const dir = path.join(tempDir('ecw-materials-'), 'quancheng-tea');
  cpSync(MATERIALS, dir, { recursive: true });
  return dir;
}

export async function importedTeaSite(): Promise<{ backend: TestBackend; enterpriseId: string; site: Site; dir: string }> {
  const backend = createTestBackend();
  const enterpriseId = await teaEnterprise(backend);
  const dir = materialsCopy();
  const report = await backend.call('sites.import', { enterpriseId, paths: [dir] });
  return { backend, enterpriseId, site: await backend.call('sites.get', { siteId: report.siteId }), dir };
}

/** `importedTeaSite` for the tests of a file, each backend cleaned up after its test. */
export function useImportedTeaSites(): typeof importedTeaSite {
  const backends: TestBackend[] = [];
  afterEach(() => backends.splice(0).forEach((b) => b.cleanup()));
  return async () => {
    const result = await importedTeaSite();
    backends.push(result.backend);
    return result;
  };
}

/**
 * Removes the site's list columns that list nothing (published, each is a check error, which blocks
 * sign-off and export), for tests of a template site that are about something else.
 */
export async function withoutEmptyListColumns(backend: Pick<TestBackend, 'call'>, siteId: string): Promise<Site> {
  let site = await backend.call('sites.get', { siteId });
  for (const column of site.content.columns.filter((c) => LISTING_COLUMNS.has(c.type) && c.items.length === 0))
    site = await editSite(backend, 'sites.removeColumn', { siteId, revision: site.revision, columnId: column.id, discard: true });
  return site;
}

export const columnOf = (site: Site, type: Column['type']): Column => site.content.columns.find((c) => c.type === type)!;

export function itemNamed(site: Site, name: string): Item {
  for (const column of site.content.columns)
    for (const item of column.items) if ((item.kind === 'product' || item.kind === 'staff' ? item.name : item.title) === name) return item;
  throw new Error(`no item ${name}`);
}
