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

/** Per number; the oldest are dropped past this (a benchmark sends many). */
const MAX_MESSAGES = 5_000;
const WAP_PUSH_PORT = 2948;

interface Handset {
  partsReceived: number;
  received: HandsetMessage[];
  partial: Map<string, { ref: number; total: number; parts: Map<number, { part: ReceivedPart; payload: Buffer; udh: Udh }> }>;
  sent: SentMo[];
}

function readBody(parts: { part: ReceivedPart; payload: Buffer; udh: Udh }[]): HandsetMessage {
  const first = parts[0]!.part;
  const payload = Buffer.concat(parts.map((p) => p.payload));
  const base = { from: first.from, parts: parts.length, msgIds: parts.map((p) => p.part.msgId), receivedAt: parts[parts.length - 1]!.part.at };
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

export class Handsets {
  private readonly phones = new Map<string, Handset>();

  private phone(number: string): Handset {
    let phone = this.phones.get(number);
    if (!phone) this.phones.set(number, (phone = { partsReceived: 0, received: [], partial: new Map(), sent: [] }));
    return phone;
  }

  private add(phone: Handset, message: HandsetMessage): void {
    phone.received.push(message);
    if (phone.received.length > MAX_MESSAGES) phone.received.splice(0, phone.received.length - MAX_MESSAGES);
  }

  receive(number: string, part: ReceivedPart): void {
    const phone = this.phone(number);
    phone.partsReceived++;
    let udh: Udh = {};
    let payload = part.content;
    if (part.tpUdhi) {
      try {
        ({ udh, payload } = splitUdh(part.content));
      } catch (err) {
        this.add(phone, { from: part.from, kind: 'binary', text: '', hex: part.content.toString('hex'), error: (err as Error).message, parts: 1, msgIds: [part.msgId], receivedAt: part.at });
        return;
      }
    }
    const concat = udh.concat;
    if (!concat || concat.total === 1) return this.add(phone, readBody([{ part, payload, udh }]));
    const key = `${part.from}|${concat.ref}|${concat.total}`;
    const pending = phone.partial.get(key) ?? { ref: concat.ref, total: concat.total, parts: new Map() };
    phone.partial.set(key, pending);
    pending.parts.set(concat.index, { part, payload, udh });
    if (pending.parts.size < concat.total) return;
    phone.partial.delete(key);
    this.add(phone, readBody([...pending.parts.entries()].sort((a, b) => a[0] - b[0]).map(([, p]) => p)));
  }

  sent(number: string, mo: SentMo): void {
    this.phone(number).sent.push(mo);
  }

  view(number: string): HandsetView {
    const phone = this.phones.get(number);
    return {
      number,
      partsReceived: phone?.partsReceived ?? 0,
      received: phone?.received ?? [],
      incomplete: [...(phone?.partial.values() ?? [])].map((p) => ({ from: [...p.parts.values()][0]!.part.from, ref: p.ref, total: p.total, have: p.parts.size })),
      sent: phone?.sent ?? [],
    };
  }

  numbers(): { number: string; received: number; sent: number }[] {
    return [...this.phones].map(([number, p]) => ({ number, received: p.received.length, sent: p.sent.length }));
  }
}
