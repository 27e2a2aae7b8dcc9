/** Retry timing (SYNC.md §3.8): full jitter, base 1 s, ×2, cap 5 min, Retry-After wins, loop breaker. */
import { describe, expect, it } from 'vitest';
import { Backoff, LoopBreaker, parseRetryAfter } from '../../../electron/backend/domains/sync/backoff';

describe('backoff', () => {
  it('draws each delay uniformly below a ceiling that doubles from 1 s up to 5 min', () => {
    const highest = new Backoff({ random: () => 0.999999 });
    const ceilings = Array.from({ length: 12 }, () => highest.next());
    expect(ceilings.map((d) => Math.round(d / 1000))).toEqual([1, 2, 4, 8, 16, 32, 64, 128, 256, 300, 300, 300]);
    const lowest = new Backoff({ random: () => 0 });
    expect([lowest.next(), lowest.next(), lowest.next()]).toEqual([0, 0, 0]);
  });

  it('spreads devices that failed together (full jitter), and starts over after a success', () => {
    let seed = 1;
    const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    const delays = Array.from({ length: 50 }, () => {
      const b = new Backoff({ random });
      for (let i = 0; i < 5; i++) b.next();
      return b.next();
    });
    expect(new Set(delays.map((d) => Math.floor(d / 1000))).size).toBeGreaterThan(15);
    expect(Math.max(...delays)).toBeLessThan(32_000);
    const b = new Backoff({ random: () => 0.999999 });
    b.next();
    b.next();
    b.reset();
    expect(Math.round(b.next() / 1000)).toBe(1);
  });

  it('waits at least as long as Retry-After asks, even beyond the cap', () => {
    const b = new Backoff({ random: () => 0, capMs: 5 * 60_000 });
    expect(b.next(3000)).toBe(3000);
    expect(b.next(10 * 60_000)).toBe(10 * 60_000);
  });

  it('reads Retry-After as seconds or as an HTTP date against the server clock', () => {
    expect(parseRetryAfter('7')).toBe(7000);
    expect(parseRetryAfter('Wed, 21 Oct 2015 07:28:30 GMT', 'Wed, 21 Oct 2015 07:28:00 GMT')).toBe(30_000);
    expect(parseRetryAfter('garbage')).toBeUndefined();
    expect(parseRetryAfter(null)).toBeUndefined();
  });
});

describe('loop breaker', () => {
  it('trips at 5 requests at the same position within 1 s, and not when the position moves', () => {
    let now = 0;
    const breaker = new LoopBreaker(5, 1000, () => now);
    const trips = Array.from({ length: 5 }, () => {
      now += 100;
      return breaker.record('op 7 @ cursor a');
    });
    expect(trips).toEqual([false, false, false, false, true]);
    const moving = new LoopBreaker(5, 1000, () => now);
    expect(Array.from({ length: 10 }, (_, i) => moving.record(`op ${i}`)).some(Boolean)).toBe(false);
    const slow = new LoopBreaker(5, 1000, () => now);
    expect(Array.from({ length: 10 }, () => ((now += 300), slow.record('same'))).some(Boolean)).toBe(false);
  });
});
