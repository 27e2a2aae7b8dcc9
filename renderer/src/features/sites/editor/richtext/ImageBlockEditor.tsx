/** A picture inside rich text: which one, its alt text, focal point and caption. */
import { useState } from 'react';
import { Button, Input } from 'antd';
import { SwapOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { Block } from '../../../../../../shared/sites/model';
import { ImageFields } from '../images/ImageFields';
import { ImagePicker } from '../images/ImagePicker';
import { useTrayPicks } from './trayPicks';

type ImageBlock = Extract<Block, { type: 'image' }>;

export function ImageBlockEditor({ block, onChange, field }: { block: ImageBlock; onChange: (block: ImageBlock) => void; field: string }) {
  const { t } = useTranslation();
  const [picking, setPicking] = useState(false);
  const picks = useTrayPicks();
  return (
    <div className="ecw-image-block">
      <ImageFields image={block.image} onChange={(image) => onChange({ ...block, image })} field={`${field}.image.alt`} compact />
      <label className="ecw-field-label">
        {t('sites.image.caption')}
        <Input value={block.caption ?? ''} maxLength={200} onChange={(e) => onChange({ ...block, caption: e.target.value || undefined })} />
      </label>
      <Button size="small" icon={<SwapOutlined />} onClick={() => setPicking(true)}>
        {t('sites.image.replace')}
      </Button>
      <ImagePicker
        open={picking}
        onClose={() => setPicking(false)}
        onPick={({ image, entryId }) => {
          if (entryId) picks.add(entryId);
          onChange({ ...block, image: { ...image, alt: image.alt || block.image.alt } });
        }}
      />
    </div>
  );
}
