/**
 * Windows BMP pictures (what old scanners, Paint and some phone apps save) decoded to RGB pixels,
 * as sharp's libvips has no BMP loader: uncompressed 1, 4, 8, 16, 24 and 32 bits per pixel, with a
 * palette or bit-field masks, bottom-up or top-down. Run-length-compressed BMPs (rare) are refused.
 * Decoding is synchronous CPU work: only the read worker calls it (as for HEIC).
 */

export interface BmpPixels {
  data: Uint8Array;
  width: number;
  height: number;
  channels: 3;
}

export class BmpError extends Error {
  constructor(
    message: string,
    readonly tooLarge = false,
  ) {
    super(message);
  }
}

const BLACK = [0, 0, 0];
const BI_RGB = 0;
const BI_BITFIELDS = 3;
const BI_ALPHABITFIELDS = 6;

/** A channel from a bit-field mask, scaled to 0–255. */
function channel(value: number, mask: number): number {
  if (mask === 0) return 0;
  let shift = 0;
  while (((mask >>> shift) & 1) === 0) shift++;
  return Math.round((((value & mask) >>> shift) * 255) / (mask >>> shift));
}

/** The palette's colours as [r, g, b]. */
function palette(view: DataView, start: number, count: number, entrySize: number): [number, number, number][] {
  return Array.from({ length: count }, (_, i) => {
    const at = start + i * entrySize;
    return at + 3 <= view.byteLength ? [view.getUint8(at + 2), view.getUint8(at + 1), view.getUint8(at)] : [0, 0, 0];
  });
}

export function decodeBmp(bytes: Uint8Array, maxPixels: number): BmpPixels {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.length < 26 || bytes[0] !== 0x42 || bytes[1] !== 0x4d) throw new BmpError('not a BMP file');
  const pixelsAt = view.getUint32(10, true);
  const headerSize = view.getUint32(14, true);
  const core = headerSize === 12;
  const width = core ? view.getUint16(18, true) : view.getInt32(18, true);
  const rawHeight = core ? view.getInt16(20, true) : view.getInt32(22, true);
  const bits = view.getUint16(core ? 24 : 28, true);
  const compression = core ? BI_RGB : view.getUint32(30, true);
  const height = Math.abs(rawHeight);
  if (width <= 0 || height === 0) throw new BmpError(`a size of ${width}×${height}`);
  if (width * height > maxPixels) throw new BmpError(`${width}×${height} pixels`, true);
  if (compression !== BI_RGB && compression !== BI_BITFIELDS && compression !== BI_ALPHABITFIELDS)
    throw new BmpError(`compression ${compression} (run-length) is not read`);
  if (![1, 4, 8, 16, 24, 32].includes(bits)) throw new BmpError(`${bits} bits per pixel`);
  const masks =
    compression === BI_RGB
      ? bits === 16
        ? [0x7c00, 0x03e0, 0x001f]
        : [0xff0000, 0x00ff00, 0x0000ff]
      : // Right after a 40-byte header, or inside a larger (V4, V5) one: at the same place.
        [view.getUint32(54, true), view.getUint32(58, true), view.getUint32(62, true)];
  const colours = bits <= 8 ? palette(view, 14 + headerSize, (!core && view.getUint32(46, true)) || 1 << bits, core ? 3 : 4) : [];
  const stride = Math.ceil((bits * width) / 32) * 4;
  if (pixelsAt + stride * height > bytes.length) throw new BmpError('the file ends before its pixels do');
  const data = new Uint8Array(width * height * 3);
  for (let y = 0; y < height; y++) {
    const row = pixelsAt + (rawHeight > 0 ? height - 1 - y : y) * stride;
    let out = y * width * 3;
    for (let x = 0; x < width; x++, out += 3) {
      if (bits === 24) {
        data[out] = bytes[row + x * 3 + 2]!;
        data[out + 1] = bytes[row + x * 3 + 1]!;
        data[out + 2] = bytes[row + x * 3]!;
      } else if (bits <= 8) {
        const byte = bytes[row + ((x * bits) >> 3)]!;
        data.set(colours[(byte >> (8 - bits - ((x * bits) % 8))) & ((1 << bits) - 1)] ?? BLACK, out);
      } else {
        const value = bits === 16 ? view.getUint16(row + x * 2, true) : view.getUint32(row + x * 4, true);
        data[out] = channel(value, masks[0]!);
        data[out + 1] = channel(value, masks[1]!);
        data[out + 2] = channel(value, masks[2]!);
      }
    }
  }
  return { data, width, height, channels: 3 };
}
