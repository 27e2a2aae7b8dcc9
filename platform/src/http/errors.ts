/** Request-level failures as `{code, message, …}` bodies with stable codes (shared/platform-api/common.ts). */
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { z } from 'zod';
import type { ErrorBody, ErrorCode } from '../../../shared/platform-api/common';

export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    message: string,
    readonly extra: Omit<ErrorBody, 'code' | 'message'> = {},
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

export const badRequest = (message: string, issues?: ErrorBody['issues']) =>
  new HttpError(400, 'invalid_request', message, issues ? { issues } : {});
export const forbidden = (message = 'Your role or region does not allow this.') => new HttpError(403, 'forbidden', message);
export const notFound = (message = 'Not found.') => new HttpError(404, 'not_found', message);
/** 503 + Retry-After: transient, the client retries (`extra` e.g. the push's durable watermark). */
export const unavailable = (message = 'The platform is busy; retry.', extra: Omit<ErrorBody, 'code' | 'message'> = {}) =>
  new HttpError(503, 'unavailable', message, extra, { 'Retry-After': '2' });

export function issuesOf(error: z.ZodError): NonNullable<ErrorBody['issues']> {
  return error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
}

export function errorResponse(c: Context, err: HttpError): Response {
  for (const [k, v] of Object.entries(err.headers)) c.header(k, v);
  return c.json({ code: err.code, message: err.message, ...err.extra }, err.status as ContentfulStatusCode);
}

/** The zod-openapi hook: every schema failure answers 400 invalid_request with the issues. */
export function validationHook(result: { success: boolean; error?: unknown }, c: Context): Response | undefined {
  if (result.success) return undefined;
  return errorResponse(c, badRequest('The request does not match its schema.', issuesOf(result.error as z.ZodError)));
}
