/**
 * Importing a roster: a file (.xlsx, .csv) or cells pasted from a spreadsheet; then a preview of
 * what would change — added, changed, removed, refused (with the row and why) — with the column
 * mapping to adjust. Nothing is saved until the manager imports what the preview shows.
 */
import { useState } from 'react';
import { Alert, App as AntApp, Button, Checkbox, Drawer, Input, Space, Tabs, Upload } from 'antd';
import { InboxOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { Input as ApiInput } from '../../../../../shared/api';
import type { ColumnMapping, ImportPreview } from '../../../../../shared/domain/roster';
import { call } from '../../../api/client';
import { useApiMutation } from '../../../api/hooks';
import { apiErrorText } from '../../../ui/apiErrors';
import { fileBase64 } from '../../../ui/fileBase64';
import { PreviewView } from './PreviewView';

type Source = ApiInput<'roster.import'>['source'];

interface Props {
  enterpriseId: string;
  open: boolean;
  onClose: () => void;
}

/** What the preview was made from: the source, and the sheet and mapping the manager chose (else recognised). */
interface Choice {
  source: Source;
  sheet?: string;
  mapping?: ColumnMapping;
}

export function ImportDrawer({ enterpriseId, open, onClose }: Props) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const [choice, setChoice] = useState<Choice | null>(null);
  const [paste, setPaste] = useState('');
  const [replace, setReplace] = useState(false);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [loading, setLoading] = useState(false);
  const [failure, setFailure] = useState('');

  const reset = () => {
    setChoice(null);
    setPreview(null);
    setFailure('');
  };
  const close = () => {
    reset();
    setPaste('');
    onClose();
  };
  const inputOf = (c: Choice): ApiInput<'roster.import'> => ({ enterpriseId, replace, ...c });
  const showPreview = async (c: Choice) => {
    setChoice(c);
    setLoading(true);
    setFailure('');
    try {
      setPreview(await call('roster.previewImport', inputOf(c)));
    } catch (error) {
      setFailure(apiErrorText(error));
    } finally {
      setLoading(false);
    }
  };
  const importRoster = useApiMutation('roster.import', {
    onSuccess: (result) => {
      void message.success(
        t('roster.import.done', { added: result.added, changed: result.changed, removed: result.removed, refused: result.refused.length }),
      );
      close();
    },
    onError: (error) => setFailure(apiErrorText(error)),
  });
  const pickFile = async (file: File) => showPreview({ source: { kind: 'file', name: file.name, base64: await fileBase64(file) } });

  return (
    <Drawer open={open} onClose={close} title={t('roster.import.title')} size="large" destroyOnHidden>
      {preview && choice ? (
        <PreviewView
          preview={preview}
          loading={loading}
          importing={importRoster.isPending}
          onSheet={(sheet) => void showPreview({ source: choice.source, sheet })}
          onMapping={(mapping) => void showPreview({ ...choice, mapping })}
          onBack={reset}
          onImport={() => importRoster.mutate(inputOf(choice))}
        />
      ) : (
        <Space orientation="vertical" size={16} style={{ width: '100%' }}>
          <Tabs
            items={[
              {
                key: 'file',
                label: t('roster.import.fromFile'),
                children: (
                  <Upload.Dragger
                    accept=".xlsx,.xlsm,.xls,.et,.csv,.txt,.docx"
                    multiple={false}
                    showUploadList={false}
                    beforeUpload={(file) => {
                      void pickFile(file);
                      return false;
                    }}
                    data-testid="roster-file"
                  >
                    <p className="ant-upload-drag-icon">
                      <InboxOutlined />
                    </p>
                    <p>{t('roster.import.drop')}</p>
                    <p className="ecw-muted">{t('roster.import.formats')}</p>
                  </Upload.Dragger>
                ),
              },
              {
                key: 'paste',
                label: t('roster.import.fromPaste'),
                children: (
                  <Space orientation="vertical" style={{ width: '100%' }}>
                    <Input.TextArea
                      rows={10}
                      value={paste}
                      onChange={(e) => setPaste(e.target.value)}
                      placeholder={t('roster.import.pasteHint')}
                      aria-label={t('roster.import.fromPaste')}
                      data-testid="roster-paste"
                    />
                    <Button
                      type="primary"
                      disabled={!paste.trim()}
                      loading={loading}
                      onClick={() => void showPreview({ source: { kind: 'paste', text: paste } })}
                      data-testid="roster-paste-preview"
                    >
                      {t('roster.import.preview')}
                    </Button>
                  </Space>
                ),
              },
            ]}
          />
          <Checkbox checked={replace} onChange={(e) => setReplace(e.target.checked)} data-testid="roster-replace">
            {t('roster.import.replace')}
          </Checkbox>
        </Space>
      )}
      {failure ? <Alert className="ecw-roster-alert" type="error" showIcon title={failure} data-testid="roster-import-failure" /> : null}
    </Drawer>
  );
}
