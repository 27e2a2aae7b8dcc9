/**
 * Shared pieces of the desktop ↔ platform contract (SYNC.md §3.3): protocol versions, the error
 * body every non-2xx JSON response carries, and its stable codes.
 */
import { z } from 'zod';

/** The sync schema version this code speaks; sent as `schemaVersion` on every sync request. */
export const SCHEMA_VERSION = 1;
/** The oldest schema version the reference platform accepts (below it: 426 client_upgrade_required). */
export const MIN_SCHEMA_VERSION = 1;

export const schemaVersionSchema = z.number().int().min(0);
export const idSchema = z.string().min(1).max(64);
export const sha256Schema = z.string().regex(/^[0-9a-f]{64}$/, { message: 'sha256 must be 64 lowercase hex digits' });

/** Stable error codes of request-level failures; per-op failures are `rejectCodes` in sync.ts. */
export const ERROR_CODES = [
  'invalid_request', // 400: the body, a header or a parameter failed its schema
  'unauthorized', // 401: no or bad access token
  'token_expired', // 401: the access token expired — refresh and retry
  'invalid_credentials', // 401: login with a wrong user or password
  'invalid_refresh_token', // 401: unknown, expired, revoked or reused refresh token — log in again
  'forbidden', // 403: the role or scope does not allow this
  'not_found', // 404
  'op_gap', // 409: push skipped an opSeq; resend from `expectedOpSeq`
  'client_state_mismatch', // 409: re-register a new clientId and renumber unsent ops
  'offset_mismatch', // 409: upload PATCH at the wrong offset; the header Upload-Offset has the server's
  'resync_required', // 410: drop the cursor and pull from scratch
  'payload_too_large', // 413: the body is over its route's limit (64 KiB; a push 1 MB; an upload chunk 4 MiB)
  'unsupported_media_type', // 415: a body that is not JSON where JSON is expected
  'hash_mismatch', // 422: the assembled upload does not hash to its declared sha256; the upload is gone
  'client_upgrade_required', // 426: `minSchemaVersion` says what to update to
  'rate_limited', // 429: see Retry-After
  'headers_too_large', // 431: the request headers are over 16 KiB
  'checksum_mismatch', // 460: an upload chunk's Upload-Checksum does not match its bytes
  'range_not_satisfiable', // 416
  'unavailable', // 503: transient, retry after Retry-After
  'internal', // 500
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export const errorBodySchema = z.object({
  code: z.string(),
  message: z.string(),
  /** op_gap: the opSeq the server expects next. */
  expectedOpSeq: z.number().int().optional(),
  /** op_gap / unavailable on push: ops up to here are durably applied. */
  lastAppliedOpSeq: z.number().int().optional(),
  /** client_state_mismatch: why (the client's reaction is the same for all). */
  reason: z.enum(['unknown_client', 'other_user', 'mutation_mismatch']).optional(),
  /** client_upgrade_required */
  minSchemaVersion: z.number().int().optional(),
  /** invalid_request: which inputs were wrong. */
  issues: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  /** resync_required: stale_cursor | scopes_changed | cursor_ahead | bad_cursor */
  resyncReason: z.string().optional(),
});
export type ErrorBody = z.infer<typeof errorBodySchema>;

/** Display-only server clock, on every sync response. */
export const serverTimeSchema = z.string();

/** Endpoint paths, relative to the platform's base URL. */
export const PATHS = {
  login: '/auth/v1/login',
  refresh: '/auth/v1/refresh',
  logout: '/auth/v1/logout',
  me: '/auth/v1/me',
  clients: '/sync/v1/clients',
  push: '/sync/v1/push',
  pull: '/sync/v1/pull',
  catalog: '/catalog/v1',
  assetsCheck: '/assets/v1/check',
  uploads: '/assets/v1/uploads',
  upload: (uploadId: string) => `/assets/v1/uploads/${encodeURIComponent(uploadId)}`,
  blob: (sha256: string) => `/assets/v1/blobs/${sha256}`,
  openapi: '/openapi.json',
  health: '/health',
} as const;
