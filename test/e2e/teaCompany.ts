/** The tea company of the fixture material, set up through the backend's API (as another window would). */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from '../helpers/paths';
import type { PlatformProcess } from '../helpers/platform';
import type { WebProcess } from '../helpers/webProcess';
import { SIGNATURE_BASE64 } from '../integration/orders/support';

export const MATERIAL = path.join(REPO_ROOT, 'test', 'fixtures', 'materials', 'quancheng-tea');

/** One procedure call; throws with the error code when it fails. */
export async function api<T>(web: WebProcess, name: string, input: unknown): Promise<T> {
  const result = (await web.call(name, input)) as { ok: boolean; value?: T; error?: { code: string; message: string } };
  if (!result.ok) throw new Error(`${name}: ${result.error?.code} ${result.error?.message}`);
  return result.value!;
}

/** The operator 李敏 and the tea company as an enterprise; returns its id. */
export async function createTeaCompany(web: WebProcess): Promise<string> {
  const e = JSON.parse(readFileSync(path.join(MATERIAL, 'enterprise.json'), 'utf8')) as Record<string, never>;
  await api(web, 'system.setOperator', { name: '李敏', channel: 'customer_manager' });
  const created = await api<{ id: string }>(web, 'enterprises.create', {
    name: e.name,
    creditCode: e.creditCode,
    industrySection: e.industrySection,
    region: e.region,
    address: e.address,
    contact: e.contact,
    manager: '李敏',
    channel: 'customer_manager',
  });
  return created.id;
}

/** The tea company with these files of its material imported into its site. */
export async function importTeaSite(web: WebProcess, files: string[]): Promise<{ enterpriseId: string; siteId: string }> {
  const enterpriseId = await createTeaCompany(web);
  const encoded = files.map((name) => ({ name, base64: readFileSync(path.join(MATERIAL, name)).toString('base64') }));
  const { siteId } = await api<{ siteId: string }>(web, 'sites.import', { enterpriseId, files: encoded });
  return { enterpriseId, siteId };
}

/**
 * The customer signs the site off and its opening order (site-standard from 2026-11-16); the order is
 * synced, opened by BOSS, and the opening synced back: the site is live.
 */
export async function openTeaSite(
  web: WebProcess,
  platform: PlatformProcess,
  ids: { enterpriseId: string; siteId: string },
): Promise<void> {
  await api(web, 'sites.signOff', { siteId: ids.siteId, signerName: '王建国', signaturePngBase64: SIGNATURE_BASE64 });
  const order = await api<{ id: string }>(web, 'orders.create', {
    enterpriseId: ids.enterpriseId,
    kind: 'open',
    planCode: 'site-standard',
    date: '2026-11-16',
  });
  await api(web, 'orders.sign', { id: order.id, signerName: '王建国', signaturePngBase64: SIGNATURE_BASE64 });
  await api(web, 'orders.submit', { id: order.id });
  await api(web, 'sync.now', {});
  await platform.admin('POST', '/admin/boss/process');
  await api(web, 'sync.now', {});
}
