/**
 * The picture sizes a published site shows, made here from the uploaded originals with the same
 * rules as the desktop's (imageEncodingFor in shared/sites/assets.ts). Each size is made once per
 * (original, variant), kept as a content-addressed blob and remembered in image_rendition — the
 * blob's file first, then its rows, so a row never names a missing file. A publish makes them before
 * its transaction (`prepareRenditions`, each row committed on its own), so resizing never holds the
 * transaction open; inside it `renditionsFor` only reads them, making any still missing.
 */
import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import sharp from 'sharp';
import {
  derivedImagePath,
  IMAGE_VARIANT_IDS,
  IMAGE_VARIANTS,
  imageEncodingFor,
  type AssetResolver,
  type ImageVariant,
} from '../../../shared/sites/assets';
import type { AssetUse } from '../../../shared/sites/job';
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';

type Rendition = DB['image_rendition'];

async function render(
  blobsDir: string,
  source: string,
  variant: ImageVariant,
  hasAlpha: boolean,
  at: string,
  db: Kysely<DB>,
): Promise<Rendition> {
  const encoding = imageEncodingFor(variant, hasAlpha);
  const { data, info } = await sharp(path.join(blobsDir, source))
    .resize({ width: IMAGE_VARIANTS[variant].maxWidth, withoutEnlargement: true })
    .toFormat(encoding.format, encoding.options)
    .toBuffer({ resolveWithObject: true });
  const sha256 = createHash('sha256').update(data).digest('hex');
  const file = path.join(blobsDir, sha256);
  const tmp = `${file}.${randomUUID()}.tmp`;
  await fs.writeFile(tmp, data);
  await fs.rename(tmp, file);
  await db
    .insertInto('blob')
    .values({ sha256, size: data.byteLength, mime: encoding.mime, stored_at: at })
    .onConflict((oc) => oc.column('sha256').doNothing())
    .execute();
  const row = {
    source_sha256: source,
    variant,
    sha256,
    mime: encoding.mime,
    width: info.width,
    height: info.height,
    bytes: data.byteLength,
  };
  await db
    .insertInto('image_rendition')
    .values(row)
    .onConflict((oc) => oc.columns(['source_sha256', 'variant']).doNothing())
    .execute();
  return row;
}

/**
 * Every variant of every original (which must be stored blobs), made where missing; `at` stamps new
 * blobs. `db` is a transaction (the publish's fallback) or the database (each row its own commit).
 */
export async function renditionsFor(db: Kysely<DB>, blobsDir: string, originals: string[], at: string): Promise<Rendition[]> {
  if (originals.length === 0) return [];
  const kept = await db.selectFrom('image_rendition').selectAll().where('source_sha256', 'in', originals).execute();
  const have = new Set(kept.map((r) => `${r.source_sha256}/${r.variant}`));
  const made: Rendition[] = [];
  for (const source of new Set(originals)) {
    const wanted = IMAGE_VARIANT_IDS.filter((v) => !have.has(`${source}/${v}`));
    if (wanted.length === 0) continue;
    const { hasAlpha = false } = await sharp(path.join(blobsDir, source)).metadata();
    for (const variant of wanted) made.push(await render(blobsDir, source, variant, hasAlpha, at, db));
  }
  return kept.concat(made);
}

/**
 * Before a publish's transaction: the renditions of its originals, each committed as it is made.
 * An original that is not a stored, readable picture is left for the publish, which fails it with
 * `missing_assets`.
 */
export async function prepareRenditions(db: Kysely<DB>, blobsDir: string, originals: string[], at: string): Promise<void> {
  for (const source of new Set(originals)) {
    const stored = await db.selectFrom('blob').select('sha256').where('sha256', '=', source).executeTakeFirst();
    if (stored) await renditionsFor(db, blobsDir, [source], at).catch(() => undefined);
  }
}

const EXTENSION = { 'image/jpeg': 'jpg', 'image/png': 'png', 'image/gif': 'gif' } as const;

/** The compiler's answers over renditions. */
export function renditionResolver(renditions: Rendition[]): AssetResolver {
  const byKey = new Map(renditions.map((r) => [`${r.source_sha256}/${r.variant}`, r]));
  return {
    resolve(sha256, variant) {
      const r = byKey.get(`${sha256}/${variant}`);
      if (!r) return undefined;
      return {
        path: derivedImagePath(sha256, variant, EXTENSION[r.mime as keyof typeof EXTENSION] ?? 'jpg'),
        width: Number(r.width),
        height: Number(r.height),
        bytes: Number(r.bytes),
      };
    },
  };
}

/** The blob holding each image a compile used: `assets` as CompileResult gives them (paths like `web/assets/…`). */
export function assetBlobs(renditions: Rendition[], assets: AssetUse[]): { path: string; sha256: string }[] {
  const byKey = new Map(renditions.map((r) => [`${r.source_sha256}/${r.variant}`, r.sha256]));
  return assets.flatMap((a) => {
    const sha256 = byKey.get(`${a.sha256}/${a.variant}`);
    return sha256 ? [{ path: a.path, sha256 }] : [];
  });
}
