/** Access tokens: compact HS256 JWTs signed with node:crypto. */
import { createHmac, timingSafeEqual } from 'node:crypto';

export interface AccessClaims {
  sub: string;
  /** The refresh-token family (one per login): revoking it ends the session at the next refresh. */
  sid: string;
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
  const [header, payload, signature] = token.split('.');
  if (header !== HEADER || !payload || !signature) return { ok: false, expired: false };
  const expected = createHmac('sha256', secret).update(`${header}.${payload}`).digest();
  const given = Buffer.from(signature, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, expired: false };
  let claims: AccessClaims;
  try {
    claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as AccessClaims;
  } catch {
    return { ok: false, expired: false };
  }
  if (typeof claims.sub !== 'string' || typeof claims.exp !== 'number') return { ok: false, expired: false };
  if (claims.exp * 1000 <= nowMs) return { ok: false, expired: true };
  return { ok: true, claims };
}
