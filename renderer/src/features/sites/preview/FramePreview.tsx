/**
 * WEB at desktop or phone width, or WAP 2.0 in a phone: the compiled page in a sandboxed frame.
 * Desktop pages are drawn 1280 px wide and scaled to the panel.
 */
import { useMemo } from 'react';
import { Empty, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Compiled } from '../state/compiledStore';
import { useImageCache } from '../state/imageCache';
import { previewDocument } from './pageDocument';
import { SandboxFrame } from './SandboxFrame';
import { useWidth } from './useWidth';

export type FrameMode = 'desktop' | 'phone' | 'wap2';

const SIZES: Record<FrameMode, { width: number; height: number }> = {
  desktop: { width: 1280, height: 860 },
  phone: { width: 375, height: 667 },
  wap2: { width: 240, height: 320 },
};

export function FramePreview({ compiled, path, mode }: { compiled: Compiled; path: string | undefined; mode: FrameMode }) {
  const { t } = useTranslation();
  const [ref, width] = useWidth<HTMLDivElement>();
  const imagesVersion = useImageCache((s) => s.version);
  // eslint-disable-next-line react-hooks/exhaustive-deps -- pictures arriving change the data URLs the document embeds
  const html = useMemo(() => (path ? previewDocument(compiled, path) : undefined), [compiled, path, imagesVersion]);
  const size = SIZES[mode];
  if (!html) return <Empty description={t('sites.preview.noPage')} />;

  if (mode === 'desktop') {
    const scale = width ? Math.min(1, width / size.width) : 0.4;
    return (
      <div ref={ref} className="ecw-desktop-preview">
        <div className="ecw-browser-bar">
          <span className="ecw-browser-dots" />
          <Typography.Text type="secondary" ellipsis className="ecw-small">
            {path}
          </Typography.Text>
        </div>
        <SandboxFrame html={html} width={size.width} height={Math.round(size.height)} scale={scale} title={t('sites.preview.webDesktop')} testId="preview-frame-web" />
      </div>
    );
  }
  const zoom = mode === 'wap2' ? 1.25 : 0.9;
  return (
    <div ref={ref} className={`ecw-phone ecw-phone-${mode}`}>
      <div className="ecw-phone-speaker" />
      <div className="ecw-phone-screen">
        <SandboxFrame html={html} width={size.width} height={size.height} scale={zoom} title={mode === 'wap2' ? t('sites.preview.wap2') : t('sites.preview.webPhone')} testId={`preview-frame-${mode}`} />
      </div>
      <div className="ecw-phone-home" />
    </div>
  );
}
