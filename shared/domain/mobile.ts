/**
 * Mainland China mobile numbers (STANDARDS.md §7.3): 11 digits in a range libphonenumber's current
 * CN metadata lists as mobile (so 140–144, 154, 163, 179, 194 … are refused until allocated).
 * The operator hint comes from libphonenumber's carrier table (carriers.ts).
 */
import { parsePhoneNumberFromString } from 'libphonenumber-js/core';
import { CN_PHONE_METADATA } from './cnPhoneMetadata';
import { carrierOfPrefix } from './carriers';

export interface MobileCheck {
  valid: boolean;
  normalized: string;
  /** A hint only: since number portability (携号转网) a prefix does not prove the carrier. */
  chinaMobilePrefix: boolean;
}

/**
 * The digits of a number as people write it: full-width digits (１３８…, typed with a Chinese input
 * method), spaces, hyphens and dashes, dots,
 * brackets and a leading +86 / 0086 / 86 are dropped.
 */
export function normalizeMobile(input: string): string {
  let digits = input.normalize('NFKC').replace(/[\s\-‐‑–—().\u200b\ufeff]/g, '');
  if (digits.startsWith('+86')) digits = digits.slice(3);
  else if (digits.startsWith('0086')) digits = digits.slice(4);
  else if (digits.startsWith('86') && digits.length === 13) digits = digits.slice(2);
  return digits;
}

export function checkMobile(input: string): MobileCheck {
  const normalized = normalizeMobile(input);
  const valid = /^1\d{10}$/.test(normalized) && parsePhoneNumberFromString(normalized, 'CN', CN_PHONE_METADATA)?.getType() === 'MOBILE';
  const chinaMobilePrefix = valid && carrierOfPrefix(normalized) === 'cmcc';
  return { valid, normalized, chinaMobilePrefix };
}
