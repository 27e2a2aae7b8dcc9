/**
 * The four channels as their audiences will see them, recompiled live from the saved site and the
 * drafts: WEB (desktop, phone), WAP 2.0, WAP 1.0, SMS — and the build report.
 */
import { useEffect, useMemo, useState } from 'react';
import { Badge, Button, Card, Segmented, Space, Spin, Tag, Tooltip, Typography } from 'antd';
import { FullscreenExitOutlined, FullscreenOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useBuilder } from '../state/siteStore';
import { useCompiled } from '../state/compiledStore';
import { FramePreview } from './FramePreview';
import { PagePicker } from './PagePicker';
import { pageForSelection, pagesOf } from './pages';
import { PageSize } from './PageSize';
import { ReportPanel } from './ReportPanel';
import { SmsSimulator } from './SmsSimulator';
import { Wap1Phone } from './Wap1Phone';

type Mode = 'desktop' | 'phone' | 'wap2' | 'wap1' | 'sms' | 'report';
type PageChannel = 'web' | 'wap2' | 'wap1';

const CHANNEL_OF: Partial<Record<Mode, PageChannel>> = { desktop: 'web', phone: 'web', wap2: 'wap2', wap1: 'wap1' };

export function PreviewPanel({ enterpriseId }: { enterpriseId: string }) {
  const { t } = useTranslation();
  const compiled = useCompiled((s) => s.compiled);
  const error = useCompiled((s) => s.error);
  const content = useBuilder((s) => s.site!.content);
  const selection = useBuilder((s) => s.selection);
  const [mode, setMode] = useState<Mode>('desktop');
  const [chosen, setChosen] = useState<Partial<Record<PageChannel, string>>>({});
  const [expanded, setExpanded] = useState(false);
  const channel = CHANNEL_OF[mode];
  const pages = useMemo(() => (channel ? pagesOf(compiled, channel, content, t) : []), [compiled, channel, content, t]);
  const followed = pageForSelection(pages, selection);

  useEffect(() => {
    if (!expanded) return;
    const onKey = (event: KeyboardEvent) => event.key === 'Escape' && setExpanded(false);
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [expanded]);

  // The editor's selection moves every channel's preview to the page that shows it.
  useEffect(() => setChosen({}), [selection.columnId, selection.itemId]);
  const path = channel ? (chosen[channel] && pages.some((p) => p.path === chosen[channel]) ? chosen[channel] : followed) : undefined;
  const errors = compiled?.result.report.summary.errors ?? 0;
  const warnings = compiled?.result.report.summary.warnings ?? 0;

  /** A tab's name, and its short one for a narrow panel (the style sheet shows one of them). */
  const label = (value: Mode, long: string) => (
    <span data-testid={`preview-mode-${value}`} title={long}>
      <span className="ecw-mode-long">{long}</span>
      <span className="ecw-mode-short">{t(`sites.preview.short.${value}`)}</span>
    </span>
  );
  const modes = [
    { value: 'desktop', label: label('desktop', t('sites.preview.webDesktop')) },
    { value: 'phone', label: label('phone', t('sites.preview.webPhone')) },
    { value: 'wap2', label: label('wap2', 'WAP 2.0') },
    { value: 'wap1', label: label('wap1', 'WAP 1.0') },
    { value: 'sms', label: label('sms', t('sites.preview.sms')) },
    {
      value: 'report',
      // The count beside the name, not over its corner: a tab's label clips what sticks out of it.
      label: (
        <span className="ecw-mode-report">
          {label('report', t('sites.preview.report'))}
          <Badge count={errors || warnings} color={errors ? 'red' : 'gold'} size="small" />
        </span>
      ),
    },
  ];

  return (
    <Card size="small" className={`ecw-preview-card${expanded ? ' is-expanded' : ''}`} data-testid="preview-panel">
      <div className="ecw-preview-modes">
        <Segmented block value={mode} onChange={(v) => setMode(v as Mode)} options={modes} data-testid="preview-mode" />
        <Tooltip title={expanded ? t('sites.preview.shrink') : t('sites.preview.expand')}>
          <Button
            type="text"
            icon={expanded ? <FullscreenExitOutlined /> : <FullscreenOutlined />}
            onClick={() => setExpanded((v) => !v)}
            aria-label={expanded ? t('sites.preview.shrink') : t('sites.preview.expand')}
            data-testid="preview-expand"
          />
        </Tooltip>
      </div>
      <div className="ecw-preview-status">
        {compiled ? (
          <Space size={6} wrap>
            <Typography.Text type="secondary" className="ecw-small" data-testid="preview-status">
              {t('sites.preview.built', { revision: compiled.revision, ms: Math.max(1, Math.round(compiled.ms)) })}
            </Typography.Text>
            {compiled.withDrafts ? <Tag color="orange">{t('sites.preview.withDrafts')}</Tag> : null}
          </Space>
        ) : (
          <Spin size="small" />
        )}
        {channel && compiled ? (
          <PagePicker pages={pages} value={path} onChange={(p) => setChosen((c) => ({ ...c, [channel]: p }))} />
        ) : null}
      </div>
      {error ? <Typography.Text type="danger">{t('sites.preview.failed', { error })}</Typography.Text> : null}
      {compiled ? (
        <div className="ecw-preview-body">
          {mode === 'desktop' || mode === 'phone' || mode === 'wap2' ? (
            <FramePreview key={mode} compiled={compiled} path={path} mode={mode} />
          ) : null}
          {mode === 'wap1' ? <Wap1Phone compiled={compiled} start={path} /> : null}
          {channel ? <PageSize compiled={compiled} path={path} /> : null}
          {mode === 'sms' ? <SmsSimulator site={compiled.sms} enterpriseId={enterpriseId} /> : null}
          {mode === 'report' ? <ReportPanel compiled={compiled} /> : null}
        </div>
      ) : null}
    </Card>
  );
}
