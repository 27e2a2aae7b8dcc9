/**
 * Photo-like JPEGs for the site and image benchmarks: gaussian noise, blurred and blended with a
 * gradient (the entropy of a real phone photo, as in LIBRARIES.md §4.2), each one different. Under
 * `npm run bench` they are made once per run (ECW_BENCH_CACHE) and reused.
 */
import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { mapLimited } from '../../electron/backend/domains/assets/concurrency';
import { tempDir } from './benchUtil';

async function makePhoto(file: string, width: number, height: number, seed: number): Promise<void> {
  const noise = await sharp({
    create: { width: width / 4, height: height / 4, channels: 3, background: '#808080', noise: { type: 'gaussian', mean: 128, sigma: 40 } },
  })
    .resize(width, height)
    .blur(1.2)
    .png({ compressionLevel: 0 })
    .toBuffer();
  const hue = (seed * 47) % 360;
  const gradient = Buffer.from(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><defs><linearGradient id="g" x2="1" y2="1">` +
      `<stop offset="0" stop-color="hsl(${hue},55%,35%)"/><stop offset="1" stop-color="hsl(${(hue + 90) % 360},45%,70%)"/></linearGradient></defs>` +
      `<rect width="100%" height="100%" fill="url(#g)"/><circle cx="${(seed * 97) % width}" cy="${(seed * 53) % height}" r="${height / 5}" fill="white" fill-opacity="0.4"/></svg>`,
  );
  await sharp(gradient)
    .composite([{ input: noise, blend: 'overlay' }])
    .jpeg({ quality: 90 })
    .toFile(file);
}

/** `count` distinct photos of width×height in a folder (cached per run under ECW_BENCH_CACHE). */
export async function benchPhotos(
  count: number,
  width = 4000,
  height = 3000,
): Promise<{ dir: string; files: string[]; madeMs: number | null }> {
  const cacheRoot = process.env.ECW_BENCH_CACHE;
  const dir = cacheRoot ? path.join(cacheRoot, `photos-${count}-${width}x${height}`) : tempDir('ecw-photos-');
  mkdirSync(dir, { recursive: true });
  const names = Array.from({ length: count }, (_, i) => `photo-${String(i).padStart(3, '0')}.jpg`);
  const missing = names.filter((n) => !existsSync(path.join(dir, n)));
  const started = performance.now();
  await mapLimited(missing, 2, (name) => makePhoto(path.join(dir, name), width, height, names.indexOf(name) + 1));
  const files = readdirSync(dir)
    .filter((n) => names.includes(n))
    .sort()
    .map((n) => path.join(dir, n));
  return { dir, files, madeMs: missing.length ? performance.now() - started : null };
}
