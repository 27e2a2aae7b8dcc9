/** Text clean-up and splitting shared by every channel. */

/**
 * Characters that XML 1.0 forbids (C0 controls except tab/newline/return, lone surrogates,
 * U+FFFE/U+FFFF) and the C1 controls: dropped, so a hostile or broken input cannot make a page invalid.
 */
const FORBIDDEN =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Any character FORBIDDEN might drop (surrogates included): most texts have none and skip the slower replace. */
const MAYBE_FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uD800-\uDFFF\uFFFE\uFFFF]/;

export const cleanText = (text: string): string => (MAYBE_FORBIDDEN.test(text) ? text.replace(FORBIDDEN, '') : text);

/** Collapses runs of white space to one space and trims: for titles, menu lines and attributes. */
export const oneLine = (text: string): string => cleanText(text).replace(/\s+/g, ' ').trim();

/** Shortens to at most `max` code points, ending with "…" when cut (never inside a surrogate pair). */
export function truncate(text: string, max: number): string {
  const points = Array.from(text);
  if (points.length <= max) return text;
  return `${points
    .slice(0, Math.max(0, max - 1))
    .join('')
    .trimEnd()}…`;
}

/** Where a line may break without cutting a word: after spaces and punctuation, and between CJK characters. */
function isBreakAfter(prev: string, next: string): boolean {
  if (/\s/.test(prev) || /\s/.test(next)) return true;
  if (/[。！？；，、：）》」』”,.;:!?)\]]/.test(prev)) return true;
  const wordy = /[\p{L}\p{N}_'’-]/u;
  const cjk = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
  if (cjk.test(prev) || cjk.test(next)) return !/[。！？；，、：）》」』”]/.test(next);
  return !(wordy.test(prev) && wordy.test(next));
}

/**
 * Splits `text` into a head that `fits` and the rest. The head is the longest fitting prefix in code
 * points, moved back to a word boundary when one lies in its last quarter. `fits` must be monotone
 * (a prefix of a fitting text fits). Returns a head of at least one code point so callers progress.
 */
export function splitToFit(text: string, fits: (head: string) => boolean): [string, string] {
  const points = Array.from(text);
  if (fits(text)) return [text, ''];
  const cut = cutToFit(points, (count) => fits(points.slice(0, count).join('')));
  return [points.slice(0, cut).join('').trimEnd(), points.slice(cut).join('').trimStart()];
}

/**
 * Where `splitToFit` cuts code points `points` (which do not fit whole): `fitsHead(n)` says whether
 * the first n fit. At least 1.
 */
export function cutToFit(points: readonly string[], fitsHead: (count: number) => boolean): number {
  let low = 1;
  let high = points.length;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (fitsHead(mid)) low = mid;
    else high = mid - 1;
  }
  let cut = low;
  for (let i = low; i > Math.floor((low * 3) / 4) && i > 1; i--) {
    if (isBreakAfter(points[i - 1]!, points[i]!)) {
      cut = i;
      break;
    }
  }
  return cut;
}

/** UTF-8 length of a string without allocating. */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

/** UTF-8 bytes of a string (TextEncoder exists in Node, browsers and Electron's renderer). */
const encoder = new TextEncoder();
export const utf8 = (text: string): Uint8Array => encoder.encode(text);
