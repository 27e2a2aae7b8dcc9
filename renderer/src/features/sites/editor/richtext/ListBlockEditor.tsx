/** A bulleted or numbered list: Enter adds an item, Tab / Shift+Tab indent and outdent. */
import { useState } from 'react';
import { Button, Segmented, Space } from 'antd';
import { DeleteOutlined, MenuFoldOutlined, MenuUnfoldOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { Block } from '../../../../../../shared/sites/model';
import { flatten, unflatten, type ListRow } from './listRows';
import { RunsEditor } from './RunsEditor';

type ListBlock = Extract<Block, { type: 'list' }>;

export function ListBlockEditor({ block, onChange }: { block: ListBlock; onChange: (block: ListBlock) => void }) {
  const { t } = useTranslation();
  const rows = flatten(block.items);
  const [focus, setFocus] = useState<number | null>(null);
  const set = (next: ListRow[]) => onChange({ ...block, items: unflatten(next.length ? next : [{ depth: 0, runs: [] }]) });
  const update = (i: number, row: Partial<ListRow>) => set(rows.map((r, j) => (j === i ? { ...r, ...row } : r)));
  const insertAfter = (i: number) => {
    set([...rows.slice(0, i + 1), { depth: rows[i]?.depth ?? 0, runs: [] }, ...rows.slice(i + 1)]);
    setFocus(i + 1);
  };
  const indent = (i: number, by: number) =>
    update(i, { depth: Math.max(0, Math.min((rows[i - 1]?.depth ?? -1) + 1, rows[i]!.depth + by)) });

  return (
    <div className="ecw-list-block">
      <Segmented
        size="small"
        value={block.ordered ? 'ol' : 'ul'}
        onChange={(v) => onChange({ ...block, ordered: v === 'ol' })}
        options={[
          { value: 'ul', label: t('sites.richtext.bulleted') },
          { value: 'ol', label: t('sites.richtext.numbered') },
        ]}
      />
      {rows.map((row, i) => (
        <div key={i} className="ecw-list-row" style={{ paddingInlineStart: row.depth * 24 }}>
          <span className="ecw-list-marker">{block.ordered ? `${i + 1}.` : '•'}</span>
          <RunsEditor
            runs={row.runs}
            onChange={(runs) => update(i, { runs })}
            onEnter={() => insertAfter(i)}
            autoFocus={focus === i}
            label={t('sites.richtext.listItem')}
            onKeyDown={(e) => {
              if (e.key !== 'Tab') return;
              e.preventDefault();
              indent(i, e.shiftKey ? -1 : 1);
            }}
          />
          <Space size={0} className="ecw-row-actions">
            <Button
              size="small"
              type="text"
              icon={<MenuUnfoldOutlined />}
              onClick={() => indent(i, 1)}
              aria-label={t('sites.richtext.indent')}
            />
            <Button
              size="small"
              type="text"
              icon={<MenuFoldOutlined />}
              onClick={() => indent(i, -1)}
              aria-label={t('sites.richtext.outdent')}
            />
            <Button
              size="small"
              type="text"
              icon={<DeleteOutlined />}
              onClick={() => set(rows.filter((_, j) => j !== i))}
              aria-label={t('sites.richtext.removeListItem')}
            />
          </Space>
        </div>
      ))}
      <Button size="small" type="dashed" icon={<PlusOutlined />} onClick={() => insertAfter(rows.length - 1)}>
        {t('sites.richtext.addListItem')}
      </Button>
    </div>
  );
}
