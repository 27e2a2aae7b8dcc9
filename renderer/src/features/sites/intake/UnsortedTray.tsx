/** The unsorted tray: material no rule placed, to move into a column, an item, the logo, or discard. */
import { useState } from 'react';
import { App as AntApp, Button, Dropdown, Empty, List, Space, Tag, Typography, type MenuProps } from 'antd';
import { DeleteOutlined, SendOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { TrayTarget } from '../../../../../shared/api/sites';
import {
  itemTitle,
  plainText,
  sortedColumns,
  type ColumnType,
  type SiteContent,
  type UnsortedEntry,
} from '../../../../../shared/sites/model';
import { useShowError } from '../../../ui/apiErrors';
import { Thumb } from '../editor/images/Thumb';
import { NewColumnModal } from '../editor/NewColumnModal';
import { save, useBuilder } from '../state/siteStore';
import { trayNote } from './trayNote';

type Move = TrayTarget | { kind: 'askNewColumn' };

function targetMenu(
  content: SiteContent,
  entry: UnsortedEntry,
  t: (k: string, o?: Record<string, unknown>) => string,
): { items: MenuProps['items']; moves: Map<string, Move> } {
  const moves = new Map<string, Move>();
  const add = (key: string, move: Move) => (moves.set(key, move), key);
  const columns = sortedColumns(content);
  const hasImages = entry.images.length > 0;
  const items: MenuProps['items'] = [
    { key: add('newItem', { kind: 'askNewColumn' }), label: t('sites.tray.toNewColumn') },
    {
      key: 'item',
      label: t('sites.tray.toNewItem'),
      children: columns.map((c) => ({ key: add(`newItem:${c.id}`, { kind: 'newItem', columnId: c.id }), label: c.title })),
    },
    {
      key: 'body',
      label: t('sites.tray.toColumnBody'),
      children: columns.map((c) => ({ key: add(`body:${c.id}`, { kind: 'columnBody', columnId: c.id }), label: c.title })),
    },
  ];
  if (hasImages) {
    const withImages = columns
      .map((c) => ({ column: c, items: c.items.filter((i) => i.kind === 'product' || i.kind === 'article') }))
      .filter((g) => g.items.length > 0);
    items.push({
      key: 'images',
      label: t('sites.tray.toItemImages'),
      children: withImages.map((g) => ({
        key: `images:${g.column.id}`,
        label: g.column.title,
        children: g.items.map((i) => ({ key: add(`img:${i.id}`, { kind: 'itemImages', itemId: i.id }), label: itemTitle(i) })),
      })),
    });
    items.push({ key: add('logo', { kind: 'logo' }), label: t('sites.tray.toLogo') });
  }
  return { items, moves };
}

function TrayEntry({ entry, content }: { entry: UnsortedEntry; content: SiteContent }) {
  const { t } = useTranslation();
  const { modal } = AntApp.useApp();
  const showError = useShowError();
  const [asking, setAsking] = useState(false);
  const text = plainText(entry.blocks, { images: false });
  const { items, moves } = targetMenu(content, entry, t);

  const place = async (target: TrayTarget) => {
    try {
      await save('sites.moveFromTray', { entryId: entry.id, target });
    } catch (error) {
      showError(error);
    }
  };
  const placeInNewColumn = (type: ColumnType, title: string) =>
    save('sites.moveFromTray', { entryId: entry.id, target: { kind: 'newColumn', type, title } }).then(() => setAsking(false));
  const onMenu: MenuProps['onClick'] = ({ key }) => {
    const move = moves.get(key);
    if (!move) return;
    if (move.kind === 'askNewColumn') setAsking(true);
    else void place(move);
  };
  const discard = () => {
    modal.confirm({
      title: t('sites.tray.discardConfirm'),
      okButtonProps: { danger: true },
      okText: t('sites.tray.discard'),
      onOk: () => save('sites.discardTrayEntry', { entryId: entry.id }).catch(showError),
    });
  };

  return (
    <List.Item className="ecw-tray-entry" data-testid="tray-entry">
      <div className="ecw-tray-main">
        <Space size={6} wrap>
          {entry.images.map((image) => (
            <Thumb key={image.sha256} image={image} size={56} />
          ))}
        </Space>
        <div className="ecw-tray-text">
          <Typography.Text strong>
            {entry.images
              .map((i) => i.fileName)
              .filter(Boolean)
              .join('、') || entry.source}
          </Typography.Text>
          {text ? (
            <Typography.Paragraph ellipsis={{ rows: 2 }} className="ecw-tray-excerpt">
              {text}
            </Typography.Paragraph>
          ) : null}
          <Typography.Text type="secondary" className="ecw-small">
            {entry.ocr ? (
              <Tag color="orange" data-testid="tray-ocr">
                {t('sites.tray.ocr')}
              </Tag>
            ) : null}
            {t('sites.tray.from', { source: entry.source })} {trayNote(entry, t)}
          </Typography.Text>
        </div>
      </div>
      <Space>
        <Dropdown menu={{ items, onClick: onMenu }} trigger={['click']}>
          <Button size="small" icon={<SendOutlined />} data-testid="tray-move">
            {t('sites.tray.move')}
          </Button>
        </Dropdown>
        <Button
          size="small"
          danger
          type="text"
          icon={<DeleteOutlined />}
          onClick={discard}
          aria-label={t('sites.tray.discard')}
          data-testid="tray-discard"
        />
      </Space>
      <NewColumnModal open={asking} onClose={() => setAsking(false)} onCreate={placeInNewColumn} />
    </List.Item>
  );
}

export function UnsortedTray() {
  const { t } = useTranslation();
  const content = useBuilder((s) => s.site?.content);
  if (!content) return null;
  if (content.unsorted.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('sites.tray.empty')} />;
  return (
    <div data-testid="unsorted-tray">
      <Typography.Paragraph type="secondary">{t('sites.tray.hint')}</Typography.Paragraph>
      <List dataSource={content.unsorted} renderItem={(entry) => <TrayEntry key={entry.id} entry={entry} content={content} />} />
    </div>
  );
}
