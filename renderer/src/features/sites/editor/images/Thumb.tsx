/** A small picture from the asset store (loaded by its address), or a warning when it is missing. */
import { WarningOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { ImageRef } from '../../../../../../shared/sites/model';
import { usePicture } from './useImageUrl';

export function Thumb({ image, size = 64 }: { image: ImageRef; size?: number }) {
  const { t } = useTranslation();
  const { url, missing, onError } = usePicture(image.sha256);
  const style = { width: size, height: size };
  if (missing)
    return (
      <span className="ecw-thumb is-missing" style={style} title={t('sites.image.missing')}>
        <WarningOutlined />
      </span>
    );
  const focal = image.focal ? `${image.focal.x * 100}% ${image.focal.y * 100}%` : 'center';
  return (
    <img
      className="ecw-thumb"
      style={{ ...style, objectPosition: focal }}
      src={url}
      onError={onError}
      alt={image.alt || image.fileName || ''}
      title={image.fileName}
    />
  );
}
