/** A product: name, category, 型号, price or 面议, spec, description and pictures. */
import { AutoComplete, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Product } from '../../../../../../shared/sites/model';
import { Field } from '../Field';
import { ImageList } from '../images/ImageList';
import { RichTextEditor } from '../richtext/RichTextEditor';
import type { FieldErrors } from '../useDraftEditor';
import { PriceField } from './PriceField';

interface Props {
  item: Product;
  onChange: (item: Product) => void;
  errors: FieldErrors;
  categories: string[];
}

export function ProductFields({ item, onChange, errors, categories }: Props) {
  const { t } = useTranslation();
  return (
    <>
      <Field label={t('sites.item.name')} field="name" error={errors.name} required>
        <Input value={item.name} maxLength={100} onChange={(e) => onChange({ ...item, name: e.target.value })} data-testid="item-title" />
      </Field>
      <Field label={t('sites.item.category')} field="category" error={errors.category}>
        <AutoComplete
          value={item.category ?? ''}
          options={categories.map((c) => ({ value: c }))}
          onChange={(v: string) => onChange({ ...item, category: v || undefined })}
          maxLength={50}
          style={{ maxWidth: 260 }}
        />
      </Field>
      <Field label={t('sites.item.model')} field="model" error={errors.model}>
        <Input
          value={item.model ?? ''}
          maxLength={50}
          onChange={(e) => onChange({ ...item, model: e.target.value || undefined })}
          style={{ maxWidth: 260 }}
          data-testid="item-model"
        />
      </Field>
      <Field label={t('sites.item.price')} field="price" error={errors['price.fen'] ?? errors.price}>
        <PriceField value={item.price} onChange={(price) => onChange({ ...item, price })} />
      </Field>
      <Field label={t('sites.item.spec')} field="spec" error={errors.spec}>
        <Input
          value={item.spec ?? ''}
          maxLength={200}
          onChange={(e) => onChange({ ...item, spec: e.target.value || undefined })}
          data-testid="item-spec"
        />
      </Field>
      <RichTextEditor
        value={item.description}
        onChange={(description) => onChange({ ...item, description })}
        field="description"
        label={t('sites.item.description')}
        testId="item-description"
      />
      <Field label={t('sites.item.images')} field="images">
        <ImageList images={item.images} onChange={(images) => onChange({ ...item, images })} defaultAlt={item.name} errors={errors} />
      </Field>
    </>
  );
}
