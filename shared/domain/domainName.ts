/**
 * Domain names for the enterprise's sites: its own (IDN allowed) or a label under the operator's
 * domain. Own names follow IDNA 2008 as Python's `idna` applies it: UTS #46 mapping and checks
 * (tr46), then RFC 5892's code point rules (idna2008.ts) on each label.
 */
import { toASCII, toUnicode } from 'tr46';
import { parse } from 'tldts';
import { disallowedCharacter } from './idna2008';

const STRICT = { checkHyphens: true, checkBidi: true, checkJoiners: true, useSTD3ASCIIRules: true, verifyDNSLength: true };

export type DomainError =
  'domain.syntax' | 'domain.disallowed_character' | 'domain.public_suffix' | 'domain.unknown_suffix' | 'domain.single_label';

export interface DomainCheck {
  valid: boolean;
  /** A-label form (xn--…), lower case: what DNS and server configs need. */
  ascii: string;
  /** U-label form: what people read. */
  unicode: string;
  /** `character`: the one IDNA 2008 refuses (for `domain.disallowed_character`). */
  error?: { code: DomainError; message: string; character?: string };
}

/** Full stops as people type them: ASCII, ideographic, full-width and half-width. */
const FULL_STOPS = /[.。．｡]/g;

export function checkDomain(input: string): DomainCheck {
  // One trailing full stop (the DNS root) is dropped, whichever way it was typed.
  const trimmed = input.trim().replace(FULL_STOPS, '.').replace(/\.$/, '');
  const ascii = toASCII(trimmed, STRICT);
  const unicode = toUnicode(trimmed, STRICT).domain.toLowerCase();
  const bad = (code: DomainError, message: string, character?: string): DomainCheck => ({
    valid: false,
    ascii: ascii ?? '',
    unicode,
    error: { code, message, ...(character ? { character } : {}) },
  });
  if (!ascii)
    return bad(
      'domain.syntax',
      'Labels may hold letters, digits and hyphens (no leading or trailing hyphen, no "--" in positions 3–4), 63 characters at most.',
    );
  const disallowed = unicode.split('.').map(disallowedCharacter).find(Boolean);
  if (disallowed)
    return bad(
      'domain.disallowed_character',
      `"${disallowed}" is not allowed in a domain name (IDNA 2008 allows letters, digits and hyphens).`,
      disallowed,
    );
  if (!ascii.includes('.')) return bad('domain.single_label', 'A domain needs at least two labels, such as example.cn.');
  const parsed = parse(ascii);
  if (!parsed.isIcann) return bad('domain.unknown_suffix', `"${parsed.publicSuffix}" is not a known top-level domain.`);
  if (!parsed.domain) return bad('domain.public_suffix', `"${unicode}" is a public suffix; the enterprise needs a name under it.`);
  return { valid: true, ascii, unicode };
}

/**
 * Labels under the sites domain the platform answers itself or keeps for its own hosts (`www.` and
 * `wap.` are the portals): never an enterprise's site, or the site would be unreachable at its address.
 */
export const RESERVED_SITE_LABELS: ReadonlySet<string> = new Set([
  'www',
  'wap',
  'wml',
  'm',
  'sms',
  'api',
  'admin',
  'portal',
  'static',
  'img',
  'mail',
]);

/** Whether a label (as typed; checked in its normalised form) is one of the platform's own. */
export const isReservedSiteLabel = (input: string): boolean => RESERVED_SITE_LABELS.has(checkSiteLabel(input).normalized);

/** A second-level label the operator assigns under its own domain: lower-case letters, digits, hyphens. */
export function checkSiteLabel(input: string): { valid: boolean; normalized: string } {
  const normalized = input.trim().toLowerCase();
  const valid = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/.test(normalized) && !/^..--/.test(normalized);
  return { valid, normalized };
}
