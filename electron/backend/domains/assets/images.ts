/**
 * Turning whatever a customer hands over into a clean original: the format sniffed from the bytes
 * (never the file name), EXIF orientation applied, metadata (GPS, camera, thumbnails) stripped.
 * Opaque pictures become JPEG, pictures with real transparency PNG. sharp does the pixel work on
 * libuv's thread pool, so awaiting it does not block the dispatcher — except an iPhone HEIC photo
 * and a Windows BMP, decoded first on the calling thread (heic.ts, bmp.ts): only the read worker
 * normalizes those (`decodedOnThread`). A multi-page TIFF (a scan) is read page by page.
 */
import sharp, { type SharpOptions } from 'sharp';
import { BmpError, decodeBmp } from './bmp';
import { decodeHeic, HeicError } from './heic';

export const MAX_IMAGE_BYTES = 50 * 1024 * 1024;
/** 100 megapixels: more than any phone camera, far less than a decompression bomb. */
export const MAX_IMAGE_PIXELS = 100_000_000;

export type ImageProblemCode = 'image.empty' | 'image.too_large' | 'image.not_an_image' | 'image.unsupported_format' | 'image.damaged';

/** Why a file could not become an image; the caller adds the file name. */
export class ImageProblem extends Error {
  constructor(
    readonly code: ImageProblemCode,
    message: string,
  ) {
    super(message);
    this.name = 'ImageProblem';
  }
}

export type SniffedFormat = 'jpeg' | 'png' | 'gif' | 'webp' | 'avif' | 'tiff' | 'heic' | 'bmp' | 'text' | 'unknown';

const ascii = (bytes: Uint8Array, start: number, end: number) => String.fromCharCode(...bytes.subarray(start, end));

const HEIC_BRANDS = new Set(['heic', 'heix', 'hevc', 'hevx', 'heim', 'heis', 'hevm', 'hevs']);

function sniffIsoBrand(bytes: Uint8Array): SniffedFormat | undefined {
  if (bytes.length < 16 || ascii(bytes, 4, 8) !== 'ftyp') return undefined;
  const boxSize = Math.min(bytes.length, (bytes[0]! << 24) | (bytes[1]! << 16) | (bytes[2]! << 8) | bytes[3]!);
  const brands = [ascii(bytes, 8, 12)];
  for (let at = 16; at + 4 <= boxSize; at += 4) brands.push(ascii(bytes, at, at + 4));
  if (brands.some((b) => b === 'avif' || b === 'avis')) return 'avif';
  if (brands.some((b) => HEIC_BRANDS.has(b) || b === 'mif1' || b === 'msf1')) return 'heic';
  return undefined;
}

/** Looks like text: no NUL bytes and mostly printable in the first kilobyte. */
function looksLikeText(bytes: Uint8Array): boolean {
  const head = bytes.subarray(0, 1024);
  let printable = 0;
  for (const b of head) {
    if (b === 0) return false;
    if (b >= 0x20 || b === 0x09 || b === 0x0a || b === 0x0d) printable++;
  }
  return head.length > 0 && printable / head.length > 0.95;
}

/** The format the bytes really are, whatever the file is called. */
export function sniffImageFormat(bytes: Uint8Array): SniffedFormat {
  const b = bytes;
  if (b.length >= 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return 'jpeg';
  if (b.length >= 8 && ascii(b, 0, 8) === '\x89PNG\r\n\x1a\n') return 'png';
  if (b.length >= 6 && (ascii(b, 0, 6) === 'GIF87a' || ascii(b, 0, 6) === 'GIF89a')) return 'gif';
  if (b.length >= 12 && ascii(b, 0, 4) === 'RIFF' && ascii(b, 8, 12) === 'WEBP') return 'webp';
  if (b.length >= 4 && (ascii(b, 0, 4) === 'II*\0' || ascii(b, 0, 4) === 'MM\0*')) return 'tiff';
  if (b.length >= 2 && ascii(b, 0, 2) === 'BM') return 'bmp';
  const iso = sniffIsoBrand(b);
  if (iso) return iso;
  return looksLikeText(b) ? 'text' : 'unknown';
}

const SUPPORTED: ReadonlySet<SniffedFormat> = new Set(['jpeg', 'png', 'gif', 'webp', 'avif', 'tiff', 'heic', 'bmp']);

/** Formats decoded by JavaScript/WebAssembly on the calling thread, not by sharp on its pool: normalized in the read worker. */
export const decodedOnThread = (format: SniffedFormat) => format === 'heic' || format === 'bmp';

function refuseUnsupported(format: SniffedFormat): void {
  if (SUPPORTED.has(format)) return;
  if (format === 'text')
    throw new ImageProblem('image.not_an_image', 'The file holds text, not image data (a broken upload or a renamed file).');
  throw new ImageProblem('image.not_an_image', 'The file is not a picture in any format we read (JPEG, PNG, GIF, WebP, BMP, TIFF, HEIC).');
}

export interface NormalizedImage {
  bytes: Buffer;
  mime: 'image/jpeg' | 'image/png';
  width: number;
  height: number;
  /** True when some pixel is not fully opaque (kept as PNG, derived sizes keep transparency). */
  hasAlpha: boolean;
  sourceFormat: SniffedFormat;
}

/** True when the picture has an alpha channel that some pixel really uses. */
async function usesTransparency(input: SharpInput, hasAlphaChannel: boolean | undefined): Promise<boolean> {
  if (!hasAlphaChannel) return false;
  const stats = await sharp(input.bytes, input.options).stats();
  return !stats.isOpaque;
}

/** What sharp is given: the file's bytes, or a HEIC photo's decoded pixels. */
interface SharpInput {
  bytes: Uint8Array;
  options: SharpOptions;
}

/** A HEIC photo as raw pixels sharp can take; a damaged one, or one over the pixel cap, as an ImageProblem. */
async function heicInput(bytes: Uint8Array): Promise<SharpInput> {
  try {
    const { data, ...raw } = await decodeHeic(bytes, MAX_IMAGE_PIXELS);
    return { bytes: data, options: { raw, limitInputPixels: MAX_IMAGE_PIXELS } };
  } catch (error) {
    if (error instanceof HeicError && error.tooLarge)
      throw new ImageProblem('image.too_large', `The picture has more than ${MAX_IMAGE_PIXELS / 1_000_000} megapixels (${error.message}).`);
    throw new ImageProblem(
      'image.damaged',
      `The HEIC photo is damaged and cannot be read (${(error as Error).message}): copy it from the phone again, or export it as JPEG.`,
    );
  }
}

/** A BMP as raw pixels sharp can take; a damaged one, or one over the pixel cap, as an ImageProblem. */
function bmpInput(bytes: Uint8Array): SharpInput {
  try {
    const { data, ...raw } = decodeBmp(bytes, MAX_IMAGE_PIXELS);
    return { bytes: data, options: { raw, limitInputPixels: MAX_IMAGE_PIXELS } };
  } catch (error) {
    if (error instanceof BmpError && error.tooLarge)
      throw new ImageProblem('image.too_large', `The picture has more than ${MAX_IMAGE_PIXELS / 1_000_000} megapixels (${error.message}).`);
    throw new ImageProblem('image.damaged', `The BMP picture cannot be read (${(error as Error).message}): save it as JPEG or PNG.`);
  }
}

async function sharpInput(bytes: Uint8Array, format: SniffedFormat, page: number): Promise<SharpInput> {
  if (format === 'heic') return heicInput(bytes);
  if (format === 'bmp') return bmpInput(bytes);
  return { bytes, options: { limitInputPixels: MAX_IMAGE_PIXELS, ...(page ? { page } : {}) } };
}

/** How many pages a TIFF holds (a scanner's multi-page file); 1 for every other picture. */
export async function pageCount(bytes: Uint8Array): Promise<number> {
  if (sniffImageFormat(bytes) !== 'tiff') return 1;
  try {
    return (await sharp(bytes, { limitInputPixels: MAX_IMAGE_PIXELS }).metadata()).pages ?? 1;
  } catch {
    return 1;
  }
}

/**
 * Sniffs, orients and strips one picture (`page`: a TIFF's page, from 0). Throws ImageProblem with a
 * stable code for anything that is not a picture we can use.
 */
export async function normalizeImage(bytes: Uint8Array, page = 0): Promise<NormalizedImage> {
  if (bytes.byteLength === 0) throw new ImageProblem('image.empty', 'The file is empty.');
  if (bytes.byteLength > MAX_IMAGE_BYTES)
    throw new ImageProblem('image.too_large', `The file is larger than ${MAX_IMAGE_BYTES / 1024 / 1024} MB.`);
  const sourceFormat = sniffImageFormat(bytes);
  refuseUnsupported(sourceFormat);
  const input = await sharpInput(bytes, sourceFormat, page);
  try {
    const meta = await sharp(input.bytes, input.options).metadata();
    const alpha = await usesTransparency(input, meta.hasAlpha);
    // .rotate() without an angle applies the EXIF orientation (raw HEIC pixels have none: libheif
    // turned them); output carries no metadata by default.
    const pipeline = sharp(input.bytes, input.options).rotate();
    const encoded = alpha ? pipeline.png({ compressionLevel: 6 }) : pipeline.flatten({ background: '#ffffff' }).jpeg({ quality: 90 });
    const { data, info } = await encoded.toBuffer({ resolveWithObject: true });
    return { bytes: data, mime: alpha ? 'image/png' : 'image/jpeg', width: info.width, height: info.height, hasAlpha: alpha, sourceFormat };
  } catch (error) {
    throw describeSharpError(error);
  }
}

function describeSharpError(error: unknown): ImageProblem {
  const message = (error as Error).message ?? String(error);
  if (/pixel limit/i.test(message))
    return new ImageProblem('image.too_large', `The picture has more than ${MAX_IMAGE_PIXELS / 1_000_000} megapixels.`);
  if (/unsupported image format/i.test(message))
    return new ImageProblem(
      'image.not_an_image',
      'The file is not a picture in any format we read (JPEG, PNG, GIF, WebP, BMP, TIFF, HEIC).',
    );
  return new ImageProblem('image.damaged', `The picture is damaged and cannot be read (${message.split('\n')[0]}).`);
}
