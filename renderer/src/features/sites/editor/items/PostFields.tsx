/** A supply or demand post (供应 / 求购): title, text, valid until. */
import { Input, Radio } from 'antd';
import { useTranslation } from 'react-i18next';
import { POST_KIND_LABELS, POST_KINDS, type Post } from '../../../../../../shared/sites/model';
import { Field } from '../Field';
import { RichTextEditor } from '../richtext/RichTextEditor';
import type { FieldErrors } from '../useDraftEditor';
import { DateInput } from './DateField';

export function PostFields({ item, onChange, errors }: { item: Post; onChange: (item: Post) => void; errors: FieldErrors }) {
  const { t } = useTranslation();
  return (
    <>
      <Field label={t('sites.item.postKind')} field="postKind">
        <Radio.Group
          optionType="button"
          value={item.postKind}
          onChange={(e) => onChange({ ...item, postKind: e.target.value as Post['postKind'] })}
          options={POST_KINDS.map((k) => ({ value: k, label: POST_KIND_LABELS[k] }))}
        />
      </Field>
      <Field label={t('sites.item.title')} field="title" error={errors.title} required>
        <Input value={item.title} maxLength={100} onChange={(e) => onChange({ ...item, title: e.target.value })} data-testid="item-title" />
      </Field>
      <Field label={t('sites.item.validUntil')} field="validUntil" error={errors.validUntil}>
        <DateInput value={item.validUntil} onChange={(validUntil) => onChange({ ...item, validUntil })} />
      </Field>
      <RichTextEditor value={item.text} onChange={(text) => onChange({ ...item, text })} field="text" label={t('sites.item.postText')} />
    </>
  );
}
