/** A staff card (员工名片): name, title, mobile, VPMN short number, email, photo. */
import { Input } from 'antd';
import { useTranslation } from 'react-i18next';
import type { StaffCard } from '../../../../../../shared/sites/model';
import { Field } from '../Field';
import { ImageSlot } from '../images/ImageSlot';
import type { FieldErrors } from '../useDraftEditor';

export function StaffFields({ item, onChange, errors }: { item: StaffCard; onChange: (item: StaffCard) => void; errors: FieldErrors }) {
  const { t } = useTranslation();
  const text = (key: 'title' | 'mobile', max: number) => (
    <Input value={item[key]} maxLength={max} onChange={(e) => onChange({ ...item, [key]: e.target.value })} />
  );
  return (
    <>
      <Field label={t('sites.item.staffName')} field="name" error={errors.name} required>
        <Input value={item.name} maxLength={50} onChange={(e) => onChange({ ...item, name: e.target.value })} data-testid="item-title" />
      </Field>
      <div className="ecw-field-row">
        <Field label={t('sites.item.staffTitle')} field="title" error={errors.title}>
          {text('title', 50)}
        </Field>
        <Field label={t('sites.item.mobile')} field="mobile" error={errors.mobile}>
          {text('mobile', 20)}
        </Field>
        <Field label={t('sites.item.shortNumber')} field="shortNumber" error={errors.shortNumber} hint={t('sites.item.shortNumberHint')}>
          <Input
            value={item.shortNumber ?? ''}
            maxLength={8}
            onChange={(e) => onChange({ ...item, shortNumber: e.target.value || undefined })}
          />
        </Field>
      </div>
      <Field label={t('sites.item.email')} field="email" error={errors.email}>
        <Input value={item.email ?? ''} maxLength={100} onChange={(e) => onChange({ ...item, email: e.target.value || undefined })} />
      </Field>
      <Field label={t('sites.item.photo')} field="photo" error={errors['photo.alt']}>
        <ImageSlot image={item.photo} onChange={(photo) => onChange({ ...item, photo })} defaultAlt={item.name} field="photo" />
      </Field>
    </>
  );
}
