/** /assets/v1: check, resumable uploads (tus-like) and blobs by sha256. */
import { createReadStream } from 'node:fs';
import type { IncomingMessage } from 'node:http';
import { Readable } from 'node:stream';
import { OpenAPIHono, createRoute } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { z } from 'zod';
import {
  CHUNK_SIZE,
  checkRequestSchema,
  checkResponseSchema,
  createUploadRequestSchema,
  createUploadResponseSchema,
  uploadOffsetSchema,
  uploadStoredSchema,
} from '../../../shared/platform-api/assets';
import { sha256Schema } from '../../../shared/platform-api/common';
import type { AuthEnv } from '../auth/middleware';
import { requireClient } from '../sync/clients';
import type { PlatformContext } from '../context';
import { HttpError, badRequest, unavailable } from '../http/errors';
import { WorkLimiter } from '../http/workLimiter';
import { bearer, bodyErrors, errors, json, jsonBody } from '../http/openapi';
import { OPAQUE } from './imageType';
import type { AssetStore } from './store';

const tags = ['assets'];
const uploadParams = z.object({ id: z.string().min(1).max(64) });

const checkRoute = createRoute({
  method: 'post',
  path: '/assets/v1/check',
  tags,
  security: bearer,
  summary: 'Which of these blobs the platform already stores',
  request: jsonBody(checkRequestSchema),
  responses: { 200: { description: 'present / missing', ...json(checkResponseSchema) }, ...bodyErrors(401) },
});
const createUploadRoute = createRoute({
  method: 'post',
  path: '/assets/v1/uploads',
  tags,
  security: bearer,
  summary: 'Start (or resume) an upload; 200 when the blob is already stored',
  request: jsonBody(createUploadRequestSchema),
  responses: {
    201: { description: 'Upload id and the offset to continue from', ...json(createUploadResponseSchema) },
    200: { description: 'Already stored (dedup)', ...json(createUploadResponseSchema) },
    ...bodyErrors(401, 409),
  },
});
// Hono answers HEAD with the GET route minus the body, so HEAD (tus) and GET share this one.
const offsetRoute = createRoute({
  method: 'get',
  path: '/assets/v1/uploads/{id}',
  tags,
  security: bearer,
  summary: 'The upload offset (also HEAD: Upload-Offset, Upload-Length headers)',
  request: { params: uploadParams },
  responses: { 200: { description: 'Where to continue', ...json(uploadOffsetSchema) }, ...errors(401, 404) },
});
const patchRoute = createRoute({
  method: 'patch',
  path: '/assets/v1/uploads/{id}',
  tags,
  security: bearer,
  summary: 'Append a chunk (≤ 4 MiB) at Upload-Offset, with Upload-Checksum: crc32|sha256 <base64>',
  request: {
    params: uploadParams,
    headers: z.object({
      'upload-offset': z.coerce.number().int().min(0),
      'upload-checksum': z.string().max(200).optional(),
      'content-type': z.literal('application/offset+octet-stream'),
    }),
  },
  responses: {
    204: { description: 'Chunk stored; Upload-Offset is the new offset' },
    201: { description: 'Last chunk: hash verified, blob stored', ...json(uploadStoredSchema) },
    ...errors(400, 401, 404, 409, 413, 422, 460),
  },
});
const blobRoute = createRoute({
  method: 'get',
  path: '/assets/v1/blobs/{sha256}',
  tags,
  security: bearer,
  summary: 'A stored blob the user uploaded or a site in their regions shows (else 404); typed by its bytes; supports a single Range',
  request: { params: z.object({ sha256: sha256Schema }) },
  responses: { 200: { description: 'The bytes' }, 206: { description: 'The requested range' }, ...errors(401, 404, 416) },
});

/** `bytes=a-b`, `bytes=a-` or `bytes=-n`, inclusive; undefined = the whole file. */
export function parseRange(header: string | undefined, size: number): { start: number; end: number } | undefined {
  if (!header) return undefined;
  const m = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  const unsatisfiable = () =>
    new HttpError(416, 'range_not_satisfiable', 'Bad or unsatisfiable Range.', {}, { 'Content-Range': `bytes */${size}` });
  if (!m || (m[1] === '' && m[2] === '')) throw unsatisfiable();
  const range =
    m[1] === ''
      ? { start: Math.max(0, size - Number(m[2])), end: size - 1 }
      : { start: Number(m[1]), end: m[2] === '' ? size - 1 : Math.min(Number(m[2]), size - 1) };
  if (range.start > range.end || range.start >= size) throw unsatisfiable();
  return range;
}

const tooLarge = () => new HttpError(413, 'payload_too_large', `Chunks are at most ${CHUNK_SIZE} bytes.`);

/**
 * A PATCH body (at most CHUNK_SIZE bytes), each piece handed to `arrived` as it comes; resolves to
 * its length. Under @hono/node-server the Node request is read directly: Hono's body reading with
 * its bodyLimit would pass the 4 MiB through a web stream and copy it twice. (Without a Node
 * request — app.request in tests — Hono reads it.)
 */
async function readChunk(c: Context, arrived: (piece: Buffer) => void): Promise<number> {
  if (Number(c.req.header('content-length') ?? 0) > CHUNK_SIZE) throw tooLarge();
  const incoming = (c.env as { incoming?: IncomingMessage } | undefined)?.incoming;
  if (!incoming) {
    const bytes = Buffer.from(await c.req.arrayBuffer());
    if (bytes.length > CHUNK_SIZE) throw tooLarge();
    arrived(bytes);
    return bytes.length;
  }
  return new Promise((resolve, reject) => {
    let size = 0;
    let settled = false; // after which nothing more is handed on (the chunk's file may be closed)
    const settle = (outcome: () => void) => {
      if (!settled) outcome();
      settled = true;
    };
    incoming.on('data', (piece: Buffer) => {
      if (settled) return;
      if (size + piece.length > CHUNK_SIZE) return settle(() => reject(tooLarge()));
      size += piece.length;
      arrived(piece);
    });
    incoming.once('end', () => settle(() => resolve(size)));
    incoming.once('error', (error) => settle(() => reject(error)));
    incoming.once('close', () => settle(() => reject(badRequest('The chunk was cut off.'))));
  });
}

export function assetRoutes(app: OpenAPIHono<AuthEnv>, ctx: PlatformContext, store: AssetStore): void {
  app.openapi(checkRoute, async (c) => c.json(await store.check(c.req.valid('json').hashes), 200));

  app.openapi(createUploadRoute, async (c) => {
    const body = c.req.valid('json');
    await requireClient(ctx, c.get('user'), body.clientId);
    const result = await store.createUpload(c.get('user'), body);
    return c.json(result, result.status === 'present' ? 200 : 201);
  });

  app.openapi(offsetRoute, async (c) => {
    const uploadId = c.req.valid('param').id;
    const { offset, size } = await store.offsetOf(c.get('user'), uploadId);
    c.header('Upload-Offset', String(offset));
    c.header('Upload-Length', String(size));
    c.header('Cache-Control', 'no-store');
    return c.json({ uploadId, offset, size }, 200);
  });

  const chunkWork = new WorkLimiter(ctx.config.uploadWorkers, ctx.config.uploadQueue, () => unavailable());
  app.openapi(patchRoute, async (c) => {
    const headers = c.req.valid('header');
    const receive = (arrived: (piece: Buffer) => void) => readChunk(c, arrived);
    const outcome = await chunkWork.run(() =>
      store.patch(c.get('user'), c.req.valid('param').id, headers['upload-offset'], headers['upload-checksum'], receive),
    );
    c.header('Upload-Offset', String(outcome.offset));
    if (!outcome.done) return c.body(null, 204);
    return c.json({ status: 'stored' as const, sha256: outcome.sha256, size: outcome.size }, 201);
  });

  app.openapi(blobRoute, async (c) => {
    const blob = await store.blob(c.get('user'), c.req.valid('param').sha256);
    const range = parseRange(c.req.header('range'), blob.size);
    const { start, end } = range ?? { start: 0, end: blob.size - 1 };
    const stream = Readable.toWeb(createReadStream(blob.file, { start, end })) as ReadableStream;
    const headers: Record<string, string> = {
      'Content-Type': blob.mime,
      'Content-Length': String(end - start + 1),
      'Accept-Ranges': 'bytes',
      'Cache-Control': 'private, max-age=31536000, immutable',
      ETag: `"${c.req.valid('param').sha256}"`,
      // Whatever the bytes are, no browser runs them as a page.
      'X-Content-Type-Options': 'nosniff',
      'Content-Security-Policy': "default-src 'none'; sandbox",
      'Content-Disposition': blob.mime === OPAQUE ? 'attachment' : 'inline',
    };
    if (range) headers['Content-Range'] = `bytes ${start}-${end}/${blob.size}`;
    return new Response(stream, { status: range ? 206 : 200, headers });
  });
}
