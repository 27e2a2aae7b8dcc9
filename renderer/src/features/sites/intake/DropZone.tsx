/** Drop files or a whole folder here, or pick them: the customer's Word files, notes and photos. */
import { useRef, useState, type DragEvent } from 'react';
import { Button, Space, Typography } from 'antd';
import { FileAddOutlined, FolderOpenOutlined, InboxOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { filesFromDrop, filesFromInput, type PickedFile } from './readFiles';

interface Props {
  disabled?: boolean;
  onFiles: (files: PickedFile[]) => void;
}

export function DropZone({ disabled, onFiles }: Props) {
  const { t } = useTranslation();
  const [over, setOver] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);
  const folderInput = useRef<HTMLInputElement>(null);

  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setOver(false);
    if (disabled) return;
    void filesFromDrop(event.dataTransfer).then((files) => files.length && onFiles(files));
  };
  const onPicked = (input: HTMLInputElement | null) => {
    if (!input?.files?.length) return;
    onFiles(filesFromInput(input.files));
    input.value = '';
  };

  return (
    <div
      className={`ecw-dropzone${over ? ' is-over' : ''}${disabled ? ' is-disabled' : ''}`}
      onDragOver={(e) => {
        e.preventDefault();
        e.dataTransfer.dropEffect = 'copy';
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={onDrop}
      data-testid="intake-dropzone"
    >
      <InboxOutlined className="ecw-dropzone-icon" />
      <Typography.Text strong>{t('sites.intake.dropTitle')}</Typography.Text>
      <Typography.Text type="secondary">{t('sites.intake.dropHint')}</Typography.Text>
      <Space wrap className="ecw-dropzone-actions">
        <Button
          icon={<FolderOpenOutlined />}
          disabled={disabled}
          onClick={() => folderInput.current?.click()}
          data-testid="intake-pick-folder"
        >
          {t('sites.intake.pickFolder')}
        </Button>
        <Button icon={<FileAddOutlined />} disabled={disabled} onClick={() => fileInput.current?.click()} data-testid="intake-pick-files">
          {t('sites.intake.pickFiles')}
        </Button>
      </Space>
      <input ref={fileInput} type="file" multiple hidden onChange={(e) => onPicked(e.currentTarget)} data-testid="intake-file-input" />
      <input
        ref={(el) => {
          folderInput.current = el;
          // React does not know the attribute; set it on the element itself.
          el?.setAttribute('webkitdirectory', '');
        }}
        type="file"
        multiple
        hidden
        onChange={(e) => onPicked(e.currentTarget)}
        data-testid="intake-folder-input"
      />
    </div>
  );
}
