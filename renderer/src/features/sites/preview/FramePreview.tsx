/**
 * WEB at desktop or phone width, or WAP 2.0 in a phone: the compiled page in a sandboxed frame.
 * A desktop page is drawn as wide as a readable scale allows (at least 760 px, a desktop layout;
 * at most 1280 px) and scaled to the panel; phones shrink a little when the panel is narrow.
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

/** Desktop text stays readable at this scale or more (16 px body text → 12 px), down to a 760 px wide window. */
const READABLE_SCALE = 0.75;
const DESKTOP_MIN_WIDTH = 760;
/** How tall the scaled desktop frame is on screen; the page scrolls inside it. */
const DESKTOP_SHOWN_HEIGHT = 520;
/** The phone's bezel around its screen (.ecw-phone padding). */
const PHONE_BEZEL = 20;

/** The window width a desktop page is drawn at for a panel this wide, and the scale that fits it. */
export function desktopFit(panelWidth: number): { width: number; height: number; scale: number } {
  const width = Math.floor(Math.min(SIZES.desktop.width, Math.max(DESKTOP_MIN_WIDTH, panelWidth / READABLE_SCALE)));
  const scale = panelWidth ? Math.min(1, panelWidth / width) : 0.4;
  return { width, height: Math.round(Math.min(SIZES.desktop.height, DESKTOP_SHOWN_HEIGHT / scale)), scale };
}

export function FramePreview({ compiled, path, mode }: { compiled: Compiled; path: string | undefined; mode: FrameMode }) {
  const { t } = useTranslation();
  const [ref, width] = useWidth<HTMLDivElement>();
  const imagesVersion = useImageCache((s) => s.version);
  // eslint-disable-next-line react-hooks/exhaustive-deps -- pictures arriving change the data URLs the document embeds
  const html = useMemo(() => (path ? previewDocument(compiled, path) : undefined), [compiled, path, imagesVersion]);
  const size = SIZES[mode];
  if (!html) return <Empty description={t('sites.preview.noPage')} />;

  if (mode === 'desktop') {
    const fit = desktopFit(width);
    return (
      <div ref={ref} className="ecw-desktop-preview">
        <div className="ecw-browser-bar">
          <span className="ecw-browser-dots" />
          <Typography.Text type="secondary" ellipsis className="ecw-small">
            {path}
          </Typography.Text>
          <Typography.Text
            type="secondary"
            className="ecw-small ecw-browser-width"
            title={t('sites.preview.desktopWidth', { width: fit.width })}
          >
            {fit.width}px
          </Typography.Text>
        </div>
        <SandboxFrame
          html={html}
          width={fit.width}
          height={fit.height}
          scale={fit.scale}
          title={t('sites.preview.webDesktop')}
          testId="preview-frame-web"
        />
      </div>
    );
  }
  const room = width ? (width - PHONE_BEZEL) / size.width : 1;
  const zoom = Math.min(mode === 'wap2' ? 1.25 : 0.9, room);
  return (
    <div ref={ref} className="ecw-phone-slot">
      <div className={`ecw-phone ecw-phone-${mode}`}>
        <div className="ecw-phone-speaker" />
        <div className="ecw-phone-screen">
          <SandboxFrame
            html={html}
            width={size.width}
            height={size.height}
            scale={zoom}
            title={mode === 'wap2' ? t('sites.preview.wap2') : t('sites.preview.webPhone')}
            testId={`preview-frame-${mode}`}
          />
        </div>
        <div className="ecw-phone-home" />
      </div>
    </div>
  );
}
