/**
 * Mainland China mobile numbers (STANDARDS.md §7.3): 11 digits in a range libphonenumber's current
 * CN metadata lists as mobile (so 140–144, 154, 163, 179, 194 … are refused until allocated).
 */
import { parsePhoneNumberFromString } from 'libphonenumber-js/core';
import { CN_PHONE_METADATA } from './cnPhoneMetadata';

const CHINA_MOBILE_PREFIXES = [
  ...['1340', '1341', '1342', '1343', '1344', '1345', '1346', '1347', '1348'],
  ...['135', '136', '137', '138', '139', '147', '148', '150', '151', '152', '157', '158', '159'],
  ...['165', '1703', '1705', '1706', '172', '178', '182', '183', '184', '187', '188', '195', '197', '198'],
];

export interface MobileCheck {
  valid: boolean;
  normalized: string;
  /** A hint only: since number portability (携号转网) a prefix does not prove the carrier. */
  chinaMobilePrefix: boolean;
}

export function normalizeMobile(input: string): string {
  let digits = input.replace(/[\s\-()\u3000]/g, '');
  if (digits.startsWith('+86')) digits = digits.slice(3);
  else if (digits.startsWith('0086')) digits = digits.slice(4);
  else if (digits.startsWith('86') && digits.length === 13) digits = digits.slice(2);
  return digits;
}

export function checkMobile(input: string): MobileCheck {
  const normalized = normalizeMobile(input);
  const valid = /^1\d{10}$/.test(normalized) && parsePhoneNumberFromString(normalized, 'CN', CN_PHONE_METADATA)?.getType() === 'MOBILE';
  const chinaMobilePrefix = valid && CHINA_MOBILE_PREFIXES.some((p) => normalized.startsWith(p));
  return { valid, normalized, chinaMobilePrefix };
}
