/** An item's pictures: order, alt text, focal point; added from the tray or from the site's other pictures. */
import { useState } from 'react';
import { Button, Card, Empty, Space, Tooltip } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { ImageRef } from '../../../../../../shared/sites/model';
import { useTrayPicks } from '../richtext/trayPicks';
import { ImageFields } from './ImageFields';
import { ImagePicker } from './ImagePicker';
import { MoveButtons } from '../MoveButtons';

interface Props {
  images: ImageRef[];
  onChange: (images: ImageRef[]) => void;
  /** The default alt text for a newly added picture (the item's title). */
  defaultAlt: string;
  errors: Record<string, string>;
  field?: string;
}

export function ImageList({ images, onChange, defaultAlt, errors, field = 'images' }: Props) {
  const { t } = useTranslation();
  const [picking, setPicking] = useState(false);
  const picks = useTrayPicks();
  const move = (i: number, by: number) => {
    const next = [...images];
    [next[i], next[i + by]] = [next[i + by]!, next[i]!];
    onChange(next);
  };
  return (
    <div className="ecw-image-list" data-field={field}>
      {images.length === 0 ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('sites.image.none')} /> : null}
      {images.map((image, i) => (
        <Card
          key={`${image.sha256}:${i}`}
          size="small"
          className="ecw-image-card"
          title={t('sites.image.number', { n: i + 1 })}
          extra={
            <Space size={0}>
              <MoveButtons index={i} count={images.length} onMove={(by) => move(i, by)} sideways />
              <Tooltip title={t('sites.image.remove')}>
                <Button
                  size="small"
                  type="text"
                  danger
                  icon={<DeleteOutlined />}
                  onClick={() => onChange(images.filter((_, j) => j !== i))}
                  aria-label={t('sites.image.remove')}
                />
              </Tooltip>
            </Space>
          }
        >
          <ImageFields
            image={image}
            onChange={(next) => onChange(images.map((im, j) => (j === i ? next : im)))}
            field={`${field}.${i}.alt`}
            error={errors[`${field}.${i}.alt`]}
          />
        </Card>
      ))}
      <Button icon={<PlusOutlined />} onClick={() => setPicking(true)} data-testid="image-add">
        {t('sites.image.add')}
      </Button>
      <ImagePicker
        open={picking}
        onClose={() => setPicking(false)}
        onPick={({ image, entryId }) => {
          if (entryId) picks.add(entryId);
          onChange([...images, { ...image, alt: image.alt || defaultAlt }]);
        }}
      />
    </div>
  );
}
