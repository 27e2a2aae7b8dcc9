/**
 * iPhone photos (HEIC/HEIF, HEVC-coded) decoded to RGBA by libheif (WebAssembly, heic-decode): sharp's
 * own libvips reads AVIF but not HEVC. libheif applies the file's rotation and mirroring (irot/imir
 * boxes), which is where HEIF keeps orientation; the EXIF orientation inside is ignored, as HEIF
 * says. Decoding is synchronous CPU work on the calling thread: only the read worker calls it
 * (importMaterials.ts sends HEIC photos there).
 */
import decode from 'heic-decode';

export interface RawPicture {
  data: Uint8Array;
  width: number;
  height: number;
  channels: 4;
}

/** Thrown for a HEIC file libheif cannot read; `tooLarge` when its size is over the pixel cap. */
export class HeicError extends Error {
  constructor(
    message: string,
    readonly tooLarge = false,
  ) {
    super(message);
  }
}

/** The primary picture's pixels; the size is checked against `maxPixels` before any pixel is decoded. */
export async function decodeHeic(bytes: Uint8Array, maxPixels: number): Promise<RawPicture> {
  let images: Awaited<ReturnType<typeof decode.all>>;
  try {
    images = await decode.all({ buffer: bytes });
  } catch (error) {
    throw new HeicError((error as Error).message ?? String(error));
  }
  try {
    const primary = images[0]!;
    if (primary.width * primary.height > maxPixels) throw new HeicError(`${primary.width}×${primary.height} pixels`, true);
    const { data, width, height } = await primary.decode();
    return { data: new Uint8Array(data.buffer, data.byteOffset, data.byteLength), width, height, channels: 4 };
  } catch (error) {
    if (error instanceof HeicError) throw error;
    throw new HeicError((error as Error).message ?? String(error));
  } finally {
    images.dispose();
  }
}
