/**
 * The code point rules of IDNA 2008 (RFC 5892) that UTS #46 processing (tr46) leaves out: UTS #46
 * keeps symbols and emoji valid (its NV8 and XV8 marks) and skips the contextual rules. Python's
 * `idna` package applies these, so `😀.cn`, `♥.cn` and `a·b.cn` are refused there and here.
 * Labels come here after UTS #46 mapping (lower case, NFC), so RFC 5892's "Unstable" category is
 * already mapped away; the joiner rules (CONTEXTJ) are tr46's `checkJoiners`.
 */

/** RFC 5892 §2.6: code points whose value the derivation does not decide. */
const EXCEPTIONS: Record<number, 'PVALID' | 'CONTEXTO' | 'DISALLOWED'> = {
  0x00df: 'PVALID',
  0x03c2: 'PVALID',
  0x06fd: 'PVALID',
  0x06fe: 'PVALID',
  0x0f0b: 'PVALID',
  0x3007: 'PVALID',
  0x00b7: 'CONTEXTO',
  0x0375: 'CONTEXTO',
  0x05f3: 'CONTEXTO',
  0x05f4: 'CONTEXTO',
  0x30fb: 'CONTEXTO',
  0x0640: 'DISALLOWED',
  0x07fa: 'DISALLOWED',
  0x302e: 'DISALLOWED',
  0x302f: 'DISALLOWED',
  0x303b: 'DISALLOWED',
  0x3031: 'DISALLOWED',
  0x3032: 'DISALLOWED',
  0x3033: 'DISALLOWED',
  0x3034: 'DISALLOWED',
  0x3035: 'DISALLOWED',
};

const LDH = /^[a-z0-9-]$/;
const JOIN_CONTROL = /^\p{Join_Control}$/u;
const IGNORABLE_PROPERTIES = /^[\p{Default_Ignorable_Code_Point}\p{White_Space}\p{Noncharacter_Code_Point}]$/u;
/** Combining Diacritical Marks for Symbols, Musical Symbols, Ancient Greek Musical Notation. */
const IGNORABLE_BLOCKS = /^[\u{20d0}-\u{20ff}\u{1d100}-\u{1d1ff}\u{1d200}-\u{1d24f}]$/u;
/** Hangul_Syllable_Type L, V and T. */
const OLD_HANGUL_JAMO = /^[\u{1100}-\u{11ff}\u{a960}-\u{a97c}\u{d7b0}-\u{d7c6}\u{d7cb}-\u{d7fb}]$/u;
const LETTER_DIGITS = /^[\p{Ll}\p{Lu}\p{Lo}\p{Nd}\p{Lm}\p{Mn}\p{Mc}]$/u;
const ARABIC_INDIC_DIGIT = /^[\u0660-\u0669]$/;
const EXTENDED_ARABIC_INDIC_DIGIT = /^[\u06f0-\u06f9]$/;

type Derived = 'PVALID' | 'CONTEXTJ' | 'CONTEXTO' | 'DISALLOWED';

/** RFC 5892 §3: the derived property of one code point (unassigned ones are refused by tr46). */
function derivedProperty(char: string): Derived {
  const exception = EXCEPTIONS[char.codePointAt(0)!];
  if (exception) return exception;
  if (LDH.test(char)) return 'PVALID';
  if (JOIN_CONTROL.test(char)) return 'CONTEXTJ';
  if (IGNORABLE_PROPERTIES.test(char) || IGNORABLE_BLOCKS.test(char) || OLD_HANGUL_JAMO.test(char)) return 'DISALLOWED';
  return LETTER_DIGITS.test(char) ? 'PVALID' : 'DISALLOWED';
}

/** RFC 5892 Appendix A.3–A.9: whether a CONTEXTO code point may stand at `index` of `chars`. */
function contextAllows(chars: string[], index: number): boolean {
  const char = chars[index]!;
  const before = chars[index - 1] ?? '';
  const after = chars[index + 1] ?? '';
  switch (char) {
    case '\u00b7': // MIDDLE DOT: only in Catalan "l·l"
      return before === 'l' && after === 'l';
    case '\u0375': // GREEK LOWER NUMERAL SIGN: before a Greek letter
      return /^\p{Script=Greek}$/u.test(after);
    case '\u05f3': // HEBREW GERESH and GERSHAYIM: after a Hebrew letter
    case '\u05f4':
      return /^\p{Script=Hebrew}$/u.test(before);
    case '\u30fb': // KATAKANA MIDDLE DOT: in a label with kana or Han
      return chars.some((c) => /^[\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Han}]$/u.test(c));
    default:
      if (ARABIC_INDIC_DIGIT.test(char)) return !chars.some((c) => EXTENDED_ARABIC_INDIC_DIGIT.test(c));
      if (EXTENDED_ARABIC_INDIC_DIGIT.test(char)) return !chars.some((c) => ARABIC_INDIC_DIGIT.test(c));
      return false;
  }
}

/** The first character of a U-label that IDNA 2008 does not allow where it stands, or undefined. */
export function disallowedCharacter(label: string): string | undefined {
  const chars = [...label];
  return chars.find((char, i) => {
    const property = derivedProperty(char);
    return property === 'DISALLOWED' || (property === 'CONTEXTO' && !contextAllows(chars, i));
  });
}
