/**
 * Rich text as the model's block tree: paragraphs, headings (h2–h4), lists, tables and pictures,
 * each block edited in place and moved or removed with its own buttons. Never HTML.
 */
import { useState } from 'react';
import { Button, Select, Space, Tooltip, Typography } from 'antd';
import { DeleteOutlined, PictureOutlined, PlusOutlined, TableOutlined, UnorderedListOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { Block, RichText } from '../../../../../../shared/sites/model';
import { ImagePicker } from '../images/ImagePicker';
import { ImageBlockEditor } from './ImageBlockEditor';
import { InlineToolbar } from './InlineToolbar';
import { ListBlockEditor } from './ListBlockEditor';
import { RunsEditor } from './RunsEditor';
import { TableBlockEditor } from './TableBlockEditor';
import { useTrayPicks } from './trayPicks';
import { MoveButtons } from '../MoveButtons';

interface Props {
  value: RichText;
  onChange: (value: RichText) => void;
  /** The field path of this text in its column or item (`body`, `description` …), for the report's links. */
  field: string;
  label?: string;
  testId?: string;
}

type TextKind = 'p' | 'h2' | 'h3' | 'h4';

const kindOf = (block: Block): TextKind | null =>
  block.type === 'paragraph' ? 'p' : block.type === 'heading' ? (`h${block.level}` as TextKind) : null;

function withKind(block: Extract<Block, { type: 'paragraph' | 'heading' }>, kind: TextKind): Block {
  if (kind === 'p') return { type: 'paragraph', runs: block.runs };
  return { type: 'heading', level: Number(kind.slice(1)) as 2 | 3 | 4, runs: block.runs };
}

function BlockBody({
  block,
  onChange,
  field,
  onEnter,
  autoFocus,
}: {
  block: Block;
  onChange: (b: Block) => void;
  field: string;
  onEnter: () => void;
  autoFocus: boolean;
}) {
  const { t } = useTranslation();
  switch (block.type) {
    case 'paragraph':
    case 'heading':
      return (
        <RunsEditor
          runs={block.runs}
          onChange={(runs) => onChange({ ...block, runs })}
          onEnter={onEnter}
          autoFocus={autoFocus}
          className={block.type === 'heading' ? `is-h${block.level}` : undefined}
          placeholder={block.type === 'heading' ? t('sites.richtext.headingPlaceholder') : t('sites.richtext.paragraphPlaceholder')}
          label={block.type === 'heading' ? t('sites.richtext.heading') : t('sites.richtext.paragraph')}
        />
      );
    case 'list':
      return <ListBlockEditor block={block} onChange={onChange} />;
    case 'table':
      return <TableBlockEditor block={block} onChange={onChange} />;
    case 'image':
      return <ImageBlockEditor block={block} onChange={onChange} field={field} />;
  }
}

export function RichTextEditor({ value, onChange, field, label, testId }: Props) {
  const { t } = useTranslation();
  const [picking, setPicking] = useState(false);
  const [focus, setFocus] = useState<number | null>(null);
  const picks = useTrayPicks();
  const set = (index: number, block: Block) => onChange(value.map((b, i) => (i === index ? block : b)));
  const insert = (index: number, block: Block) => {
    onChange([...value.slice(0, index), block, ...value.slice(index)]);
    setFocus(index);
  };
  const remove = (index: number) => onChange(value.filter((_, i) => i !== index));
  const move = (index: number, by: number) => {
    const to = index + by;
    if (to < 0 || to >= value.length) return;
    const next = [...value];
    [next[index], next[to]] = [next[to]!, next[index]!];
    onChange(next);
  };
  const kinds = [
    { value: 'p', label: t('sites.richtext.paragraph') },
    { value: 'h2', label: t('sites.richtext.h', { level: 2 }) },
    { value: 'h3', label: t('sites.richtext.h', { level: 3 }) },
    { value: 'h4', label: t('sites.richtext.h', { level: 4 }) },
  ];

  return (
    <div className="ecw-richtext" data-field={field} data-testid={testId}>
      <div className="ecw-richtext-head">
        {label ? <Typography.Text strong>{label}</Typography.Text> : <span />}
        <InlineToolbar />
      </div>
      {value.length === 0 ? (
        <Typography.Text type="secondary" className="ecw-small">
          {t('sites.richtext.empty')}
        </Typography.Text>
      ) : null}
      {value.map((block, i) => {
        const kind = kindOf(block);
        return (
          <div key={i} className={`ecw-block is-${block.type}`} data-field={`${field}.${i}`}>
            <div className="ecw-block-gutter">
              {kind && (block.type === 'paragraph' || block.type === 'heading') ? (
                <Select
                  size="small"
                  variant="borderless"
                  value={kind}
                  options={kinds}
                  onChange={(k: TextKind) => set(i, withKind(block, k))}
                  popupMatchSelectWidth={false}
                  aria-label={t('sites.richtext.blockType')}
                />
              ) : (
                <span className="ecw-block-type">{t(`sites.richtext.type.${block.type}`)}</span>
              )}
            </div>
            <div className="ecw-block-body">
              <BlockBody
                block={block}
                onChange={(b) => set(i, b)}
                field={`${field}.${i}`}
                onEnter={() => insert(i + 1, { type: 'paragraph', runs: [] })}
                autoFocus={focus === i}
              />
            </div>
            <Space size={0} className="ecw-row-actions">
              <MoveButtons index={i} count={value.length} onMove={(by) => move(i, by)} />
              <Tooltip title={t('sites.richtext.removeBlock')}>
                <Button
                  size="small"
                  type="text"
                  icon={<DeleteOutlined />}
                  onClick={() => remove(i)}
                  aria-label={t('sites.richtext.removeBlock')}
                />
              </Tooltip>
            </Space>
          </div>
        );
      })}
      <Space wrap size={4} className="ecw-richtext-add">
        <Button size="small" icon={<PlusOutlined />} onClick={() => insert(value.length, { type: 'paragraph', runs: [] })}>
          {t('sites.richtext.paragraph')}
        </Button>
        <Button size="small" icon={<PlusOutlined />} onClick={() => insert(value.length, { type: 'heading', level: 2, runs: [] })}>
          {t('sites.richtext.heading')}
        </Button>
        <Button
          size="small"
          icon={<UnorderedListOutlined />}
          onClick={() => insert(value.length, { type: 'list', ordered: false, items: [{ runs: [] }] })}
        >
          {t('sites.richtext.list')}
        </Button>
        <Button
          size="small"
          icon={<TableOutlined />}
          onClick={() =>
            insert(value.length, {
              type: 'table',
              header: true,
              rows: [
                [[], []],
                [[], []],
              ],
            })
          }
        >
          {t('sites.richtext.table')}
        </Button>
        <Button size="small" icon={<PictureOutlined />} onClick={() => setPicking(true)}>
          {t('sites.richtext.image')}
        </Button>
      </Space>
      <ImagePicker
        open={picking}
        onClose={() => setPicking(false)}
        onPick={({ image, entryId }) => {
          if (entryId) picks.add(entryId);
          insert(value.length, { type: 'image', image });
        }}
      />
    </div>
  );
}
