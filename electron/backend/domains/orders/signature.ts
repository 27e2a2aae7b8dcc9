/**
 * The customer's handwritten signature as signature_pad exports it: a PNG, base64 (optionally as a
 * `data:image/png;base64,` URL). Checked before anything is stored: PNG magic bytes, a sane size,
 * an image that decodes, and some ink on it.
 */
import sharp, { type ChannelStats } from 'sharp';
import { AppError } from '../../app/errors';

export const MAX_SIGNATURE_BYTES = 1_000_000;
const MAX_SIDE = 4000;
const PNG_MAGIC = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const DATA_URL_PREFIX = /^data:image\/png;base64,/;

/** The codes a signature's problems carry: the order's, or the site sign-off's. */
export const ORDER_SIGNATURE_CODES = { invalid: 'order.signature_invalid', blank: 'order.signature_blank' } as const;
export const SITE_SIGNATURE_CODES = { invalid: 'site.signature_invalid', blank: 'site.signature_blank' } as const;
type SignatureCodes = typeof ORDER_SIGNATURE_CODES | typeof SITE_SIGNATURE_CODES;

export interface Signature {
  /** The bytes as the customer's device produced them: what the asset store keeps. */
  original: Buffer;
  /** The same image as a plain 8-bit RGBA PNG, which pdfkit always reads. */
  forPdf: Buffer;
}

export async function readSignature(base64: string, codes: SignatureCodes = ORDER_SIGNATURE_CODES): Promise<Signature> {
  const invalid = (reason: string, message: string) =>
    new AppError(codes.invalid, message, { field: 'signaturePngBase64', details: { reason } });
  const text = base64.replace(DATA_URL_PREFIX, '').replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(text)) throw invalid('not_base64', 'The signature is not base64 text.');
  const bytes = Buffer.from(text, 'base64');
  if (bytes.byteLength > MAX_SIGNATURE_BYTES)
    throw invalid('too_large', `The signature image is larger than ${MAX_SIGNATURE_BYTES} bytes.`);
  if (bytes.byteLength < PNG_MAGIC.length || !bytes.subarray(0, PNG_MAGIC.length).equals(PNG_MAGIC))
    throw invalid('not_png', 'The signature is not a PNG image.');

  const image = sharp(bytes, { failOn: 'error' });
  let forPdf: Buffer;
  let channels: ChannelStats[];
  try {
    const { width = 0, height = 0 } = await image.metadata();
    if (width < 1 || height < 1 || width > MAX_SIDE || height > MAX_SIDE)
      throw invalid('bad_dimensions', `The signature image must be between 1×1 and ${MAX_SIDE}×${MAX_SIDE} pixels.`);
    forPdf = await image.clone().ensureAlpha().toColourspace('srgb').png({ compressionLevel: 9 }).toBuffer();
    channels = (await sharp(forPdf).stats()).channels;
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw invalid('undecodable', 'The signature PNG is damaged and cannot be read.');
  }
  // An untouched pad is one flat colour (transparent, or white): every channel's min equals its max.
  if (channels.every((c) => c.min === c.max) || channels[3]?.max === 0)
    throw new AppError(codes.blank, 'The signature is empty.', { field: 'signaturePngBase64' });
  return { original: bytes, forPdf };
}
