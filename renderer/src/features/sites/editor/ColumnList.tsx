/**
 * The site's columns in order: select one to edit, drag (or ↑/↓) to reorder, drop an item on a
 * column to move it there, add a new column.
 */
import { useState } from 'react';
import { App as AntApp, Button, Typography } from 'antd';
import { HolderOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { Site } from '../../../../../shared/api/sites';
import { ITEM_KIND_OF_COLUMN, sortedColumns, type Column } from '../../../../../shared/sites/model';
import { useShowError } from '../../../ui/apiErrors';
import { dropOn, moveBy } from '../state/order';
import { save, useBuilder } from '../state/siteStore';
import { ChannelDots } from './ChannelSwitches';
import { dragged, endDrag, startDrag } from './dragging';
import { NewColumnModal } from './NewColumnModal';
import { MoveButtons } from './MoveButtons';

export function ColumnList() {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const showError = useShowError();
  const content = useBuilder((s) => s.site?.content);
  const selection = useBuilder((s) => s.selection);
  const select = useBuilder((s) => s.select);
  const [adding, setAdding] = useState(false);
  const [over, setOver] = useState<string | null>(null);
  if (!content) return null;
  const columns = sortedColumns(content);

  /** A move is made on the order as saved when its turn comes, so quick moves add up. */
  const reorder = (move: (ids: string[]) => string[] | null) =>
    save('sites.reorderColumns', (site: Site) => {
      const columnIds = move(sortedColumns(site.content).map((c) => c.id));
      return columnIds && { columnIds };
    }).catch(showError);
  const onDrop = (target: Column) => {
    const what = dragged();
    endDrag();
    setOver(null);
    if (!what) return;
    if (what.kind === 'column' && what.id !== target.id) void reorder((ids) => dropOn(ids, what.id, target.id));
    if (what.kind === 'item' && what.columnId !== target.id) {
      const from = content.columns.find((c) => c.id === what.columnId);
      if (from && ITEM_KIND_OF_COLUMN[from.type] !== ITEM_KIND_OF_COLUMN[target.type]) {
        void message.warning(t('sites.item.wrongKind', { column: target.title }));
        return;
      }
      void save('sites.moveItem', { itemId: what.id, columnId: target.id }).catch(showError);
    }
  };

  return (
    <div className="ecw-column-list" data-testid="column-list">
      <div className="ecw-column-list-head">
        <Typography.Text strong>{t('sites.column.listTitle')}</Typography.Text>
        <Button size="small" icon={<PlusOutlined />} onClick={() => setAdding(true)} data-testid="column-add">
          {t('sites.column.add')}
        </Button>
      </div>
      {columns.map((column, i) => (
        <div
          key={column.id}
          className={`ecw-column-row${selection.columnId === column.id ? ' is-selected' : ''}${over === column.id ? ' is-over' : ''}`}
          draggable
          onDragStart={(e) => {
            startDrag({ kind: 'column', id: column.id });
            e.dataTransfer.effectAllowed = 'move';
            e.dataTransfer.setData('text/plain', column.title);
          }}
          onDragEnd={() => (endDrag(), setOver(null))}
          onDragOver={(e) => {
            if (!dragged()) return;
            e.preventDefault();
            setOver(column.id);
          }}
          onDragLeave={() => setOver((o) => (o === column.id ? null : o))}
          onDrop={(e) => (e.preventDefault(), onDrop(column))}
          onClick={() => select({ columnId: column.id })}
          data-testid="column-row"
        >
          <HolderOutlined className="ecw-drag-handle" />
          {/* The button is the title part only: the ↑/↓ buttons beside it cannot sit inside a button. */}
          <div
            className="ecw-column-row-main"
            role="button"
            tabIndex={0}
            aria-pressed={selection.columnId === column.id}
            onKeyDown={(e) => (e.key === 'Enter' || e.key === ' ') && (e.preventDefault(), select({ columnId: column.id }))}
          >
            <span className="ecw-column-row-title">{column.title}</span>
            <span className="ecw-column-row-meta">
              {t(`sites.columnType.${column.type}`)} · {t('sites.column.itemCount', { count: column.items.length })}
            </span>
            <ChannelDots value={column.channels} />
          </div>
          <div className="ecw-column-row-actions" onClick={(e) => e.stopPropagation()}>
            <MoveButtons index={i} count={columns.length} onMove={(by) => void reorder((ids) => moveBy(ids, column.id, by))} />
          </div>
        </div>
      ))}
      <NewColumnModal
        open={adding}
        onClose={() => setAdding(false)}
        onCreate={async (type, title) => {
          let before: string[] = [];
          const site = await save('sites.addColumn', (current) => {
            before = current.content.columns.map((c) => c.id);
            return { type, title };
          });
          const created = site.content.columns.find((c) => !before.includes(c.id));
          setAdding(false);
          if (created) select({ columnId: created.id });
        }}
      />
    </div>
  );
}
