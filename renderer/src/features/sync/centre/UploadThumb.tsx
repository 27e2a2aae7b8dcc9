/** A small picture of a queued image (the site builder's web rendition), or a placeholder. */
import { useEffect, useState } from 'react';
import { PictureOutlined } from '@ant-design/icons';
import { call } from '../../../api/client';

export function UploadThumb({ sha256, mime }: { sha256: string; mime: string }) {
  const [src, setSrc] = useState<string | null>(null);
  useEffect(() => {
    if (!mime.startsWith('image/')) return;
    let live = true;
    call('sites.image', { sha256, variant: 'web480' })
      .then((image) => live && setSrc(`data:${image.mime};base64,${image.base64}`))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [sha256, mime]);
  if (!src) return <span className="ecw-sync-thumb is-empty"><PictureOutlined /></span>;
  return <img className="ecw-sync-thumb" src={src} alt="" />;
}
