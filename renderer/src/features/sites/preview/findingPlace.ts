/** Where a finding points, in words: "产品介绍 › 明前龙井 · 图片 1 的说明". */
import type { TFunction } from 'i18next';
import type { Finding } from '../../../../../shared/sites';
import { itemTitle, type SiteContent } from '../../../../../shared/sites/model';
import type { EditorTab, Selection } from '../state/siteStore';

function fieldText(field: string | undefined, t: TFunction): string {
  if (!field) return '';
  const image = /^images\.(\d+)\.alt$/.exec(field);
  if (image) return t('sites.report.field.imageAlt', { n: Number(image[1]) + 1 });
  const inText = /^(body|description|requirements|text)\.(\d+)\.image\.alt$/.exec(field);
  if (inText) return t('sites.report.field.textImageAlt', { n: Number(inText[2]) + 1 });
  const block = /^(body|description|requirements|text)\.(\d+)$/.exec(field);
  if (block) return t('sites.report.field.textBlock', { field: t(`sites.report.field.${block[1]}`), n: Number(block[2]) + 1 });
  const known = [
    'body',
    'description',
    'requirements',
    'text',
    'channels',
    'menu',
    'menu.welcome',
    'logo.alt',
    'photo.alt',
    'lottery',
    'survey.question',
    'title',
    'name',
    'contact.phones',
    'contact.address',
    'contact.person',
    'contact.hours',
    'spec',
    'category',
    'summary',
    'pay',
    'price',
    'shortName',
    'slogan',
  ];
  if (known.includes(field)) return t(`sites.report.field.${field.replace(/\./g, '_')}`);
  return field;
}

export function findingPlace(finding: Finding, content: SiteContent, t: TFunction): string {
  const { columnId, itemId, section, field } = finding.where;
  const column = columnId ? content.columns.find((c) => c.id === columnId) : undefined;
  const item = itemId ? content.columns.flatMap((c) => c.items).find((i) => i.id === itemId) : undefined;
  const parts = [section ? t(`sites.report.section.${section}`) : '', column?.title ?? '', item ? itemTitle(item) : ''].filter(Boolean);
  const place = parts.join(' › ') || t('sites.report.section.site');
  const detail = fieldText(field, t);
  return detail ? `${place} · ${detail}` : place;
}

/** The editor tab and selection that open what a finding is about. */
export function findingTarget(finding: Finding): { tab: EditorTab; selection: Selection } {
  const { columnId, itemId, section, field } = finding.where;
  if (section === 'profile') return { tab: 'profile', selection: { field } };
  if (section === 'sms') return { tab: 'sms', selection: { field } };
  if (section === 'template') return { tab: 'template', selection: {} };
  if (section === 'domain') return { tab: 'domain', selection: {} };
  if (section === 'intake') return { tab: 'intake', selection: {} };
  return { tab: 'content', selection: { columnId, itemId, field } };
}
