/**
 * 抽奖 (issue 11 item 4): a draw is decided by a random seed that is recorded with it, so anyone
 * holding the draw log can recompute every result: roll = the seed's SHA-256, first 6 octets, scaled
 * to 0…9999; prizes take consecutive ranges of the roll in their listed order, each
 * `chancePer10000` wide; a roll past them (or a prize whose stock is gone) loses.
 */
import { createHash, randomBytes } from 'node:crypto';

export interface PrizeOdds {
  name: string;
  /** How many can be won in all. */
  count: number;
  chancePer10000: number;
}

export const newSeed = (): string => randomBytes(16).toString('hex');

/** The roll a seed gives, 0…9999, uniform (48 bits scaled down: the bias is below 1e-10). */
export function rollOf(seed: string): number {
  const digest = createHash('sha256').update(seed).digest();
  return Math.floor((digest.readUIntBE(0, 6) * 10_000) / 2 ** 48);
}

/** The index of the prize a roll wins, or null; `awarded[i]` = prize i won so far (a prize out of stock is not won). */
export function prizeOf(prizes: PrizeOdds[], roll: number, awarded: number[] = []): number | null {
  let from = 0;
  for (const [i, prize] of prizes.entries()) {
    const to = from + prize.chancePer10000;
    if (roll >= from && roll < to) return (awarded[i] ?? 0) < prize.count ? i : null;
    from = to;
  }
  return null;
}
