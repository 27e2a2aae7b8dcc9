/**
 * The terms the search index stores and a query looks up. Chinese has no spaces, so Han runs are
 * cut into overlapping character pairs (bigrams): a two-character query is one term, a longer one
 * the pairs it contains (checked again against the text afterwards). Latin letters and digits are
 * whole tokens ("ck6150") plus their letter and digit parts ("ck", "6150"). Pinyin initials of names
 * ("lzjx" for 鲁中机械) are stored under `py:` as prefixes, for visitors typing on a phone keypad.
 */
import { pinyin } from 'pinyin-pro';

/** Longer queries are cut: nothing published is longer in one name, and the lookup stays short. */
export const MAX_QUERY_CHARS = 40;
const MAX_QUERY_TERMS = 12;
const MAX_INITIALS = 10;

/** NFKC (full-width letters and digits become ASCII) and lower case: what is indexed and looked up. */
export const normalizeText = (text: string): string => text.normalize('NFKC').toLowerCase();

const RUNS = /\p{Script=Han}+|[a-z0-9]+/gu;

/** The distinct terms of a text. */
export function termsOf(text: string): Set<string> {
  const terms = new Set<string>();
  for (const [run] of normalizeText(text).matchAll(RUNS)) {
    if (/^[a-z0-9]/.test(run)) {
      if (run.length >= 2) terms.add(run);
      for (const [part] of run.matchAll(/[a-z]+|[0-9]+/g)) if (part.length >= 2 && part !== run) terms.add(part);
      continue;
    }
    const chars = [...run];
    if (chars.length === 1) terms.add(run);
    for (let i = 0; i + 1 < chars.length; i++) terms.add(chars[i]! + chars[i + 1]!);
  }
  return terms;
}

/** `py:` terms: every prefix (two letters or more) of a name's pinyin initials. */
export function initialsTermsOf(name: string): string[] {
  const initials = initialsOf(name);
  const terms: string[] = [];
  for (let n = 2; n <= Math.min(initials.length, MAX_INITIALS); n++) terms.push(`py:${initials.slice(0, n)}`);
  return terms;
}

export const initialsOf = (name: string): string =>
  pinyin(name, { pattern: 'first', toneType: 'none', type: 'array' })
    .join('')
    .toLowerCase()
    .replace(/[^a-z]/g, '');

export type ParsedQuery =
  { ok: true; text: string; terms: string[]; initials: string | null } | { ok: false; problem: 'empty' | 'too_short' };

/**
 * What a visitor typed, as lookups: the normalized text (cut to MAX_QUERY_CHARS), its terms, and
 * the pinyin-initials term when the query is Latin letters only. Nothing searchable → `empty`;
 * a single character → `too_short` (every name contains common characters).
 */
export function parseQuery(raw: string): ParsedQuery {
  const text = [...normalizeText(raw).replace(/\s+/g, ' ').trim()].slice(0, MAX_QUERY_CHARS).join('');
  const searchable = [...text.matchAll(RUNS)].map((m) => m[0]).join('');
  if (searchable.length === 0) return { ok: false, problem: 'empty' };
  if ([...searchable].length < 2) return { ok: false, problem: 'too_short' };
  const terms = [...termsOf(text)].filter((t) => [...t].length >= 2).slice(0, MAX_QUERY_TERMS);
  const initials = /^[a-z]{2,}$/.test(searchable) ? `py:${searchable.slice(0, MAX_INITIALS)}` : null;
  if (terms.length === 0 && !initials) return { ok: false, problem: 'too_short' };
  return { ok: true, text, terms, initials };
}
