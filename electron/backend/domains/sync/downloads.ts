/**
 * Images other devices uploaded (SYNC.md §3.7 step 3): a pulled row that refers to pictures this
 * device lacks queues them `remote_only`; after each cycle's data and uploads, a low-priority pass
 * fetches a bounded amount, verifies each file's hash and stores it content-addressed (`present`).
 * A picture the platform does not have yet (its device has not uploaded it) is retried later.
 */
import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3';
import { hasAssetFile, storeAssetFile } from '../assets/store';
import { perDatabase } from '../../infra/db/perDatabase';
import type { PlatformClient } from './platform';

/** Per cycle, so a device that was offline for long does not spend its whole cycle downloading. */
const MAX_FILES_PER_CYCLE = 50;
const DOWNLOAD_TIMEOUT_MS = 120_000;

const statements = perDatabase((db: Database.Database) => ({
  queue: db.prepare(`INSERT OR IGNORE INTO asset (sha256, size, mime, state, created_at) VALUES (?, 0, 'application/octet-stream', 'remote_only', ?)`),
  due: db.prepare<[number], { sha256: string; attempts: number }>(`SELECT sha256, attempts FROM asset WHERE state = 'remote_only' ORDER BY attempts, created_at LIMIT ?`),
  present: db.prepare(`UPDATE asset SET state = 'present', size = ?, mime = ?, last_error = NULL WHERE sha256 = ?`),
  failure: db.prepare(`UPDATE asset SET attempts = attempts + 1, last_error = ? WHERE sha256 = ?`),
  failed: db.prepare(`UPDATE asset SET state = 'failed', attempts = attempts + 1, last_error = ? WHERE sha256 = ?`),
}));

const isSha256 = (value: unknown): value is string => typeof value === 'string' && /^[0-9a-f]{64}$/.test(value);

/** Queues the pictures a pulled row refers to (its `images`) that are not on this device. */
export function queueRemoteImages(db: Database.Database, dataDir: string, row: Record<string, unknown> | undefined, now: Date): void {
  const images = Array.isArray(row?.images) ? row.images.filter(isSha256) : [];
  for (const sha256 of images) if (!hasAssetFile(dataDir, sha256)) statements(db).queue.run(sha256, now.toISOString());
}

export async function downloadImages(env: { db: Database.Database; dataDir: string; client: PlatformClient }): Promise<number> {
  let bytes = 0;
  for (const { sha256, attempts } of statements(env.db).due.all(MAX_FILES_PER_CYCLE)) {
    if (hasAssetFile(env.dataDir, sha256)) {
      statements(env.db).present.run(0, 'application/octet-stream', sha256);
      continue;
    }
    const response = await env.client.raw(`/assets/v1/blobs/${sha256}`, { accept: [404], timeoutMs: DOWNLOAD_TIMEOUT_MS });
    if (response.status === 404) {
      statements(env.db).failure.run('Not on the platform yet (the other device has not uploaded it).', sha256);
      continue;
    }
    if (createHash('sha256').update(response.body).digest('hex') !== sha256) {
      // Damaged on the way or on the platform: once more, then give up visibly.
      if (attempts >= 1) statements(env.db).failed.run('The downloaded picture does not match its hash.', sha256);
      else statements(env.db).failure.run('The downloaded picture did not match its hash.', sha256);
      continue;
    }
    storeAssetFile(env.dataDir, response.body);
    statements(env.db).present.run(response.body.length, response.headers.get('content-type') ?? 'application/octet-stream', sha256);
    bytes += response.body.length;
  }
  return bytes;
}
