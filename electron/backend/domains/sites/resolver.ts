/** The compiler's asset resolver over derived files that exist: pure, so the compile worker uses it too. */
import {
  derivedImagePath,
  type AssetResolver,
  type DerivedImage as CompilerImage,
  type ImageVariant,
} from '../../../../shared/sites/assets';
import type { DerivedImage } from '../assets/derived';

export interface PreparedAssets {
  resolver: AssetResolver;
  /** Output path (relative to a channel folder, e.g. `assets/<sha>-web480.jpg`) → the cached file. */
  byPath: Map<string, DerivedImage>;
}

const EXTENSION: Record<string, 'jpg' | 'png' | 'gif'> = { 'image/jpeg': 'jpg', 'image/png': 'png', 'image/gif': 'gif' };

export function resolverOver(derived: Iterable<DerivedImage>): PreparedAssets {
  const byPath = new Map<string, DerivedImage>();
  const answers = new Map<string, CompilerImage>();
  for (const image of derived) {
    const path = derivedImagePath(image.sha256, image.variant, EXTENSION[image.mime] ?? 'jpg');
    byPath.set(path, image);
    answers.set(`${image.sha256}/${image.variant}`, { path, width: image.width, height: image.height, bytes: image.bytes });
  }
  return { byPath, resolver: { resolve: (sha256: string, variant: ImageVariant) => answers.get(`${sha256}/${variant}`) } };
}
