/** A picture of the asset store by its address, for the editor's `<img>` (the window loads it; nothing is read through JSON). */
import { useState } from 'react';
import type { ImageVariant } from '../../../../../../shared/sites/assets';
import { fileUrl } from '../../../../api/client';

export function usePicture(sha256: string, variant: ImageVariant = 'web480'): { url: string; missing: boolean; onError: () => void } {
  const url = fileUrl('files.image', { sha256, variant });
  const [failed, setFailed] = useState<string | null>(null);
  return { url, missing: failed === url, onError: () => setFailed(url) };
}
