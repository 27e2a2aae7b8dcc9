/** Time and ids for the platform, injectable so tests can move the clock. */
import { randomBytes, randomInt, randomUUID } from 'node:crypto';

export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

let last = { ms: 0, counter: 0 };

/**
 * A UUIDv7: a 48-bit ms timestamp, then a 12-bit counter (RFC 9562 §6.2, method 1) and random bits,
 * so ids made by this process sort in the order they were made, even within one millisecond.
 */
export function newId(clock: Clock = systemClock): string {
  let ms = clock.now().getTime();
  let counter = randomInt(0x800); // a random start in the lower half leaves room to count up
  if (ms <= last.ms) {
    ms = last.ms;
    counter = last.counter + 1;
    if (counter > 0xfff) {
      ms += 1;
      counter = randomInt(0x800);
    }
  }
  last = { ms, counter };
  const bytes = randomBytes(16);
  for (let i = 0; i < 6; i++) bytes[i] = Number((BigInt(ms) >> BigInt(8 * (5 - i))) & 0xffn);
  bytes[6] = 0x70 | (counter >> 8);
  bytes[7] = counter & 0xff;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export const randomToken = (): string => randomUUID().replace(/-/g, '') + randomBytes(16).toString('hex');
