/**
 * HTTP to the platform (shared/platform-api) on axios: one instance per platform address (base URL,
 * timeouts, Node's http adapter), JSON in and out, and the failure classification of errors.ts.
 * Authenticated requests carry the access token; a 401 refreshes it once (one refresh at a time:
 * requests made meanwhile wait for it) and the request is sent again. A refresh that fails signs the
 * device out (the session manager forgets the tokens) and the request fails with SignInRequired.
 * A retry whose new token expired too fails as a TransientFailure: the session is still good.
 */
import { Readable } from 'node:stream';
import axios, { AxiosError, AxiosHeaders, type AxiosInstance, type AxiosResponse, type InternalAxiosRequestConfig } from 'axios';
import type { z } from 'zod';
import { errorBodySchema, type ErrorBody } from '../../../../shared/platform-api';
import { parseRetryAfter } from './backoff';
import { ProtocolFailure, SignInRequired, SyncFailure, TransientFailure, UpgradeRequired } from './errors';

export interface Credentials {
  /** The current access token (after any refresh on its way), or null when the device is not signed in. */
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
  /** How long the connection may stay silent (nothing sent or received) before the request fails. */
  timeoutMs?: number;
  /** Sent without a token (sign-in). */
  anonymous?: boolean;
  /** Statuses the caller handles itself (returned, not thrown). */
  accept?: number[];
  /** Bytes of the request body sent so far (uploads), as they leave. */
  onUploadProgress?: (sentBytes: number) => void;
}

export interface RawResponse {
  status: number;
  headers: { get(name: string): string | null };
  body: Buffer;
  json<T = unknown>(): T;
}

export interface PlatformClient {
  readonly baseUrl: string;
  raw(path: string, options?: RequestOptions): Promise<RawResponse>;
  json<S extends z.ZodType>(path: string, schema: S, options?: RequestOptions): Promise<z.output<S>>;
}

const DEFAULT_TIMEOUT_MS = 30_000;

/**
 * What this client adds to a request's config: whether it is signed, whether it is already the retry
 * after a refresh, and how to make its body again for that retry (a stream is read once).
 */
interface Signing {
  anonymous?: boolean;
  retried?: boolean;
  freshBody?: () => unknown;
}
type Config = InternalAxiosRequestConfig & Signing;

function errorBody(body: Buffer): ErrorBody | undefined {
  try {
    const parsed = errorBodySchema.safeParse(JSON.parse(body.toString('utf8')));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/** Turns a non-accepted HTTP status into the failure the engine acts on. */
export function failureOf(status: number, headers: RawResponse['headers'], body: Buffer): SyncFailure {
  const parsed = errorBody(body);
  const code = parsed?.code ?? `http_${status}`;
  const message = parsed?.message ?? `The platform answered HTTP ${status}.`;
  if (status === 429 || status >= 500) {
    return new TransientFailure(code, message, status, parseRetryAfter(headers.get('retry-after'), headers.get('date')), parsed);
  }
  // A token that expired again while its retry was on the way (a slow link, a long queue) is not a
  // sign-out: the refresh token still works, so the cycle is retried later with the device signed in.
  if (status === 401 && code === 'token_expired') return new TransientFailure(code, message, status, undefined, parsed);
  if (status === 401) return new SignInRequired(code, message, status, parsed);
  if (status === 426) return new UpgradeRequired(code, message, status, parsed);
  return new ProtocolFailure(code, message, status, parsed);
}

/** The one axios instance for a platform address: the body always as bytes, every status returned to the caller. */
function createInstance(root: string): AxiosInstance {
  return axios.create({
    baseURL: root,
    adapter: 'http',
    timeout: DEFAULT_TIMEOUT_MS,
    responseType: 'arraybuffer',
    validateStatus: () => true,
    maxRedirects: 0,
    maxBodyLength: Infinity,
    maxContentLength: Infinity,
    headers: { accept: 'application/json' },
  });
}

const bearer = (token: string) => `Bearer ${token}`;

/** Signs each request with the access token; a 401 refreshes it once and sends the request again. */
function signRequests(http: AxiosInstance, credentials: Credentials): void {
  http.interceptors.request.use(async (config: Config) => {
    if (config.anonymous || config.retried) return config;
    const token = await credentials.accessToken();
    if (!token) throw new SignInRequired('signed_out', 'Sign in to the platform first.');
    config.headers.set('authorization', bearer(token));
    return config;
  });
  http.interceptors.response.use(async (response: AxiosResponse) => {
    const config = response.config as Config;
    if (response.status !== 401 || config.anonymous || config.retried) return response;
    const rejected = String(config.headers.get('authorization') ?? '').replace(/^Bearer /, '');
    const token = await credentials.refresh(rejected);
    return http.request({
      ...config,
      ...(config.freshBody ? { data: config.freshBody() } : {}),
      retried: true,
      headers: AxiosHeaders.from(config.headers).set('authorization', bearer(token)),
    } as Config);
  });
}

/** A request that got no answer: the network, or a silent connection. (Failures of our own, like SignInRequired, pass through.) */
function unreachable(root: string, error: unknown): unknown {
  if (error instanceof SyncFailure || !(error instanceof AxiosError)) return error;
  const cause = error.code === AxiosError.ECONNABORTED || error.code === AxiosError.ETIMEDOUT ? 'timeout' : 'network';
  return new TransientFailure(cause, `The platform at ${root} could not be reached (${cause}: ${error.message}).`);
}

/** Upload progress is told once per slice of a body handed on. */
const PROGRESS_SLICE = 512 * 1024;

/**
 * Bytes as a stream of slices, telling how many have been handed on to the connection. (Axios' own
 * upload progress passes a body through a transform in 64 KiB pieces: a third more CPU per chunk.)
 */
function progressBody(bytes: Buffer, handedOn: (bytes: number) => void): Readable {
  let at = 0;
  return new Readable({
    read() {
      if (at >= bytes.length) return void this.push(null);
      const end = Math.min(at + PROGRESS_SLICE, bytes.length);
      this.push(bytes.subarray(at, end));
      at = end;
      handedOn(at);
    },
  });
}

export function createPlatformClient(baseUrl: string, credentials: Credentials | null): PlatformClient {
  const root = baseUrl.replace(/\/+$/, '');
  const http = createInstance(root);
  if (credentials) signRequests(http, credentials);

  async function raw(path: string, options: RequestOptions = {}): Promise<RawResponse> {
    const anonymous = options.anonymous || !credentials;
    const upload = options.bytes && Buffer.from(options.bytes.buffer, options.bytes.byteOffset, options.bytes.byteLength);
    const body = upload ?? options.body;
    const progress = upload && options.onUploadProgress;
    const headers = progress ? { ...options.headers, 'content-length': String(upload.length) } : options.headers;
    let response: AxiosResponse<Buffer>;
    try {
      response = await http.request<Buffer>({
        url: path,
        method: options.method ?? (body === undefined ? 'GET' : 'POST'),
        data: progress ? progressBody(upload, progress) : body,
        ...(progress ? { freshBody: () => progressBody(upload, progress) } : {}),
        ...(headers ? { headers } : {}),
        ...(options.timeoutMs ? { timeout: options.timeoutMs } : {}),
        anonymous,
      } as Config);
    } catch (error) {
      throw unreachable(root, error);
    }
    const bytes = Buffer.isBuffer(response.data) ? response.data : Buffer.from(response.data ?? []);
    const answer: RawResponse = {
      status: response.status,
      // Node hands the header names over in lower case.
      headers: { get: (name) => (response.headers[name.toLowerCase()] == null ? null : String(response.headers[name.toLowerCase()])) },
      body: bytes,
      json: <T>() => JSON.parse(bytes.toString('utf8')) as T,
    };
    if ((answer.status >= 200 && answer.status < 300) || options.accept?.includes(answer.status)) return answer;
    throw failureOf(answer.status, answer.headers, answer.body);
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
      if (!parsed.success)
        throw new ProtocolFailure('bad_response', `The platform's answer to ${path} does not match the contract: ${parsed.error.message}`);
      return parsed.data;
    },
  };
}
