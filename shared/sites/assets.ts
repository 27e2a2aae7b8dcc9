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
 * Encoding guidance for the backend: JPEG (quality ~80, mozjpeg) for photos, PNG when the source has
 * transparency; never wider than `maxWidth`, never upscaled. WAP 1.0 variants should stay small
 * (≤ ~2 KB) because they count against nothing in WML but cost airtime on GPRS phones.
 */
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
