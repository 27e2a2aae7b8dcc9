/** WML 1.3 token tables (WAP-191 §14.3, code page 0), as libwbxml uses them. */
import { doubleDollar } from '../markup/serialize';
import type { Element } from '../markup/node';
import { encodedLength, encodeWbxml, type TokenTable } from './encoder';

const TAGS: Record<string, number> = {
  pre: 0x1b, a: 0x1c, td: 0x1d, tr: 0x1e, table: 0x1f, p: 0x20, postfield: 0x21, anchor: 0x22, access: 0x23, b: 0x24,
  big: 0x25, br: 0x26, card: 0x27, do: 0x28, em: 0x29, fieldset: 0x2a, go: 0x2b, head: 0x2c, i: 0x2d, img: 0x2e,
  input: 0x2f, meta: 0x30, noop: 0x31, prev: 0x32, onevent: 0x33, optgroup: 0x34, option: 0x35, refresh: 0x36,
  select: 0x37, small: 0x38, strong: 0x39, template: 0x3b, timer: 0x3c, u: 0x3d, setvar: 0x3e, wml: 0x3f,
};

const ATTR_STARTS: [string, string, number][] = [
  ['accept-charset', '', 0x05], ['align', 'bottom', 0x06], ['align', 'center', 0x07], ['align', 'left', 0x08],
  ['align', 'middle', 0x09], ['align', 'right', 0x0a], ['align', 'top', 0x0b], ['alt', '', 0x0c], ['content', '', 0x0d],
  ['domain', '', 0x0f], ['emptyok', 'false', 0x10], ['emptyok', 'true', 0x11], ['format', '', 0x12], ['height', '', 0x13],
  ['hspace', '', 0x14], ['ivalue', '', 0x15], ['iname', '', 0x16], ['label', '', 0x18], ['localsrc', '', 0x19],
  ['maxlength', '', 0x1a], ['method', 'get', 0x1b], ['method', 'post', 0x1c], ['mode', 'nowrap', 0x1d], ['mode', 'wrap', 0x1e],
  ['multiple', 'false', 0x1f], ['multiple', 'true', 0x20], ['name', '', 0x21], ['newcontext', 'false', 0x22],
  ['newcontext', 'true', 0x23], ['onpick', '', 0x24], ['onenterbackward', '', 0x25], ['onenterforward', '', 0x26],
  ['ontimer', '', 0x27], ['optional', 'false', 0x28], ['optional', 'true', 0x29], ['path', '', 0x2a], ['scheme', '', 0x2e],
  ['sendreferer', 'false', 0x2f], ['sendreferer', 'true', 0x30], ['size', '', 0x31], ['src', '', 0x32], ['ordered', 'true', 0x33],
  ['ordered', 'false', 0x34], ['tabindex', '', 0x35], ['title', '', 0x36], ['type', '', 0x37], ['type', 'accept', 0x38],
  ['type', 'delete', 0x39], ['type', 'help', 0x3a], ['type', 'password', 0x3b], ['type', 'onpick', 0x3c],
  ['type', 'onenterbackward', 0x3d], ['type', 'onenterforward', 0x3e], ['type', 'ontimer', 0x3f], ['type', 'options', 0x45],
  ['type', 'prev', 0x46], ['type', 'reset', 0x47], ['type', 'text', 0x48], ['type', 'vnd.', 0x49], ['href', '', 0x4a],
  ['href', 'http://', 0x4b], ['href', 'https://', 0x4c], ['value', '', 0x4d], ['vspace', '', 0x4e], ['width', '', 0x4f],
  ['xml:lang', '', 0x50], ['align', '', 0x52], ['columns', '', 0x53], ['class', '', 0x54], ['id', '', 0x55],
  ['forua', 'false', 0x56], ['forua', 'true', 0x57], ['src', 'http://', 0x58], ['src', 'https://', 0x59],
  ['http-equiv', '', 0x5a], ['http-equiv', 'Content-Type', 0x5b], ['content', 'application/vnd.wap.wmlc;charset=', 0x5c],
  ['http-equiv', 'Expires', 0x5d], ['accesskey', '', 0x5e], ['enctype', '', 0x5f],
  ['enctype', 'application/x-www-form-urlencoded', 0x60], ['enctype', 'multipart/form-data', 0x61],
  ['xml:space', 'preserve', 0x62], ['xml:space', 'default', 0x63], ['cache-control', 'no-cache', 0x64],
];

const ATTR_VALUES: [string, number][] = [
  ['.com/', 0x85], ['.edu/', 0x86], ['.net/', 0x87], ['.org/', 0x88], ['accept', 0x89], ['bottom', 0x8a], ['clear', 0x8b],
  ['delete', 0x8c], ['help', 0x8d], ['http://', 0x8e], ['http://www.', 0x8f], ['https://', 0x90], ['https://www.', 0x91],
  ['middle', 0x93], ['nowrap', 0x94], ['onpick', 0x95], ['onenterbackward', 0x96], ['onenterforward', 0x97],
  ['ontimer', 0x98], ['options', 0x99], ['password', 0x9a], ['reset', 0x9b], ['text', 0x9d], ['top', 0x9e],
  ['unknown', 0x9f], ['wrap', 0xa0], ['www.', 0xa1],
];

export const WML13_TABLE: TokenTable = {
  version: 0x03,
  publicId: 0x0a,
  tags: TAGS,
  attrStarts: ATTR_STARTS,
  attrValues: ATTR_VALUES,
  transform: doubleDollar,
};

/** The compiled (WMLC) bytes of a WML 1.3 deck, as `xml2wbxml -n` writes them. */
export const compileWml = (deck: Element): Uint8Array => encodeWbxml(deck, WML13_TABLE);

/** The compiled size of one element of a deck (a deck's size adds up from its parts). */
export const wmlElementLength = (el: Element): number => encodedLength(el, WML13_TABLE);
