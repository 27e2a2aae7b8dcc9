/**
 * A WBXML decoder (WAP-192) for the token tables the encoder uses: one code page, inline and
 * string-table strings, entities and OPAQUE data. Enough to read back what a handset receives
 * (SI push messages); anything else is refused with an Error, never guessed.
 */
import { END, OPAQUE, STR_I, type TokenTable } from './encoder';

const SWITCH_PAGE = 0x00;
const ENTITY = 0x02;
const STR_T = 0x83;

export interface WbxmlElement {
  tag: string;
  attrs: Record<string, string>;
  children: (WbxmlElement | string)[];
}

class Reader {
  at = 0;
  constructor(readonly bytes: Uint8Array) {}

  byte(): number {
    if (this.at >= this.bytes.length) throw new Error('WBXML: truncated');
    return this.bytes[this.at++]!;
  }

  /** mb_u_int32: 7 bits per octet, high bit = more follow. */
  uint(): number {
    let value = 0;
    for (let i = 0; i < 5; i++) {
      const b = this.byte();
      value = value * 128 + (b & 0x7f);
      if (!(b & 0x80)) return value;
    }
    throw new Error('WBXML: integer longer than 5 octets');
  }

  take(n: number): Uint8Array {
    if (this.at + n > this.bytes.length) throw new Error('WBXML: truncated');
    const out = this.bytes.subarray(this.at, this.at + n);
    this.at += n;
    return out;
  }

  cString(): string {
    const end = this.bytes.indexOf(0, this.at);
    if (end === -1) throw new Error('WBXML: unterminated string');
    const text = new TextDecoder('utf-8', { fatal: true }).decode(this.bytes.subarray(this.at, end));
    this.at = end + 1;
    return text;
  }
}

function stringAt(table: Uint8Array, offset: number): string {
  const end = table.indexOf(0, offset);
  if (offset >= table.length || end === -1) throw new Error('WBXML: bad string table reference');
  return new TextDecoder('utf-8', { fatal: true }).decode(table.subarray(offset, end));
}

/** Only code page 0 is known (SI has no other). */
function switchPage(r: Reader): void {
  const page = r.byte();
  if (page !== 0) throw new Error(`WBXML: code page ${page} is not known`);
}

interface Tables {
  tags: Map<number, string>;
  attrStarts: Map<number, [string, string]>;
  attrValues: Map<number, string>;
}

function invert(table: TokenTable): Tables {
  return {
    tags: new Map(Object.entries(table.tags).map(([name, token]) => [token, name])),
    attrStarts: new Map(table.attrStarts.map(([name, prefix, token]) => [token, [name, prefix]])),
    attrValues: new Map(table.attrValues.map(([text, token]) => [token, text])),
  };
}

/** Text pieces shared by attribute values and content: strings and entities; null when `token` is neither. */
function textToken(r: Reader, token: number, strtbl: Uint8Array): string | null {
  if (token === STR_I) return r.cString();
  if (token === STR_T) return stringAt(strtbl, r.uint());
  if (token === ENTITY) return String.fromCodePoint(r.uint());
  return null;
}

function readAttributes(
  r: Reader,
  t: Tables,
  strtbl: Uint8Array,
  opaque: (attr: string, data: Uint8Array) => string,
): Record<string, string> {
  const attrs: Record<string, string> = {};
  let current: string | null = null;
  for (;;) {
    const token = r.byte();
    if (token === END) return attrs;
    if (token === SWITCH_PAGE) {
      switchPage(r);
      continue;
    }
    const start = t.attrStarts.get(token);
    if (token < 0x80 && start) {
      current = start[0];
      attrs[current] = start[1];
      continue;
    }
    if (current === null) throw new Error(`WBXML: attribute value 0x${token.toString(16)} before any attribute`);
    const text = token === OPAQUE ? opaque(current, r.take(r.uint())) : (textToken(r, token, strtbl) ?? t.attrValues.get(token));
    if (text === undefined) throw new Error(`WBXML: unknown attribute token 0x${token.toString(16)}`);
    attrs[current] += text;
  }
}

function readElement(
  r: Reader,
  token: number,
  t: Tables,
  strtbl: Uint8Array,
  opaque: (attr: string, data: Uint8Array) => string,
): WbxmlElement {
  const tag = t.tags.get(token & 0x3f);
  if (!tag) throw new Error(`WBXML: unknown tag 0x${token.toString(16)}`);
  const el: WbxmlElement = { tag, attrs: token & 0x80 ? readAttributes(r, t, strtbl, opaque) : {}, children: [] };
  if (!(token & 0x40)) return el;
  for (;;) {
    const next = r.byte();
    if (next === END) return el;
    const text = textToken(r, next, strtbl);
    if (text !== null) el.children.push(text);
    else if (next === OPAQUE) el.children.push(opaque('', r.take(r.uint())));
    else el.children.push(readElement(r, next, t, strtbl, opaque));
  }
}

/**
 * The root element of a WBXML document written with `table`'s code page 0. `opaque` turns OPAQUE
 * data into text (SI dates); throws an Error on anything malformed or outside the table.
 */
export function decodeWbxml(bytes: Uint8Array, table: TokenTable, opaque: (attr: string, data: Uint8Array) => string): WbxmlElement {
  const r = new Reader(bytes);
  r.byte(); // version
  if (r.uint() === 0) r.uint(); // public id given as a string-table index
  if (r.uint() !== 0x6a) throw new Error('WBXML: only UTF-8 documents are read');
  const strtbl = r.take(r.uint());
  let token = r.byte();
  while (token === SWITCH_PAGE) {
    switchPage(r);
    token = r.byte();
  }
  const root = readElement(r, token, invert(table), strtbl, opaque);
  if (r.at !== bytes.length) throw new Error('WBXML: data after the root element');
  return root;
}

/** The concatenated text children of an element. */
export const elementText = (el: WbxmlElement): string => el.children.filter((c): c is string => typeof c === 'string').join('');
