/**
 * What an MT request may be, checked before anything is stored: a mainland mobile, an optional
 * extension of the service code, and either a text or a WAP Push SI. Bad input throws
 * SmsInputError with a stable code.
 */
import { checkMobile } from '../../../shared/domain/mobile';
import { wapPushMessages, SI_ACTIONS, type ServiceIndication } from '../../../shared/sites/push/si';
import { ucs2Segments } from '../../../shared/sites/sms/count';
import { cleanText } from '../../../shared/sites/markup/text';
import { MAX_PARTS, pushParts, textParts, type UserDataPart } from './userData';

export interface MtRequest {
  /** A mainland mobile number (+86, spaces and hyphens allowed). */
  to: string;
  text?: string;
  wapPush?: ServiceIndication;
  /** Digits after the service code in Src_Id: the enterprise's extension ('' or absent = the bare code). */
  extension?: string;
  enterpriseId?: string | null;
  /** What it is for (default 'reply'): a 'welcome' is free and not counted in the enterprise's usage. */
  purpose?: MtPurpose;
}

export const MT_PURPOSES = ['reply', 'marketing', 'welcome', 'admin'] as const;
export type MtPurpose = (typeof MT_PURPOSES)[number];

export type SmsInputCode =
  'sms.invalid_mobile' | 'sms.invalid_extension' | 'sms.empty_text' | 'sms.too_long' | 'sms.invalid_push' | 'sms.text_or_push';

export class SmsInputError extends Error {
  constructor(
    readonly code: SmsInputCode,
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
}

export interface PreparedMt {
  mobile: string;
  extension: string;
  kind: 'text' | 'wap_push';
  /** The text, or the SI as JSON (what sms_mt.body keeps). */
  body: string;
  enterpriseId: string | null;
  purpose: MtPurpose;
  partCount: number;
  /** The parts with concatenation reference `ref`. */
  parts(ref: number): UserDataPart[];
}

/** Extensions keep Src_Id (service code + extension) within its 21 octets. */
const EXTENSION = /^\d{0,12}$/;
const PUSH_HREF = /^https?:\/\/[^\s]+$/;

function preparePush(si: ServiceIndication): { si: ServiceIndication; count: number } {
  const clean: ServiceIndication = { ...si, text: cleanText(si.text ?? '').trim() };
  if (typeof si.href !== 'string' || !PUSH_HREF.test(si.href) || si.href.length > 512)
    throw new SmsInputError('sms.invalid_push', 'wapPush.href', 'A WAP Push needs an http(s) URL.');
  if (si.action !== undefined && !SI_ACTIONS.includes(si.action))
    throw new SmsInputError('sms.invalid_push', 'wapPush.action', `Unknown SI action ${String(si.action)}.`);
  let count: number;
  try {
    count = wapPushMessages(clean).length;
  } catch (err) {
    throw new SmsInputError('sms.invalid_push', 'wapPush', (err as Error).message);
  }
  return { si: clean, count };
}

export function prepareMt(request: MtRequest): PreparedMt {
  const mobile = checkMobile(request.to ?? '');
  if (!mobile.valid) throw new SmsInputError('sms.invalid_mobile', 'to', `Not a mainland mobile number: ${request.to}`);
  const extension = request.extension ?? '';
  if (!EXTENSION.test(extension)) throw new SmsInputError('sms.invalid_extension', 'extension', 'An extension is up to 12 digits.');
  const common = { mobile: mobile.normalized, extension, enterpriseId: request.enterpriseId ?? null, purpose: request.purpose ?? 'reply' };
  if ((request.text === undefined) === (request.wapPush === undefined))
    throw new SmsInputError('sms.text_or_push', 'text', 'Give either a text or a WAP Push.');
  if (request.wapPush) {
    const { si, count } = preparePush(request.wapPush);
    return { ...common, kind: 'wap_push', body: JSON.stringify(si), partCount: count, parts: (ref) => pushParts(si, ref) };
  }
  // Control characters and lone surrogates never reach a handset (the customer's text is data, not commands).
  const text = cleanText(request.text ?? '');
  if (!text.trim()) throw new SmsInputError('sms.empty_text', 'text', 'The text is empty.');
  const count = ucs2Segments(text).length;
  if (count > MAX_PARTS) throw new SmsInputError('sms.too_long', 'text', `The text needs ${count} parts; at most ${MAX_PARTS}.`);
  return { ...common, kind: 'text', body: text, partCount: count, parts: (ref) => textParts(text, ref) };
}
