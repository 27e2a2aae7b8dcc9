/**
 * HTTP to the platform (shared/platform-api): JSON in and out, a timeout per request, and the
 * failure classification of errors.ts. Authenticated requests refresh the access token once on
 * a 401 and retry; a request never counts a 401 as a failure.
 */
import type { z } from 'zod';
import { errorBodySchema, type ErrorBody } from '../../../../shared/platform-api';
import { parseRetryAfter } from './backoff';
import { ProtocolFailure, SignInRequired, SyncFailure, TransientFailure, UpgradeRequired } from './errors';

export type FetchLike = typeof fetch;

export interface Credentials {
  /** The current access token, or null when the device is not signed in. */
  accessToken(): Promise<string | null>;
  /** Gets a new access token (single-flight); throws SignInRequired when that is impossible. */
  refresh(rejected: string): Promise<string>;
}

export interface RequestOptions {
  method?: string;
  body?: unknown;
  /** Raw bytes instead of JSON (upload chunks). */
  bytes?: Uint8Array;
  headers?: Record<string, string>;
  timeoutMs?: number;
  /** Sent without a token (sign-in). */
  anonymous?: boolean;
  /** Statuses the caller handles itself (returned, not thrown). */
  accept?: number[];
}

export interface RawResponse {
  status: number;
  headers: Headers;
  body: Buffer;
  json<T = unknown>(): T;
}

export interface PlatformClient {
  readonly baseUrl: string;
  raw(path: string, options?: RequestOptions): Promise<RawResponse>;
  json<S extends z.ZodType>(path: string, schema: S, options?: RequestOptions): Promise<z.output<S>>;
}

const DEFAULT_TIMEOUT_MS = 30_000;

function errorBody(body: Buffer): ErrorBody | undefined {
  try {
    const parsed = errorBodySchema.safeParse(JSON.parse(body.toString('utf8')));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/** Turns a non-accepted HTTP status into the failure the engine acts on. */
export function failureOf(status: number, headers: Headers, body: Buffer): SyncFailure {
  const parsed = errorBody(body);
  const code = parsed?.code ?? `http_${status}`;
  const message = parsed?.message ?? `The platform answered HTTP ${status}.`;
  if (status === 429 || status >= 500) {
    return new TransientFailure(code, message, status, parseRetryAfter(headers.get('retry-after'), headers.get('date')), parsed);
  }
  if (status === 401) return new SignInRequired(code, message, status, parsed);
  if (status === 426) return new UpgradeRequired(code, message, status, parsed);
  return new ProtocolFailure(code, message, status, parsed);
}

export function createPlatformClient(baseUrl: string, credentials: Credentials | null, fetchImpl: FetchLike = fetch): PlatformClient {
  const root = baseUrl.replace(/\/+$/, '');

  async function once(path: string, options: RequestOptions, token: string | null): Promise<RawResponse> {
    const headers: Record<string, string> = { accept: 'application/json', ...options.headers };
    let body: BodyInit | undefined;
    if (options.bytes) {
      // As a one-piece stream with its length: fetch copies a Uint8Array body twice (4 MiB chunks).
      const bytes = options.bytes;
      body = new ReadableStream({
        start(controller) {
          controller.enqueue(bytes);
          controller.close();
        },
      });
      headers['content-length'] = String(bytes.length);
    } else if (options.body !== undefined) {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(options.body);
    }
    if (token) headers.authorization = `Bearer ${token}`;
    let response: Response;
    try {
      response = await fetchImpl(`${root}${path}`, {
        method: options.method ?? (body === undefined ? 'GET' : 'POST'),
        headers,
        body,
        signal: AbortSignal.timeout(options.timeoutMs ?? DEFAULT_TIMEOUT_MS),
        ...(options.bytes ? { duplex: 'half' } : {}),
      } as RequestInit);
    } catch (error) {
      const cause = (error as Error).name === 'TimeoutError' ? 'timeout' : 'network';
      throw new TransientFailure(cause, `The platform at ${root} could not be reached (${cause}: ${(error as Error).message}).`);
    }
    let bytes: Buffer;
    try {
      bytes = Buffer.from(await response.arrayBuffer());
    } catch (error) {
      throw new TransientFailure('network', `The answer of the platform was cut off: ${(error as Error).message}`);
    }
    return { status: response.status, headers: response.headers, body: bytes, json: <T>() => JSON.parse(bytes.toString('utf8')) as T };
  }

  async function raw(path: string, options: RequestOptions = {}): Promise<RawResponse> {
    let token = options.anonymous || !credentials ? null : await credentials.accessToken();
    if (!options.anonymous && credentials && !token) throw new SignInRequired('signed_out', 'Sign in to the platform first.');
    let response = await once(path, options, token);
    if (response.status === 401 && token && credentials) {
      token = await credentials.refresh(token);
      response = await once(path, options, token);
    }
    if ((response.status >= 200 && response.status < 300) || options.accept?.includes(response.status)) return response;
    throw failureOf(response.status, response.headers, response.body);
  }

  return {
    baseUrl: root,
    raw,
    async json(path, schema, options = {}) {
      const response = await raw(path, options);
      let value: unknown;
      try {
        value = response.json();
      } catch {
        throw new TransientFailure('bad_response', `The platform answered ${path} with something that is not JSON.`, response.status);
      }
      const parsed = schema.safeParse(value);
      if (!parsed.success) throw new ProtocolFailure('bad_response', `The platform's answer to ${path} does not match the contract: ${parsed.error.message}`);
      return parsed.data;
    },
  };
}
