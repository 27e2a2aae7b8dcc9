/**
 * SQL for the asset store's tables: `asset` (every stored file and its upload/download state),
 * `image` (facts of stored pictures) and `asset_derived` (the cache of derived sizes).
 *   upload:   pending_upload → uploading → uploaded   (or → failed)
 *   download: remote_only → present                   (or → failed)
 */
import type { ImageVariant } from '../../../../shared/sites/assets';
import type { ReadableDB, WritableDB } from '../../infra/db/handles';
import { perDatabase } from '../../infra/db/perDatabase';
import type { SniffedFormat } from './images';

export interface AssetRecord {
  sha256: string;
  size: number;
  mime: string;
  state: string;
  upload_id: string | null;
  uploaded_bytes: number;
  attempts: number;
  last_error: string | null;
}

export interface ImageFacts {
  sha256: string;
  width: number;
  height: number;
  hasAlpha: boolean;
}

export interface DerivedRecord {
  file: string;
  mime: string;
  width: number;
  height: number;
  bytes: number;
}

const ASSET_COLUMNS = 'sha256, size, mime, state, upload_id, uploaded_bytes, attempts, last_error';

const reads = perDatabase((db: ReadableDB) => ({
  byHash: db.prepare<[string], Pick<AssetRecord, 'state' | 'uploaded_bytes' | 'attempts' | 'last_error'>>(
    'SELECT state, uploaded_bytes, attempts, last_error FROM asset WHERE sha256 = ?',
  ),
  toUpload: db.prepare<[], AssetRecord>(
    `SELECT ${ASSET_COLUMNS} FROM asset WHERE state IN ('pending_upload', 'uploading') ORDER BY created_at, sha256`,
  ),
  uploadList: db.prepare<[], AssetRecord>(
    `SELECT ${ASSET_COLUMNS} FROM asset WHERE state IN ('pending_upload', 'uploading', 'failed') ORDER BY created_at, sha256`,
  ),
  uploadCounts: db.prepare<[], { pending: number; failed: number }>(
    `SELECT coalesce(sum(state IN ('pending_upload', 'uploading')), 0) AS pending, coalesce(sum(state = 'failed'), 0) AS failed FROM asset`,
  ),
  toDownload: db.prepare<[number], { sha256: string; attempts: number }>(
    `SELECT sha256, attempts FROM asset WHERE state = 'remote_only' ORDER BY attempts, created_at LIMIT ?`,
  ),
  imageFacts: db.prepare<[string], { sha256: string; width: number; height: number; has_alpha: number }>(
    'SELECT sha256, width, height, has_alpha FROM image WHERE sha256 = ?',
  ),
  derived: db.prepare<[string, string], DerivedRecord>(
    'SELECT file, mime, width, height, bytes FROM asset_derived WHERE sha256 = ? AND variant = ?',
  ),
  derivedCount: db.prepare<[string], { n: number }>('SELECT count(*) AS n FROM asset_derived WHERE sha256 = ?'),
}));

const writes = perDatabase((db: WritableDB) => ({
  register: db.prepare(`INSERT OR IGNORE INTO asset (sha256, size, mime, state, created_at) VALUES (?, ?, ?, 'pending_upload', ?)`),
  imageFacts: db.prepare(
    'INSERT OR IGNORE INTO image (sha256, width, height, has_alpha, source_format) VALUES (@sha256, @width, @height, @hasAlpha, @sourceFormat)',
  ),
  derived: db.prepare(
    `INSERT OR REPLACE INTO asset_derived (sha256, variant, file, mime, width, height, bytes, created_at)
     VALUES (@sha256, @variant, @file, @mime, @width, @height, @bytes, @createdAt)`,
  ),
  uploading: db.prepare(`UPDATE asset SET state = 'uploading', upload_id = ?, uploaded_bytes = ? WHERE sha256 = ?`),
  uploaded: db.prepare(`UPDATE asset SET state = 'uploaded', upload_id = NULL, uploaded_bytes = size, last_error = NULL WHERE sha256 = ?`),
  attemptFailed: db.prepare(`UPDATE asset SET attempts = attempts + 1, last_error = ? WHERE sha256 = ?`),
  failed: db.prepare(`UPDATE asset SET state = 'failed', attempts = attempts + 1, last_error = ? WHERE sha256 = ?`),
  retry: db.prepare(
    `UPDATE asset SET state = 'pending_upload', upload_id = NULL, uploaded_bytes = 0, attempts = 0, last_error = NULL WHERE sha256 = ? AND state = 'failed'`,
  ),
  remoteOnly: db.prepare(
    `INSERT OR IGNORE INTO asset (sha256, size, mime, state, created_at) VALUES (?, 0, 'application/octet-stream', 'remote_only', ?)`,
  ),
  present: db.prepare(`UPDATE asset SET state = 'present', size = ?, mime = ?, last_error = NULL WHERE sha256 = ?`),
}));

/* ---------- the store ---------- */

/** The asset row of a file just stored, queued for upload; inside the transaction that uses it. */
export function registerAsset(db: WritableDB, asset: { sha256: string; size: number; mime: string }, now: Date): void {
  writes(db).register.run(asset.sha256, asset.size, asset.mime, now.toISOString());
}

/** A stored picture: its asset row and its facts. */
export function registerImage(
  db: WritableDB,
  image: { sha256: string; size: number; mime: string; width: number; height: number; hasAlpha: boolean; sourceFormat: SniffedFormat },
  now: Date,
): void {
  registerAsset(db, image, now);
  writes(db).imageFacts.run({
    sha256: image.sha256,
    width: image.width,
    height: image.height,
    hasAlpha: image.hasAlpha ? 1 : 0,
    sourceFormat: image.sourceFormat,
  });
}

export function imageFacts(db: ReadableDB, sha256: string): ImageFacts | undefined {
  const row = reads(db).imageFacts.get(sha256);
  return row ? { sha256: row.sha256, width: row.width, height: row.height, hasAlpha: row.has_alpha === 1 } : undefined;
}

export const assetState = (db: ReadableDB, sha256: string) => reads(db).byHash.get(sha256);

/* ---------- derived sizes ---------- */

export const derivedRecord = (db: ReadableDB, sha256: string, variant: ImageVariant): DerivedRecord | undefined =>
  reads(db).derived.get(sha256, variant);
export const derivedCount = (db: ReadableDB, sha256: string): number => reads(db).derivedCount.get(sha256)?.n ?? 0;

export function saveDerived(db: WritableDB, derived: DerivedRecord & { sha256: string; variant: ImageVariant; createdAt: string }): void {
  writes(db).derived.run(derived);
}

/* ---------- uploads (sync/uploads.ts) ---------- */

/** Waiting or half uploaded, oldest first. */
export const assetsToUpload = (db: ReadableDB): AssetRecord[] => reads(db).toUpload.all();
/** What the sync centre lists: waiting, uploading and failed. */
export const uploadList = (db: ReadableDB): AssetRecord[] => reads(db).uploadList.all();
export const uploadCounts = (db: ReadableDB): { pending: number; failed: number } => reads(db).uploadCounts.get()!;

export const markUploading = (db: WritableDB, sha256: string, uploadId: string, offset: number) =>
  void writes(db).uploading.run(uploadId, offset, sha256);
export const markUploaded = (db: WritableDB, sha256: string) => void writes(db).uploaded.run(sha256);
/** A failed attempt that will be retried (uploads and downloads). */
export const recordAssetAttempt = (db: WritableDB, sha256: string, error: string) => void writes(db).attemptFailed.run(error, sha256);
/** A failure retrying cannot fix: shown in the sync centre until a person retries. */
export const markAssetFailed = (db: WritableDB, sha256: string, error: string) => void writes(db).failed.run(error, sha256);
export const retryFailedUpload = (db: WritableDB, sha256: string): boolean => writes(db).retry.run(sha256).changes === 1;

/* ---------- downloads (sync/downloads.ts) ---------- */

export const queueRemoteAsset = (db: WritableDB, sha256: string, now: Date) => void writes(db).remoteOnly.run(sha256, now.toISOString());
export const assetsToDownload = (db: ReadableDB, limit: number) => reads(db).toDownload.all(limit);
export const markAssetPresent = (db: WritableDB, sha256: string, size: number, mime: string) =>
  void writes(db).present.run(size, mime, sha256);
