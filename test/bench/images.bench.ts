/**
 * Derived sizes for 50 photos (4000×3000 JPEG, photo-like): ours (sharp, the cache of
 * assets/derived.ts, two photos at a time) against Debian's `vipsthumbnail` making the same four
 * widths of the same photos in the same run — one process per width, all 50 files each, JPEG Q80.
 * Target: ours / vipsthumbnail ≤ 1.25. Run alone: `npx tsx test/bench/images.bench.ts`.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { IMAGE_VARIANT_IDS, IMAGE_VARIANTS } from '../../shared/sites/assets';
import { deriveAll } from '../../electron/backend/domains/assets/derived';
import { storeImage, type StoredImage } from '../../electron/backend/domains/assets/imageStore';
import { registerImage } from '../../electron/backend/domains/assets/repository';
import { mapLimited } from '../../electron/backend/domains/assets/concurrency';
import { openDatabase } from '../../electron/backend/infra/db/database';
import { asReadable, type ReadableDB } from '../../electron/backend/infra/db/handles';
import { createWriteQueue, type WriteQueue } from '../../electron/backend/infra/db/writeQueue';
import { emitSummary, ms, printTable, ratio, tempDir } from './benchUtil';
import { benchPhotos } from './sitePhotos';

const PHOTOS = 50;
const ROUNDS = 3;
const TARGET_RATIO = 1.25;

function vipsthumbnailRound(files: string[], out: string): number {
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  const started = performance.now();
  for (const variant of IMAGE_VARIANT_IDS) {
    const width = IMAGE_VARIANTS[variant].maxWidth;
    execFileSync('vipsthumbnail', ['--size', `${width}x`, '-o', path.join(out, `%s-${variant}.jpg[Q=80,strip]`), ...files]);
  }
  return performance.now() - started;
}

async function oursRound(originals: StoredImage[], dataDir: string, db: ReadableDB, writes: WriteQueue): Promise<number> {
  rmSync(path.join(dataDir, 'assets', 'derived'), { recursive: true, force: true });
  await writes.write((w) => w.exec('DELETE FROM asset_derived'));
  const started = performance.now();
  await deriveAll(
    { db, dataDir, writes, now: () => new Date() },
    originals.map((o) => o.sha256),
  );
  return performance.now() - started;
}

const folderBytes = (dir: string): number =>
  readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .reduce((n, e) => n + statSync(path.join(e.parentPath, e.name)).size, 0);

async function main() {
  if (spawnSync('sh', ['-c', 'command -v vipsthumbnail'], { stdio: 'ignore' }).status !== 0)
    throw new Error('vipsthumbnail (Debian libvips-tools) is needed as the reference.');
  const photos = await benchPhotos(PHOTOS);
  if (photos.madeMs !== null) console.log(`made ${PHOTOS} test photos in ${(photos.madeMs / 1000).toFixed(1)} s`);
  const dataDir = tempDir('ecw-images-bench-');
  const db = asReadable(openDatabase(path.join(dataDir, 'ecw.sqlite')));
  const writes = createWriteQueue(() => db);
  // Intake stores each photo once (normalized); deriving then reads those originals.
  const storeStarted = performance.now();
  const originals = await mapLimited(photos.files, 2, (file) => storeImage(dataDir, readFileSync(file)));
  const storeMs = performance.now() - storeStarted;
  await writes.write((w) => originals.forEach((o) => registerImage(w, o, new Date())));

  const out = path.join(tempDir('ecw-vips-'), 'out');
  const ours: number[] = [];
  const vips: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    vips.push(vipsthumbnailRound(photos.files, out));
    ours.push(await oursRound(originals, dataDir, db, writes));
  }
  const best = (values: number[]) => Math.min(...values);
  const oursBytes = folderBytes(path.join(dataDir, 'assets', 'derived'));
  const vipsBytes = folderBytes(out);
  printTable(
    `Derived sizes (${IMAGE_VARIANT_IDS.map((v) => IMAGE_VARIANTS[v].maxWidth).join('/')} px) of ${PHOTOS} photos 4000×3000, best of ${ROUNDS}`,
    [
      {
        what: 'ours (sharp q80; mozjpeg for WAP sizes)',
        'total ms': ms(best(ours)),
        'ms/photo': ms(best(ours) / PHOTOS),
        'output KB': Math.round(oursBytes / 1024),
        'all rounds': ours.map(ms).join(' '),
      },
      {
        what: 'vipsthumbnail (Q80)',
        'total ms': ms(best(vips)),
        'ms/photo': ms(best(vips) / PHOTOS),
        'output KB': Math.round(vipsBytes / 1024),
        'all rounds': vips.map(ms).join(' '),
      },
    ],
  );
  const r = best(ours) / best(vips);
  console.log(
    `\nours / vipsthumbnail = ${ratio(best(ours), best(vips))} (target ≤ ${TARGET_RATIO}) ${r <= TARGET_RATIO ? 'OK' : 'OVER TARGET'}`,
  );
  console.log(`(intake's one-time normalization of the ${PHOTOS} originals: ${ms(storeMs)} ms, not part of the comparison)`);
  emitSummary('images', [
    { metric: `derive 4 sizes × ${PHOTOS} photos`, value: best(ours), referenceName: 'vipsthumbnail', reference: best(vips) },
  ]);
  db.close();
}

await main();
