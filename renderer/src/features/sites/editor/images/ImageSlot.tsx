/** A single optional picture (a staff photo, the logo): choose, replace, remove, alt text and focal point. */
import { useState } from 'react';
import { Button, Space } from 'antd';
import { DeleteOutlined, PictureOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { ImageRef } from '../../../../../../shared/sites/model';
import { useTrayPicks } from '../richtext/trayPicks';
import { ImageFields } from './ImageFields';
import { ImagePicker } from './ImagePicker';

interface Props {
  image: ImageRef | undefined;
  onChange: (image: ImageRef | undefined) => void;
  defaultAlt: string;
  field: string;
  error?: string;
}

export function ImageSlot({ image, onChange, defaultAlt, field, error }: Props) {
  const { t } = useTranslation();
  const [picking, setPicking] = useState(false);
  const picks = useTrayPicks();
  return (
    <div className="ecw-image-slot" data-field={field}>
      {image ? <ImageFields image={image} onChange={onChange} field={`${field}.alt`} error={error} /> : null}
      <Space>
        <Button icon={<PictureOutlined />} onClick={() => setPicking(true)}>
          {image ? t('sites.image.replace') : t('sites.image.choose')}
        </Button>
        {image ? (
          <Button icon={<DeleteOutlined />} danger onClick={() => onChange(undefined)}>
            {t('sites.image.remove')}
          </Button>
        ) : null}
      </Space>
      <ImagePicker
        open={picking}
        onClose={() => setPicking(false)}
        onPick={({ image: picked, entryId }) => {
          if (entryId) picks.add(entryId);
          onChange({ ...picked, alt: picked.alt || image?.alt || defaultAlt });
        }}
      />
    </div>
  );
}
