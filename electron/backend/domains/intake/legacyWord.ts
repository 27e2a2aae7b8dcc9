/**
 * Old Word (.doc) and WPS (.wps) files, the binary format Word 97–2003 and WPS Office write, read
 * as text lines through word-extractor. Files that only carry the name are recognised too: an RTF,
 * a web page saved as .doc, a .docx renamed, plain text saved under a .doc name. What cannot be read is named with the reason.
 */
import WordExtractor from 'word-extractor';
import { isEncryptedPackage } from './docx';
import { decodeText, TextDecodingProblem } from './textDecoding';
import { decodeHtml, isHtml } from './webPage';

export class LegacyWordProblem extends Error {
  readonly code = 'docx.legacy_format';
}

export type LegacyWordContent = { kind: 'lines'; text: string } | { kind: 'html'; html: string } | { kind: 'docx' } | { kind: 'rtf' };

const startsWith = (bytes: Uint8Array, text: string) =>
  Buffer.from(bytes.subarray(0, 64)).toString('latin1').trimStart().toLowerCase().startsWith(text);

/** Word 97–2003 marks an encrypted document in its file information block (flag fEncrypted). */
function isEncryptedDoc(bytes: Uint8Array): boolean {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (let offset = 512; offset + 12 < buffer.length; offset += 512)
    if (buffer[offset] === 0xec && buffer[offset + 1] === 0xa5) return (buffer.readUInt16LE(offset + 0x0a) & 0x0100) !== 0;
  return false;
}

/** The file's text when it is plain text (UTF-8, GBK …, no binary data), else undefined. */
function plainText(bytes: Uint8Array): string | undefined {
  try {
    const { text } = decodeText(bytes);
    return text.trim() ? text : undefined;
  } catch (error) {
    if (error instanceof TextDecodingProblem) return undefined;
    throw error;
  }
}

/** What the file really is and its text; throws LegacyWordProblem with the reason when it cannot be read. */
export async function readLegacyWord(bytes: Uint8Array): Promise<LegacyWordContent> {
  if (bytes[0] === 0x50 && bytes[1] === 0x4b) return { kind: 'docx' };
  if (startsWith(bytes, '{\\rtf')) return { kind: 'rtf' };
  if (isHtml(bytes)) return { kind: 'html', html: decodeHtml(bytes) };
  const ole = bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0;
  if (!ole) {
    // Text typed in Notepad and saved as "通知.doc": read as the text file it is.
    const text = plainText(bytes);
    if (text) return { kind: 'lines', text };
  }
  if (!ole) throw new LegacyWordProblem('The file is neither an old Word nor a WPS document (it is damaged or has the wrong name).');
  if (isEncryptedPackage(bytes) || isEncryptedDoc(bytes))
    throw new LegacyWordProblem(
      'The document is protected with a password: open it in Word or WPS, remove the password, save it as .docx and import it again.',
    );
  let text: string;
  try {
    text = (await new WordExtractor().extract(Buffer.from(bytes))).getBody();
  } catch (error) {
    throw new LegacyWordProblem(
      `This old Word or WPS file cannot be read (${(error as Error).message.split('\n')[0]}): it is damaged, or from a WPS version before 2005; open it in Word or WPS, save it as .docx, and import it again.`,
    );
  }
  if (!text.trim())
    throw new LegacyWordProblem(
      'No text was found in this old Word or WPS file: open it in Word or WPS, save it as .docx, and import it again.',
    );
  return { kind: 'lines', text: text.replace(/\r\n?/g, '\n') };
}
