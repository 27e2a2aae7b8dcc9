/**
 * 模板: every industry template in its three colour styles, each shown as a real thumbnail of this
 * site's home page; the one the enterprise's industry suggests is marked. Layout options below.
 */
import { useMemo, useState } from 'react';
import { Badge, Card, Tag, Tooltip, Typography } from 'antd';
import { CheckCircleFilled, StarFilled } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { suggestTemplate, TEMPLATES, type TemplateChoice } from '../../../../../shared/sites';
import { useShowError } from '../../../app/apiErrors';
import { SandboxFrame } from '../preview/SandboxFrame';
import { imagesOf } from '../state/previewContent';
import { readyForBuild, useImageCache } from '../state/imageCache';
import { save, useBuilder } from '../state/siteStore';
import { LayoutOptions } from './LayoutOptions';
import { useThumbnails } from './thumbnails';

const THUMB_SCALE = 0.16;

export function TemplatePicker() {
  const { t } = useTranslation();
  const showError = useShowError();
  const site = useBuilder((s) => s.site!);
  const imagesVersion = useImageCache((s) => s.version);
  const [busy, setBusy] = useState<string | null>(null);
  const content = site.content;
  const choice = content.template;
  const suggested = suggestTemplate(content.profile.industry.section, content.profile.industry.division);
  const ordered = [suggested, ...TEMPLATES.filter((tpl) => tpl.id !== suggested.id)];
  const keys = ordered.flatMap((tpl) => tpl.styles.map((s) => `${tpl.id}:${s.id}`));
  const imagesReady = readyForBuild(imagesOf(content));
  const version = useMemo(() => `${site.id}:${site.revision}:${imagesReady}:${imagesReady ? 0 : imagesVersion}`, [site.id, site.revision, imagesReady, imagesVersion]);
  const thumbs = useThumbnails(imagesReady ? content : undefined, keys, version);

  const pick = async (templateId: string, styleId: string) => {
    const template: TemplateChoice = { templateId, styleId, options: templateId === choice.templateId ? choice.options : {} };
    setBusy(`${templateId}:${styleId}`);
    try {
      await save('sites.setTemplate', { template });
    } catch (error) {
      showError(error);
    } finally {
      setBusy(null);
    }
  };

  return (
    <div className="ecw-template-picker" data-testid="template-picker">
      <Typography.Paragraph type="secondary">{t('sites.template.hint')}</Typography.Paragraph>
      {ordered.map((tpl) => (
        <Card
          key={tpl.id}
          size="small"
          className={`ecw-template-row${tpl.id === suggested.id ? ' is-suggested' : ''}`}
          title={
            <span>
              {tpl.name}
              {tpl.id === suggested.id ? (
                <Tag color="gold" icon={<StarFilled />} className="ecw-gap-left" data-testid="template-suggested">
                  {t('sites.template.suggested')}
                </Tag>
              ) : null}
            </span>
          }
          data-testid={`template-${tpl.id}`}
        >
          <div className="ecw-template-styles">
            {tpl.styles.map((style) => {
              const key = `${tpl.id}:${style.id}`;
              const chosen = choice.templateId === tpl.id && choice.styleId === style.id;
              return (
                <Tooltip key={key} title={t('sites.template.use', { template: tpl.name, style: style.name })}>
                  <button
                    type="button"
                    className={`ecw-template-choice${chosen ? ' is-chosen' : ''}`}
                    onClick={() => !chosen && void pick(tpl.id, style.id)}
                    disabled={busy !== null}
                    aria-pressed={chosen}
                    data-testid={`template-choice-${tpl.id}-${style.id}`}
                  >
                    <Badge count={chosen ? <CheckCircleFilled className="ecw-chosen-mark" /> : 0}>
                      {thumbs[key] ? (
                        <SandboxFrame html={thumbs[key]} width={1280} height={900} scale={THUMB_SCALE} title={`${tpl.name} ${style.name}`} />
                      ) : (
                        <div className="ecw-thumb-placeholder" style={{ width: 1280 * THUMB_SCALE, height: 900 * THUMB_SCALE, background: style.palette.surface }} />
                      )}
                    </Badge>
                    <span className="ecw-template-style-name">
                      <span className="ecw-swatch" style={{ background: style.palette.primary }} />
                      {style.name}
                    </span>
                  </button>
                </Tooltip>
              );
            })}
          </div>
        </Card>
      ))}
      <LayoutOptions />
    </div>
  );
}
