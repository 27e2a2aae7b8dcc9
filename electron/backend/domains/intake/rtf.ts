/**
 * RTF documents (WordPad's default, and what many office systems export): their text as lines,
 * table rows with their cells. RTF is a plain-text format: control words (\par, \cell, \row,
 * \uN, \'xx in the document's code page — GBK for Chinese Windows) in nested groups; groups that
 * are not body text (font and colour tables, styles, pictures, fields' instructions …) are skipped.
 * No formatting is kept: headings are found by how the lines read (lines.ts).
 */
import type { TextLine } from './lines';

export class RtfProblem extends Error {
  readonly code = 'rtf.unreadable';
}

/** Destinations that hold no body text. */
const SKIPPED = new Set([
  'fonttbl',
  'colortbl',
  'stylesheet',
  'info',
  'pict',
  'object',
  'header',
  'headerl',
  'headerr',
  'headerf',
  'footer',
  'footerl',
  'footerr',
  'footerf',
  'footnote',
  'listtable',
  'listoverridetable',
  'revtbl',
  'rsidtbl',
  'xmlnstbl',
  'themedata',
  'colorschememapping',
  'datastore',
  'latentstyles',
  'generator',
  'filetbl',
  'pgdsctbl',
  'fldinst',
  'bkmkstart',
  'bkmkend',
]);

/** Code pages Chinese documents use, as TextDecoder labels. */
const CODE_PAGES: Record<string, string> = { '936': 'gbk', '54936': 'gb18030', '950': 'big5', '65001': 'utf-8', '1252': 'windows-1252' };

const TOKEN = /\\([a-z]{1,32})(-?\d{1,10})? ?|\\'([0-9a-f]{2})|\\([^a-z])|([{}])|([\r\n]+)|([^\\{}\r\n]+)/gi;

interface Group {
  skip: boolean;
  /** Characters to drop after a \uN (the \ucN fallback). */
  uc: number;
}

/** An RTF document's text as lines; rows of a table carry their cells. Throws RtfProblem when it is no RTF. */
export function readRtf(bytes: Uint8Array): TextLine[] {
  const source = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  if (!source.trimStart().startsWith('{\\rtf'))
    throw new RtfProblem('The file is not an RTF document (it is damaged or has the wrong name).');
  let decoder = new TextDecoder(CODE_PAGES[/\\ansicpg(\d+)/.exec(source.slice(0, 2000))?.[1] ?? '1252'] ?? 'windows-1252');
  const lines: TextLine[] = [];
  const stack: Group[] = [];
  let group: Group = { skip: false, uc: 1 };
  let text = '';
  let bytesPending: number[] = [];
  let cells: string[] = [];
  let skipChars = 0;
  let groupStart = false;

  const flushBytes = () => {
    if (bytesPending.length) text += decoder.decode(new Uint8Array(bytesPending));
    bytesPending = [];
  };
  const emit = (chars: string) => {
    if (group.skip) return;
    flushBytes();
    text += chars;
  };
  const endParagraph = () => {
    flushBytes();
    lines.push({ text: text.trim() });
    text = '';
  };

  for (const [, word, param, hex, symbol, brace, , plain] of source.matchAll(TOKEN)) {
    const first = groupStart;
    groupStart = false;
    if (brace === '{') {
      stack.push(group);
      group = { ...group };
      groupStart = true;
    } else if (brace === '}') {
      flushBytes();
      group = stack.pop() ?? group;
    } else if (hex) {
      if (skipChars > 0) skipChars--;
      else if (!group.skip) bytesPending.push(parseInt(hex, 16));
    } else if (symbol) {
      if (symbol === '*' && first) group.skip = true;
      else if (symbol === '~') emit(' ');
      else if ('\\{}'.includes(symbol)) emit(symbol);
    } else if (word) {
      if (first && SKIPPED.has(word)) group.skip = true;
      else if (word === 'ansicpg' && param) decoder = new TextDecoder(CODE_PAGES[param] ?? 'windows-1252');
      else if (word === 'uc') group.uc = Number(param ?? 1);
      else if (word === 'u' && param) {
        emit(String.fromCharCode(Number(param) < 0 ? Number(param) + 65536 : Number(param)));
        skipChars = group.uc;
      } else if (group.skip) continue;
      else if (word === 'par' || word === 'line' || word === 'sect' || word === 'page') endParagraph();
      else if (word === 'tab') emit('\t');
      else if (word === 'cell') {
        flushBytes();
        cells.push(text.trim());
        text = '';
      } else if (word === 'row') {
        lines.push({ text: cells.join('  '), cells });
        cells = [];
      }
    } else if (plain && !group.skip) {
      const kept = plain.slice(Math.min(skipChars, plain.length));
      skipChars = Math.max(0, skipChars - plain.length);
      emit(kept);
    }
  }
  if (text.trim()) endParagraph();
  return lines;
}
