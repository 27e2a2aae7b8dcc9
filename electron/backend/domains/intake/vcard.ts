/**
 * A contact card (`.vcf`, vCard 2.1, 3.0 or 4.0, as a phone exports one) read as the contact: its lines written
 * with the labels contact.ts reads (联系人, 手机, 电话, 传真, 地址, 邮编, 邮箱), under a 联系方式 heading.
 * vCard 2.1 (Android's export) writes non-ASCII values QUOTED-PRINTABLE in a declared CHARSET, wrapped with soft
 * line breaks (`=` at a line's end); 3.0 and 4.0 fold lines by starting the next with a space. Several cards of one
 * business (the boss, the sales manager, the shop's own card) give their numbers together, the first person named
 * being the contact; a phone's whole address book gives the first card's only. PHOTO and other binary values are
 * not read.
 */
import type { SourceBlock } from './htmlToBlocks';

interface Property {
  name: string;
  params: string[];
  value: string;
}

/** Physical lines → logical ones: RFC folding (a line starting with a space or tab) and QP soft line breaks. */
function unfold(text: string): string[] {
  const lines: string[] = [];
  for (const line of text.split(/\r\n|\r|\n/)) {
    const last = lines.at(-1);
    if (last !== undefined && /^[ \t]/.test(line)) lines[lines.length - 1] = last + line.slice(1);
    else if (last !== undefined && /QUOTED-PRINTABLE/i.test(last.split(':')[0]!) && last.endsWith('='))
      lines[lines.length - 1] = last.slice(0, -1) + line;
    else lines.push(line);
  }
  return lines;
}

/** "item1.TEL;TYPE=CELL:…" → TEL, its parameters ("TYPE=CELL" or 2.1's bare "CELL") and the raw value. */
function property(line: string): Property | undefined {
  const colon = line.indexOf(':');
  if (colon < 0) return undefined;
  const [name, ...params] = line.slice(0, colon).split(';');
  return { name: name!.replace(/^[^.]*\./, '').toUpperCase(), params, value: line.slice(colon + 1) };
}

const param = (p: Property, key: string) =>
  p.params
    .find((x) => x.toUpperCase().startsWith(`${key}=`))
    ?.slice(key.length + 1)
    .replace(/^"|"$/g, '');

/** The types a property says it is (2.1 "TEL;CELL;PREF", 3.0 "TYPE=CELL,VOICE", 4.0 TYPE="cell,voice"), upper case. */
const types = (p: Property) =>
  p.params
    .flatMap((x) => (x.includes('=') ? (/^TYPE=/i.test(x) ? x.slice(5).replace(/"/g, '').split(',') : []) : [x]))
    .map((t) => t.toUpperCase());

function decodeQuotedPrintable(value: string, charset: string): string {
  const bytes: number[] = [];
  for (let i = 0; i < value.length; i++) {
    const hex = value[i] === '=' ? value.slice(i + 1, i + 3) : '';
    if (/^[0-9A-Fa-f]{2}$/.test(hex)) {
      bytes.push(parseInt(hex, 16));
      i += 2;
    } else bytes.push(...new TextEncoder().encode(value[i]!));
  }
  try {
    return new TextDecoder(charset).decode(new Uint8Array(bytes));
  } catch {
    return new TextDecoder().decode(new Uint8Array(bytes));
  }
}

/** A value's text, decoded, split into its components (`;`), escapes (`\,`, `\n`) undone. */
function components(p: Property): string[] {
  const qp = /QUOTED-PRINTABLE/i.test(param(p, 'ENCODING') ?? '') || types(p).includes('QUOTED-PRINTABLE');
  const text = qp ? decodeQuotedPrintable(p.value, param(p, 'CHARSET') ?? 'utf-8') : p.value;
  return text.split(/(?<!\\);/).map((part) =>
    part
      .replace(/\\[nN]/g, ' ')
      .replace(/\\([,;\\])/g, '$1')
      .trim(),
  );
}

/** A number as written, `tel:` prefix of vCard 4.0 left out. */
const number = (p: Property) => components(p).join('').replace(/^tel:/i, '').trim();

const MOBILE = /^(?:\+?86[\s-]?)?1[3-9]\d(?:[\s-]?\d){8}$/;

/** ADR: post box; extended; street; locality; region; postcode; country. The locality places the street, so the region (a province) is only the fallback. */
function addressLines(p: Property): string[] {
  const [, extended = '', street = '', locality = '', region = '', postcode = '', country = ''] = components(p);
  const place = locality && !street.startsWith(locality) ? locality : !locality && region && !street.startsWith(region) ? region : '';
  const address = `${place}${street}${extended ? ` ${extended}` : ''}`.trim();
  const foreign = country && !/^(?:中国|china|cn)$/i.test(country);
  return [
    ...(address ? [`地址：${address}${foreign ? ` ${country}` : ''}`] : []),
    ...(/^\d{6}$/.test(postcode) ? [`邮编：${postcode}`] : []),
  ];
}

const organisation = (properties: Property[]) =>
  properties
    .filter((p) => p.name === 'ORG')
    .map((p) => components(p)[0]!)
    .find(Boolean) ?? '';

/** One card's properties as contact lines, the person first; a card of the business itself (its name is the ORG) names no person. */
function cardLines(properties: Property[]): string[] {
  const get = (name: string) => properties.filter((p) => p.name === name);
  const fullName = get('FN').map((p) => components(p).join(' ').trim())[0];
  const [family = '', given = ''] = get('N').map(components)[0] ?? [];
  const person = fullName || (/[\u4e00-\u9fff]/.test(family + given) ? family + given : `${given} ${family}`.trim());
  const lines = person && person !== organisation(properties) ? [`联系人：${person}`] : [];
  for (const p of get('TEL')) {
    const kinds = types(p);
    const tel = number(p);
    if (!tel) continue;
    const label = kinds.includes('FAX') ? '传真' : kinds.includes('CELL') || MOBILE.test(tel) ? '手机' : '电话';
    lines.push(`${label}：${tel}`);
  }
  for (const p of get('ADR')) lines.push(...addressLines(p));
  for (const p of get('EMAIL')) if (components(p)[0]) lines.push(`邮箱：${components(p)[0]}`);
  for (const p of get('URL')) if (components(p)[0]) lines.push(`网址：${components(p).join(';')}`);
  return [...new Set(lines)];
}

/** The cards' properties, card by card. */
function cards(text: string): Property[][] {
  const found: Property[][] = [];
  let card: Property[] | undefined;
  for (const line of unfold(text)) {
    const p = property(line);
    if (!p) continue;
    if (p.name === 'BEGIN' && /^vcard$/i.test(p.value.trim())) card = [];
    else if (p.name === 'END' && card) {
      found.push(card);
      card = undefined;
    } else card?.push(p);
  }
  return found;
}

/** Up to this many cards without a common ORG are one business's people; more are an address book. */
const MAX_CARDS_OF_ONE_BUSINESS = 3;

/** The first card, and the others when they are of the same business (the same ORG, or only a few cards). */
function businessCards(all: Property[][]): Property[][] {
  const org = all[0] ? organisation(all[0]) : '';
  if (all.length <= MAX_CARDS_OF_ONE_BUSINESS) return all;
  return org ? all.filter((card, i) => i === 0 || organisation(card) === org).slice(0, 10) : all.slice(0, 1);
}

/** The business's cards of a .vcf as a contact section; nothing when it holds no card. */
export function vcardBlocks(text: string): SourceBlock[] {
  const lines = [...new Set(businessCards(cards(text)).flatMap(cardLines))];
  if (lines.length === 0) return [];
  const paragraph = (t: string): SourceBlock => ({ type: 'paragraph', runs: [{ text: t }] });
  return [{ type: 'heading', level: 1, runs: [{ text: '联系方式' }] }, ...lines.map(paragraph)];
}
