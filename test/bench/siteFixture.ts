/**
 * A large real site for the build benchmarks: the compiler tests' generated site (1,000 items) with
 * its 200 picture references pointing at 200 real photos in the asset store, every derived size
 * already cached, saved through the site service into a real SQLite file.
 */
import { readFileSync } from 'node:fs';
import { v7 as uuidv7 } from 'uuid';
import { storeImage, type StoredImage } from '../../electron/backend/domains/assets/imageStore';
import { registerImage } from '../../electron/backend/domains/assets/repository';
import { deriveAll } from '../../electron/backend/domains/assets/derived';
import { mapLimited } from '../../electron/backend/domains/assets/concurrency';
import { startBackend, type Backend } from '../../electron/backend/app/backend';
import type { WriteContext } from '../../electron/backend/app/context';
import { createEnterprise } from '../../electron/backend/domains/enterprises/service';
import { changeSite, createSite } from '../../electron/backend/domains/sites/service';
import type { WritableDB } from '../../electron/backend/infra/db/handles';
import { enterpriseInput } from './generateEnterprises';
import type { SiteContent } from '../../shared/sites/model';
import { generatedSite, sha } from '../unit/sites/generate';
import { tempDir } from './benchUtil';
import { benchPhotos } from './sitePhotos';

export interface BenchSite {
  backend: Backend;
  ctx: WriteContext;
  siteId: string;
  content: SiteContent;
  photos: StoredImage[];
}

/** A service's context on the backend's connection (the services are called inside its write queue). */
export function contextOf(backend: Backend, db: WritableDB): WriteContext {
  return {
    db,
    dataDir: backend.dataDir,
    writes: backend.writes,
    now: () => new Date(),
    newId: () => uuidv7(),
    emit: () => undefined,
    actor: () => 'bench',
  };
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
  const { files } = await benchPhotos(photoCount, 1600, 1200);
  const photos = await mapLimited(files, 2, (file) => storeImage(backend.dataDir, readFileSync(file)));
  await backend.writes.write((db) => photos.forEach((p) => registerImage(db, p, new Date())));
  const seeded = await backend.writes.hold(async (db) => {
    const ctx = contextOf(backend, db);
    await deriveAll(
      ctx,
      photos.map((p) => p.sha256),
    );
    const site = createSite(ctx, createEnterprise(ctx, enterpriseInput(1)).id);
    const content = withRealPhotos(generatedSite(items).site, photos);
    changeSite(ctx, site.id, undefined, 'site.imported', (current) => ({ ...current, content }));
    return { ctx, siteId: site.id, content };
  });
  return { backend, ...seeded, photos, setupMs: performance.now() - started };
}
