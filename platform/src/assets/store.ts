/**
 * Content-addressed blobs with tus-like resumable uploads (SYNC.md §3.3 Assets, §3.9 d/e).
 * A chunk is written and fsynced before its offset is recorded and answered, so neither a recorded
 * nor an answered offset claims bytes a crash could lose; completion checks the sha256 of the
 * assembled bytes (hashed as the chunks arrived), renames the file atomically into blobs/<sha256>
 * and only then records the blob row, typed by its first bytes (imageType.ts), and its uploader.
 */
import { createHash, type Hash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import fs, { type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { crc32 } from 'node:zlib';
import { CHUNK_SIZE, CHECKSUM_MISMATCH_STATUS, type CreateUploadResponse } from '../../../shared/platform-api/assets';
import { newId } from '../clock';
import { isoNow, type PlatformContext } from '../context';
import { writeWithoutSync } from '../db/database';
import type { DB } from '../db/schema';
import { HttpError, badRequest, notFound } from '../http/errors';
import { scopesOf, type Principal } from '../scopes';
import { KeyedMutex } from '../sync/deviceLock';
import { IMAGE_TYPES, OPAQUE, SNIFF_BYTES, sniffType } from './imageType';

type UploadRow = DB['upload'];

/**
 * Receives a chunk's body (at most CHUNK_SIZE bytes), handing on each piece as it arrives (the
 * receiver keeps none of them), and resolves to the chunk's length.
 */
export type ChunkReceiver = (arrived: (piece: Buffer) => void) => Promise<number>;

export type PatchOutcome = { done: false; offset: number } | { done: true; offset: number; sha256: string; size: number };

async function fsyncDir(dir: string): Promise<void> {
  const handle = await fs.open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/**
 * An upload in progress in this process: its recorded offset and the sha256 of the bytes before it,
 * so that completion need not read the file again. A hash cannot outlive the process: after a
 * restart it is rebuilt from the file.
 */
interface Progress {
  offset: number;
  hash: Hash;
}

export class AssetStore {
  private readonly lock = new KeyedMutex();
  private readonly progress = new Map<string, Progress>();
  readonly blobsDir: string;
  private readonly uploadsDir: string;

  constructor(private readonly ctx: PlatformContext) {
    this.blobsDir = path.join(ctx.config.dataDir, 'blobs');
    this.uploadsDir = path.join(ctx.config.dataDir, 'uploads');
  }

  async init(): Promise<void> {
    await fs.mkdir(this.blobsDir, { recursive: true, mode: 0o700 });
    await fs.mkdir(this.uploadsDir, { recursive: true, mode: 0o700 });
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

  async createUpload(
    user: Principal,
    req: { clientId: string; sha256: string; size: number; mime: string },
  ): Promise<CreateUploadResponse> {
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
    await fs.writeFile(this.partFile(uploadId), new Uint8Array(0), { mode: 0o600 });
    const expiresAt = new Date(this.ctx.clock.now().getTime() + this.ctx.config.uploadTtlMs).toISOString();
    // Like each chunk's offset, not waited onto the disk (an fsync here stalls every upload in flight):
    // a power cut that loses the row only means the device starts the upload again.
    await writeWithoutSync(this.ctx.database, (trx) =>
      trx
        .insertInto('upload')
        .values({
          upload_id: uploadId,
          sha256: req.sha256,
          size: req.size,
          mime: req.mime,
          received: 0,
          client_id: req.clientId,
          user_id: user.id,
          created_at: now,
          expires_at: expiresAt,
        })
        .execute(),
    );
    this.progress.set(uploadId, { offset: 0, hash: createHash('sha256') });
    return { status: 'upload', uploadId, offset: 0, chunkSize: CHUNK_SIZE };
  }

  async offsetOf(user: Principal, uploadId: string): Promise<{ offset: number; size: number }> {
    const row = await this.uploadOf(user, uploadId);
    return { offset: Number(row.received), size: Number(row.size) };
  }

  /**
   * Stores the chunk at `offset`. Its bytes go to the file as they arrive (the write overlaps the
   * transfer); the offset moves on only once the whole chunk matches its checksum and is fsynced, so
   * bytes of a rejected or cut-off chunk lie past the offset, to be overwritten or cut off on resume.
   */
  patch(user: Principal, uploadId: string, offset: number, checksum: string | undefined, receive: ChunkReceiver): Promise<PatchOutcome> {
    return this.lock.run(uploadId, async () => {
      const row = await this.uploadOf(user, uploadId);
      const size = Number(row.size);
      const state = this.progress.get(uploadId) ?? (await this.resume(row));
      if (offset !== state.offset)
        throw new HttpError(
          409,
          'offset_mismatch',
          `The upload is at offset ${state.offset}.`,
          {},
          { 'Upload-Offset': String(state.offset) },
        );
      const file = await fs.open(this.partFile(uploadId), 'r+');
      const writer = new ChunkWriter(file, offset);
      // Both hashes grow as the bytes arrive, so the chunk's end waits only for its fsync. The blob's
      // hash grows on a copy, kept only if the chunk is accepted.
      const digests = new ChunkDigests(checksum, state.hash.copy());
      let room = size - offset; // nothing past the declared size is written or hashed
      try {
        const length = await receive((piece) => {
          const usable = piece.length <= room ? piece : piece.subarray(0, room);
          room -= usable.length;
          writer.add(usable);
          digests.add(usable);
        });
        if (offset + length > size) throw badRequest('The chunk goes past the declared size.');
        const hash = digests.verified();
        await writer.finish();
        const next = offset + length;
        // The last chunk's offset is never recorded: the upload row goes in the transaction that
        // stores the blob, so a completion that fails is retried by sending the last chunk again.
        if (next === size) return await this.complete(row, hash, size);
        // The chunk is on disk already: a recorded offset that a power cut loses only sends a chunk again.
        await writeWithoutSync(this.ctx.database, (trx) =>
          trx.updateTable('upload').set({ received: next }).where('upload_id', '=', uploadId).execute(),
        );
        this.progress.set(uploadId, { offset: next, hash });
        return { done: false, offset: next };
      } catch (error) {
        if (writer.error) this.progress.delete(uploadId); // the next chunk resumes from the recorded offset
        throw error;
      } finally {
        await writer.settled();
        await file.close();
      }
    });
  }

  /**
   * A stored blob the user may read (else 404, as if it did not exist): administrators read all,
   * others what they uploaded and what a live site in their regions shows. Its type is the sniffed
   * one; a row from an older platform holding a client's claim is sniffed again.
   */
  async blob(user: Principal, sha256: string): Promise<{ file: string; size: number; mime: string }> {
    const row = await this.db.selectFrom('blob').selectAll().where('sha256', '=', sha256).executeTakeFirst();
    if (!row || !(await this.mayRead(user, sha256))) throw notFound(`No blob ${sha256}.`);
    const file = path.join(this.blobsDir, sha256);
    const mime = IMAGE_TYPES.has(row.mime) || row.mime === OPAQUE ? row.mime : sniffType(await readHead(file));
    return { file, size: Number(row.size), mime };
  }

  private async mayRead(user: Principal, sha256: string): Promise<boolean> {
    const scopes = scopesOf(user);
    if (scopes === null) return true;
    const owned = await this.db
      .selectFrom('blob_owner')
      .select('user_id')
      .where('sha256', '=', sha256)
      .where('user_id', '=', user.id)
      .executeTakeFirst();
    if (owned || scopes.length === 0) return Boolean(owned);
    const shown = await this.db
      .selectFrom('site_image as i')
      .innerJoin('site as s', 's.id', 'i.site_id')
      .select('s.id')
      .where('i.sha256', '=', sha256)
      .where('s.deleted', '=', 0)
      .where('s.scope_id', 'in', scopes)
      .limit(1)
      .executeTakeFirst();
    return shown !== undefined;
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
    if (!row || row.user_id !== user.id || row.expires_at <= isoNow(this.ctx))
      throw notFound('No such upload (finished, expired or never created).');
    return row;
  }

  /**
   * Picks up an upload this process has no state for. Its file can be gone if a crash came between
   * completion's rename and its database commit: the upload is dropped (404), so the device starts
   * it again instead of failing on it forever.
   */
  private async resume(row: UploadRow): Promise<Progress> {
    const received = Number(row.received);
    const hash = await this.hashOfFile(row).catch(async (error: NodeJS.ErrnoException) => {
      if (error.code !== 'ENOENT') throw error;
      await this.discard(row.upload_id);
      throw notFound('The upload was lost in a restart of the platform; start it again.');
    });
    const state = { offset: received, hash };
    this.progress.set(row.upload_id, state);
    return state;
  }

  /**
   * The hash of the recorded bytes when this process has none (it restarted since the last chunk):
   * the file is cut to the recorded offset first, as bytes past it may remain from a chunk whose
   * offset a crash kept from being recorded.
   */
  private async hashOfFile(row: UploadRow): Promise<Hash> {
    const part = this.partFile(row.upload_id);
    await fs.truncate(part, Number(row.received));
    const hash = createHash('sha256');
    for await (const piece of createReadStream(part)) hash.update(piece as Buffer);
    return hash;
  }

  private async complete(row: UploadRow, hash: Hash, size: number): Promise<PatchOutcome> {
    this.progress.delete(row.upload_id);
    const part = this.partFile(row.upload_id);
    if (hash.digest('hex') !== row.sha256) {
      await this.discard(row.upload_id);
      throw new HttpError(422, 'hash_mismatch', 'The uploaded bytes do not hash to the declared sha256; upload again.');
    }
    const mime = sniffType(await readHead(part));
    await fs.rename(part, path.join(this.blobsDir, row.sha256));
    await fsyncDir(this.blobsDir);
    await this.db.transaction().execute(async (trx) => {
      await trx
        .insertInto('blob')
        .values({ sha256: row.sha256, size, mime, stored_at: isoNow(this.ctx) })
        .onConflict((oc) => oc.column('sha256').doNothing())
        .execute();
      await trx
        .insertInto('blob_owner')
        .values({ sha256: row.sha256, user_id: row.user_id })
        .onConflict((oc) => oc.columns(['sha256', 'user_id']).doNothing())
        .execute();
      await trx.deleteFrom('upload').where('upload_id', '=', row.upload_id).execute();
    });
    return { done: true, offset: size, sha256: row.sha256, size };
  }

  private async discard(uploadId: string): Promise<void> {
    this.progress.delete(uploadId);
    await this.db.deleteFrom('upload').where('upload_id', '=', uploadId).execute();
    await fs.rm(this.partFile(uploadId), { force: true });
  }
}

/** Below this many new bytes a chunk's arrival waits for more before writing them out. */
const WRITE_BATCH = 512 * 1024;

/**
 * Writes a chunk to its place in the file as it arrives, a batch of pieces at a time (one write in
 * flight), then fsyncs the file.
 */
class ChunkWriter {
  private pieces: Buffer[] = [];
  private batched = 0;
  private writing: Promise<void> = Promise.resolve();
  /** The first write that failed; nothing is written after it. */
  error: unknown;

  constructor(
    private readonly file: FileHandle,
    private position: number,
  ) {}

  add(piece: Buffer): void {
    if (piece.length === 0) return;
    this.pieces.push(piece);
    this.batched += piece.length;
    if (this.batched >= WRITE_BATCH) this.writeBatch();
  }

  /** Writes what is left of the (verified) chunk and makes the file durable. */
  async finish(): Promise<void> {
    this.writeBatch();
    await this.writing;
    if (this.error) throw this.error;
    await this.file.datasync();
  }

  /** Resolves once no write is in flight (the file may then be closed). */
  settled(): Promise<void> {
    return this.writing;
  }

  private writeBatch(): void {
    if (this.batched === 0) return;
    const [pieces, length, at] = [this.pieces, this.batched, this.position];
    this.pieces = [];
    this.batched = 0;
    this.position += length;
    this.writing = this.writing.then(async () => {
      if (this.error) return;
      try {
        const { bytesWritten } = await this.file.writev(pieces, at);
        if (bytesWritten !== length) throw new Error(`Short write to an upload (${bytesWritten} of ${length} bytes).`);
      } catch (error) {
        this.error = error;
      }
    });
  }
}

/** The first bytes of a file, to tell its type. */
async function readHead(file: string): Promise<Buffer> {
  const handle = await fs.open(file, 'r');
  try {
    const head = Buffer.alloc(SNIFF_BYTES);
    const { bytesRead } = await handle.read(head, 0, SNIFF_BYTES, 0);
    return head.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

/** The digests of a chunk, extended as it arrives: its Upload-Checksum (crc32 or sha256) and the blob's sha256 so far. */
class ChunkDigests {
  private crc = 0;
  private readonly algorithm: string | undefined;
  private readonly expected: string | undefined;
  private readonly chunkHash: Hash | undefined;

  constructor(
    checksum: string | undefined,
    private readonly blobHash: Hash,
  ) {
    const [algorithm, digest] = checksum?.trim().split(/\s+/) ?? [];
    this.algorithm = algorithm?.toLowerCase();
    this.expected = digest;
    if (this.algorithm === 'sha256') this.chunkHash = createHash('sha256');
  }

  add(piece: Buffer): void {
    this.blobHash.update(piece);
    if (this.algorithm === 'crc32') this.crc = crc32(piece, this.crc);
    else this.chunkHash?.update(piece);
  }

  /** Checks the whole chunk against its Upload-Checksum (if any); answers the blob's hash so far. */
  verified(): Hash {
    if (this.algorithm === undefined) return this.blobHash;
    const actual = this.algorithm === 'crc32' ? crc32Base64(this.crc) : this.chunkHash?.digest('base64');
    if (actual === undefined || !this.expected)
      throw badRequest('Upload-Checksum must be "crc32 <base64 digest>" or "sha256 <base64 digest>".');
    if (this.expected !== actual)
      throw new HttpError(CHECKSUM_MISMATCH_STATUS, 'checksum_mismatch', 'The chunk does not match its Upload-Checksum; send it again.');
    return this.blobHash;
  }
}

function crc32Base64(value: number): string {
  const digest = Buffer.alloc(4);
  digest.writeUInt32BE(value);
  return digest.toString('base64');
}
