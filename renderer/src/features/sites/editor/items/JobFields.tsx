/** A job: title, headcount, pay, deadline and requirements. */
import { Input, InputNumber } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Job } from '../../../../../../shared/sites/model';
import { Field } from '../Field';
import { RichTextEditor } from '../richtext/RichTextEditor';
import type { FieldErrors } from '../useDraftEditor';
import { DateInput } from './DateField';

export function JobFields({ item, onChange, errors }: { item: Job; onChange: (item: Job) => void; errors: FieldErrors }) {
  const { t } = useTranslation();
  return (
    <>
      <Field label={t('sites.item.jobTitle')} field="title" error={errors.title} required>
        <Input value={item.title} maxLength={100} onChange={(e) => onChange({ ...item, title: e.target.value })} data-testid="item-title" />
      </Field>
      <div className="ecw-field-row">
        <Field label={t('sites.item.headcount')} field="headcount" error={errors.headcount}>
          <InputNumber
            min={1}
            max={9999}
            precision={0}
            value={item.headcount ?? null}
            onChange={(n) => onChange({ ...item, headcount: n ?? undefined })}
          />
        </Field>
        <Field label={t('sites.item.deadline')} field="deadline" error={errors.deadline}>
          <DateInput value={item.deadline} onChange={(deadline) => onChange({ ...item, deadline })} />
        </Field>
      </div>
      <Field label={t('sites.item.pay')} field="pay" error={errors.pay}>
        <Input
          value={item.pay}
          maxLength={100}
          placeholder={t('sites.item.payPlaceholder')}
          onChange={(e) => onChange({ ...item, pay: e.target.value })}
        />
      </Field>
      <RichTextEditor
        value={item.requirements}
        onChange={(requirements) => onChange({ ...item, requirements })}
        field="requirements"
        label={t('sites.item.requirements')}
      />
    </>
  );
}
