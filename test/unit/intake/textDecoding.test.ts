import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeText, TextDecodingProblem } from '../../../electron/backend/domains/intake/textDecoding';
import { FIXTURES_DIR } from '../../helpers/paths';

const file = (name: string) => readFileSync(path.join(FIXTURES_DIR, 'materials', 'encodings', name));
const NOTES = readFileSync(path.join(FIXTURES_DIR, 'materials', 'quancheng-tea', '补充说明.txt'), 'utf8').replace(/\r\n/g, '\n');

describe('text files in the encodings Chinese customers use', () => {
  it.each([
    ['notes-utf8.txt', 'utf-8'],
    ['notes-utf8-bom.txt', 'utf-8'],
    ['notes-utf16le.txt', 'utf-16le'],
    ['notes-utf16be.txt', 'utf-16be'],
    ['notes-gbk.txt', 'gb18030'],
  ])('%s reads as the same Chinese text (%s), BOM removed and line ends normalized', (name, encoding) => {
    const decoded = decodeText(file(name));
    expect(decoded.encoding).toBe(encoding);
    expect(decoded.text).toBe(NOTES);
    expect(decoded.text).not.toContain('\uFFFD');
    expect(decoded.text.charCodeAt(0)).not.toBe(0xfeff);
  });

  it('reads characters that exist only in GB18030, not in GBK', () => {
    expect(decodeText(file('gb18030-only.txt')).text).toBe('供应：𠮷野家风味茶点，价格€5。\n');
  });

  it('refuses binary data instead of showing mojibake', () => {
    const png = readFileSync(path.join(FIXTURES_DIR, 'materials', 'quancheng-tea', 'photos', 'logo.png'));
    expect(() => decodeText(png)).toThrow(TextDecodingProblem);
    expect(() => decodeText(new Uint8Array([0x61, 0x00, 0x62, 0x00]))).toThrow(/not plain text/);
  });
});
