/**
 * The simulator's handsets: what each number received, put back together the way a phone does
 * (concatenated parts by their UDH reference, WAP Push decoded from WSP and SI WBXML to href and
 * text), and what each number sent.
 */
import { decodeSi, decodeWspPush, type ServiceIndication } from '../../../shared/sites/push/si';
import { decodeText, splitUdh, type Udh } from '../sms/userData';

/** One SUBMIT as the handset got it. */
export interface ReceivedPart {
  msgId: string;
  /** Src_Id: the service code + extension the message came from. */
  from: string;
  tpUdhi: number;
  msgFmt: number;
  content: Buffer;
  at: string;
}

export interface HandsetMessage {
  from: string;
  kind: 'text' | 'wap_push' | 'binary';
  /** The text, or the SI's text for a WAP Push. */
  text: string;
  /** WAP Push: the SI's link. */
  href?: string;
  si?: ServiceIndication;
  /** Binary messages that are no WAP Push, or could not be read: the payload in hex, and why. */
  hex?: string;
  error?: string;
  parts: number;
  msgIds: string[];
  receivedAt: string;
}

export interface SentMo {
  to: string;
  text: string;
  msgIds: string[];
  at: string;
}

export interface HandsetView {
  number: string;
  /** Every SUBMIT that reached this number (a part delivered twice counts twice). */
  partsReceived: number;
  received: HandsetMessage[];
  /** Concatenated messages still missing parts. */
  incomplete: { from: string; ref: number; total: number; have: number }[];
  sent: SentMo[];
}

/** Parts kept per number; the oldest are dropped past this (a benchmark sends many). */
const MAX_PARTS = 20_000;
const WAP_PUSH_PORT = 2948;

interface Handset {
  partsReceived: number;
  /** As they arrived; read into messages only when someone looks (receiving stays cheap). */
  parts: ReceivedPart[];
  sent: SentMo[];
}

interface ReadPart {
  part: ReceivedPart;
  payload: Buffer;
  udh: Udh;
}

function readBody(parts: ReadPart[]): HandsetMessage {
  const first = parts[0]!.part;
  const payload = Buffer.concat(parts.map((p) => p.payload));
  const base = {
    from: first.from,
    parts: parts.length,
    msgIds: parts.map((p) => p.part.msgId),
    receivedAt: parts[parts.length - 1]!.part.at,
  };
  if (parts[0]!.udh.ports?.dest === WAP_PUSH_PORT) {
    try {
      const push = decodeWspPush(payload);
      if (push.contentType !== 'application/vnd.wap.sic') throw new Error(`push of ${push.contentType}`);
      const si = decodeSi(push.body);
      return { ...base, kind: 'wap_push', text: si.text, href: si.href, si };
    } catch (err) {
      return { ...base, kind: 'binary', text: '', hex: payload.toString('hex'), error: (err as Error).message };
    }
  }
  const text = decodeText(first.msgFmt, payload);
  return text === null ? { ...base, kind: 'binary', text: '', hex: payload.toString('hex') } : { ...base, kind: 'text', text };
}

/** Parts to messages, as a phone shows them: a concatenated message when its last part arrives. */
function readParts(parts: ReceivedPart[]): Pick<HandsetView, 'received' | 'incomplete'> {
  const received: HandsetMessage[] = [];
  const partial = new Map<string, { ref: number; total: number; parts: Map<number, ReadPart> }>();
  for (const part of parts) {
    let read: ReadPart = { part, payload: part.content, udh: {} };
    if (part.tpUdhi) {
      try {
        const { udh, payload } = splitUdh(part.content);
        read = { part, payload, udh };
      } catch (err) {
        received.push({
          from: part.from,
          kind: 'binary',
          text: '',
          hex: part.content.toString('hex'),
          error: (err as Error).message,
          parts: 1,
          msgIds: [part.msgId],
          receivedAt: part.at,
        });
        continue;
      }
    }
    const concat = read.udh.concat;
    if (!concat || concat.total === 1) {
      received.push(readBody([read]));
      continue;
    }
    const key = `${part.from}|${concat.ref}|${concat.total}`;
    const pending = partial.get(key) ?? { ref: concat.ref, total: concat.total, parts: new Map<number, ReadPart>() };
    partial.set(key, pending);
    pending.parts.set(concat.index, read);
    if (pending.parts.size < concat.total) continue;
    partial.delete(key);
    received.push(readBody([...pending.parts.entries()].sort((a, b) => a[0] - b[0]).map(([, p]) => p)));
  }
  const incomplete = [...partial.values()].map((p) => ({
    from: [...p.parts.values()][0]!.part.from,
    ref: p.ref,
    total: p.total,
    have: p.parts.size,
  }));
  return { received, incomplete };
}

export class Handsets {
  private readonly phones = new Map<string, Handset>();

  private phone(number: string): Handset {
    let phone = this.phones.get(number);
    if (!phone) this.phones.set(number, (phone = { partsReceived: 0, parts: [], sent: [] }));
    return phone;
  }

  receive(number: string, part: ReceivedPart): void {
    const phone = this.phone(number);
    phone.partsReceived++;
    phone.parts.push(part);
    if (phone.parts.length > MAX_PARTS) phone.parts.splice(0, phone.parts.length - MAX_PARTS);
  }

  sent(number: string, mo: SentMo): void {
    this.phone(number).sent.push(mo);
  }

  view(number: string): HandsetView {
    const phone = this.phones.get(number);
    return { number, partsReceived: phone?.partsReceived ?? 0, ...readParts(phone?.parts ?? []), sent: phone?.sent ?? [] };
  }

  numbers(): { number: string; received: number; sent: number }[] {
    return [...this.phones].map(([number, p]) => ({ number, received: p.partsReceived, sent: p.sent.length }));
  }
}
