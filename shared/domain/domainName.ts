/** Domain names for the enterprise's sites: its own (IDN allowed) or a label under the operator's domain. */
import { toASCII, toUnicode } from 'tr46';
import { parse } from 'tldts';

const STRICT = { checkHyphens: true, checkBidi: true, checkJoiners: true, useSTD3ASCIIRules: true, verifyDNSLength: true };

export type DomainError = 'domain.syntax' | 'domain.public_suffix' | 'domain.unknown_suffix' | 'domain.single_label';

export interface DomainCheck {
  valid: boolean;
  /** A-label form (xn--…), lower case: what DNS and server configs need. */
  ascii: string;
  /** U-label form: what people read. */
  unicode: string;
  error?: { code: DomainError; message: string };
}

export function checkDomain(input: string): DomainCheck {
  const trimmed = input.trim().replace(/\.$/, '').replace(/[。．｡]/g, '.');
  const ascii = toASCII(trimmed, STRICT);
  const unicode = toUnicode(trimmed, STRICT).domain.toLowerCase();
  const bad = (code: DomainError, message: string): DomainCheck => ({ valid: false, ascii: ascii ?? '', unicode, error: { code, message } });
  if (!ascii) return bad('domain.syntax', 'Labels may hold letters, digits and hyphens (no leading or trailing hyphen, no "--" in positions 3–4), 63 characters at most.');
  if (!ascii.includes('.')) return bad('domain.single_label', 'A domain needs at least two labels, such as example.cn.');
  const parsed = parse(ascii);
  if (!parsed.isIcann) return bad('domain.unknown_suffix', `"${parsed.publicSuffix}" is not a known top-level domain.`);
  if (!parsed.domain) return bad('domain.public_suffix', `"${unicode}" is a public suffix; the enterprise needs a name under it.`);
  return { valid: true, ascii, unicode };
}

/** A second-level label the operator assigns under its own domain: lower-case letters, digits, hyphens. */
export function checkSiteLabel(input: string): { valid: boolean; normalized: string } {
  const normalized = input.trim().toLowerCase();
  const valid = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/.test(normalized) && !/^..--/.test(normalized);
  return { valid, normalized };
}
