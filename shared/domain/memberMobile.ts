/**
 * A VPMN member's mobile as it comes from a roster: cleaned (normalizeMobile), checked against the
 * mainland mobile ranges of libphonenumber (its mobile-only metadata), and tagged with the operator
 * of its prefix — only China Mobile numbers can join a VPMN group.
 */
import { parsePhoneNumberFromString } from 'libphonenumber-js/mobile';
import { carrierOfPrefix, type Carrier } from './carriers';
import { normalizeMobile } from './mobile';

export type MemberMobileProblem = 'missing' | 'scientific' | 'invalid';

export interface MemberMobile {
  /** The 11 digits, or what was left of the input after cleaning. */
  normalized: string;
  problem?: MemberMobileProblem;
  carrier?: Carrier;
  chinaMobile: boolean;
}

/** How Excel shows a long number in a narrow cell (1.38001E+10): the last digits are gone for good. */
const SCIENTIFIC = /^\d(\.\d+)?e\+?\d+$/i;

export function checkMemberMobile(input: string): MemberMobile {
  const raw = input.normalize('NFKC').trim();
  if (SCIENTIFIC.test(raw)) return { normalized: raw, problem: 'scientific', chinaMobile: false };
  const normalized = normalizeMobile(raw);
  if (!normalized) return { normalized, problem: 'missing', chinaMobile: false };
  const parsed = /^1\d{10}$/.test(normalized) ? parsePhoneNumberFromString(normalized, 'CN') : undefined;
  if (!parsed?.isValid()) return { normalized, problem: 'invalid', chinaMobile: false };
  const carrier = carrierOfPrefix(normalized);
  return { normalized, ...(carrier ? { carrier } : {}), chinaMobile: carrier === 'cmcc' };
}
