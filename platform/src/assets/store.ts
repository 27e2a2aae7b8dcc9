/**
 * Content-addressed blobs with tus-like resumable uploads (SYNC.md §3.3 Assets, §3.9 d/e).
 * A chunk is written and fsynced before the offset is recorded; completion hashes the assembled
 * file, renames it atomically into blobs/<sha256> and only then records the blob row.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { CHUNK_SIZE, CHECKSUM_MISMATCH_STATUS, type CreateUploadResponse } from '../../../shared/platform-api/assets';
import { newId } from '../clock';
import { isoNow, type PlatformContext } from '../context';
import type { DB } from '../db/schema';
import { HttpError, badRequest, notFound } from '../http/errors';
import type { Principal } from '../scopes';
import { KeyedMutex } from '../sync/deviceLock';

type UploadRow = DB['upload'];

export type PatchOutcome = { done: false; offset: number } | { done: true; offset: number; sha256: string; size: number };

async function hashFile(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

async function fsyncDir(dir: string): Promise<void> {
  const handle = await fs.open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

export class AssetStore {
  private readonly lock = new KeyedMutex();
  readonly blobsDir: string;
  private readonly uploadsDir: string;

  constructor(private readonly ctx: PlatformContext) {
    this.blobsDir = path.join(ctx.config.dataDir, 'blobs');
    this.uploadsDir = path.join(ctx.config.dataDir, 'uploads');
  }

  async init(): Promise<void> {
    await fs.mkdir(this.blobsDir, { recursive: true });
    await fs.mkdir(this.uploadsDir, { recursive: true });
    await this.expireUploads();
  }

  private get db() {
    return this.ctx.database.db;
  }

  async check(hashes: string[]): Promise<{ present: string[]; missing: string[] }> {
    const unique = [...new Set(hashes)];
    const rows = unique.length ? await this.db.selectFrom('blob').select('sha256').where('sha256', 'in', unique).execute() : [];
    const have = new Set(rows.map((r) => r.sha256));
    return { present: unique.filter((h) => have.has(h)), missing: unique.filter((h) => !have.has(h)) };
  }

  async createUpload(user: Principal, req: { clientId: string; sha256: string; size: number; mime: string }): Promise<CreateUploadResponse> {
    if ((await this.check([req.sha256])).present.length) return { status: 'present', sha256: req.sha256 };
    const now = isoNow(this.ctx);
    const existing = await this.db
      .selectFrom('upload')
      .selectAll()
      .where('sha256', '=', req.sha256)
      .where('client_id', '=', req.clientId)
      .where('user_id', '=', user.id)
      .where('expires_at', '>', now)
      .executeTakeFirst();
    if (existing && Number(existing.size) === req.size)
      return { status: 'upload', uploadId: existing.upload_id, offset: Number(existing.received), chunkSize: CHUNK_SIZE };
    const uploadId = newId(this.ctx.clock);
    await fs.writeFile(this.partFile(uploadId), new Uint8Array(0));
    const expiresAt = new Date(this.ctx.clock.now().getTime() + this.ctx.config.uploadTtlMs).toISOString();
    await this.db
      .insertInto('upload')
      .values({ upload_id: uploadId, sha256: req.sha256, size: req.size, mime: req.mime, received: 0, client_id: req.clientId, user_id: user.id, created_at: now, expires_at: expiresAt })
      .execute();
    return { status: 'upload', uploadId, offset: 0, chunkSize: CHUNK_SIZE };
  }

  async offsetOf(user: Principal, uploadId: string): Promise<{ offset: number; size: number }> {
    const row = await this.uploadOf(user, uploadId);
    return { offset: Number(row.received), size: Number(row.size) };
  }

  patch(user: Principal, uploadId: string, offset: number, checksum: string | undefined, chunk: Uint8Array): Promise<PatchOutcome> {
    return this.lock.run(uploadId, async () => {
      const row = await this.uploadOf(user, uploadId);
      const received = Number(row.received);
      const size = Number(row.size);
      if (offset !== received)
        throw new HttpError(409, 'offset_mismatch', `The upload is at offset ${received}.`, {}, { 'Upload-Offset': String(received) });
      if (chunk.length > CHUNK_SIZE) throw new HttpError(413, 'payload_too_large', `Chunks are at most ${CHUNK_SIZE} bytes.`);
      if (received + chunk.length > size) throw badRequest('The chunk goes past the declared size.');
      verifyChecksum(checksum, chunk);
      await this.writeChunk(uploadId, offset, chunk);
      const next = received + chunk.length;
      await this.db.updateTable('upload').set({ received: next }).where('upload_id', '=', uploadId).execute();
      if (next < size) return { done: false, offset: next };
      return this.complete(row, next);
    });
  }

  /** Byte range of a stored blob; `end` inclusive. */
  async blob(sha256: string): Promise<{ file: string; size: number; mime: string }> {
    const row = await this.db.selectFrom('blob').selectAll().where('sha256', '=', sha256).executeTakeFirst();
    if (!row) throw notFound(`No blob ${sha256}.`);
    return { file: path.join(this.blobsDir, sha256), size: Number(row.size), mime: row.mime };
  }

  async expireUploads(): Promise<number> {
    const expired = await this.db.selectFrom('upload').select('upload_id').where('expires_at', '<=', isoNow(this.ctx)).execute();
    for (const { upload_id } of expired) await this.discard(upload_id);
    return expired.length;
  }

  private partFile(uploadId: string): string {
    return path.join(this.uploadsDir, uploadId.replace(/[^0-9a-f-]/gi, ''));
  }

  private async uploadOf(user: Principal, uploadId: string): Promise<UploadRow> {
    const row = await this.db.selectFrom('upload').selectAll().where('upload_id', '=', uploadId).executeTakeFirst();
    if (!row || row.user_id !== user.id || row.expires_at <= isoNow(this.ctx)) throw notFound('No such upload (finished, expired or never created).');
    return row;
  }

  private async writeChunk(uploadId: string, offset: number, chunk: Uint8Array): Promise<void> {
    const handle = await fs.open(this.partFile(uploadId), 'r+');
    try {
      await handle.write(chunk, 0, chunk.length, offset);
      // Bytes past the offset may remain from a chunk whose offset update was lost in a crash.
      await handle.truncate(offset + chunk.length);
      await handle.sync();
    } finally {
      await handle.close();
    }
  }

  private async complete(row: UploadRow, size: number): Promise<PatchOutcome> {
    const part = this.partFile(row.upload_id);
    if ((await hashFile(part)) !== row.sha256) {
      await this.discard(row.upload_id);
      throw new HttpError(422, 'hash_mismatch', 'The uploaded bytes do not hash to the declared sha256; upload again.');
    }
    await fs.rename(part, path.join(this.blobsDir, row.sha256));
    await fsyncDir(this.blobsDir);
    await this.db.transaction().execute(async (trx) => {
      await trx
        .insertInto('blob')
        .values({ sha256: row.sha256, size, mime: row.mime, stored_at: isoNow(this.ctx) })
        .onConflict((oc) => oc.column('sha256').doNothing())
        .execute();
      await trx.deleteFrom('upload').where('upload_id', '=', row.upload_id).execute();
    });
    return { done: true, offset: size, sha256: row.sha256, size };
  }

  private async discard(uploadId: string): Promise<void> {
    await this.db.deleteFrom('upload').where('upload_id', '=', uploadId).execute();
    await fs.rm(this.partFile(uploadId), { force: true });
  }
}

function verifyChecksum(header: string | undefined, chunk: Uint8Array): void {
  if (header === undefined) return;
  const [algorithm, digest] = header.trim().split(/\s+/);
  if (algorithm?.toLowerCase() !== 'sha256' || !digest) throw badRequest('Upload-Checksum must be "sha256 <base64 digest>".');
  const actual = createHash('sha256').update(chunk).digest('base64');
  if (actual !== digest) throw new HttpError(CHECKSUM_MISMATCH_STATUS, 'checksum_mismatch', 'The chunk does not match its Upload-Checksum; send it again.');
}
