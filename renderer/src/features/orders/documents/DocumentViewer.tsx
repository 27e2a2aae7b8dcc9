/** The signed service order PDF on screen (drawn by pdf.js), with 打印 and 下载. */
import { useEffect, useRef, useState } from 'react';
import { Alert, Button, Space, Spin } from 'antd';
import { DownloadOutlined, PrinterOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { apiErrorText } from '../../../ui/apiErrors';
import { downloadDocument, useDocument } from './documentBlob';
import { drawPdfPages } from './pdfPages';

/** Prints only the document's pages (global.css hides the rest of the app while this class is on). */
function printPages(): void {
  document.body.classList.add('ecw-printing-document');
  window.addEventListener('afterprint', () => document.body.classList.remove('ecw-printing-document'), { once: true });
  window.print();
}

export function DocumentViewer({ documentId, height = 720 }: { documentId: string; height?: number }) {
  const { t } = useTranslation();
  const { doc, error } = useDocument(documentId);
  const pages = useRef<HTMLDivElement>(null);
  const [drawn, setDrawn] = useState<'drawing' | 'drawn' | 'failed'>('drawing');

  useEffect(() => {
    const box = pages.current;
    if (!doc || !box) return;
    let cancelled = false;
    setDrawn('drawing');
    drawPdfPages(
      doc.bytes,
      box,
      (page) => t('orders.document.page', { title: doc.title, page }),
      () => cancelled,
    ).then(
      () => !cancelled && setDrawn('drawn'),
      () => !cancelled && setDrawn('failed'),
    );
    return () => {
      cancelled = true;
      box.replaceChildren();
    };
  }, [doc, t]);

  if (error) return <Alert type="error" showIcon title={apiErrorText(error)} />;
  if (!doc) return <Spin />;
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <Space>
        <Button icon={<PrinterOutlined />} onClick={printPages} disabled={drawn !== 'drawn'} data-testid="document-print">
          {t('orders.document.print')}
        </Button>
        <Button icon={<DownloadOutlined />} onClick={() => downloadDocument(doc)} data-testid="document-download">
          {t('orders.document.download')}
        </Button>
      </Space>
      {drawn === 'failed' ? <Alert type="warning" showIcon title={t('orders.document.drawFailed')} /> : null}
      {/* A scrolled region: focusable, so the pages can be scrolled from the keyboard too. */}
      <div role="region" aria-label={doc.title} tabIndex={0} className="ecw-pdf-frame" style={{ height }} data-testid="document-frame">
        {drawn === 'drawing' ? <Spin className="ecw-pdf-spin" /> : null}
        {/* Filled by pdf.js, not by React. */}
        <div ref={pages} className="ecw-pdf-pages" />
      </div>
    </Space>
  );
}
