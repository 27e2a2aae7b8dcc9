/** One item of a column, edited as a draft that the previews show as it is typed. */
import { useRef } from 'react';
import { Button, Tag, Typography } from 'antd';
import { ArrowLeftOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { itemSchema, type Column, type Item } from '../../../../../shared/sites/model';
import { save, useBuilder } from '../state/siteStore';
import { ArticleFields } from './items/ArticleFields';
import { JobFields } from './items/JobFields';
import { PostFields } from './items/PostFields';
import { ProductFields } from './items/ProductFields';
import { StaffFields } from './items/StaffFields';
import { TrayPicksContext } from './richtext/trayPicks';
import { SaveBar } from './SaveBar';
import { useDraftEditor, type FieldErrors } from './useDraftEditor';
import { useFieldFocus } from './useFieldFocus';

function KindFields({ item, onChange, errors, categories }: { item: Item; onChange: (item: Item) => void; errors: FieldErrors; categories: string[] }) {
  switch (item.kind) {
    case 'article':
      return <ArticleFields item={item} onChange={onChange} errors={errors} />;
    case 'product':
      return <ProductFields item={item} onChange={onChange} errors={errors} categories={categories} />;
    case 'job':
      return <JobFields item={item} onChange={onChange} errors={errors} />;
    case 'post':
      return <PostFields item={item} onChange={onChange} errors={errors} />;
    case 'staff':
      return <StaffFields item={item} onChange={onChange} errors={errors} />;
  }
}

export function ItemEditor({ column, item }: { column: Column; item: Item }) {
  const { t } = useTranslation();
  const draft = useBuilder((s) => s.drafts.items[item.id]);
  const setItemDraft = useBuilder((s) => s.setItemDraft);
  const select = useBuilder((s) => s.select);
  const root = useRef<HTMLDivElement>(null);
  const editor = useDraftEditor({
    root,
    saved: item,
    draft,
    setDraft: (value) => setItemDraft(value, item.id),
    schema: itemSchema,
    store: (value) => save('sites.updateItem', { itemId: item.id, item: value }),
    fieldPrefix: 'item.',
  });
  useFieldFocus(root, true);
  const categories = [...new Set(column.items.flatMap((i) => (i.kind === 'product' && i.category ? [i.category] : [])))];

  return (
    <TrayPicksContext.Provider value={editor.trayPicks}>
      <div ref={root} className="ecw-item-editor" data-testid="item-editor">
        <div className="ecw-item-editor-head">
          <Button type="link" icon={<ArrowLeftOutlined />} onClick={() => select({ columnId: column.id })} data-testid="item-back">
            {t('sites.item.back', { column: column.title })}
          </Button>
          <Tag>{t(`sites.itemKind.${item.kind}`)}</Tag>
        </div>
        <Typography.Title level={5} className="ecw-item-editor-title">
          {t('sites.item.editing')}
        </Typography.Title>
        <div className="ecw-form-fields">
          <KindFields item={editor.value} onChange={editor.change} errors={editor.errors} categories={categories} />
        </div>
        <SaveBar dirty={editor.dirty} saving={editor.saving} onSave={() => void editor.save()} onDiscard={editor.discard} testId="item-save" />
      </div>
    </TrayPicksContext.Provider>
  );
}
