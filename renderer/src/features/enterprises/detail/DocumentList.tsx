/** The enterprise's stored documents (signed service orders, sign-offs, the licence photo): open, print, download. */
import { useState } from 'react';
import { Button, Modal, Table, Typography } from 'antd';
import { FileImageOutlined, FilePdfOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { DocumentInfo } from '../../../../../shared/api/orders';
import { fileUrl } from '../../../api/client';
import { DocumentViewer } from '../../orders';

const isPicture = (doc: DocumentInfo) => doc.mime.startsWith('image/');

const sizeText = (bytes: number) =>
  bytes < 1024 * 1024 ? `${Math.max(1, Math.round(bytes / 1024))} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`;

export function DocumentList({ documents }: { documents: DocumentInfo[] }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState<DocumentInfo | null>(null);
  return (
    <>
      <Table<DocumentInfo>
        size="small"
        rowKey="id"
        pagination={false}
        showHeader={false}
        dataSource={documents}
        locale={{ emptyText: <Typography.Text type="secondary">{t('enterprises.detail.noDocuments')}</Typography.Text> }}
        onRow={() => ({ 'data-testid': 'document-row' }) as React.HTMLAttributes<HTMLElement>}
        columns={[
          {
            key: 'title',
            render: (_, doc) => (
              <span>
                {isPicture(doc) ? (
                  <FileImageOutlined style={{ color: '#2f6fb3', marginInlineEnd: 8 }} />
                ) : (
                  <FilePdfOutlined style={{ color: '#c0392b', marginInlineEnd: 8 }} />
                )}
                {doc.title}
              </span>
            ),
          },
          { key: 'size', render: (_, doc) => sizeText(doc.bytes), width: 90 },
          { key: 'at', render: (_, doc) => dayjs(doc.createdAt).format('YYYY-MM-DD HH:mm'), width: 150 },
          {
            key: 'open',
            width: 90,
            align: 'right',
            render: (_, doc) => (
              <Button size="small" onClick={() => setOpen(doc)} data-testid="document-open">
                {t('orders.document.open')}
              </Button>
            ),
          },
        ]}
      />
      <Modal open={Boolean(open)} title={open?.title} onCancel={() => setOpen(null)} footer={null} width={900} destroyOnHidden>
        {open &&
          (isPicture(open) ? (
            <img src={fileUrl('files.document', { id: open.id })} alt={open.title} style={{ maxWidth: '100%' }} />
          ) : (
            <DocumentViewer documentId={open.id} height={640} />
          ))}
      </Modal>
    </>
  );
}
