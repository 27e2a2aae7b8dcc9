/**
 * SMS user data as CMPP carries it (STANDARDS.md §4.3, §5.3): text as UCS-2 parts with a
 * concatenation header `05 00 03 ref n i`, WAP Push as binary parts, and the way back (UDH,
 * Msg_Fmt) for what arrives.
 */
import { ucs2Segments } from '../../../shared/sites/sms/count';
import { wapPushMessages, type ServiceIndication } from '../../../shared/sites/push/si';
import { MSG_FMT } from './cmpp/codec';

export interface UserDataPart {
  tpUdhi: 0 | 1;
  msgFmt: number;
  content: Buffer;
}

/** The most parts one message may have (Pk_total and the UDH count are one octet). */
export const MAX_PARTS = 255;

function ucs2(text: string): Buffer {
  return Buffer.from(text, 'utf16le').swap16();
}

/** A text as UCS-2 parts: one without a header when it fits 70 units, else 67-unit parts with `05 00 03 ref n i`. */
export function textParts(text: string, ref: number): UserDataPart[] {
  const segments = ucs2Segments(text);
  if (segments.length === 1) return [{ tpUdhi: 0, msgFmt: MSG_FMT.ucs2, content: ucs2(text) }];
  if (segments.length > MAX_PARTS) throw new RangeError(`A text of ${segments.length} parts is longer than ${MAX_PARTS}.`);
  return segments.map((segment, i) => ({
    tpUdhi: 1,
    msgFmt: MSG_FMT.ucs2,
    content: Buffer.concat([Buffer.from([0x05, 0x00, 0x03, ref & 0xff, segments.length, i + 1]), ucs2(segment)]),
  }));
}

/** A WAP Push SI as binary parts (TP_udhi 1, Msg_Fmt 4), the §5.3 user data byte for byte. */
export function pushParts(si: ServiceIndication, ref: number): UserDataPart[] {
  return wapPushMessages(si, ref).map((bytes) => ({ tpUdhi: 1, msgFmt: MSG_FMT.binary, content: Buffer.from(bytes) }));
}

export interface Udh {
  concat?: { ref: number; total: number; index: number };
  ports?: { dest: number; src: number };
}

/** Splits user data sent with TP_udhi = 1 into its header elements and the payload; throws a RangeError when the header is malformed. */
export function splitUdh(content: Buffer): { udh: Udh; payload: Buffer } {
  const length = content[0];
  if (length === undefined || 1 + length > content.length) throw new RangeError('UDH: length past the end of the user data');
  const udh: Udh = {};
  for (let at = 1; at < 1 + length;) {
    const iei = content[at]!;
    const size = content[at + 1];
    if (size === undefined || at + 2 + size > 1 + length) throw new RangeError('UDH: element past the end of the header');
    const data = content.subarray(at + 2, at + 2 + size);
    if (iei === 0x00 && size === 3) udh.concat = { ref: data[0]!, total: data[1]!, index: data[2]! };
    else if (iei === 0x08 && size === 4) udh.concat = { ref: data.readUInt16BE(0), total: data[2]!, index: data[3]! };
    else if (iei === 0x05 && size === 4) udh.ports = { dest: data.readUInt16BE(0), src: data.readUInt16BE(2) };
    at += 2 + size;
  }
  if (udh.concat && (udh.concat.total === 0 || udh.concat.index === 0 || udh.concat.index > udh.concat.total))
    throw new RangeError('UDH: concatenation index outside 1..total');
  return { udh, payload: content.subarray(1 + length) };
}

/** Text in the given Msg_Fmt (0 ASCII, 8 UCS-2, 15 GB 18030); null for binary and unknown formats. */
export function decodeText(msgFmt: number, bytes: Buffer): string | null {
  switch (msgFmt) {
    case MSG_FMT.ascii:
      return bytes.toString('latin1');
    case MSG_FMT.ucs2:
      return new TextDecoder('utf-16be').decode(bytes);
    case MSG_FMT.gb:
      return new TextDecoder('gb18030').decode(bytes);
    default:
      return null;
  }
}
