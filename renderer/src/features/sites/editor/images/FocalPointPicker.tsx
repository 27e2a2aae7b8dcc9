/** Click on the picture where its subject is: crops (square cards, wide banners) keep that point in view. */
import { useState } from 'react';
import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { FocalPoint, ImageRef } from '../../../../../../shared/sites/model';
import { usePicture } from './useImageUrl';

const round = (n: number) => Math.round(Math.min(1, Math.max(0, n)) * 100) / 100;

export function FocalPointPicker({
  image,
  onChange,
  width = 220,
}: {
  image: ImageRef;
  onChange: (focal: FocalPoint) => void;
  width?: number;
}) {
  const { t } = useTranslation();
  const { url, missing, onError } = usePicture(image.sha256);
  // The box takes the picture's proportions once it has loaded (4:3 until then).
  const [ratio, setRatio] = useState(3 / 4);
  const focal = image.focal ?? { x: 0.5, y: 0.5 };
  if (missing) return <Typography.Text type="danger">{t('sites.image.missing')}</Typography.Text>;
  const height = Math.round(width * ratio);
  const position = `${focal.x * 100}% ${focal.y * 100}%`;

  return (
    <div className="ecw-focal-wrap">
      <div
        className="ecw-focal"
        style={{ width, height }}
        role="button"
        tabIndex={0}
        aria-label={t('sites.image.focalHint')}
        title={t('sites.image.focalHint')}
        data-testid="focal-picker"
        onClick={(e) => {
          const box = e.currentTarget.getBoundingClientRect();
          onChange({ x: round((e.clientX - box.left) / box.width), y: round((e.clientY - box.top) / box.height) });
        }}
        onKeyDown={(e) => {
          const step = 0.05;
          const moves: Record<string, [number, number]> = {
            ArrowLeft: [-step, 0],
            ArrowRight: [step, 0],
            ArrowUp: [0, -step],
            ArrowDown: [0, step],
          };
          const move = moves[e.key];
          if (!move) return;
          e.preventDefault();
          onChange({ x: round(focal.x + move[0]), y: round(focal.y + move[1]) });
        }}
      >
        <img
          src={url}
          alt={image.alt}
          draggable={false}
          onError={onError}
          onLoad={(e) => setRatio(e.currentTarget.naturalHeight / Math.max(1, e.currentTarget.naturalWidth))}
        />
        <span className="ecw-focal-dot" style={{ left: `${focal.x * 100}%`, top: `${focal.y * 100}%` }} />
      </div>
      <div className="ecw-focal-crops" aria-hidden>
        <img src={url} alt="" style={{ objectPosition: position }} className="ecw-crop-square" />
        <img src={url} alt="" style={{ objectPosition: position }} className="ecw-crop-wide" />
      </div>
    </div>
  );
}
