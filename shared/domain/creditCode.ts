/** Unified social credit code (统一社会信用代码, GB 32100-2015): 18 characters, the last a check character. */

const CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const FORMAT = /^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/;

export type CreditCodeError =
  'credit_code.empty' | 'credit_code.length' | 'credit_code.charset' | 'credit_code.format' | 'credit_code.check';

export interface CreditCodeCheck {
  valid: boolean;
  normalized: string;
  error?: { code: CreditCodeError; message: string; expectedCheck?: string };
}

/** Upper-cases and drops spaces and hyphens, so a code read aloud or copied from a scan still matches. */
/** Upper case, without spaces or hyphens; full-width characters (９１３７…) as ASCII. */
export function normalizeCreditCode(input: string): string {
  return input
    .normalize('NFKC')
    .replace(/[\s\-‐‑–—]/g, '')
    .toUpperCase();
}

export function creditCodeCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += CHARSET.indexOf(first17[i]!) * WEIGHTS[i]!;
  return CHARSET[(31 - (sum % 31)) % 31]!;
}

export function checkCreditCode(input: string): CreditCodeCheck {
  const normalized = normalizeCreditCode(input);
  const bad = (code: CreditCodeError, message: string, extra: { expectedCheck?: string } = {}): CreditCodeCheck => ({
    valid: false,
    normalized,
    error: { code, message, ...extra },
  });
  if (normalized.length === 0) return bad('credit_code.empty', 'The credit code is empty.');
  if (normalized.length !== 18) return bad('credit_code.length', `A credit code has 18 characters, this one has ${normalized.length}.`);
  const stray = [...normalized].find((c) => !CHARSET.includes(c));
  if (stray) return bad('credit_code.charset', `"${stray}" cannot appear in a credit code (I, O, S, V and Z are never used).`);
  if (!FORMAT.test(normalized)) return bad('credit_code.format', 'Characters 3–8 of a credit code are the 6-digit region code.');
  const expected = creditCodeCheckChar(normalized.slice(0, 17));
  if (normalized[17] !== expected)
    return bad(
      'credit_code.check',
      `The check character should be ${expected}, not ${normalized[17]}: a character was probably mistyped.`,
      { expectedCheck: expected },
    );
  return { valid: true, normalized };
}
