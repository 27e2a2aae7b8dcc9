/** A guess of the auto-structuring in the user's language, phrased from its rule and values. */
import type { TFunction } from 'i18next';
import type { Guess } from '../../../../../shared/api/sites';
import { findTemplate, TEMPLATES } from '../../../../../shared/sites';

const FACTS = ['price', 'spec', 'date', 'headcount', 'pay'] as const;

function facts(guess: Guess, t: TFunction): string {
  const list = FACTS.filter((k) => guess.params[k] !== undefined).map((k) => t(`sites.guess.fact.${k}`, { value: guess.params[k] }));
  return list.length ? `（${list.join(t('sites.listSeparator'))}）` : '';
}

/** The style's name in the site's template (or in any template that has it). */
function styleName(id: string | number | undefined, templateId: string): string {
  const templates = [findTemplate(templateId), ...TEMPLATES];
  for (const template of templates) {
    const style = template?.styles.find((s) => s.id === id);
    if (style) return style.name;
  }
  return String(id ?? '');
}

export function guessText(guess: Guess, t: TFunction, templateId = ''): string {
  const p = guess.params;
  switch (guess.rule) {
    case 'column.keyword':
      return t('sites.guess.columnKeyword', { heading: p.heading, type: t(`sites.columnType.${p.type}`) });
    case 'item.subheading': {
      const kind = /→ (article|product|job|post|staff)\b/.exec(guess.message)?.[1];
      const what = kind ? t(`sites.itemKind.${kind}`) : t('sites.guess.anItem');
      return t('sites.guess.itemSubheading', { heading: p.heading, column: p.column, what, facts: facts(guess, t) });
    }
    case 'photo.file_name':
      return t('sites.guess.photoFileName', { file: p.file, item: p.item });
    case 'photo.embedded':
      return t('sites.guess.photoEmbedded', { item: p.item });
    case 'post.tag':
      return t('sites.guess.postTag', { tag: p.tag, title: p.title });
    case 'profile.logo':
      return t('sites.guess.logo', { file: p.file });
    case 'profile.contact':
      return t('sites.guess.contact', { address: p.address || p.phones || '' });
    case 'profile.short_name':
      return t('sites.guess.shortName', { shortName: p.shortName });
    case 'domain.enterprise_file':
      return t('sites.guess.domain', { domain: p.domain });
    case 'template.colour':
      return t('sites.guess.colour', { colour: p.colour, style: styleName(p.style, templateId) });
    case 'sms.lottery':
      return t('sites.guess.lottery', { keyword: p.keyword, prizes: p.prizes });
    case 'sms.care':
      return t('sites.guess.care', { occasion: p.occasion, date: p.date });
    default:
      return guess.message;
  }
}
