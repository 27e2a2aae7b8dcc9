/** One picture's alt text (required: read aloud, shown when the picture cannot be) and focal point. */
import { Input, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ImageRef } from '../../../../../../shared/sites/model';
import { FocalPointPicker } from './FocalPointPicker';

interface Props {
  image: ImageRef;
  onChange: (image: ImageRef) => void;
  /** Where the report points for this picture's alt text, e.g. `images.0.alt`. */
  field: string;
  error?: string;
  compact?: boolean;
}

export function ImageFields({ image, onChange, field, error, compact }: Props) {
  const { t } = useTranslation();
  const missingAlt = !image.alt.trim();
  return (
    <div className="ecw-image-fields">
      <FocalPointPicker image={image} onChange={(focal) => onChange({ ...image, focal })} width={compact ? 160 : 220} />
      <div className="ecw-image-alt" data-field={field}>
        <Typography.Text type="secondary" className="ecw-small">
          {image.fileName ?? t('sites.image.noFileName')}
        </Typography.Text>
        <label className="ecw-field-label">
          {t('sites.image.alt')}
          <Input
            value={image.alt}
            maxLength={200}
            status={error || missingAlt ? 'error' : undefined}
            placeholder={t('sites.image.altPlaceholder')}
            onChange={(e) => onChange({ ...image, alt: e.target.value })}
            data-testid="image-alt"
          />
        </label>
        {error || missingAlt ? (
          <Typography.Text type="danger" className="ecw-small">
            {error || t('sites.image.altMissing')}
          </Typography.Text>
        ) : null}
      </div>
    </div>
  );
}
