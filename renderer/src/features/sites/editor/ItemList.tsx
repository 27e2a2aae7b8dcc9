/** A column's items: open one to edit, reorder (drag or ↑/↓), move to another column of the same kind, remove. */
import { useState } from 'react';
import { App as AntApp, Button, Dropdown, Empty, Select, Tag } from 'antd';
import { DeleteOutlined, HolderOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { Site } from '../../../../../shared/api/sites';
import { ITEM_KIND_OF_COLUMN, itemTitle, sortedColumns, type Column } from '../../../../../shared/sites/model';
import { useShowError } from '../../../ui/apiErrors';
import { dropOn, moveBy } from '../state/order';
import { save, useBuilder } from '../state/siteStore';
import { dragged, endDrag, startDrag } from './dragging';
import { Thumb } from './images/Thumb';
import { firstImage, itemSummary } from './itemSummary';
import { NEW_ITEM_ID } from '../state/drafts';
import { blankItem } from './newItem';
import { MoveButtons } from './MoveButtons';

export function ItemList({ column }: { column: Column }) {
  const { t } = useTranslation();
  const { modal } = AntApp.useApp();
  const showError = useShowError();
  const content = useBuilder((s) => s.site!.content);
  const drafts = useBuilder((s) => s.drafts.items);
  const adding = useBuilder((s) => s.drafts.newItem);
  const setNewItemDraft = useBuilder((s) => s.setNewItemDraft);
  const select = useBuilder((s) => s.select);
  const [over, setOver] = useState<number | null>(null);
  const sameKind = sortedColumns(content).filter(
    (c) => c.id !== column.id && ITEM_KIND_OF_COLUMN[c.type] === ITEM_KIND_OF_COLUMN[column.type],
  );
  /** The column's item ids in `site` as saved (moves are made on that when their turn comes, so quick moves add up). */
  const idsIn = (site: Site) => site.content.columns.find((c) => c.id === column.id)?.items.map((i) => i.id) ?? [];

  const reorder = (move: (ids: string[]) => string[] | null) =>
    void save('sites.reorderItems', (site) => {
      const itemIds = move(idsIn(site));
      return itemIds && { columnId: column.id, itemIds };
    }).catch(showError);
  /** Opens a blank item to name and fill; it joins the column when confirmed. One new item at a time: an unfinished one is reopened. */
  const add = () => {
    if (!adding) setNewItemDraft({ columnId: column.id, item: blankItem(column.type) });
    select({ columnId: adding?.columnId ?? column.id, itemId: NEW_ITEM_ID });
  };
  const remove = (itemId: string, toTray: boolean) => {
    const run = () => save('sites.removeItem', { itemId, toTray }).catch(showError);
    if (toTray) return void run();
    modal.confirm({ title: t('sites.item.deleteConfirm'), okButtonProps: { danger: true }, okText: t('sites.item.delete'), onOk: run });
  };
  const onDrop = (target: string) => {
    const what = dragged();
    endDrag();
    setOver(null);
    if (what?.kind !== 'item') return;
    if (what.columnId === column.id) reorder((ids) => dropOn(ids, what.id, target));
    else
      void save('sites.moveItem', (site) => ({
        itemId: what.id,
        columnId: column.id,
        index: Math.max(0, idsIn(site).indexOf(target)),
      })).catch(showError);
  };

  return (
    <div className="ecw-item-list" data-testid="item-list">
      {column.items.length === 0 ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('sites.item.none')} /> : null}
      {column.items.map((item, i) => {
        const image = firstImage(drafts[item.id] ?? item);
        return (
          <div
            key={item.id}
            className={`ecw-item-row${over === i ? ' is-over' : ''}`}
            draggable
            onDragStart={(e) => {
              startDrag({ kind: 'item', id: item.id, columnId: column.id });
              e.dataTransfer.effectAllowed = 'move';
              e.dataTransfer.setData('text/plain', itemTitle(item));
            }}
            onDragEnd={() => (endDrag(), setOver(null))}
            onDragOver={(e) => {
              if (dragged()?.kind !== 'item') return;
              e.preventDefault();
              setOver(i);
            }}
            onDrop={(e) => (e.preventDefault(), onDrop(item.id))}
            data-testid="item-row"
          >
            <HolderOutlined className="ecw-drag-handle" />
            {image ? <Thumb image={image} size={44} /> : <span className="ecw-thumb-empty" />}
            <button
              type="button"
              className="ecw-item-row-main"
              onClick={() => select({ columnId: column.id, itemId: item.id })}
              data-testid="item-open"
            >
              <span className="ecw-item-row-title">{itemTitle(drafts[item.id] ?? item)}</span>
              <span className="ecw-item-row-meta">{itemSummary(drafts[item.id] ?? item)}</span>
            </button>
            {drafts[item.id] ? <Tag color="orange">{t('sites.editor.unsaved')}</Tag> : null}
            <div className="ecw-item-row-actions">
              <MoveButtons index={i} count={column.items.length} onMove={(by) => reorder((ids) => moveBy(ids, item.id, by))} />
              {sameKind.length ? (
                <Select
                  size="small"
                  placeholder={t('sites.item.moveTo')}
                  value={null}
                  popupMatchSelectWidth={false}
                  options={sameKind.map((c) => ({ value: c.id, label: c.title }))}
                  onChange={(columnId: string) => void save('sites.moveItem', { itemId: item.id, columnId }).catch(showError)}
                  className="ecw-move-select"
                />
              ) : null}
              <Dropdown
                trigger={['click']}
                menu={{
                  items: [
                    { key: 'tray', label: t('sites.item.toTray') },
                    { key: 'delete', label: t('sites.item.delete'), danger: true },
                  ],
                  onClick: ({ key }) => remove(item.id, key === 'tray'),
                }}
              >
                <Button size="small" type="text" icon={<DeleteOutlined />} aria-label={t('sites.item.remove')} />
              </Dropdown>
            </div>
          </div>
        );
      })}
      {adding?.columnId === column.id ? (
        <div className="ecw-item-row is-new" data-testid="item-row-new">
          <span className="ecw-thumb-empty" />
          <button type="button" className="ecw-item-row-main" onClick={add}>
            <span className="ecw-item-row-title">{itemTitle(adding.item) || t('sites.item.unnamed')}</span>
            <span className="ecw-item-row-meta">{t('sites.item.notAdded')}</span>
          </button>
          <Tag color="orange">{t('sites.editor.unsaved')}</Tag>
        </div>
      ) : null}
      <Button type="dashed" icon={<PlusOutlined />} onClick={add} data-testid="item-add">
        {t(`sites.item.add.${ITEM_KIND_OF_COLUMN[column.type]}`)}
      </Button>
    </div>
  );
}
