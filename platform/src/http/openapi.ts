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
  416: 'range_not_satisfiable',
  422: 'hash_mismatch',
  426: 'client_upgrade_required',
  429: 'rate_limited',
  460: 'checksum_mismatch',
  503: 'unavailable',
};

/** Documented error responses (bodies are `errorBodySchema`); handlers throw HttpError for them. */
export function errors(...statuses: number[]) {
  return Object.fromEntries(statuses.map((s) => [s, { description: ERROR_DESCRIPTIONS[s] ?? 'error', ...json(errorBodySchema) }])) as Record<
    number,
    { description: string }
  >;
}

export const bearer = [{ bearer: [] }];
