/**
 * SMS length: the China billing count (what the enterprise pays) and the on-the-air segments
 * (3GPP TS 23.038/23.040). STANDARDS.md §4.
 */

/** GSM 03.38 default alphabet, in table order (0x1B, the escape, is left out: it is not a character). */
const GSM7_BASIC =
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞ' + 'ÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà';
/** Characters reached through ESC: each costs two septets. */
const GSM7_EXTENSION = '\f^{}\\[~]|€';

const basic = new Set(GSM7_BASIC);
const extension = new Set(GSM7_EXTENSION);

export type SmsEncoding = 'gsm7' | 'ucs2';

export interface SmsCount {
  /** Billed characters: UTF-16 code units (a character outside the BMP, such as an emoji, counts 2). */
  chars: number;
  /**
   * Messages billed: the parts the text is submitted in (UCS-2, ≤ 70 units whole, else parts of
   * ≤ 67 units, a surrogate pair never split); 0 for an empty text. Without characters outside the
   * BMP this is China's count, ≤ 70 characters → 1, else ⌈chars / 67⌉.
   */
  messages: number;
  encoding: SmsEncoding;
  /** Segments on the air interface (GSM-7 160/153 septets, UCS-2 70/67 units). */
  airSegments: number;
}

export const SINGLE_MESSAGE_CHARS = 70;
export const CONCAT_MESSAGE_CHARS = 67;

/** China billing count for a number of characters of the Basic Multilingual Plane (`countSms` for any text). */
export const billedMessages = (chars: number): number =>
  chars === 0 ? 0 : chars <= SINGLE_MESSAGE_CHARS ? 1 : Math.ceil(chars / CONCAT_MESSAGE_CHARS);

/** The cost of each character in its encoding's units (septets or UTF-16 units), or null when GSM-7 cannot carry the text. */
function gsm7Costs(text: string): number[] | null {
  const costs: number[] = [];
  for (const ch of text) {
    if (basic.has(ch)) costs.push(1);
    else if (extension.has(ch)) costs.push(2);
    else return null;
  }
  return costs;
}

const ucs2Costs = (text: string): number[] => Array.from(text, (ch) => ch.length);

/** Greedy fill: how many characters each segment takes; a character (ESC pair or surrogate pair) is never split across segments. */
function fill(costs: number[], single: number, perSegment: number): number[] {
  const total = costs.reduce((a, b) => a + b, 0);
  if (total <= single) return [costs.length];
  const sizes = [0];
  let used = 0;
  for (const cost of costs) {
    if (used + cost > perSegment) {
      sizes.push(0);
      used = 0;
    }
    used += cost;
    sizes[sizes.length - 1]!++;
  }
  return sizes;
}

const segments = (costs: number[], single: number, perSegment: number): number => fill(costs, single, perSegment).length;

/**
 * The text cut as it goes out in UCS-2 (CMPP Msg_Fmt 8, STANDARDS §4.3): whole if ≤ 70 units,
 * else segments of ≤ 67 units; a surrogate pair stays whole (such a segment carries 66).
 */
export function ucs2Segments(text: string): string[] {
  const chars = Array.from(text);
  let at = 0;
  return fill(ucs2Costs(text), SINGLE_MESSAGE_CHARS, CONCAT_MESSAGE_CHARS).map((n) => chars.slice(at, (at += n)).join(''));
}

export function countSms(text: string): SmsCount {
  const chars = text.length;
  // Without surrogate pairs every character costs one unit: the greedy fill is a division.
  const units = /[\uD800-\uDFFF]/.test(text) ? ucs2Costs(text) : null;
  // What the link submits (CMPP Msg_Fmt 8, platform/src/sms/mt.ts) is what is billed.
  const messages = chars === 0 ? 0 : ucs2SegmentCount(units, chars, SINGLE_MESSAGE_CHARS, CONCAT_MESSAGE_CHARS);
  const gsm = gsm7Costs(text);
  if (gsm) return { chars, messages, encoding: 'gsm7', airSegments: segments(gsm, 160, 153) };
  return { chars, messages, encoding: 'ucs2', airSegments: ucs2SegmentCount(units, chars, 70, 67) };
}

/** UCS-2 segments of a text of `chars` units; `units` = each character's units when it has surrogate pairs, else every character is one unit and the greedy fill is a division. */
const ucs2SegmentCount = (units: number[] | null, chars: number, single: number, perSegment: number): number =>
  units ? segments(units, single, perSegment) : chars <= single ? 1 : Math.ceil(chars / perSegment);

/** The signature as it is sent: 【泉城茶业】. */
export const signatureText = (signature: string): string => (signature ? `【${signature}】` : '');

/** The count of a reply as it is sent, signature included (it counts, STANDARDS §4.2). */
export const countWithSignature = (text: string, signature: string): SmsCount => countSms(signatureText(signature) + text);
