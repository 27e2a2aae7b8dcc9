/**
 * A WBXML encoder (WAP-192) for documents built as markup trees: tag and attribute tokens from a
 * code page, inline strings, no string table — the same bytes `xml2wbxml -n` (libwbxml) writes.
 * The compiler uses it to measure WML decks and to write SI push messages.
 */
import { isElement, variableText, type AttrValue, type Child, type Element } from '../markup/node';
import { cleanText, utf8 } from '../markup/text';

export const END = 0x01;
export const STR_I = 0x03;
export const OPAQUE = 0xc3;
const UTF8_MIBENUM = 0x6a;

export interface TokenTable {
  /** WBXML version byte: 0x03 = 1.3 (libwbxml's default), 0x02 = 1.2. */
  version: number;
  publicId: number;
  tags: Record<string, number>;
  /** [attribute name, value prefix ('' = name only), token]. */
  attrStarts: [string, string, number][];
  /** Well-known substrings of attribute values, [text, token]. */
  attrValues: [string, number][];
  /** Special encodings of some attribute values (SI dates as OPAQUE); return null to use the default. */
  encodeValue?: (attr: string, value: string) => number[] | null;
  /** Applied to every string before encoding (WML: `$` → `$$`). */
  transform?: (text: string) => string;
}

const isXmlSpace = (c: string) => c === ' ' || c === '\t' || c === '\n' || c === '\r';

function trimXmlSpace(text: string): string {
  let start = 0;
  let end = text.length;
  while (start < end && isXmlSpace(text[start]!)) start++;
  while (end > start && isXmlSpace(text[end - 1]!)) end--;
  return text.slice(start, end);
}

/** Children as libwbxml sees them: adjacent text merged, each text trimmed, empty text dropped. */
function normalizedChildren(el: Element, table: TokenTable): Child[] {
  const out: Child[] = [];
  let pending = '';
  for (const child of el.children) {
    if (isElement(child)) {
      pushTrimmed(out, pending);
      pending = '';
      out.push(child);
    } else pending += table.transform ? table.transform(cleanText(child)) : cleanText(child);
  }
  pushTrimmed(out, pending);
  return out;
}

// A function of its own, not a closure made per element: this runs for every element of every deck.
function pushTrimmed(out: Child[], pending: string): void {
  const text = trimXmlSpace(pending);
  if (text) out.push(text);
}

function pushInline(bytes: number[], text: string): void {
  bytes.push(STR_I);
  // ASCII (most attribute values) is pushed as it is, without encoding to a new array.
  if (/^[\x00-\x7f]*$/.test(text)) for (let i = 0; i < text.length; i++) bytes.push(text.charCodeAt(i));
  else for (const byte of utf8(text)) bytes.push(byte);
  bytes.push(0x00);
}

/** A table's value tokens by their first character and attribute starts by name, in table order: made once per table. */
const indexes = new WeakMap<
  TokenTable,
  { valuesByFirst: Map<string, [string, number][]>; startsByName: Map<string, [string, string, number][]> }
>();
function indexOf(table: TokenTable) {
  let index = indexes.get(table);
  if (!index) {
    const group = <T>(entries: T[], keyOf: (entry: T) => string) => {
      const map = new Map<string, T[]>();
      for (const entry of entries) map.set(keyOf(entry), [...(map.get(keyOf(entry)) ?? []), entry]);
      return map;
    };
    index = { valuesByFirst: group(table.attrValues, (e) => e[0][0] ?? ''), startsByName: group(table.attrStarts, (e) => e[0]) };
    indexes.set(table, index);
  }
  return index;
}

/** Value tokens found anywhere in the value, longest match at each position; the rest as inline strings. */
function encodeValueText(bytes: number[], value: string, table: TokenTable): void {
  const { valuesByFirst } = indexOf(table);
  let literal = '';
  let i = 0;
  while (i < value.length) {
    let best: [string, number] | undefined;
    for (const entry of valuesByFirst.get(value[i]!) ?? [])
      if (value.startsWith(entry[0], i) && (!best || entry[0].length > best[0].length)) best = entry;
    if (best) {
      if (literal) pushInline(bytes, literal);
      literal = '';
      bytes.push(best[1]);
      i += best[0].length;
    } else literal += value[i++];
  }
  if (literal) pushInline(bytes, literal);
}

function attributeString(name: string, raw: Exclude<AttrValue, false | undefined>, table: TokenTable): string {
  if (raw === true) return name;
  if (typeof raw === 'object') return variableText(raw);
  const text = cleanText(String(raw));
  return table.transform ? table.transform(text) : text;
}

function encodeAttribute(bytes: number[], name: string, raw: Exclude<AttrValue, false | undefined>, table: TokenTable): void {
  const value = attributeString(name, raw, table);
  let start: [string, string, number] | undefined;
  for (const entry of indexOf(table).startsByName.get(name) ?? []) {
    if (value.startsWith(entry[1]) && (!start || entry[1].length > start[1].length)) start = entry;
  }
  if (!start) throw new Error(`WBXML: no token for attribute ${name}`);
  bytes.push(start[2]);
  const rest = value.slice(start[1].length);
  const special = table.encodeValue?.(name, rest);
  if (special) bytes.push(...special);
  else if (rest) encodeValueText(bytes, rest, table);
}

function encodeElement(bytes: number[], el: Element, table: TokenTable): void {
  const known = measured.get(el);
  if (known?.table === table) {
    for (const byte of known.bytes) bytes.push(byte);
    return;
  }
  const token = table.tags[el.tag];
  if (token === undefined) throw new Error(`WBXML: no token for element ${el.tag}`);
  const attrs = el.attrs.filter((a): a is [string, Exclude<AttrValue, false | undefined>] => a[1] !== undefined && a[1] !== false);
  const children = normalizedChildren(el, table);
  // libwbxml marks content when the XML element has any child node, even white space it then drops.
  const hasContent = el.children.some((c) => isElement(c) || cleanText(c) !== '');
  bytes.push(token | (hasContent ? 0x40 : 0) | (attrs.length ? 0x80 : 0));
  if (attrs.length) {
    for (const [name, value] of attrs) encodeAttribute(bytes, name, value, table);
    bytes.push(END);
  }
  if (!hasContent) return;
  for (const child of children) {
    if (isElement(child)) encodeElement(bytes, child, table);
    else pushInline(bytes, child);
  }
  bytes.push(END);
}

/**
 * Bytes of elements measured with `encodedLength`, reused when a document holding the same element
 * object is encoded (a WML deck is measured piece by piece, then compiled whole). Trees are not
 * changed once built, so the same object encodes to the same bytes.
 */
const measured = new WeakMap<Element, { table: TokenTable; bytes: number[] }>();

/** The WBXML bytes of one element: a document's size is its header plus its elements' sizes. */
export function encodedLength(el: Element, table: TokenTable): number {
  const bytes: number[] = [];
  encodeElement(bytes, el, table);
  measured.set(el, { table, bytes });
  return bytes.length;
}

/** The WBXML bytes of a document: header (version, public id, UTF-8, empty string table) and body. */
export function encodeWbxml(root: Element, table: TokenTable): Uint8Array {
  const bytes: number[] = [table.version, table.publicId, UTF8_MIBENUM, 0x00];
  encodeElement(bytes, root, table);
  return Uint8Array.from(bytes);
}
