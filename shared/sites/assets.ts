/**
 * Images in the output. The compiler never touches pixels: the caller derives these variants once
 * per sha256 (sharp, in the backend) and answers the compiler through an `AssetResolver`.
 */

/** The derived sizes the backend produces for every image, and which channel uses which. */
export const IMAGE_VARIANTS = {
  /** WEB `src` and the small `srcset` entry. */
  web480: { maxWidth: 480, channel: 'web' },
  /** WEB large `srcset` entry. */
  web1200: { maxWidth: 1200, channel: 'web' },
  /** WAP 2.0 ("newer phones" profile, STANDARDS §2.3). */
  wap2: { maxWidth: 240, channel: 'wap2' },
  /** WAP 1.0 (Nokia-era screens, 120 px usable width). */
  wap1: { maxWidth: 120, channel: 'wap1' },
} as const;
export type ImageVariant = keyof typeof IMAGE_VARIANTS;
export const IMAGE_VARIANT_IDS = Object.keys(IMAGE_VARIANTS) as ImageVariant[];

/**
 * How every derived size is encoded, by the desktop (preview, export) and by the platform (published
 * sites) alike, as sharp `toFormat` arguments: opaque pictures become JPEG, pictures with transparency
 * PNG (GIF at WAP 1.0 size, which old phones read); never wider than `maxWidth`, never upscaled.
 * mozjpeg where bytes are scarce (WAP pages: 20 KB with pictures); libjpeg-turbo with optimised
 * Huffman tables for the WEB sizes, where mozjpeg measured 3× slower for ~15% fewer bytes.
 */
export interface ImageEncoding {
  ext: 'jpg' | 'png' | 'gif';
  mime: 'image/jpeg' | 'image/png' | 'image/gif';
  format: 'jpeg' | 'png' | 'gif';
  options: Record<string, number | boolean>;
}

const JPEG_SMALL: ImageEncoding = { ext: 'jpg', mime: 'image/jpeg', format: 'jpeg', options: { quality: 80, mozjpeg: true } };
const JPEG_WEB: ImageEncoding = { ext: 'jpg', mime: 'image/jpeg', format: 'jpeg', options: { quality: 80, optimiseCoding: true } };
const PNG: ImageEncoding = { ext: 'png', mime: 'image/png', format: 'png', options: { palette: true, compressionLevel: 9 } };
const GIF: ImageEncoding = { ext: 'gif', mime: 'image/gif', format: 'gif', options: {} };

export function imageEncodingFor(variant: ImageVariant, hasAlpha: boolean): ImageEncoding {
  if (!hasAlpha) return IMAGE_VARIANTS[variant].channel === 'web' ? JPEG_WEB : JPEG_SMALL;
  return variant === 'wap1' ? GIF : PNG;
}

export interface DerivedImage {
  /**
   * Path relative to the channel's folder, e.g. `assets/<sha256>-web480.jpg`; pages link to it
   * relatively, and `CompileResult.assets` says where each one goes (`web/assets/…`, `wap2/assets/…`).
   */
  path: string;
  width: number;
  height: number;
  bytes: number;
}

export interface AssetResolver {
  /** The derived file for an image and variant, or undefined when the image is missing or could not be derived. */
  resolve(sha256: string, variant: ImageVariant): DerivedImage | undefined;
}

/** The path the backend is expected to use for a derived file (a convention, not a requirement). */
export const derivedImagePath = (sha256: string, variant: ImageVariant, extension: 'jpg' | 'png' | 'gif' = 'jpg'): string =>
  `assets/${sha256}-${variant}.${extension}`;

/** Width and height of an image scaled down (never up) to fit `maxWidth`, rounded like sharp does. */
export function fitWidth(width: number, height: number, maxWidth: number): { width: number; height: number } {
  if (width <= maxWidth) return { width, height };
  return { width: maxWidth, height: Math.max(1, Math.round((height * maxWidth) / width)) };
}

/**
 * A resolver from original pixel sizes alone, with byte sizes estimated from the area: for the
 * editor's preview before derivatives exist, for examples and for tests.
 */
export function estimatedAssets(originals: Record<string, { width: number; height: number }>): AssetResolver {
  return {
    resolve(sha256, variant) {
      const original = originals[sha256];
      if (!original) return undefined;
      const size = fitWidth(original.width, original.height, IMAGE_VARIANTS[variant].maxWidth);
      // ~0.1 byte per pixel is typical for a q80 JPEG photo at these sizes, plus headers.
      const bytes = Math.round(size.width * size.height * 0.1) + 600;
      return { path: derivedImagePath(sha256, variant), ...size, bytes };
    },
  };
}
