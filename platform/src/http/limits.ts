/**
 * Limits every request meets before anything parses it: the body size of its route (413 — from
 * Content-Length before a byte is read, or counted as a chunked body streams), JSON content types
 * (415, raised by the route validators) and JSON nesting (400). A push is checked for nesting op by
 * op instead (sync/push.ts), so one bad op is rejected on its own rather than blocking its device's
 * queue on every retry.
 */
import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { MAX_PUSH_BYTES } from '../../../shared/platform-api/sync';
import { HttpError, badRequest } from './errors';

export const DEFAULT_BODY_LIMIT = 64 * 1024;
export const MAX_JSON_DEPTH = 32;

interface RouteLimit {
  method: string;
  path: RegExp;
  /** null: the route counts its body itself (upload chunks, read straight into a buffer). */
  bytes: number | null;
  /** null: checked by the route (push ops). */
  depth: number | null;
}

const ROUTE_LIMITS: RouteLimit[] = [
  { method: 'PATCH', path: /^\/assets\/v1\/uploads\/[^/]+$/, bytes: null, depth: null },
  { method: 'POST', path: /^\/sync\/v1\/push$/, bytes: MAX_PUSH_BYTES, depth: null },
  { method: 'POST', path: /^\/admin\/catalog$/, bytes: 1024 * 1024, depth: MAX_JSON_DEPTH },
];

function limitOf(method: string, path: string): Omit<RouteLimit, 'method' | 'path'> {
  return ROUTE_LIMITS.find((l) => l.method === method && l.path.test(path)) ?? { bytes: DEFAULT_BODY_LIMIT, depth: MAX_JSON_DEPTH };
}

/** True when `value` nests arrays/objects deeper than `max` (walked without recursion). */
export function nestedDeeperThan(value: unknown, max: number): boolean {
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length) {
    const [v, depth] = stack.pop()!;
    if (v === null || typeof v !== 'object') continue;
    if (depth + 1 > max) return true;
    for (const child of Object.values(v)) stack.push([child, depth + 1]);
  }
  return false;
}

const tooLarge = (bytes: number) =>
  new HttpError(413, 'payload_too_large', `This request carries at most ${bytes} bytes.`, {}, { Connection: 'close' });

export function requestLimits(): MiddlewareHandler {
  return async (c, next) => {
    const limit = limitOf(c.req.method, c.req.path);
    if (limit.bytes !== null) {
      const bytes = limit.bytes;
      await bodyLimit({
        maxSize: bytes,
        onError: () => {
          throw tooLarge(bytes);
        },
      })(c, async () => undefined);
    }
    const isJson = /^application\/([\w.+-]+\+)?json\b/i.test(c.req.header('content-type') ?? '');
    if (limit.depth !== null && isJson && c.req.method !== 'GET' && c.req.method !== 'HEAD') {
      // Parsed once here; the route's validator reads the same cached value (a parse error is left to it).
      const body: unknown = await c.req.json().catch(() => undefined);
      if (nestedDeeperThan(body, limit.depth)) throw badRequest(`The JSON body is nested more than ${limit.depth} levels deep.`);
    }
    await next();
  };
}
