/**
 * Derived picture sizes (the variants of shared/sites/assets.ts), made once per (sha256, variant) and cached: a row in `asset_derived` and a
 * file under assets/derived/<variant>/<ab>/<sha256>.<ext>, encoded by the shared rules (imageEncodingFor).
 */
import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { IMAGE_VARIANT_IDS, IMAGE_VARIANTS, imageEncodingFor, type ImageVariant } from '../../../../shared/sites/assets';
import type { ReadableDB } from '../../infra/db/handles';
import type { WriteQueue } from '../../infra/db/writeQueue';
import { mapLimited } from './concurrency';
import { derivedRecord, imageFacts, saveDerived } from './repository';
import { assetFile } from './store';

export { IMAGE_VARIANTS, IMAGE_VARIANT_IDS, type ImageVariant };

export const isImageVariant = (name: string): name is ImageVariant => Object.hasOwn(IMAGE_VARIANTS, name);

export interface DerivedImage {
  sha256: string;
  variant: ImageVariant;
  /** Absolute path of the derived file. */
  file: string;
  mime: string;
  width: number;
  height: number;
  bytes: number;
}

export interface DerivedEnv {
  db: ReadableDB;
  dataDir: string;
  writes: WriteQueue;
  now(): Date;
}

const inFlight = new Map<string, Promise<DerivedImage>>();

/** The derived file for (sha256, variant), made now if it is not cached (or its file went missing). */
export function ensureDerived(env: DerivedEnv, sha256: string, variant: ImageVariant): Promise<DerivedImage> {
  const cached = derivedRecord(env.db, sha256, variant);
  if (cached) {
    const file = path.join(env.dataDir, cached.file);
    if (existsSync(file)) return Promise.resolve({ sha256, variant, ...cached, file });
  }
  const key = `${env.dataDir}\0${sha256}\0${variant}`;
  let pending = inFlight.get(key);
  if (!pending) {
    pending = makeDerived(env, sha256, variant).finally(() => inFlight.delete(key));
    inFlight.set(key, pending);
  }
  return pending;
}

async function makeDerived(env: DerivedEnv, sha256: string, variant: ImageVariant): Promise<DerivedImage> {
  const hasAlpha = imageFacts(env.db, sha256)?.hasAlpha ?? false;
  const encoding = imageEncodingFor(variant, hasAlpha);
  const { data, info } = await sharp(assetFile(env.dataDir, sha256))
    .resize({ width: IMAGE_VARIANTS[variant].maxWidth, withoutEnlargement: true })
    .toFormat(encoding.format, encoding.options)
    .toBuffer({ resolveWithObject: true });
  const relative = path.join('assets', 'derived', variant, sha256.slice(0, 2), `${sha256}.${encoding.ext}`);
  writeAtomically(path.join(env.dataDir, relative), data);
  const row = { file: relative, mime: encoding.mime, width: info.width, height: info.height, bytes: data.byteLength };
  // The cache row is not awaited: a build (often a query) must not wait behind a long mutation for
  // it. Should it be lost, the next build finds no row and makes the same file again.
  env.writes.write((db) => saveDerived(db, { sha256, variant, ...row, createdAt: env.now().toISOString() })).catch(() => undefined);
  return { sha256, variant, ...row, file: path.join(env.dataDir, relative) };
}

function writeAtomically(file: string, data: Uint8Array): void {
  mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.${randomUUID()}.tmp`;
  writeFileSync(tmp, data);
  renameSync(tmp, file);
}

/** Every variant of every picture, `concurrency` pictures at a time, reporting each finished one. */
export async function deriveAll(
  env: DerivedEnv,
  sha256s: readonly string[],
  variants: readonly ImageVariant[] = IMAGE_VARIANT_IDS,
  options: { concurrency?: number; onProgress?: (done: number, total: number) => void } = {},
): Promise<DerivedImage[]> {
  const unique = [...new Set(sha256s)];
  let done = 0;
  const perImage = await mapLimited(unique, options.concurrency ?? 2, async (sha256) => {
    const made = await Promise.all(variants.map((v) => ensureDerived(env, sha256, v)));
    options.onProgress?.(++done, unique.length);
    return made;
  });
  return perImage.flat();
}
