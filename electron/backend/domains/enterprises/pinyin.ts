/**
 * Pinyin for the enterprise list: a name's initials ("lzjx" finds 临淄机械) and a key that sorts
 * names in pinyin order. Worked out per character and cached (company names use a few thousand
 * characters), so 100,000 names cost a fraction of a second; a polyphonic character (行 xíng/háng,
 * 长, 重 …) gives every reading's initial, so either way of saying it finds the name.
 */
import { pinyin } from 'pinyin-pro';

interface CharPinyin {
  /** Lower-case initials of each reading ("x", "h"); the character itself for letters and digits; none for punctuation. */
  initials: string[];
  /** The common reading without tones, for sorting ("xing"); the character itself otherwise. */
  reading: string;
}

const HAN = /\p{Script=Han}/u;
const WORD = /[\p{L}\p{N}]/u;
const cache = new Map<string, CharPinyin>();

function charPinyin(ch: string): CharPinyin {
  let found = cache.get(ch);
  if (found) return found;
  if (HAN.test(ch)) {
    const initials = [
      ...new Set(pinyin(ch, { pattern: 'first', toneType: 'none', multiple: true, type: 'array' }).map((i) => i.toLowerCase())),
    ];
    found = { initials, reading: pinyin(ch, { toneType: 'none' }).toLowerCase() };
  } else {
    const lower = ch.toLowerCase();
    found = WORD.test(ch) ? { initials: [lower], reading: lower } : { initials: [], reading: '' };
  }
  cache.set(ch, found);
  return found;
}

/** At most this many spellings per name (a name full of polyphonic characters would otherwise multiply). */
const MAX_SPELLINGS = 8;

/** Every spelling of the name's initials ("lzjxyxgs"), joined by newlines: what a typed "lzjx" is looked for in. */
export function initialsOf(name: string): string {
  let spellings = [''];
  for (const ch of name) {
    const { initials } = charPinyin(ch);
    if (initials.length === 0) continue;
    // Every spelling so far goes on with the common reading; other readings branch off while there is room.
    const next = spellings.map((start) => start + initials[0]);
    for (const other of initials.slice(1)) for (const start of spellings) if (next.length < MAX_SPELLINGS) next.push(start + other);
    spellings = next;
  }
  return spellings.join('\n');
}

/** A key whose plain string order is the names' pinyin order (the name itself breaks ties). */
export function pinyinSortKey(name: string): string {
  let key = '';
  for (const ch of name) key += charPinyin(ch).reading;
  return `${key}\u0000${name}`;
}
