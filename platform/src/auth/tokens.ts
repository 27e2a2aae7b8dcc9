/** Access tokens: compact HS256 JWTs signed with node:crypto. */
import { createHmac, timingSafeEqual } from 'node:crypto';

export interface AccessClaims {
  sub: string;
  /** The session (one per sign-in, the refresh-token family): every request checks it is still live. */
  sid: string;
  /** The refresh generation that issued it (tokens from before generations count as 1). */
  gen?: number;
  iat: number;
  exp: number;
}

const b64url = (data: Buffer | string) => Buffer.from(data).toString('base64url');
const HEADER = b64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }));

export function signAccessToken(claims: AccessClaims, secret: Buffer): string {
  const body = `${HEADER}.${b64url(JSON.stringify(claims))}`;
  return `${body}.${createHmac('sha256', secret).update(body).digest('base64url')}`;
}

export type VerifyResult = { ok: true; claims: AccessClaims } | { ok: false; expired: boolean };

export function verifyAccessToken(token: string, secret: Buffer, nowMs: number): VerifyResult {
  const parts = token.split('.');
  if (parts.length !== 3) return { ok: false, expired: false };
  const [header, payload, signature] = parts as [string, string, string];
  if (header !== HEADER || !payload || !signature) return { ok: false, expired: false };
  // Compared as text: decoding base64 would ignore stray characters appended to the signature.
  const expected = Buffer.from(createHmac('sha256', secret).update(`${header}.${payload}`).digest('base64url'));
  const given = Buffer.from(signature);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, expired: false };
  let claims: AccessClaims;
  try {
    claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as AccessClaims;
  } catch {
    return { ok: false, expired: false };
  }
  if (typeof claims.sub !== 'string' || typeof claims.sid !== 'string' || typeof claims.exp !== 'number')
    return { ok: false, expired: false };
  if (claims.exp * 1000 <= nowMs) return { ok: false, expired: true };
  return { ok: true, claims };
}
