/**
 * Plain-text files as Chinese customers save them: UTF-8 (with or without BOM), UTF-16 with a BOM
 * (Notepad's "Unicode"), or GBK/GB18030 (the default of Chinese Windows). Detection: BOM first, then
 * a strict UTF-8 decode, else GB18030 (a superset of GBK) — so text never turns into mojibake.
 */
export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030';

export interface DecodedText {
  text: string;
  encoding: TextEncoding;
}

export class TextDecodingProblem extends Error {
  readonly code = 'text.undecodable';
}

const startsWith = (bytes: Uint8Array, ...prefix: number[]) => prefix.every((b, i) => bytes[i] === b);

function decodeStrict(bytes: Uint8Array, encoding: TextEncoding): string | undefined {
  try {
    return new TextDecoder(encoding, { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return undefined;
  }
}

/** Binary files (a renamed picture, a Word file called .txt) hold NUL bytes or many control characters. */
function looksBinary(text: string): boolean {
  let control = 0;
  for (const ch of text.slice(0, 4096)) {
    const code = ch.codePointAt(0)!;
    if (code === 0) return true;
    if (code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d && code !== 0x0c) control++;
  }
  return control > 8;
}

function detect(bytes: Uint8Array): DecodedText {
  if (startsWith(bytes, 0xef, 0xbb, 0xbf)) return { text: decodeStrict(bytes, 'utf-8') ?? new TextDecoder('utf-8').decode(bytes), encoding: 'utf-8' };
  if (startsWith(bytes, 0xff, 0xfe)) return { text: new TextDecoder('utf-16le').decode(bytes), encoding: 'utf-16le' };
  if (startsWith(bytes, 0xfe, 0xff)) return { text: new TextDecoder('utf-16be').decode(bytes), encoding: 'utf-16be' };
  const utf8 = decodeStrict(bytes, 'utf-8');
  if (utf8 !== undefined) return { text: utf8, encoding: 'utf-8' };
  const gb = decodeStrict(bytes, 'gb18030');
  if (gb !== undefined) return { text: gb, encoding: 'gb18030' };
  throw new TextDecodingProblem('The text is neither UTF-8, UTF-16 nor GBK/GB18030: save it again as "UTF-8" and import it once more.');
}

/** Decodes a text file's bytes; line ends become \n. Throws TextDecodingProblem for binary or unknown data. */
export function decodeText(bytes: Uint8Array): DecodedText {
  const decoded = detect(bytes);
  if (looksBinary(decoded.text)) throw new TextDecodingProblem('The file is not plain text (it holds binary data).');
  return { text: decoded.text.replace(/\r\n?/g, '\n'), encoding: decoded.encoding };
}
