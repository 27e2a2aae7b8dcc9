/** One column: title, channels, its own text (a draft shown live) and its items. */
import { useRef } from 'react';
import { App as AntApp, Button, Card, Dropdown, Space, Tag, Typography } from 'antd';
import { DeleteOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { richTextSchema, type Column } from '../../../../../shared/sites/model';
import { useShowError } from '../../../ui/apiErrors';
import { save, useBuilder } from '../state/siteStore';
import { ColumnChannels } from './ChannelSwitches';
import { ColumnTitle } from './ColumnTitle';
import { Field } from './Field';
import { ItemList } from './ItemList';
import { RichTextEditor } from './richtext/RichTextEditor';
import { TrayPicksContext } from './richtext/trayPicks';
import { SaveBar } from './SaveBar';
import { useDraftEditor } from './useDraftEditor';
import { useFieldFocus } from './useFieldFocus';

const TEXT_ONLY = new Set(['intro', 'contact', 'custom']);

export function ColumnEditor({ column }: { column: Column }) {
  const { t } = useTranslation();
  const { modal } = AntApp.useApp();
  const showError = useShowError();
  const draft = useBuilder((s) => s.drafts.columnBodies[column.id]);
  const setDraft = useBuilder((s) => s.setColumnBodyDraft);
  const select = useBuilder((s) => s.select);
  const root = useRef<HTMLDivElement>(null);
  const editor = useDraftEditor({
    root,
    saved: column.body,
    draft,
    setDraft: (body) => setDraft(column.id, body),
    schema: richTextSchema,
    store: (body) => save('sites.updateColumn', { columnId: column.id, body }),
  });
  useFieldFocus(root, true);

  const remove = (discard: boolean) => {
    const run = () => save('sites.removeColumn', { columnId: column.id, discard }).then(() => select({}), showError);
    modal.confirm({
      title: discard ? t('sites.column.deleteConfirm', { title: column.title }) : t('sites.column.toTrayConfirm', { title: column.title }),
      okButtonProps: { danger: discard },
      onOk: run,
    });
  };

  return (
    <TrayPicksContext.Provider value={editor.trayPicks}>
      <div ref={root} className="ecw-column-editor" data-testid="column-editor">
        <div className="ecw-column-editor-head">
          <Space>
            <Typography.Title level={5} className="ecw-inline-title">
              {column.title}
            </Typography.Title>
            <Tag>{t(`sites.columnType.${column.type}`)}</Tag>
          </Space>
          <Dropdown
            trigger={['click']}
            menu={{
              items: [
                { key: 'tray', label: t('sites.column.removeToTray') },
                { key: 'delete', label: t('sites.column.delete'), danger: true },
              ],
              onClick: ({ key }) => remove(key === 'delete'),
            }}
          >
            <Button icon={<DeleteOutlined />} data-testid="column-remove">
              {t('sites.column.remove')}
            </Button>
          </Dropdown>
        </div>
        <ColumnTitle column={column} />
        <Field label={t('sites.column.channels')} field="channels" hint={t('sites.column.channelsHint')}>
          <ColumnChannels column={column} />
        </Field>
        <Card
          size="small"
          className="ecw-column-body"
          title={TEXT_ONLY.has(column.type) ? t('sites.column.pageText') : t('sites.column.introText')}
        >
          <RichTextEditor value={editor.value} onChange={editor.change} field="body" testId="column-body" />
          <SaveBar
            dirty={editor.dirty}
            saving={editor.saving}
            onSave={() => void editor.save()}
            onDiscard={editor.discard}
            testId="column-body-save"
          />
        </Card>
        <Typography.Title level={5}>{t('sites.column.items', { count: column.items.length })}</Typography.Title>
        <ItemList column={column} />
      </div>
    </TrayPicksContext.Provider>
  );
}
