/** A small picture of a queued image (the site builder's web rendition), or a placeholder. */
import { PictureOutlined } from '@ant-design/icons';
import { useApiQuery } from '../../../api/hooks';

export function UploadThumb({ sha256, mime }: { sha256: string; mime: string }) {
  // A picture is named by its hash: it never changes.
  const image = useApiQuery('sites.image', { sha256, variant: 'web480' }, { enabled: mime.startsWith('image/'), staleTime: Infinity }).data;
  if (!image) return <span className="ecw-sync-thumb is-empty"><PictureOutlined /></span>;
  return <img className="ecw-sync-thumb" src={`data:${image.mime};base64,${image.base64}`} alt="" />;
}
