/** CONNECT authentication (STANDARDS.md §6): the MD5 authenticators and the MMDDHHMMSS timestamp. */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { CmppVersion } from './codec';

const CHINA_OFFSET_MS = 8 * 3600_000;

/** MMDDHHMMSS in China time (UTC+8) as an integer, e.g. 1021080510. */
export function cmppTimestamp(date: Date): number {
  const d = new Date(date.getTime() + CHINA_OFFSET_MS);
  const two = (n: number) => String(n).padStart(2, '0');
  return Number(
    `${two(d.getUTCMonth() + 1)}${two(d.getUTCDate())}${two(d.getUTCHours())}${two(d.getUTCMinutes())}${two(d.getUTCSeconds())}`,
  );
}

const md5 = (...parts: Buffer[]) => createHash('md5').update(Buffer.concat(parts)).digest();

/** AuthenticatorSource = MD5(Source_Addr + 9 × 0x00 + shared secret + timestamp as 10 digits). */
export function authenticatorSource(spId: string, secret: string, timestamp: number): Buffer {
  return md5(
    Buffer.from(spId, 'latin1'),
    Buffer.alloc(9),
    Buffer.from(secret, 'utf8'),
    Buffer.from(String(timestamp).padStart(10, '0'), 'latin1'),
  );
}

/** AuthenticatorISMG = MD5(Status + AuthenticatorSource + shared secret); Status is 1 octet in 2.0, 4 in 3.0. */
export function authenticatorIsmg(status: number, version: CmppVersion, source: Buffer, secret: string): Buffer {
  const statusBytes = Buffer.alloc(version === 3 ? 4 : 1);
  if (version === 3) statusBytes.writeUInt32BE(status);
  else statusBytes.writeUInt8(status);
  return md5(statusBytes, source, Buffer.from(secret, 'utf8'));
}

export const sameAuthenticator = (a: Buffer, b: Buffer): boolean => a.length === b.length && timingSafeEqual(a, b);
