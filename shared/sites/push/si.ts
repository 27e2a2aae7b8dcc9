/**
 * WAP Push Service Indication (WAP-167 SI 1.0): the document, its WBXML form and the SMS user data
 * that carries it (WSP push over WDP port 2948). STANDARDS.md §5. No clock: `created` is an input.
 */
import { h, type Element } from '../markup/node';
import { serialize } from '../markup/serialize';
import { cleanText } from '../markup/text';
import { decodeWbxml, elementText, type WbxmlElement } from '../wbxml/decoder';
import { encodeWbxml, OPAQUE, type TokenTable } from '../wbxml/encoder';

export const SI_ACTIONS = ['signal-none', 'signal-low', 'signal-medium', 'signal-high', 'delete'] as const;
export type SiAction = (typeof SI_ACTIONS)[number];

export interface ServiceIndication {
  href: string;
  /** Shown to the user, e.g. "泉城茶业WAP站". */
  text: string;
  siId?: string;
  action?: SiAction;
  /** ISO 8601 UTC, `YYYY-MM-DDThh:mm:ssZ`. */
  created?: string;
  expires?: string;
}

const SI_DATE = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})Z$/;

/** SI dates travel as OPAQUE packed BCD of their 14 digits, trailing zero octets dropped (§5.2). */
export function encodeSiDate(date: string): number[] {
  const match = SI_DATE.exec(date);
  if (!match) throw new Error(`Not an SI date (YYYY-MM-DDThh:mm:ssZ): ${date}`);
  const digits = match.slice(1).join('');
  const octets: number[] = [];
  for (let i = 0; i < digits.length; i += 2) octets.push(parseInt(digits.slice(i, i + 2), 16));
  while (octets.length && octets[octets.length - 1] === 0) octets.pop();
  return [OPAQUE, octets.length, ...octets];
}

export const SI_TABLE: TokenTable = {
  version: 0x02,
  publicId: 0x05,
  tags: { si: 0x05, indication: 0x06, info: 0x07, item: 0x08 },
  attrStarts: [
    ['action', 'signal-none', 0x05],
    ['action', 'signal-low', 0x06],
    ['action', 'signal-medium', 0x07],
    ['action', 'signal-high', 0x08],
    ['action', 'delete', 0x09],
    ['created', '', 0x0a],
    ['href', '', 0x0b],
    ['href', 'http://', 0x0c],
    ['href', 'http://www.', 0x0d],
    ['href', 'https://', 0x0e],
    ['href', 'https://www.', 0x0f],
    ['si-expires', '', 0x10],
    ['si-id', '', 0x11],
    ['class', '', 0x12],
  ],
  attrValues: [
    ['.com/', 0x85],
    ['.edu/', 0x86],
    ['.net/', 0x87],
    ['.org/', 0x88],
  ],
  encodeValue: (attr, value) => (attr === 'created' || attr === 'si-expires' ? encodeSiDate(value) : null),
};

function siTree(si: ServiceIndication): Element {
  for (const date of [si.created, si.expires]) if (date !== undefined) encodeSiDate(date);
  return h(
    'si',
    {},
    h(
      'indication',
      { href: si.href, 'si-id': si.siId, action: si.action ?? 'signal-medium', created: si.created, 'si-expires': si.expires },
      cleanText(si.text),
    ),
  );
}

/** The SI document as text (`text/vnd.wap.si`). */
export function siDocument(si: ServiceIndication): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE si PUBLIC "-//WAPFORUM//DTD SI 1.0//EN" "http://www.wapforum.org/DTD/si.dtd">\n${serialize(siTree(si), { syntax: 'xml', breakAfter: new Set() })}\n`;
}

/** The SI in WBXML 1.2 (`application/vnd.wap.sic`), as `xml2wbxml -n -v 1.2` writes it. */
export const encodeSi = (si: ServiceIndication): Uint8Array => encodeWbxml(siTree(si), SI_TABLE);

/** UDH for WDP over SMS: 16-bit ports, destination 2948 (WAP Push), source 9200. */
const UDH_PORTS = [0x06, 0x05, 0x04, 0x0b, 0x84, 0x23, 0xf0];
/** WSP push PDU: transaction id 1, PDU type Push, headers length 1, content type application/vnd.wap.sic. */
const WSP_PUSH_SIC = [0x01, 0x06, 0x01, 0xae];
/** One 8-bit SMS carries 140 octets. */
const SMS_OCTETS = 140;

/**
 * The binary SMS user data carrying the SI (send with TP-UDHI set, data coding 8-bit: CMPP
 * Msg_Fmt 4 / SMPP esm_class 0x40, data_coding 4). One message when it fits 140 octets; else
 * concatenated parts, each with ports and a concatenation element (reference `ref`, §5.3).
 */
export function wapPushMessages(si: ServiceIndication, ref = 0): Uint8Array[] {
  const payload = [...WSP_PUSH_SIC, ...encodeSi(si)];
  if (UDH_PORTS.length + payload.length <= SMS_OCTETS) return [Uint8Array.from([...UDH_PORTS, ...payload])];
  const perPart = SMS_OCTETS - 12;
  const total = Math.ceil(payload.length / perPart);
  if (total > 255) throw new Error('An SI this long does not fit a concatenated SMS.');
  return Array.from({ length: total }, (_, i) =>
    Uint8Array.from([
      0x0b,
      0x05,
      0x04,
      0x0b,
      0x84,
      0x23,
      0xf0,
      0x00,
      0x03,
      ref & 0xff,
      total,
      i + 1,
      ...payload.slice(i * perPart, (i + 1) * perPart),
    ]),
  );
}

/** An SI date back from its packed BCD octets (trailing zero octets restored). */
export function decodeSiDate(octets: Uint8Array): string {
  const digits = Array.from(octets, (b) => b.toString(16).padStart(2, '0'))
    .join('')
    .padEnd(14, '0');
  if (!/^\d{14}$/.test(digits)) throw new Error('SI date: not packed BCD');
  return `${digits.slice(0, 4)}-${digits.slice(4, 6)}-${digits.slice(6, 8)}T${digits.slice(8, 10)}:${digits.slice(10, 12)}:${digits.slice(12, 14)}Z`;
}

const childElement = (el: WbxmlElement, tag: string) => el.children.find((c): c is WbxmlElement => typeof c !== 'string' && c.tag === tag);

/** The SI in a WBXML document (what `encodeSi` writes, or a handset receives); throws an Error if it is not one. */
export function decodeSi(wbxml: Uint8Array): ServiceIndication {
  const root = decodeWbxml(wbxml, SI_TABLE, (_attr, data) => decodeSiDate(data));
  const indication = root.tag === 'si' ? childElement(root, 'indication') : undefined;
  if (!indication?.attrs.href) throw new Error('SI: no indication with an href');
  const a = indication.attrs;
  return {
    href: a.href!,
    text: elementText(indication),
    ...(a['si-id'] !== undefined ? { siId: a['si-id'] } : {}),
    ...(a.action !== undefined ? { action: a.action as SiAction } : {}),
    ...(a.created !== undefined ? { created: a.created } : {}),
    ...(a['si-expires'] !== undefined ? { expires: a['si-expires'] } : {}),
  };
}

const WSP_PUSH = 0x06;
const WELL_KNOWN_CONTENT_TYPES: Record<number, string> = { 0x2e: 'application/vnd.wap.sic', 0x30: 'application/vnd.wap.slc' };

/** uintvar (WAP-230 §8.1.2): 7 bits per octet, high bit = more follow. */
function readUintvar(bytes: Uint8Array, at: number): [value: number, next: number] {
  let value = 0;
  for (let i = at; i < bytes.length && i < at + 5; i++) {
    value = value * 128 + (bytes[i]! & 0x7f);
    if (!(bytes[i]! & 0x80)) return [value, i + 1];
  }
  throw new Error('WSP: bad uintvar');
}

/** The media type at the start of a Content-Type value: well-known short integer, text, or either inside a general form. */
function readContentType(bytes: Uint8Array): string {
  let at = 0;
  const first = bytes[0];
  if (first === undefined) throw new Error('WSP: no content type');
  if (first < 0x20) at = first === 0x1f ? readUintvar(bytes, 1)[1] : 1; // value-length, then media type and parameters
  const media = bytes[at];
  if (media === undefined) throw new Error('WSP: no content type');
  if (media >= 0x80) return WELL_KNOWN_CONTENT_TYPES[media & 0x7f] ?? `well-known 0x${(media & 0x7f).toString(16)}`;
  const end = bytes.indexOf(0, at);
  return new TextDecoder().decode(bytes.subarray(at, end === -1 ? bytes.length : end));
}

/** A connectionless WSP Push PDU (the payload after the UDH): its content type and body. */
export function decodeWspPush(payload: Uint8Array): { contentType: string; body: Uint8Array } {
  if (payload.length < 3 || payload[1] !== WSP_PUSH) throw new Error('WSP: not a Push PDU');
  const [headersLength, headersStart] = readUintvar(payload, 2);
  const bodyStart = headersStart + headersLength;
  if (headersLength === 0 || bodyStart > payload.length) throw new Error('WSP: bad headers length');
  return { contentType: readContentType(payload.subarray(headersStart, bodyStart)), body: payload.subarray(bodyStart) };
}

export const toHex = (bytes: Uint8Array): string => Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
