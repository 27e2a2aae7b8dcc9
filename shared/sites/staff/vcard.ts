/**
 * A staff card as a vCard 3.0 (RFC 2426): UTF-8, text values escaped (backslash, comma, semicolon,
 * newline), lines folded at 75 octets without splitting a character, CRLF line ends. Pure.
 */
import type { StaffCard } from '../model';

export interface VcardContext {
  /** The enterprise (ORG). */
  organization: string;
  /** The card's WAP page, so a phone can open it again (URL). */
  cardUrl: string;
}

/** Two-character surnames common enough that splitting after the first character would be wrong. */
const COMPOUND_SURNAMES = [
  '欧阳',
  '司马',
  '上官',
  '诸葛',
  '东方',
  '皇甫',
  '尉迟',
  '公孙',
  '慕容',
  '令狐',
  '夏侯',
  '长孙',
  '宇文',
  '司徒',
  '端木',
];

const escapeText = (value: string): string =>
  value
    .replace(/\\/g, '\\\\')
    .replace(/\r\n|\r|\n/g, '\\n')
    .replace(/([,;])/g, '\\$1');

/** Family and given name of a Chinese name; a name in Latin letters is "Given Family". */
export function splitName(name: string): { family: string; given: string } {
  const trimmed = name.trim();
  if (/^[\p{Script=Han}·]+$/u.test(trimmed)) {
    const surname = COMPOUND_SURNAMES.find((s) => trimmed.startsWith(s) && trimmed.length > s.length) ?? [...trimmed][0] ?? '';
    return { family: surname, given: trimmed.slice(surname.length) };
  }
  const words = trimmed.split(/\s+/);
  return words.length > 1 ? { family: words.at(-1)!, given: words.slice(0, -1).join(' ') } : { family: trimmed, given: '' };
}

const encoder = new TextEncoder();

/** Folds a content line into pieces of at most 75 octets; continuation lines start with one space. */
export function foldLine(line: string): string {
  const pieces: string[] = [];
  let current = '';
  let octets = 0;
  for (const char of line) {
    const size = encoder.encode(char).length;
    const limit = pieces.length === 0 ? 75 : 74;
    if (octets + size > limit) {
      pieces.push(current);
      current = '';
      octets = 0;
    }
    current += char;
    octets += size;
  }
  pieces.push(current);
  return pieces.join('\r\n ');
}

export function staffVcard(card: StaffCard, context: VcardContext): string {
  const { family, given } = splitName(card.name);
  const lines = [
    'BEGIN:VCARD',
    'VERSION:3.0',
    `N:${escapeText(family)};${escapeText(given)};;;`,
    `FN:${escapeText(card.name)}`,
    `ORG:${escapeText(context.organization)}${card.department ? `;${escapeText(card.department)}` : ''}`,
    card.title && `TITLE:${escapeText(card.title)}`,
    card.mobile && `TEL;TYPE=CELL,VOICE:${card.mobile.replace(/[^\d+]/g, '')}`,
    card.email && `EMAIL;TYPE=INTERNET:${escapeText(card.email)}`,
    // A short number only dials inside the group, so it is a note, not a TEL a stranger would call.
    card.shortNumber && `NOTE:${escapeText(`集团短号 ${card.shortNumber}`)}`,
    `URL:${context.cardUrl}`,
    'END:VCARD',
  ].filter((line): line is string => Boolean(line));
  return lines.map(foldLine).join('\r\n') + '\r\n';
}
