/** Building guess records: every decision the auto-structuring makes, with the rule that made it. */
import type { Guess, GuessRule, GuessTarget } from '../../../../shared/api/sites';

export interface GuessEnv {
  newId(): string;
}

export function makeGuess(
  env: GuessEnv,
  rule: GuessRule,
  source: string,
  message: string,
  params: Record<string, string | number>,
  target: GuessTarget,
): Guess {
  return { id: env.newId(), rule, source, message, params, target };
}
