/**
 * Pictures in the asset store: the normalized original is written by sha256 (outside any
 * transaction), then registered with its facts (repository.ts `registerImage`, inside the
 * caller's transaction), like every asset.
 */
import { normalizeImage, type SniffedFormat } from './images';
import { storeAssetFile } from './store';

export interface StoredImage {
  sha256: string;
  size: number;
  mime: string;
  width: number;
  height: number;
  hasAlpha: boolean;
  sourceFormat: SniffedFormat;
}

/** Normalizes the picture (a TIFF's `page`) and writes it to the store; throws ImageProblem for anything unusable. */
export async function storeImage(dataDir: string, bytes: Uint8Array, page = 0): Promise<StoredImage> {
  const image = await normalizeImage(bytes, page);
  const stored = storeAssetFile(dataDir, image.bytes);
  return {
    ...stored,
    mime: image.mime,
    width: image.width,
    height: image.height,
    hasAlpha: image.hasAlpha,
    sourceFormat: image.sourceFormat,
  };
}
