/**
 * Images other devices uploaded (SYNC.md §3.7 step 3): a pulled row that refers to pictures this
 * device lacks queues them `remote_only`; after each cycle's data and uploads, a low-priority pass
 * fetches a bounded amount, verifies each file's hash and stores it content-addressed (`present`).
 * A picture the platform does not have yet (its device has not uploaded it) is retried later.
 */
import { createHash } from 'node:crypto';
import type { WritableDB } from '../../infra/db/handles';
import { assetsToDownload, markAssetFailed, markAssetPresent, queueRemoteAsset, recordAssetAttempt } from '../assets/repository';
import { hasAssetFile, storeAssetFile } from '../assets/store';
import type { SyncStepEnv } from './env';

/** Per cycle, so a device that was offline for long does not spend its whole cycle downloading. */
const MAX_FILES_PER_CYCLE = 50;
const DOWNLOAD_TIMEOUT_MS = 120_000;

const isSha256 = (value: unknown): value is string => typeof value === 'string' && /^[0-9a-f]{64}$/.test(value);

/** Queues the files a pulled row refers to (a site's `images`, an enterprise's licence photo) that are not on this device. */
export function queueRemoteImages(db: WritableDB, dataDir: string, row: Record<string, unknown> | undefined, now: Date): void {
  const images = [...(Array.isArray(row?.images) ? row.images : []), row?.licencePhotoSha256].filter(isSha256);
  for (const sha256 of images) if (!hasAssetFile(dataDir, sha256)) queueRemoteAsset(db, sha256, now);
}

/** Downloads what is due; returns the bytes stored. */
export async function downloadImages(env: Pick<SyncStepEnv, 'db' | 'writes' | 'dataDir' | 'client'>): Promise<number> {
  let bytes = 0;
  for (const { sha256, attempts } of assetsToDownload(env.db, MAX_FILES_PER_CYCLE)) {
    if (hasAssetFile(env.dataDir, sha256)) {
      await env.writes.write((db) => markAssetPresent(db, sha256, 0, 'application/octet-stream'));
      continue;
    }
    const response = await env.client.raw(`/assets/v1/blobs/${sha256}`, { accept: [404], timeoutMs: DOWNLOAD_TIMEOUT_MS });
    if (response.status === 404) {
      await env.writes.write((db) => recordAssetAttempt(db, sha256, 'Not on the platform yet (the other device has not uploaded it).'));
      continue;
    }
    if (createHash('sha256').update(response.body).digest('hex') !== sha256) {
      // Damaged on the way or on the platform: once more, then give up visibly.
      await env.writes.write((db) =>
        attempts >= 1
          ? markAssetFailed(db, sha256, 'The downloaded picture does not match its hash.')
          : recordAssetAttempt(db, sha256, 'The downloaded picture did not match its hash.'),
      );
      continue;
    }
    storeAssetFile(env.dataDir, response.body);
    await env.writes.write((db) =>
      markAssetPresent(db, sha256, response.body.length, response.headers.get('content-type') ?? 'application/octet-stream'),
    );
    bytes += response.body.length;
  }
  return bytes;
}
