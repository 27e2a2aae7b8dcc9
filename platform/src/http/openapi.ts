/** Small helpers for declaring routes with @hono/zod-openapi and the shared error body. */
import type { z } from 'zod';
import { errorBodySchema } from '../../../shared/platform-api/common';

export const json = <S extends z.ZodType>(schema: S) => ({ content: { 'application/json': { schema } } });

export const jsonBody = <S extends z.ZodType>(schema: S) => ({ body: { ...json(schema), required: true } });

const ERROR_DESCRIPTIONS: Record<number, string> = {
  400: 'invalid_request',
  401: 'unauthorized | token_expired | invalid_credentials | invalid_refresh_token',
  403: 'forbidden',
  404: 'not_found',
  409: 'op_gap | client_state_mismatch | offset_mismatch',
  410: 'resync_required',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
  416: 'range_not_satisfiable',
  422: 'hash_mismatch',
  426: 'client_upgrade_required',
  429: 'rate_limited',
  431: 'headers_too_large',
  460: 'checksum_mismatch',
  503: 'unavailable',
};

/**
 * Documented error responses (bodies are `errorBodySchema`); handlers throw HttpError for them.
 * Any request can meet 431 (its headers are limited, http/listen.ts).
 */
export function errors(...statuses: number[]) {
  return Object.fromEntries(
    [...statuses, 431].map((s) => [s, { description: ERROR_DESCRIPTIONS[s] ?? 'error', ...json(errorBodySchema) }]),
  ) as Record<number, { description: string }>;
}

/** The errors of a route with a JSON body (http/limits.ts): 400 bad JSON, 413 too large, 415 not JSON; plus `statuses`. */
export const bodyErrors = (...statuses: number[]) => errors(400, 413, 415, ...statuses.filter((s) => s !== 400 && s !== 413));

export const bearer = [{ bearer: [] }];
