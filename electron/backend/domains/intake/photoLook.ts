/**
 * What a picture's pixels say, cheaply (a thumbnail through sharp): a logo is a picture with a
 * transparent background around a compact shape; a photographed page is mostly pale paper (white, or one pale
 * colour: a yellow or pink handbill) with many small dark strokes; a board (a chalk menu) is mostly dark with light
 * strokes. The page and board tests only pick candidates: OCR confirms them.
 */
import sharp from 'sharp';

export interface PhotoLook {
  /** Transparent background, compact size and shape: how logos are delivered (PNG, GIF, WebP). */
  logoShape: boolean;
  /** Pale paper with text-like strokes: worth reading by OCR. */
  pageLike: boolean;
  /** A dark ground with light strokes (a chalk board, a menu board): worth reading by OCR, kept as a page if it reads as a menu. */
  boardLike: boolean;
}

/** A board's dark ground: pixels this dark (lightness 0–255), covering at least BOARD_DARK_SHARE of the picture. */
const BOARD_DARK = 100;
const BOARD_DARK_SHARE = 0.4;
/** Chalk writing on a 160 px thumbnail gives fewer sharp steps than print on paper. */
const BOARD_STROKES = 0.005;

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

/**
 * Share of paper, and of sharp light/dark steps between neighbours (strokes of print). Paper is pale and unsaturated,
 * or pale in the one colour most of the picture has (a handbill printed on yellow paper).
 */
async function paperAndStrokes(bytes: Uint8Array): Promise<{ paper: number; dark: number; strokes: number }> {
  const { data, info } = await sharp(bytes)
    .rotate()
    .resize(SIDE, SIDE, { fit: 'inside' })
    .removeAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true });
  const { width, height } = info;
  let paper = 0;
  let dark = 0;
  let strokes = 0;
  const lightness = (i: number) => (data[i]! * 299 + data[i + 1]! * 587 + data[i + 2]! * 114) / 1000;
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 3;
      const max = Math.max(data[i]!, data[i + 1]!, data[i + 2]!);
      const min = Math.min(data[i]!, data[i + 1]!, data[i + 2]!);
      if (lightness(i) > 165 && max - min < 45) paper++;
      if (lightness(i) < BOARD_DARK) dark++;
      if (x + 1 < width && Math.abs(lightness(i) - lightness(i + 3)) > 60) strokes++;
    }
  const pixels = width * height;
  return { paper: Math.max(paper, tintedPaper(data)) / pixels, dark: dark / pixels, strokes: strokes / pixels };
}

/**
 * Pixels near the commonest pale colour (lightness 185 or more, in steps of 16 per channel): coloured paper. Only a
 * pale colour counts, so a wall, a lawn or a shop sign in daylight is not taken for paper.
 */
function tintedPaper(data: Buffer): number {
  const lightness = (i: number) => (data[i]! * 299 + data[i + 1]! * 587 + data[i + 2]! * 114) / 1000;
  const counts = new Map<number, number>();
  for (let i = 0; i + 2 < data.length; i += 3) {
    const key = ((data[i]! >> 4) << 8) | ((data[i + 1]! >> 4) << 4) | (data[i + 2]! >> 4);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const commonest = [...counts]
    .sort((a, b) => b[1] - a[1])
    .find(([key]) => {
      const rgb = [(key >> 8) * 16 + 8, ((key >> 4) & 15) * 16 + 8, (key & 15) * 16 + 8];
      return (rgb[0]! * 299 + rgb[1]! * 587 + rgb[2]! * 114) / 1000 >= 185;
    });
  if (!commonest) return 0;
  const colour = [(commonest[0] >> 8) * 16 + 8, ((commonest[0] >> 4) & 15) * 16 + 8, (commonest[0] & 15) * 16 + 8];
  let near = 0;
  for (let i = 0; i + 2 < data.length; i += 3)
    if (lightness(i) >= 160 && colour.reduce((sum, c, k) => sum + Math.abs(data[i + k]! - c), 0) < 60) near++;
  return near;
}

export async function lookAt(bytes: Uint8Array): Promise<PhotoLook> {
  const meta = await sharp(bytes).metadata();
  const width = meta.autoOrient?.width ?? meta.width ?? 0;
  const height = meta.autoOrient?.height ?? meta.height ?? 0;
  const compact = Math.max(width, height) <= 2000 && Math.max(width, height) <= Math.min(width, height) * 4;
  const logoShape = Boolean(meta.hasAlpha) && compact && (await transparentShare(bytes)) >= 0.15;
  const { paper, dark, strokes } = await paperAndStrokes(bytes);
  return {
    logoShape,
    pageLike: !logoShape && paper >= 0.3 && strokes >= 0.01,
    boardLike: !logoShape && dark >= BOARD_DARK_SHARE && strokes >= BOARD_STROKES,
  };
}
