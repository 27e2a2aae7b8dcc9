/** Save (Ctrl+S) and discard for a draft, with a note while there are unsaved changes. */
import { useEffect } from 'react';
import { Button, Space, Tag } from 'antd';
import { SaveOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Kbd } from '../../../ui/Kbd';

interface Props {
  dirty: boolean;
  saving: boolean;
  onSave: () => void;
  onDiscard: () => void;
  testId?: string;
  /** Other words for the two buttons (adding a new item: 添加, 取消). */
  labels?: { save: string; discard: string };
}

export function SaveBar({ dirty, saving, onSave, onDiscard, testId = 'draft-save', labels }: Props) {
  const { t } = useTranslation();
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 's') {
        event.preventDefault();
        if (dirty && !saving) onSave();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [dirty, saving, onSave]);

  return (
    <div className="ecw-savebar">
      <Space>
        <Button type="primary" icon={<SaveOutlined />} disabled={!dirty} loading={saving} onClick={onSave} data-testid={testId}>
          {labels?.save ?? t('common.save')}
        </Button>
        <Button disabled={!dirty || saving} onClick={onDiscard} data-testid={`${testId}-discard`}>
          {labels?.discard ?? t('sites.editor.discard')}
        </Button>
        {dirty ? <Tag color="orange">{t('sites.editor.unsaved')}</Tag> : <Tag>{t('sites.editor.allSaved')}</Tag>}
      </Space>
      <span className="ecw-muted ecw-small ecw-nowrap">
        <Kbd>Ctrl</Kbd>+<Kbd>S</Kbd> {t('common.save')}
      </span>
    </div>
  );
}
