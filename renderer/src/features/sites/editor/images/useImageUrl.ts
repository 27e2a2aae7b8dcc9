/** A picture of the asset store as a data URL for the editor (fetched once, shared by every view). */
import { useEffect } from 'react';
import type { ImageVariant } from '../../../../../../shared/sites/assets';
import { loadImage, useImageCache, type CachedImage } from '../../state/imageCache';

export function useImage(sha256: string | undefined, variant: ImageVariant | 'original' = 'web480'): { image?: CachedImage; missing: boolean } {
  const key = `${sha256}:${variant}`;
  const image = useImageCache((s) => (sha256 ? s.images[key] : undefined));
  const missing = useImageCache((s) => (sha256 ? Boolean(s.missing[key]) : false));
  useEffect(() => {
    if (sha256) void loadImage(sha256, variant);
  }, [sha256, variant]);
  return { image, missing };
}
