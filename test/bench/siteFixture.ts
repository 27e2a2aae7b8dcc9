/**
 * A large real site for the build benchmarks: the compiler tests' generated site (1,000 items) with
 * its 200 picture references pointing at 200 real photos in the asset store, every derived size
 * already cached, saved through the site service into a real SQLite file.
 */
import { readFileSync } from 'node:fs';
import { v7 as uuidv7 } from 'uuid';
import { registerImage, storeImage, type StoredImage } from '../../electron/backend/domains/assets/imageStore';
import { deriveAll } from '../../electron/backend/domains/assets/derived';
import { mapLimited } from '../../electron/backend/domains/assets/concurrency';
import { startBackend, type Backend } from '../../electron/backend/app/backend';
import type { BackendContext } from '../../electron/backend/app/context';
import { changeSite, createSite } from '../../electron/backend/domains/sites/service';
import type { SiteContent } from '../../shared/sites/model';
import { generatedSite, sha } from '../unit/sites/generate';
import { tempDir } from './benchUtil';
import { benchPhotos } from './sitePhotos';

export interface BenchSite {
  backend: Backend;
  ctx: BackendContext;
  siteId: string;
  content: SiteContent;
  photos: StoredImage[];
}

export function contextOf(backend: Backend): BackendContext {
  return { db: backend.database()!, dataDir: backend.dataDir, now: () => new Date(), newId: () => uuidv7(), emit: () => undefined, actor: () => 'bench' };
}

/** Replaces every picture hash of the generated site by one of the real photos. */
function withRealPhotos(content: SiteContent, photos: StoredImage[]): SiteContent {
  const fake = new Map<string, string>();
  for (let i = 0; i < 200; i++) fake.set(sha(i), photos[i % photos.length]!.sha256);
  let next = 0;
  const json = JSON.stringify(content).replace(/"sha256":"([0-9a-f]{64})"/g, (_, hash: string) => {
    if (!fake.has(hash)) fake.set(hash, photos[next++ % photos.length]!.sha256);
    return `"sha256":"${fake.get(hash)}"`;
  });
  return JSON.parse(json) as SiteContent;
}

export async function benchSite(items = 1000, photoCount = 200): Promise<BenchSite & { setupMs: number }> {
  const started = performance.now();
  // As in the packaged app (NODE_ENV=production): outputs are not re-checked against their schemas.
  const backend = startBackend({ dataDir: tempDir('ecw-site-bench-'), checkOutputs: false });
  const ctx = contextOf(backend);
  const { files } = await benchPhotos(photoCount, 1600, 1200);
  const photos = await mapLimited(files, 2, (file) => storeImage(ctx.dataDir, readFileSync(file)));
  ctx.db.transaction(() => photos.forEach((p) => registerImage(ctx.db, p, ctx.now())))();
  await deriveAll(ctx, photos.map((p) => p.sha256));
  const enterprise = ctx.db.prepare('SELECT id FROM enterprise LIMIT 1').get() as { id: string } | undefined;
  const enterpriseId = enterprise?.id ?? createEnterprise(backend);
  const site = createSite(ctx, enterpriseId);
  const content = withRealPhotos(generatedSite(items).site, photos);
  changeSite(ctx, site.id, undefined, 'bench.seeded', (current) => ({ ...current, content }));
  return { backend, ctx, siteId: site.id, content, photos, setupMs: performance.now() - started };
}

function createEnterprise(backend: Backend): string {
  const ctx = contextOf(backend);
  const id = ctx.newId();
  const at = ctx.now().toISOString();
  ctx.db
    .prepare(
      `INSERT INTO enterprise (id, name, credit_code, industry_section, province, city, district, address, contact_name, contact_mobile, manager, channel, created_at, updated_at)
       VALUES (?, '济南泉城茶业有限公司', '91370100MA3C4Q7B0X', 'F', '山东省', '济南市', '历下区', '山东省济南市历下区泉城路188号', '王建国', '13805310001', '李经理', 'customer_manager', ?, ?)`,
    )
    .run(id, at, at);
  return id;
}
