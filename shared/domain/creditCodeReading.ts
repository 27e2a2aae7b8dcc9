/**
 * A credit code as OCR read it (GB 32100-2015): letters the code never uses are mapped to the digit
 * they resemble (O→0, I→1, Z→2, S→5, V→U), the six region digits take the digit of a look-alike
 * letter (B→8, D→0 …), and when the check character still fails, the characters OCR may have
 * confused are named and every single-character correction that passes the check is offered.
 * A code that fails its check is never given as valid.
 */
import { checkCreditCode } from './creditCode';

const CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
/** Pairs of characters a reader (or OCR) confuses. */
const CONFUSED_PAIRS = [
  '0D',
  '0Q',
  '0U',
  '1L',
  '1T',
  '17',
  'T7',
  '27',
  '56',
  '6G',
  '6B',
  '8B',
  '38',
  '4A',
  'UW',
  'XY',
  'XK',
  'MN',
  'HN',
  'PR',
  'CG',
  'EF',
];
const LOOK_ALIKE: Record<string, string[]> = {};
for (const [a, b] of CONFUSED_PAIRS.map((pair) => [...pair] as [string, string])) {
  (LOOK_ALIKE[a] ??= []).push(b);
  (LOOK_ALIKE[b] ??= []).push(a);
}
/** Letters that never appear in a code → what was meant. */
const NEVER_USED: Record<string, string> = { O: '0', I: '1', Z: '2', S: '5', V: 'U' };
/** In the region digits (3rd–8th), a letter means the digit it looks like. */
const AS_DIGIT: Record<string, string> = { ...NEVER_USED, D: '0', Q: '0', U: '0', L: '1', T: '7', B: '8', G: '6', A: '4' };

export interface CreditCodeReading {
  /** The 18 characters after the sure mappings (what the form shows). */
  code: string;
  valid: boolean;
  /** Positions (0-based) of characters OCR may have confused, when the code is not valid: where a correction lies, else every look-alike. */
  unsure: number[];
  /** Codes one character away, among the look-alikes, that pass the check. */
  corrections: string[];
}

/** Finds a credit code in a line of OCR text: 18 characters of letters and digits, spaces ignored. */
export function findCreditCode(text: string): string | undefined {
  const compact = text
    .normalize('NFKC')
    .toUpperCase()
    .replace(/[\s:：]/g, '');
  return compact.match(/[0-9A-Z]{18}/)?.[0];
}

export function readCreditCode(raw: string): CreditCodeReading {
  const chars = [...raw.normalize('NFKC').toUpperCase().replace(/\s/g, '')].map((c, i) =>
    i >= 2 && i < 8 ? (AS_DIGIT[c] ?? c) : (NEVER_USED[c] ?? c),
  );
  const code = chars.join('');
  if (checkCreditCode(code).valid) return { code, valid: true, unsure: [], corrections: [] };
  const confusable: number[] = [];
  const corrected = new Set<number>();
  const corrections = new Set<string>();
  if (chars.length === 18) {
    chars.forEach((c, i) => {
      const alternatives = (LOOK_ALIKE[c] ?? []).filter((a) => CHARSET.includes(a) && (i < 2 || i >= 8 || /\d/.test(a)));
      if (alternatives.length) confusable.push(i);
      for (const a of alternatives) {
        const candidate = code.slice(0, i) + a + code.slice(i + 1);
        if (checkCreditCode(candidate).valid) {
          corrections.add(candidate);
          corrected.add(i);
        }
      }
    });
  }
  const unsure = corrected.size ? confusable.filter((i) => corrected.has(i)) : confusable;
  return { code, valid: false, unsure, corrections: [...corrections].sort() };
}
