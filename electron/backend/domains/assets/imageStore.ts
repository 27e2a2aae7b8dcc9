/**
 * Pictures in the asset store: the normalized original is written by sha256 (outside any
 * transaction), then registered with its facts (inside the caller's transaction), like every asset.
 */
import type Database from 'better-sqlite3';
import { perDatabase } from '../../infra/db/perDatabase';
import { normalizeImage, type SniffedFormat } from './images';
import { registerAsset, storeAssetFile } from './store';

export interface StoredImage {
  sha256: string;
  size: number;
  mime: string;
  width: number;
  height: number;
  hasAlpha: boolean;
  sourceFormat: SniffedFormat;
}

/** Normalizes the picture and writes it to the store; throws ImageProblem for anything unusable. */
export async function storeImage(dataDir: string, bytes: Uint8Array): Promise<StoredImage> {
  const image = await normalizeImage(bytes);
  const stored = storeAssetFile(dataDir, image.bytes);
  return { ...stored, mime: image.mime, width: image.width, height: image.height, hasAlpha: image.hasAlpha, sourceFormat: image.sourceFormat };
}

const statements = perDatabase((db) => ({
  insert: db.prepare(
    'INSERT OR IGNORE INTO image (sha256, width, height, has_alpha, source_format) VALUES (@sha256, @width, @height, @hasAlpha, @sourceFormat)',
  ),
  byHash: db.prepare<[string], { sha256: string; width: number; height: number; has_alpha: number; source_format: string }>(
    'SELECT sha256, width, height, has_alpha, source_format FROM image WHERE sha256 = ?',
  ),
}));

/** The asset row (queued for upload) and the picture's facts; call inside the transaction that uses it. */
export function registerImage(db: Database.Database, image: StoredImage, now: Date): void {
  registerAsset(db, image, now);
  statements(db).insert.run({ sha256: image.sha256, width: image.width, height: image.height, hasAlpha: image.hasAlpha ? 1 : 0, sourceFormat: image.sourceFormat });
}

export interface ImageFacts {
  sha256: string;
  width: number;
  height: number;
  hasAlpha: boolean;
}

export function imageFacts(db: Database.Database, sha256: string): ImageFacts | undefined {
  const row = statements(db).byHash.get(sha256);
  return row ? { sha256: row.sha256, width: row.width, height: row.height, hasAlpha: row.has_alpha === 1 } : undefined;
}
