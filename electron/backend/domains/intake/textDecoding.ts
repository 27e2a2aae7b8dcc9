/**
 * Plain-text files as Chinese customers save them: UTF-8 (with or without BOM), UTF-16 with a BOM
 * (Notepad's "Unicode"), GBK/GB18030 (the default of Chinese Windows) or Big5 (traditional-Chinese
 * Windows: Hong Kong, Taiwan). Detection: BOM first, then a strict UTF-8 decode, else GB18030 (a
 * superset of GBK) unless that reads as Big5 mojibake — so text never turns into mojibake.
 */
export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030' | 'big5';

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

/**
 * Big5 bytes read as GBK fall on GBK's symbol rows: kana, bopomofo, box drawing, Cyrillic and Greek
 * among the Chinese ("紇琈钩Θミ"). Their share of the non-ASCII characters tells the two apart.
 */
function mojibakeShare(text: string): number {
  const wide = text.replace(/[\x00-\x7f]/g, '');
  if (!wide) return 0;
  const odd = wide.match(/[\u0370-\u04ff\u2500-\u257f\u3040-\u30ff\u3100-\u312f]/g)?.length ?? 0;
  return odd / wide.length;
}

function detect(bytes: Uint8Array): DecodedText {
  if (startsWith(bytes, 0xef, 0xbb, 0xbf))
    return { text: decodeStrict(bytes, 'utf-8') ?? new TextDecoder('utf-8').decode(bytes), encoding: 'utf-8' };
  if (startsWith(bytes, 0xff, 0xfe)) return { text: new TextDecoder('utf-16le').decode(bytes), encoding: 'utf-16le' };
  if (startsWith(bytes, 0xfe, 0xff)) return { text: new TextDecoder('utf-16be').decode(bytes), encoding: 'utf-16be' };
  const utf8 = decodeStrict(bytes, 'utf-8');
  if (utf8 !== undefined) return { text: utf8, encoding: 'utf-8' };
  const gb = decodeStrict(bytes, 'gb18030');
  const big5 = gb !== undefined && mojibakeShare(gb) > 0.05 ? decodeStrict(bytes, 'big5') : undefined;
  if (big5 !== undefined && mojibakeShare(big5) < mojibakeShare(gb!)) return { text: big5, encoding: 'big5' };
  if (gb !== undefined) return { text: gb, encoding: 'gb18030' };
  throw new TextDecodingProblem('The text is neither UTF-8, UTF-16 nor GBK/GB18030: save it again as "UTF-8" and import it once more.');
}

/** Decodes a text file's bytes; line ends become \n. Throws TextDecodingProblem for binary or unknown data. */
export function decodeText(bytes: Uint8Array): DecodedText {
  const decoded = detect(bytes);
  if (looksBinary(decoded.text)) throw new TextDecodingProblem('The file is not plain text (it holds binary data).');
  return { text: decoded.text.replace(/\r\n?/g, '\n'), encoding: decoded.encoding };
}
