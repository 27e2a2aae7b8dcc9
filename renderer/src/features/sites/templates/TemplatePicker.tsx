/**
 * 模板: every industry template in its three colour styles, each shown as a real thumbnail of this
 * site's home page; the one the enterprise's industry suggests is marked. Layout options below.
 */
import { useMemo, useState } from 'react';
import { Badge, Card, Spin, Tag, Tooltip, Typography } from 'antd';
import { CheckCircleFilled, LoadingOutlined, StarFilled } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { suggestTemplate, TEMPLATES, type TemplateChoice } from '../../../../../shared/sites';
import { useShowError } from '../../../ui/apiErrors';
import { SandboxFrame } from '../preview/SandboxFrame';
import { imagesOf } from '../state/previewContent';
import { readyForBuild, useImageCache } from '../state/imageCache';
import { save, useBuilder } from '../state/siteStore';
import { LayoutOptions } from './LayoutOptions';
import { useThumbnails } from './thumbnails';

const THUMB_SCALE = 0.16;

const withoutFirst = (list: string[], key: string) => {
  const i = list.indexOf(key);
  return i < 0 ? list : [...list.slice(0, i), ...list.slice(i + 1)];
};

export function TemplatePicker() {
  const { t } = useTranslation();
  const showError = useShowError();
  const site = useBuilder((s) => s.site!);
  const imagesVersion = useImageCache((s) => s.version);
  /** Tiles clicked and not saved yet, in click order: each becomes a revision, the last one wins. */
  const [queued, setQueued] = useState<string[]>([]);
  const content = site.content;
  const choice = content.template;
  const shown = queued.at(-1) ?? `${choice.templateId}:${choice.styleId}`;
  const suggested = suggestTemplate(content.profile.industry.section, content.profile.industry.division);
  const ordered = [suggested, ...TEMPLATES.filter((tpl) => tpl.id !== suggested.id)];
  const keys = ordered.flatMap((tpl) => tpl.styles.map((s) => `${tpl.id}:${s.id}`));
  const imagesReady = readyForBuild(imagesOf(content));
  const version = useMemo(
    () => `${site.id}:${site.revision}:${imagesReady}:${imagesReady ? 0 : imagesVersion}`,
    [site.id, site.revision, imagesReady, imagesVersion],
  );
  const thumbs = useThumbnails(imagesReady ? content : undefined, keys, version);

  const pick = (templateId: string, styleId: string) => {
    const key = `${templateId}:${styleId}`;
    setQueued((q) => [...q, key]);
    // Made on the template as saved when its turn comes: the layout options stay within one template.
    const template = (saved: TemplateChoice): TemplateChoice | null =>
      saved.templateId === templateId && saved.styleId === styleId
        ? null
        : { templateId, styleId, options: templateId === saved.templateId ? saved.options : {} };
    void save('sites.setTemplate', (s) => {
      const next = template(s.content.template);
      return next && { template: next };
    })
      .catch(showError)
      .finally(() => setQueued((q) => withoutFirst(q, key)));
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
              const chosen = shown === key;
              const saving = queued.includes(key);
              return (
                <Tooltip key={key} title={t('sites.template.use', { template: tpl.name, style: style.name })}>
                  <button
                    type="button"
                    className={`ecw-template-choice${chosen ? ' is-chosen' : ''}${saving ? ' is-saving' : ''}`}
                    onClick={() => !chosen && pick(tpl.id, style.id)}
                    aria-pressed={chosen}
                    aria-busy={saving}
                    data-testid={`template-choice-${tpl.id}-${style.id}`}
                  >
                    {saving ? (
                      <span className="ecw-template-saving" data-testid="template-saving">
                        <Spin indicator={<LoadingOutlined spin />} /> {t('sites.template.saving')}
                      </span>
                    ) : null}
                    <Badge count={chosen && !saving ? <CheckCircleFilled className="ecw-chosen-mark" /> : 0}>
                      {thumbs[key] ? (
                        <SandboxFrame
                          html={thumbs[key]}
                          width={1280}
                          height={900}
                          scale={THUMB_SCALE}
                          title={`${tpl.name} ${style.name}`}
                        />
                      ) : (
                        <div
                          className="ecw-thumb-placeholder"
                          style={{ width: 1280 * THUMB_SCALE, height: 900 * THUMB_SCALE, background: style.palette.surface }}
                        />
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
