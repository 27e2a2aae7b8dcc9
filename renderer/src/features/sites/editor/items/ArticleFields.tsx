/** An article (news, a sub-page): title, date, summary, text and pictures. */
import { Input } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Article } from '../../../../../../shared/sites/model';
import { Field } from '../Field';
import { ImageList } from '../images/ImageList';
import { RichTextEditor } from '../richtext/RichTextEditor';
import type { FieldErrors } from '../useDraftEditor';
import { DateInput } from './DateField';

export function ArticleFields({ item, onChange, errors }: { item: Article; onChange: (item: Article) => void; errors: FieldErrors }) {
  const { t } = useTranslation();
  return (
    <>
      <Field label={t('sites.item.title')} field="title" error={errors.title} required>
        <Input value={item.title} maxLength={100} onChange={(e) => onChange({ ...item, title: e.target.value })} data-testid="item-title" />
      </Field>
      <Field label={t('sites.item.date')} field="date" error={errors.date}>
        <DateInput value={item.date} onChange={(date) => onChange({ ...item, date })} />
      </Field>
      <Field label={t('sites.item.summary')} field="summary" error={errors.summary} hint={t('sites.item.summaryHint')}>
        <Input.TextArea
          value={item.summary ?? ''}
          maxLength={200}
          showCount
          autoSize={{ minRows: 1, maxRows: 3 }}
          onChange={(e) => onChange({ ...item, summary: e.target.value || undefined })}
        />
      </Field>
      <RichTextEditor value={item.body} onChange={(body) => onChange({ ...item, body })} field="body" label={t('sites.item.body')} />
      <Field label={t('sites.item.images')} field="images">
        <ImageList images={item.images} onChange={(images) => onChange({ ...item, images })} defaultAlt={item.title} errors={errors} />
      </Field>
    </>
  );
}
