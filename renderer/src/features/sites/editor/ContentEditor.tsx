/** 栏目内容: the column list beside the selected column or item. */
import { useEffect, useMemo } from 'react';
import { Empty } from 'antd';
import { useTranslation } from 'react-i18next';
import { sortedColumns } from '../../../../../shared/sites/model';
import { useBuilder } from '../state/siteStore';
import { NEW_ITEM_ID } from '../state/drafts';
import { ColumnEditor } from './ColumnEditor';
import { ColumnList } from './ColumnList';
import { ItemEditor, NewItemEditor } from './ItemEditor';

export function ContentEditor() {
  const { t } = useTranslation();
  const content = useBuilder((s) => s.site?.content);
  const selection = useBuilder((s) => s.selection);
  const select = useBuilder((s) => s.select);
  const newItem = useBuilder((s) => s.drafts.newItem);
  const columns = useMemo(() => (content ? sortedColumns(content) : []), [content]);
  const column = columns.find((c) => c.id === selection.columnId) ?? columns.find((c) => c.items.some((i) => i.id === selection.itemId));
  const item = column?.items.find((i) => i.id === selection.itemId);
  const adding = selection.itemId === NEW_ITEM_ID && newItem && column?.id === newItem.columnId ? newItem : undefined;

  useEffect(() => {
    if (!column && columns[0]) select({ columnId: columns[0].id });
  }, [column, columns, select]);

  return (
    <div className="ecw-content-editor">
      <ColumnList />
      <div className="ecw-content-main">
        {adding && column ? (
          <NewItemEditor key={NEW_ITEM_ID} column={column} draft={adding.item} />
        ) : item && column ? (
          <ItemEditor key={item.id} column={column} item={item} />
        ) : column ? (
          <ColumnEditor key={column.id} column={column} />
        ) : (
          <Empty description={t('sites.column.noneSelected')} />
        )}
      </div>
    </div>
  );
}
