/**
 * Offline sign-in: after one online sign-in the device keeps a scrypt verifier of the password, so
 * a manager can unlock the app without network. The password itself is never stored.
 */
import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';

export interface Verifier {
  algorithm: 'scrypt';
  salt: string;
  hash: string;
  N: number;
  r: number;
  p: number;
}

const KEY_LENGTH = 32;
const PARAMS = { N: 16384, r: 8, p: 1 };

function derive(password: string, salt: Buffer, params: { N: number; r: number; p: number }): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scrypt(password.normalize('NFC'), salt, KEY_LENGTH, { ...params, maxmem: 64 * 1024 * 1024 }, (error, key) =>
      error ? reject(error) : resolve(key),
    ),
  );
}

export async function makeVerifier(password: string): Promise<Verifier> {
  const salt = randomBytes(16);
  const hash = await derive(password, salt, PARAMS);
  return { algorithm: 'scrypt', salt: salt.toString('base64'), hash: hash.toString('base64'), ...PARAMS };
}

export async function checkVerifier(verifier: Verifier, password: string): Promise<boolean> {
  const expected = Buffer.from(verifier.hash, 'base64');
  const actual = await derive(password, Buffer.from(verifier.salt, 'base64'), verifier);
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}
