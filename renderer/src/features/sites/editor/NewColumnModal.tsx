/** A new column: its type (which decides its items) and title. Failures keep the modal and what was typed. */
import { useState } from 'react';
import { Alert, Form, Input, Modal, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { COLUMN_TYPES, type ColumnType } from '../../../../../shared/sites/model';
import { apiErrorText } from '../../../ui/apiErrors';
import { validationText } from '../../../i18n';

interface Props {
  open: boolean;
  onClose: () => void;
  onCreate: (type: ColumnType, title: string) => Promise<unknown>;
}

export function NewColumnModal({ open, onClose, onCreate }: Props) {
  const { t } = useTranslation();
  const [type, setType] = useState<ColumnType>('custom');
  const [title, setTitle] = useState('');
  const [titleError, setTitleError] = useState('');
  const [failure, setFailure] = useState('');
  const [busy, setBusy] = useState(false);

  const submit = async () => {
    const trimmed = title.trim();
    if (!trimmed) return setTitleError(validationText('site.text.required'));
    if (trimmed.length > 30) return setTitleError(validationText('site.text.too_long', { max: 30 }));
    setBusy(true);
    try {
      await onCreate(type, trimmed);
      setTitle('');
      setFailure('');
    } catch (error) {
      setFailure(apiErrorText(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={open}
      title={t('sites.column.new')}
      okText={t('sites.column.create')}
      onOk={() => void submit()}
      confirmLoading={busy}
      onCancel={onClose}
      destroyOnHidden
      focusable={{ focusTriggerAfterClose: false }}
    >
      <Form layout="vertical" component="div">
        <Form.Item label={t('sites.column.type')} htmlFor="new-column-type">
          <Select
            id="new-column-type"
            value={type}
            onChange={(v: ColumnType) => {
              setType(v);
              if (!title.trim()) setTitle(t(`sites.columnType.${v}`));
            }}
            options={COLUMN_TYPES.map((c) => ({ value: c, label: t(`sites.columnType.${c}`) }))}
          />
        </Form.Item>
        <Form.Item
          label={t('sites.column.title')}
          required
          htmlFor="new-column-title"
          validateStatus={titleError ? 'error' : undefined}
          help={titleError || undefined}
        >
          <Input
            id="new-column-title"
            value={title}
            maxLength={30}
            showCount
            onChange={(e) => (setTitle(e.target.value), setTitleError(''))}
            onPressEnter={() => void submit()}
            data-testid="new-column-title"
          />
        </Form.Item>
        {failure ? <Alert type="error" showIcon title={failure} /> : null}
      </Form>
    </Modal>
  );
}
