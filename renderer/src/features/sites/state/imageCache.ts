/**
 * Pictures for the live compiler and the previews, fetched once per picture and size as bytes
 * (`files.image`) and kept as data URLs: a sandboxed preview frame (no origin, no network) cannot
 * load the app's addresses. The resolver gives the compiler the same paths the backend's build uses.
 * (The editor's own `<img>` load pictures by address: editor/images/useImageUrl.ts.)
 */
import { create } from 'zustand';
import { derivedImagePath, IMAGE_VARIANT_IDS, type AssetResolver, type ImageVariant } from '../../../../../shared/sites/assets';
import { call } from '../../../api/client';

export interface CachedImage {
  mime: string;
  width: number;
  height: number;
  bytes: number;
  dataUrl: string;
}

type Variant = ImageVariant | 'original';

interface ImageCacheState {
  images: Record<string, CachedImage>;
  missing: Record<string, true>;
  /** Changes whenever a picture arrives or is found missing. */
  version: number;
}

export const useImageCache = create<ImageCacheState>(() => ({ images: {}, missing: {}, version: 0 }));

const pending = new Map<string, Promise<void>>();
const keyOf = (sha256: string, variant: Variant) => `${sha256}:${variant}`;
const EXTENSION: Record<string, 'jpg' | 'png' | 'gif'> = { 'image/jpeg': 'jpg', 'image/png': 'png', 'image/gif': 'gif' };

/** Bytes as a `data:` URL (the browser's own base64 encoder). */
function dataUrlOf(bytes: Uint8Array, mime: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error ?? new Error('the picture could not be read'));
    reader.readAsDataURL(new Blob([new Uint8Array(bytes)], { type: mime }));
  });
}

/** Fetches one picture in one size (once; later calls share the first). */
export function loadImage(sha256: string, variant: Variant): Promise<void> {
  const key = keyOf(sha256, variant);
  const state = useImageCache.getState();
  if (state.images[key] || state.missing[key]) return Promise.resolve();
  let promise = pending.get(key);
  if (!promise) {
    promise = call('files.image', variant === 'original' ? { sha256 } : { sha256, variant })
      .then(async (file) => {
        const cached: CachedImage = {
          mime: file.mime,
          width: file.image?.width ?? 0,
          height: file.image?.height ?? 0,
          bytes: file.bytes.byteLength,
          dataUrl: await dataUrlOf(file.bytes, file.mime),
        };
        useImageCache.setState((s) => ({ images: { ...s.images, [key]: cached }, version: s.version + 1 }));
      })
      .catch(() => useImageCache.setState((s) => ({ missing: { ...s.missing, [key]: true }, version: s.version + 1 })))
      .finally(() => pending.delete(key));
    pending.set(key, promise);
  }
  return promise;
}

/** Fetches every size the compiler needs for these pictures. */
export function loadForBuild(hashes: string[]): Promise<void> {
  return Promise.all(hashes.flatMap((sha) => IMAGE_VARIANT_IDS.map((variant) => loadImage(sha, variant)))).then(() => undefined);
}

/** True when every size of every picture has arrived or is known to be missing. */
export function readyForBuild(hashes: string[]): boolean {
  const { images, missing } = useImageCache.getState();
  return hashes.every((sha) => IMAGE_VARIANT_IDS.every((v) => images[keyOf(sha, v)] || missing[keyOf(sha, v)]));
}

export function cachedImage(sha256: string, variant: Variant): CachedImage | undefined {
  return useImageCache.getState().images[keyOf(sha256, variant)];
}

export const derivedPathOf = (sha256: string, variant: ImageVariant, image: CachedImage) =>
  derivedImagePath(sha256, variant, EXTENSION[image.mime] ?? 'jpg');

/** The compiler's view of the cache. */
export const cacheResolver: AssetResolver = {
  resolve(sha256, variant) {
    const image = cachedImage(sha256, variant);
    if (!image) return undefined;
    return { path: derivedPathOf(sha256, variant, image), width: image.width, height: image.height, bytes: image.bytes };
  },
};

/** Output path (`assets/<sha>-<variant>.<ext>`) → data URL, for rewriting a compiled page. */
export function dataUrlForAssetPath(path: string): string | undefined {
  const match = /assets\/([0-9a-f]{64})-(web480|web1200|wap2|wap1)\.(?:jpg|png|gif)$/.exec(path);
  if (!match) return undefined;
  return cachedImage(match[1]!, match[2] as ImageVariant)?.dataUrl;
}
