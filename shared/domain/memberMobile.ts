/**
 * A VPMN member's mobile as it comes from a roster: cleaned (normalizeMobile), checked against the
 * mainland mobile ranges of libphonenumber (its mobile-only metadata), and tagged with the operator
 * of its prefix — only China Mobile numbers can join a VPMN group.
 */
import { PhoneNumber, type E164Number, type MetadataJson } from 'libphonenumber-js/core';
import mobileMetadata from 'libphonenumber-js/metadata.mobile.json';
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

/** libphonenumber's mobile-only metadata, used through its core API (five times faster per number than its parsing entry points). */
const METADATA = mobileMetadata as unknown as MetadataJson;

/** How Excel shows a long number in a narrow cell (1.38001E+10): the last digits are gone for good. */
const SCIENTIFIC = /^\d(\.\d+)?e\+?\d+$/i;

export function checkMemberMobile(input: string): MemberMobile {
  const raw = input.normalize('NFKC').trim();
  if (SCIENTIFIC.test(raw)) return { normalized: raw, problem: 'scientific', chinaMobile: false };
  const normalized = normalizeMobile(raw);
  if (!normalized) return { normalized, problem: 'missing', chinaMobile: false };
  if (!/^1\d{10}$/.test(normalized) || !new PhoneNumber(`+86${normalized}` as E164Number, METADATA).isValid())
    return { normalized, problem: 'invalid', chinaMobile: false };
  const carrier = carrierOfPrefix(normalized);
  return { normalized, ...(carrier ? { carrier } : {}), chinaMobile: carrier === 'cmcc' };
}
