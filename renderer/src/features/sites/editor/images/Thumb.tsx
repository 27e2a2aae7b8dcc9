/** A small picture from the asset store, with its file name as a fallback while it loads or when it is missing. */
import { PictureOutlined, WarningOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { ImageRef } from '../../../../../../shared/sites/model';
import { useImage } from './useImageUrl';

export function Thumb({ image, size = 64 }: { image: ImageRef; size?: number }) {
  const { t } = useTranslation();
  const { image: loaded, missing } = useImage(image.sha256);
  const style = { width: size, height: size };
  if (missing)
    return (
      <span className="ecw-thumb is-missing" style={style} title={t('sites.image.missing')}>
        <WarningOutlined />
      </span>
    );
  if (!loaded)
    return (
      <span className="ecw-thumb" style={style}>
        <PictureOutlined />
      </span>
    );
  const focal = image.focal ? `${image.focal.x * 100}% ${image.focal.y * 100}%` : 'center';
  return <img className="ecw-thumb" style={{ ...style, objectPosition: focal }} src={loaded.dataUrl} alt={image.alt || image.fileName || ''} title={image.fileName} />;
}
