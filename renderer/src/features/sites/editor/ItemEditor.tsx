/**
 * One item of a column, edited as a draft that the previews show as it is typed; and a new item,
 * a draft the manager names and fills, added to the column (a new revision) only when confirmed.
 */
import { useMemo, useRef, type ReactNode, type RefObject } from 'react';
import { Button, Tag, Typography } from 'antd';
import { ArrowLeftOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { Site } from '../../../../../shared/api/sites';
import { itemSchema, type Column, type Item } from '../../../../../shared/sites/model';
import { save, useBuilder } from '../state/siteStore';
import { ArticleFields } from './items/ArticleFields';
import { JobFields } from './items/JobFields';
import { PostFields } from './items/PostFields';
import { ProductFields } from './items/ProductFields';
import { StaffFields } from './items/StaffFields';
import { blankItem } from './newItem';
import { TrayPicksContext } from './richtext/trayPicks';
import { SaveBar } from './SaveBar';
import { useDraftEditor, type FieldErrors } from './useDraftEditor';
import { useFieldFocus } from './useFieldFocus';

function KindFields({
  item,
  onChange,
  errors,
  categories,
}: {
  item: Item;
  onChange: (item: Item) => void;
  errors: FieldErrors;
  categories: string[];
}) {
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

type Editor = ReturnType<typeof useDraftEditor<Item, typeof itemSchema>>;

/** The form around an item's fields: back to the column, a heading, the fields, the save bar. */
function ItemForm({
  column,
  editor,
  root,
  heading,
  saveBar,
}: {
  column: Column;
  editor: Editor;
  root: RefObject<HTMLDivElement | null>;
  heading: string;
  saveBar: ReactNode;
}) {
  const { t } = useTranslation();
  const select = useBuilder((s) => s.select);
  useFieldFocus(root, true);
  const categories = [...new Set(column.items.flatMap((i) => (i.kind === 'product' && i.category ? [i.category] : [])))];
  return (
    <TrayPicksContext.Provider value={editor.trayPicks}>
      <div ref={root} className="ecw-item-editor" data-testid="item-editor">
        <div className="ecw-item-editor-head">
          <Button type="link" icon={<ArrowLeftOutlined />} onClick={() => select({ columnId: column.id })} data-testid="item-back">
            {t('sites.item.back', { column: column.title })}
          </Button>
          <Tag>{t(`sites.itemKind.${editor.value.kind}`)}</Tag>
        </div>
        <Typography.Title level={5} className="ecw-item-editor-title">
          {heading}
        </Typography.Title>
        <div className="ecw-form-fields">
          <KindFields item={editor.value} onChange={editor.change} errors={editor.errors} categories={categories} />
        </div>
        {saveBar}
      </div>
    </TrayPicksContext.Provider>
  );
}

export function ItemEditor({ column, item }: { column: Column; item: Item }) {
  const { t } = useTranslation();
  const draft = useBuilder((s) => s.drafts.items[item.id]);
  const setItemDraft = useBuilder((s) => s.setItemDraft);
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
  const saveBar = (
    <SaveBar dirty={editor.dirty} saving={editor.saving} onSave={() => void editor.save()} onDiscard={editor.discard} testId="item-save" />
  );
  return <ItemForm column={column} editor={editor} root={root} heading={t('sites.item.editing')} saveBar={saveBar} />;
}

const itemIdsIn = (site: Site, columnId: string) => site.content.columns.find((c) => c.id === columnId)?.items.map((i) => i.id) ?? [];

/** A new item: named and filled as a draft; 添加 makes it a revision and opens it, 取消 drops it. */
export function NewItemEditor({ column, draft }: { column: Column; draft: Item }) {
  const { t } = useTranslation();
  const setNewItemDraft = useBuilder((s) => s.setNewItemDraft);
  const select = useBuilder((s) => s.select);
  const root = useRef<HTMLDivElement>(null);
  const blank = useMemo(() => blankItem(column.type), [column.type]);
  const add = async ({ id: _draftId, ...item }: Item) => {
    let before: string[] = [];
    const site = await save('sites.addItem', (current) => {
      before = itemIdsIn(current, column.id);
      return { columnId: column.id, item };
    });
    const created = itemIdsIn(site, column.id).find((id) => !before.includes(id));
    select({ columnId: column.id, ...(created ? { itemId: created } : {}) });
  };
  const editor = useDraftEditor({
    root,
    saved: blank,
    draft,
    setDraft: (value) => setNewItemDraft(value ? { columnId: column.id, item: value } : null),
    schema: itemSchema,
    store: add,
    fieldPrefix: 'item.',
    alwaysDraft: true,
  });
  const cancel = () => {
    editor.discard();
    select({ columnId: column.id });
  };
  const labels = { save: t('sites.item.addConfirm'), discard: t('common.cancel') };
  const saveBar = (
    <SaveBar dirty saving={editor.saving} onSave={() => void editor.save()} onDiscard={cancel} testId="item-save" labels={labels} />
  );
  return <ItemForm column={column} editor={editor} root={root} heading={t(`sites.item.add.${draft.kind}`)} saveBar={saveBar} />;
}
