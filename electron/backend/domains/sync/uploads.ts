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
import {
  CHECKSUM_MISMATCH_STATUS,
  CHUNK_SIZE,
  checkResponseSchema,
  createUploadResponseSchema,
  MAX_CHECK_HASHES,
  UPLOAD_HEADERS,
} from '../../../../shared/platform-api';
import type { ReadableDB } from '../../infra/db/handles';
import type { WriteQueue } from '../../infra/db/writeQueue';
import { assetsToUpload, markAssetFailed, markUploaded, markUploading, recordAssetAttempt, type AssetRecord } from '../assets/repository';
import { assetFile } from '../assets/store';
import { Backoff } from './backoff';
import { isTransient, ProtocolFailure, TransientFailure } from './errors';
import type { PlatformClient, RawResponse } from './platform';

export interface UploadStats {
  uploaded: number;
  uploadedBytes: number;
  failed: number;
}

export interface AssetEnv {
  db: ReadableDB;
  writes: WriteQueue;
  dataDir: string;
  client: PlatformClient;
  clientId: string;
  /** Bytes of `asset` sent so far: as a chunk leaves (axios' upload progress) and when the platform has it. */
  onProgress?: (asset: AssetRecord, sentBytes: number) => void;
}

const CHUNK_TIMEOUT_MS = 60_000;
// Three uploads at once: the platform fsyncs each 4 MiB chunk before answering it, during which a
// lone upload waits; with three, one or two chunks travel while another is stored.
const UPLOAD_CONCURRENCY = 3;
const MAX_CHUNK_RETRIES = 3;

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
    const due = assetsToUpload(env.db).filter((a) => now || (this.retryAt.get(a.sha256) ?? 0) <= this.clock());
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
    await Promise.all(Array.from({ length: UPLOAD_CONCURRENCY }, worker));
    if (networkDown) throw networkDown;
    return stats;
  }

  /** One asset; per-asset failures are recorded on it, a network failure is thrown. */
  private async uploadAndCount(env: AssetEnv, asset: AssetRecord, stats: UploadStats, buffers: ChunkBuffers): Promise<void> {
    try {
      const sent = await this.uploadOne(env, asset, buffers); // (not `+= await`: the other worker adds meanwhile)
      stats.uploadedBytes += sent;
      stats.uploaded++;
      this.retryAt.delete(asset.sha256);
      this.backoffs.delete(asset.sha256);
    } catch (error) {
      if (error instanceof PermanentUploadFailure) {
        await env.writes.write((db) => markAssetFailed(db, asset.sha256, error.message));
        stats.failed++;
        return;
      }
      await env.writes.write((db) => recordAssetAttempt(db, asset.sha256, (error as Error).message));
      const backoff = this.backoffs.get(asset.sha256) ?? new Backoff();
      this.backoffs.set(asset.sha256, backoff);
      this.retryAt.set(asset.sha256, this.clock() + backoff.next(isTransient(error) ? error.retryAfterMs : undefined));
      if (isTransient(error) && error.status === undefined) throw error;
    }
  }

  /** The next time an asset is due, in ms from now, or null. */
  nextDueInMs(db: ReadableDB): number | null {
    const times = assetsToUpload(db).map((a) => (this.retryAt.get(a.sha256) ?? 0) - this.clock());
    return times.length ? Math.max(0, Math.min(...times)) : null;
  }

  private async check(env: AssetEnv, assets: AssetRecord[]): Promise<AssetRecord[]> {
    const missing: AssetRecord[] = [];
    for (let i = 0; i < assets.length; i += MAX_CHECK_HASHES) {
      const slice = assets.slice(i, i + MAX_CHECK_HASHES);
      const answer = await env.client.json('/assets/v1/check', checkResponseSchema, { body: { hashes: slice.map((a) => a.sha256) } });
      const present = new Set(answer.present);
      const already = slice.filter((asset) => present.has(asset.sha256));
      if (already.length) await env.writes.write((db) => already.forEach((asset) => markUploaded(db, asset.sha256)));
      missing.push(...slice.filter((asset) => !present.has(asset.sha256)));
    }
    return missing;
  }

  /** Returns the bytes sent. */
  private async uploadOne(env: AssetEnv, asset: AssetRecord, buffers: ChunkBuffers): Promise<number> {
    const path = assetFile(env.dataDir, asset.sha256);
    if (!existsSync(path)) throw new PermanentUploadFailure('The image file is missing from this device.');
    const file = await open(path, 'r');
    try {
      return await this.send(env, asset, file, path, buffers);
    } finally {
      await file.close();
    }
  }

  private async begin(env: AssetEnv, asset: AssetRecord): Promise<{ uploadId: string; offset: number; chunkSize: number } | 'present'> {
    const response = await env.client.raw('/assets/v1/uploads', {
      body: { clientId: env.clientId, sha256: asset.sha256, size: asset.size, mime: asset.mime },
      accept: [413],
    });
    if (response.status === 413) throw new PermanentUploadFailure('The image is larger than the platform accepts.');
    const answer = createUploadResponseSchema.parse(response.json());
    if (answer.status === 'present') return 'present';
    await env.writes.writeWithoutSync((db) => markUploading(db, asset.sha256, answer.uploadId, answer.offset)); // (see send())
    return answer;
  }

  private async send(env: AssetEnv, asset: AssetRecord, file: FileHandle, path: string, buffers: ChunkBuffers): Promise<number> {
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
      const pending = this.patch(env, asset, upload.uploadId, offset, chunk.bytes, chunk.checksum);
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
        const [uploadId, at] = [upload.uploadId, offset];
        // Not waited onto the disk: the platform holds the offset (begin() resumes from its answer),
        // and an fsync per chunk on this thread would stall every upload in flight.
        await env.writes.writeWithoutSync((db) => markUploading(db, asset.sha256, uploadId, at));
        env.onProgress?.(asset, offset);
        checksumRetries = 0;
        continue;
      }
      await next?.catch(() => undefined); // (its buffer is read into again below)
      next = undefined;
      if (response.status === 409 && Number.isFinite(serverOffset)) {
        offset = serverOffset; // the platform has more or less than we thought: go on from its offset
        const uploadId = upload.uploadId;
        await env.writes.write((db) => markUploading(db, asset.sha256, uploadId, serverOffset));
      } else if (response.status === CHECKSUM_MISMATCH_STATUS) {
        if (++checksumRetries > MAX_CHUNK_RETRIES)
          throw new TransientFailure('checksum_mismatch', 'A chunk kept arriving damaged.', response.status);
      } else if (response.status === 404 || response.status === 422) {
        if (response.status === 422 && (await hashFile(path)) !== asset.sha256)
          throw new PermanentUploadFailure('The image file on this device is damaged (its hash changed).');
        if (++restarts > 1)
          throw new PermanentUploadFailure(
            response.status === 422 ? 'The platform could not verify the uploaded image twice.' : 'The upload keeps expiring.',
          );
        const again = await this.begin(env, asset);
        if (again === 'present') return this.finish(env, asset, sent);
        upload = again;
        offset = again.offset;
      } else {
        throw new ProtocolFailure(
          `http_${response.status}`,
          `The platform answered an upload chunk with HTTP ${response.status}.`,
          response.status,
        );
      }
    }
    return this.finish(env, asset, sent);
  }

  private async finish(env: AssetEnv, asset: AssetRecord, sent: number): Promise<number> {
    // Not waited onto the disk either (an fsync per picture on this thread stalls every upload in
    // flight): a power cut that loses it leaves the picture `uploading`, and the next cycle's check
    // finds it on the platform and marks it uploaded.
    await env.writes.writeWithoutSync((db) => markUploaded(db, asset.sha256));
    env.onProgress?.(asset, asset.size);
    return sent;
  }

  private patch(
    env: AssetEnv,
    asset: AssetRecord,
    uploadId: string,
    offset: number,
    chunk: Buffer,
    checksum: string,
  ): Promise<RawResponse> {
    return env.client.raw(`/assets/v1/uploads/${encodeURIComponent(uploadId)}`, {
      onUploadProgress: (sent) => env.onProgress?.(asset, offset + sent),
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
