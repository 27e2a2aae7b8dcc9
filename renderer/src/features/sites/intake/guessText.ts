/** A guess of the auto-structuring in the user's language, phrased from its rule and values. */
import type { TFunction } from 'i18next';
import type { Guess } from '../../../../../shared/api/sites';
import { findTemplate, TEMPLATES } from '../../../../../shared/sites';

const FACTS = ['model', 'price', 'spec', 'date', 'headcount', 'pay'] as const;

function facts(guess: Guess, t: TFunction): string {
  const list = FACTS.filter((k) => guess.params[k] !== undefined).map((k) => t(`sites.guess.fact.${k}`, { value: guess.params[k] }));
  const date = String(guess.params.date ?? '');
  const notes = [
    guess.params.year === 'inferred' ? t('sites.guess.yearInferred', { year: date.slice(0, 4) }) : '',
    guess.params.day === 'missing' ? t('sites.guess.dayMissing') : '',
  ].join('');
  return (list.length ? `（${list.join(t('sites.listSeparator'))}）` : '') + notes;
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

/** The item kind a guess made: from its params, or (older guesses) from its message. */
function what(guess: Guess, t: TFunction): string {
  const kind = guess.params.kind ?? /→ (article|product|job|post|staff)\b/.exec(guess.message)?.[1];
  return kind ? t(`sites.itemKind.${kind}`) : t('sites.guess.anItem');
}

function phrase(guess: Guess, t: TFunction, templateId: string): string {
  const p = guess.params;
  switch (guess.rule) {
    case 'column.keyword':
      return t('sites.guess.columnKeyword', { heading: p.heading, type: t(`sites.columnType.${p.type}`) });
    case 'column.file_name':
      return t('sites.guess.columnFileName', { name: p.name, type: t(`sites.columnType.${p.type}`) });
    case 'column.content':
      return t('sites.guess.columnContent', { type: t(`sites.columnType.${p.type}`) });
    case 'item.subheading':
      return t('sites.guess.itemSubheading', { heading: p.heading, column: p.column, what: what(guess, t), facts: facts(guess, t) });
    case 'item.table_row':
      return t('sites.guess.itemTableRow', { row: p.row, column: p.column, what: what(guess, t), title: p.title, facts: facts(guess, t) });
    case 'item.line':
      return t('sites.guess.itemLine', { line: p.line, column: p.column, what: what(guess, t), title: p.title, facts: facts(guess, t) });
    case 'photo.file_name':
      return t('sites.guess.photoFileName', { file: p.file, item: p.item });
    case 'photo.model':
      return t('sites.guess.photoModel', { file: p.file, item: p.item });
    case 'photo.pinyin':
      return t('sites.guess.photoPinyin', { file: p.file, item: p.item });
    case 'photo.similar':
      return t('sites.guess.photoSimilar', { file: p.file, item: p.item });
    case 'photo.order':
      return t('sites.guess.photoOrder', { file: p.file, item: p.item, index: p.index });
    case 'photo.place':
      return t(p.made ? 'sites.guess.photoPlaceNewColumn' : 'sites.guess.photoPlace', { file: p.file, column: p.column });
    case 'photo.caption':
      return p.item
        ? t('sites.guess.photoCaption', { file: p.file, caption: p.caption, item: p.item })
        : t('sites.guess.photoCaptionGallery', { file: p.file, caption: p.caption, column: p.column });
    case 'photo.new_item':
      return t(p.made ? 'sites.guess.photoNewItemNewColumn' : 'sites.guess.photoNewItem', { file: p.file, item: p.item, column: p.column });
    case 'photo.event':
      return t('sites.guess.photoEvent', { file: p.file, item: p.item });
    case 'photo.embedded':
      return t('sites.guess.photoEmbedded', { item: p.item });
    case 'post.tag':
      return t('sites.guess.postTag', { tag: p.tag ?? (p.postKind === 'demand' ? '求购' : '供应'), title: p.title });
    case 'profile.logo':
      return t(p.reason === 'shape' ? 'sites.guess.logoShape' : 'sites.guess.logo', { file: p.file });
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

/** The guess as a sentence; one that rests on text read by OCR says so. */
export function guessText(guess: Guess, t: TFunction, templateId = ''): string {
  return phrase(guess, t, templateId) + (guess.params.ocr ? t('sites.guess.ocr') : '');
}
