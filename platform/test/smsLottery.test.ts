/** The lottery's draw: reproducible from its seed, and the odds as configured (10,000 simulated draws). */
import { describe, expect, it } from 'vitest';
import { newSeed, prizeOf, rollOf, type PrizeOdds } from '../src/sms/lottery';

const PRIZES: PrizeOdds[] = [
  { name: '茶具一套', count: 1_000_000, chancePer10000: 500 },
  { name: '50元代金券', count: 1_000_000, chancePer10000: 2_000 },
];

describe('lottery draw', () => {
  it('the same seed always gives the same roll and prize; rolls stay within 0…9999', () => {
    const seed = 'a3f1c2d4e5b60718293a4b5c6d7e8f90';
    expect(rollOf(seed)).toBe(rollOf(seed));
    // sha256 of the seed begins 53c3bba55587: 0x53c3bba55587 × 10000 / 2^48 = 3272.4 → 3272 (what an auditor recomputes).
    expect(rollOf(seed)).toBe(3272);
    for (let i = 0; i < 1000; i++) {
      const roll = rollOf(newSeed());
      expect(roll).toBeGreaterThanOrEqual(0);
      expect(roll).toBeLessThan(10_000);
    }
  });

  it('prizes take consecutive ranges of the roll; a prize out of stock is not won', () => {
    expect(prizeOf(PRIZES, 0)).toBe(0);
    expect(prizeOf(PRIZES, 499)).toBe(0);
    expect(prizeOf(PRIZES, 500)).toBe(1);
    expect(prizeOf(PRIZES, 2_499)).toBe(1);
    expect(prizeOf(PRIZES, 2_500)).toBeNull();
    expect(prizeOf([{ ...PRIZES[0]!, count: 3 }], 10, [3])).toBeNull();
  });

  it('10,000 draws with fresh seeds win each prize at its odds (within 4 standard deviations)', () => {
    const draws = 10_000;
    const wins = [0, 0];
    let losses = 0;
    for (let i = 0; i < draws; i++) {
      const prize = prizeOf(PRIZES, rollOf(newSeed()));
      if (prize === null) losses++;
      else wins[prize]!++;
    }
    const within = (observed: number, p: number) => {
      const mean = draws * p;
      const sd = Math.sqrt(draws * p * (1 - p));
      expect(Math.abs(observed - mean)).toBeLessThan(4 * sd);
    };
    within(wins[0]!, 0.05);
    within(wins[1]!, 0.2);
    within(losses, 0.75);
  });
});
