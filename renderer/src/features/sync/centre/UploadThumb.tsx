/** A small picture of a queued image (the site builder's web rendition, by its address), or a placeholder. */
import { useState } from 'react';
import { PictureOutlined } from '@ant-design/icons';
import { fileUrl } from '../../../api/client';

export function UploadThumb({ sha256, mime }: { sha256: string; mime: string }) {
  const [failed, setFailed] = useState(false);
  if (!mime.startsWith('image/') || failed)
    return (
      <span className="ecw-sync-thumb is-empty">
        <PictureOutlined />
      </span>
    );
  return (
    <img className="ecw-sync-thumb" src={fileUrl('files.image', { sha256, variant: 'web480' })} onError={() => setFailed(true)} alt="" />
  );
}
