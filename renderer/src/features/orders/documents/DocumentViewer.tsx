/** The signed service order PDF on screen, with 打印 and 下载. */
import { useRef } from 'react';
import { Alert, Button, Space, Spin } from 'antd';
import { DownloadOutlined, PrinterOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { apiErrorText } from '../../../ui/apiErrors';
import { downloadDocument, useDocument } from './documentBlob';

export function DocumentViewer({ documentId, height = 720 }: { documentId: string; height?: number }) {
  const { t } = useTranslation();
  const { doc, error } = useDocument(documentId);
  const frame = useRef<HTMLIFrameElement>(null);
  if (error) return <Alert type="error" showIcon title={apiErrorText(error)} />;
  if (!doc) return <Spin />;
  const print = () => {
    const win = frame.current?.contentWindow;
    if (win) win.print();
    else window.open(doc.url);
  };
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <Space>
        <Button icon={<PrinterOutlined />} onClick={print} data-testid="document-print">
          {t('orders.document.print')}
        </Button>
        <Button icon={<DownloadOutlined />} onClick={() => downloadDocument(doc)} data-testid="document-download">
          {t('orders.document.download')}
        </Button>
      </Space>
      <iframe ref={frame} title={doc.title} src={doc.url} className="ecw-pdf-frame" style={{ height }} data-testid="document-frame" />
    </Space>
  );
}
