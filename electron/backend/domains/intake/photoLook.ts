/**
 * What a picture's pixels say, cheaply (a thumbnail through sharp): a logo is a picture with a
 * transparent background around a compact shape; a photographed page is mostly pale, unsaturated
 * paper with many small dark strokes. The page test only picks candidates: OCR confirms them.
 */
import sharp from 'sharp';

export interface PhotoLook {
  /** Transparent background, compact size and shape: how logos are delivered (PNG, GIF, WebP). */
  logoShape: boolean;
  /** Pale paper with text-like strokes: worth reading by OCR. */
  pageLike: boolean;
}

const SIDE = 160;

async function transparentShare(bytes: Uint8Array): Promise<number> {
  const { data } = await sharp(bytes)
    .ensureAlpha()
    .extractChannel(3)
    .resize(48, 48, { fit: 'fill' })
    .raw()
    .toBuffer({ resolveWithObject: true });
  let transparent = 0;
  for (const alpha of data) if (alpha < 16) transparent++;
  return transparent / data.length;
}

/** Share of pale, unsaturated pixels, and of sharp light/dark steps between neighbours (strokes of print). */
async function paperAndStrokes(bytes: Uint8Array): Promise<{ paper: number; strokes: number }> {
  const { data, info } = await sharp(bytes)
    .rotate()
    .resize(SIDE, SIDE, { fit: 'inside' })
    .removeAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true });
  const { width, height } = info;
  let paper = 0;
  let strokes = 0;
  const lightness = (i: number) => (data[i]! * 299 + data[i + 1]! * 587 + data[i + 2]! * 114) / 1000;
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 3;
      const max = Math.max(data[i]!, data[i + 1]!, data[i + 2]!);
      const min = Math.min(data[i]!, data[i + 1]!, data[i + 2]!);
      if (lightness(i) > 165 && max - min < 45) paper++;
      if (x + 1 < width && Math.abs(lightness(i) - lightness(i + 3)) > 60) strokes++;
    }
  return { paper: paper / (width * height), strokes: strokes / (width * height) };
}

export async function lookAt(bytes: Uint8Array): Promise<PhotoLook> {
  const meta = await sharp(bytes).metadata();
  const width = meta.autoOrient?.width ?? meta.width ?? 0;
  const height = meta.autoOrient?.height ?? meta.height ?? 0;
  const compact = Math.max(width, height) <= 2000 && Math.max(width, height) <= Math.min(width, height) * 4;
  const logoShape = Boolean(meta.hasAlpha) && compact && (await transparentShare(bytes)) >= 0.15;
  const { paper, strokes } = await paperAndStrokes(bytes);
  return { logoShape, pageLike: !logoShape && paper >= 0.3 && strokes >= 0.01 };
}
