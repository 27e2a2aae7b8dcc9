/**
 * The image upload queue (SYNC.md §3.7): check which hashes the platform lacks, then upload each
 * missing file in 4 MiB chunks, saving the offset after every chunk, resuming from the platform's
 * offset after any failure. Runs after the data steps and never gates them; a file that can never
 * be uploaded ends `failed` with a visible reason and blocks nothing else.
 *   pending_upload → uploading → uploaded        (or → failed)
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { crc32 } from 'node:zlib';
import type Database from 'better-sqlite3';
import {
  CHECKSUM_MISMATCH_STATUS,
  CHUNK_SIZE,
  checkResponseSchema,
  createUploadResponseSchema,
  MAX_CHECK_HASHES,
  UPLOAD_HEADERS,
} from '../../../../shared/platform-api';
import { assetFile } from '../assets/store';
import { perDatabase } from '../../infra/db/perDatabase';
import { Backoff } from './backoff';
import { isTransient, ProtocolFailure, TransientFailure } from './errors';
import type { PlatformClient, RawResponse } from './platform';

export interface AssetRow {
  sha256: string;
  size: number;
  mime: string;
  state: string;
  upload_id: string | null;
  uploaded_bytes: number;
  attempts: number;
  last_error: string | null;
}

export interface UploadStats {
  uploaded: number;
  uploadedBytes: number;
  failed: number;
}

export interface AssetEnv {
  db: Database.Database;
  dataDir: string;
  client: PlatformClient;
  clientId: string;
  /** Monotonic ms; per-asset retry times live in memory (never the device's wall clock). */
  clock?: () => number;
  onProgress?: (asset: AssetRow, done: number) => void;
}

const CHUNK_TIMEOUT_MS = 60_000;
const UPLOAD_CONCURRENCY = 2;
const MAX_CHUNK_RETRIES = 3;

const statements = perDatabase((db: Database.Database) => ({
  queued: db.prepare<[], AssetRow>(
    `SELECT sha256, size, mime, state, upload_id, uploaded_bytes, attempts, last_error FROM asset
     WHERE state IN ('pending_upload', 'uploading') ORDER BY created_at, sha256`,
  ),
  all: db.prepare<[], AssetRow>(
    `SELECT sha256, size, mime, state, upload_id, uploaded_bytes, attempts, last_error FROM asset
     WHERE state IN ('pending_upload', 'uploading', 'failed') ORDER BY created_at, sha256`,
  ),
  progress: db.prepare(`UPDATE asset SET state = 'uploading', upload_id = ?, uploaded_bytes = ? WHERE sha256 = ?`),
  done: db.prepare(`UPDATE asset SET state = 'uploaded', upload_id = NULL, uploaded_bytes = size, last_error = NULL WHERE sha256 = ?`),
  failure: db.prepare(`UPDATE asset SET attempts = attempts + 1, last_error = ? WHERE sha256 = ?`),
  failed: db.prepare(`UPDATE asset SET state = 'failed', attempts = attempts + 1, last_error = ? WHERE sha256 = ?`),
  retry: db.prepare(`UPDATE asset SET state = 'pending_upload', upload_id = NULL, uploaded_bytes = 0, attempts = 0, last_error = NULL WHERE sha256 = ? AND state = 'failed'`),
  counts: db.prepare<[], { pending: number; failed: number }>(
    `SELECT coalesce(sum(state IN ('pending_upload', 'uploading')), 0) AS pending, coalesce(sum(state = 'failed'), 0) AS failed FROM asset`,
  ),
}));

export const uploadQueue = (db: Database.Database) => statements(db).all.all();
export const uploadCounts = (db: Database.Database) => statements(db).counts.get()!;
export const retryUpload = (db: Database.Database, sha256: string) => statements(db).retry.run(sha256).changes === 1;

/** A failure that retrying will not fix: the asset ends `failed` and the queue goes on. */
class PermanentUploadFailure extends Error {}

/** Two chunk buffers, used in turn. */
type ChunkBuffers = [Buffer, Buffer];

/** Upload-Checksum of a chunk: CRC-32 (the blob's sha256 is checked by the platform at completion). */
function chunkChecksum(bytes: Uint8Array): string {
  const digest = Buffer.alloc(4);
  digest.writeUInt32BE(crc32(bytes));
  return `crc32 ${digest.toString('base64')}`;
}

/** Reads `length` bytes at `offset` into the start of `into` (if it is large enough); returns them. */
async function readChunk(file: FileHandle, offset: number, length: number, into: Buffer): Promise<Buffer> {
  const buffer = into.length >= length ? into.subarray(0, length) : Buffer.allocUnsafe(length);
  let read = 0;
  while (read < length) {
    const { bytesRead } = await file.read(buffer, read, length - read, offset + read);
    if (bytesRead === 0) throw new PermanentUploadFailure('The local file is shorter than recorded.');
    read += bytesRead;
  }
  return buffer;
}

async function hashFile(path: string): Promise<string> {
  const file = await open(path, 'r');
  try {
    const hash = createHash('sha256');
    for await (const chunk of file.createReadStream()) hash.update(chunk as Buffer);
    return hash.digest('hex');
  } finally {
    await file.close();
  }
}

export class AssetUploader {
  private readonly retryAt = new Map<string, number>();
  private readonly backoffs = new Map<string, Backoff>();

  constructor(private readonly clock: () => number = () => performance.now()) {}

  /**
   * Uploads what is due (everything when `now`: a person asked). Stops at the first network failure
   * (all would fail); other failures are per asset.
   */
  async run(env: AssetEnv, now = false): Promise<UploadStats> {
    const stats: UploadStats = { uploaded: 0, uploadedBytes: 0, failed: 0 };
    const due = statements(env.db).queued.all().filter((a) => now || (this.retryAt.get(a.sha256) ?? 0) <= this.clock());
    if (due.length === 0) return stats;
    const missing = await this.check(env, due);
    let networkDown: unknown;
    const worker = async () => {
      // Two chunk buffers per worker for all its uploads: one travels while the next chunk is read
      // into the other. (Fresh 4 MiB buffers per file would make the collector run hard.)
      const buffers: ChunkBuffers = [Buffer.allocUnsafe(CHUNK_SIZE), Buffer.allocUnsafe(CHUNK_SIZE)];
      for (let asset = missing.shift(); asset && !networkDown; asset = missing.shift()) {
        try {
          await this.uploadAndCount(env, asset, stats, buffers);
        } catch (error) {
          networkDown ??= error; // the network is gone: stop for now
        }
      }
    };
    // Two uploads at once: one travels while the platform verifies and stores the other's chunk.
    await Promise.all(Array.from({ length: UPLOAD_CONCURRENCY }, worker));
    if (networkDown) throw networkDown;
    return stats;
  }

  /** One asset; per-asset failures are recorded on it, a network failure is thrown. */
  private async uploadAndCount(env: AssetEnv, asset: AssetRow, stats: UploadStats, buffers: ChunkBuffers): Promise<void> {
    try {
      const sent = await this.uploadOne(env, asset, buffers); // (not `+= await`: the other worker adds meanwhile)
      stats.uploadedBytes += sent;
      stats.uploaded++;
      this.retryAt.delete(asset.sha256);
      this.backoffs.delete(asset.sha256);
    } catch (error) {
      if (error instanceof PermanentUploadFailure) {
        statements(env.db).failed.run(error.message, asset.sha256);
        stats.failed++;
        return;
      }
      statements(env.db).failure.run((error as Error).message, asset.sha256);
      const backoff = this.backoffs.get(asset.sha256) ?? new Backoff();
      this.backoffs.set(asset.sha256, backoff);
      this.retryAt.set(asset.sha256, this.clock() + backoff.next(isTransient(error) ? error.retryAfterMs : undefined));
      if (isTransient(error) && error.status === undefined) throw error;
    }
  }

  /** The next time an asset is due, in ms from now, or null. */
  nextDueInMs(db: Database.Database): number | null {
    const times = statements(db).queued.all().map((a) => (this.retryAt.get(a.sha256) ?? 0) - this.clock());
    return times.length ? Math.max(0, Math.min(...times)) : null;
  }

  private async check(env: AssetEnv, assets: AssetRow[]): Promise<AssetRow[]> {
    const missing: AssetRow[] = [];
    for (let i = 0; i < assets.length; i += MAX_CHECK_HASHES) {
      const slice = assets.slice(i, i + MAX_CHECK_HASHES);
      const answer = await env.client.json('/assets/v1/check', checkResponseSchema, { body: { hashes: slice.map((a) => a.sha256) } });
      const present = new Set(answer.present);
      for (const asset of slice) {
        if (present.has(asset.sha256)) statements(env.db).done.run(asset.sha256);
        else missing.push(asset);
      }
    }
    return missing;
  }

  /** Returns the bytes sent. */
  private async uploadOne(env: AssetEnv, asset: AssetRow, buffers: ChunkBuffers): Promise<number> {
    const path = assetFile(env.dataDir, asset.sha256);
    if (!existsSync(path)) throw new PermanentUploadFailure('The image file is missing from this device.');
    const file = await open(path, 'r');
    try {
      return await this.send(env, asset, file, path, buffers);
    } finally {
      await file.close();
    }
  }

  private async begin(env: AssetEnv, asset: AssetRow): Promise<{ uploadId: string; offset: number; chunkSize: number } | 'present'> {
    const response = await env.client.raw('/assets/v1/uploads', {
      body: { clientId: env.clientId, sha256: asset.sha256, size: asset.size, mime: asset.mime },
      accept: [413],
    });
    if (response.status === 413) throw new PermanentUploadFailure('The image is larger than the platform accepts.');
    const answer = createUploadResponseSchema.parse(response.json());
    if (answer.status === 'present') return 'present';
    statements(env.db).progress.run(answer.uploadId, answer.offset, asset.sha256);
    return answer;
  }

  private async send(env: AssetEnv, asset: AssetRow, file: FileHandle, path: string, buffers: ChunkBuffers): Promise<number> {
    let sent = 0;
    let restarts = 0;
    let checksumRetries = 0;
    let upload = await this.begin(env, asset);
    if (upload === 'present') return this.finish(env, asset, sent);
    let { offset } = upload;
    let turn = 0;
    const prepare = (at: number, length: number) => {
      const into = buffers[(turn++ % 2) as 0 | 1];
      return readChunk(file, at, length, into).then((bytes) => ({ at, bytes, checksum: chunkChecksum(bytes) }));
    };
    let next: Promise<{ at: number; bytes: Buffer; checksum: string }> | undefined;
    while (offset < asset.size) {
      const length = Math.min(upload.chunkSize, asset.size - offset);
      let chunk = await (next ?? prepare(offset, length));
      if (chunk.at !== offset) chunk = await prepare(offset, length); // the platform answered another offset
      next = undefined;
      const pending = this.patch(env, upload.uploadId, offset, chunk.bytes, chunk.checksum);
      const following = offset + length;
      // Read and checksum the next chunk while this one travels.
      if (following < asset.size) next = prepare(following, Math.min(upload.chunkSize, asset.size - following));
      const response = await pending.catch((error) => {
        next?.catch(() => undefined);
        throw error;
      });
      const serverOffset = Number(response.headers.get(UPLOAD_HEADERS.offset));
      if (response.status === 204 || response.status === 201) {
        sent += length;
        if (response.status === 201) return this.finish(env, asset, sent);
        offset = Number.isFinite(serverOffset) ? serverOffset : following;
        statements(env.db).progress.run(upload.uploadId, offset, asset.sha256);
        env.onProgress?.(asset, offset);
        checksumRetries = 0;
        continue;
      }
      await next?.catch(() => undefined); // (its buffer is read into again below)
      next = undefined;
      if (response.status === 409 && Number.isFinite(serverOffset)) {
        offset = serverOffset; // the platform has more or less than we thought: go on from its offset
        statements(env.db).progress.run(upload.uploadId, offset, asset.sha256);
      } else if (response.status === CHECKSUM_MISMATCH_STATUS) {
        if (++checksumRetries > MAX_CHUNK_RETRIES) throw new TransientFailure('checksum_mismatch', 'A chunk kept arriving damaged.', response.status);
      } else if (response.status === 404 || response.status === 422) {
        if (response.status === 422 && (await hashFile(path)) !== asset.sha256) throw new PermanentUploadFailure('The image file on this device is damaged (its hash changed).');
        if (++restarts > 1) throw new PermanentUploadFailure(response.status === 422 ? 'The platform could not verify the uploaded image twice.' : 'The upload keeps expiring.');
        const again = await this.begin(env, asset);
        if (again === 'present') return this.finish(env, asset, sent);
        upload = again;
        offset = again.offset;
      } else {
        throw new ProtocolFailure(`http_${response.status}`, `The platform answered an upload chunk with HTTP ${response.status}.`, response.status);
      }
    }
    return this.finish(env, asset, sent);
  }

  private finish(env: AssetEnv, asset: AssetRow, sent: number): number {
    statements(env.db).done.run(asset.sha256);
    env.onProgress?.(asset, asset.size);
    return sent;
  }

  private patch(env: AssetEnv, uploadId: string, offset: number, chunk: Buffer, checksum: string): Promise<RawResponse> {
    return env.client.raw(`/assets/v1/uploads/${encodeURIComponent(uploadId)}`, {
      method: 'PATCH',
      bytes: chunk,
      headers: {
        [UPLOAD_HEADERS.offset]: String(offset),
        [UPLOAD_HEADERS.checksum]: checksum,
        'content-type': UPLOAD_HEADERS.contentType,
      },
      timeoutMs: CHUNK_TIMEOUT_MS,
      accept: [404, 409, 422, CHECKSUM_MISMATCH_STATUS],
    });
  }
}
