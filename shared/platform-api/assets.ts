/**
 * Content-addressed images (SYNC.md §3.3 Assets): check, then a tus-like resumable upload in
 * 4 MiB chunks, then GET by sha256 with Range.
 */
import { z } from 'zod';
import { idSchema, sha256Schema } from './common';

export const CHUNK_SIZE = 4 * 1024 * 1024;
export const MAX_ASSET_BYTES = 200 * 1024 * 1024;
export const MAX_CHECK_HASHES = 500;

/** Headers of the upload endpoints (tus 1.0 core + checksum extension). */
export const UPLOAD_HEADERS = {
  offset: 'Upload-Offset',
  // "crc32 <base64 of the 4-byte big-endian CRC-32>" (what the desktop sends) or "sha256 <base64 digest>".
  // CRC-32 is enough to catch a damaged chunk: the whole blob's sha256 is checked at completion.
  checksum: 'Upload-Checksum',
  contentType: 'application/offset+octet-stream',
} as const;

/** HTTP status of a chunk whose Upload-Checksum does not match (tus checksum extension). */
export const CHECKSUM_MISMATCH_STATUS = 460;

export const checkRequestSchema = z.object({ hashes: z.array(sha256Schema).max(MAX_CHECK_HASHES) });
export const checkResponseSchema = z.object({ present: z.array(z.string()), missing: z.array(z.string()) });

export const createUploadRequestSchema = z.object({
  clientId: idSchema,
  sha256: sha256Schema,
  size: z.number().int().min(1).max(MAX_ASSET_BYTES),
  /** What the device believes the file is; the platform types the blob from its bytes (an allow-list of images). */
  mime: z
    .string()
    .max(100)
    .regex(/^[\w.+-]+\/[\w.+-]+$/, { message: 'mime must be a media type such as image/jpeg' }),
});
/** 201 for a new or resumed upload; 200 `{status:"present"}` when the blob is already stored (dedup). */
export const createUploadResponseSchema = z.union([
  z.object({ status: z.literal('upload'), uploadId: z.string(), offset: z.number().int(), chunkSize: z.number().int() }),
  z.object({ status: z.literal('present'), sha256: z.string() }),
]);
export type CreateUploadResponse = z.infer<typeof createUploadResponseSchema>;

/** GET (or HEAD, headers only) /assets/v1/uploads/{id}: where to continue. */
export const uploadOffsetSchema = z.object({ uploadId: z.string(), offset: z.number().int(), size: z.number().int() });

/** Answer of the PATCH that completes an upload (201). Intermediate chunks answer 204 + Upload-Offset. */
export const uploadStoredSchema = z.object({ status: z.literal('stored'), sha256: z.string(), size: z.number().int() });
