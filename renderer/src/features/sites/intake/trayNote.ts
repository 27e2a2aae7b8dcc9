/** What the tray says about an entry, in the user's language (the backend's notes are English sentences). */
import type { TFunction } from 'i18next';
import type { UnsortedEntry } from '../../../../../shared/sites/model';

const PATTERNS: [RegExp, string][] = [
  [/^No item is named like (.+)\.$/, 'sites.tray.note.noMatch'],
  [/^(.+) fits several items: (.+)\.$/, 'sites.tray.note.ambiguous'],
  [/^Undone: /, 'sites.tray.note.undone'],
  [/^No heading names a column/, 'sites.tray.note.noColumnHeading'],
  [/^Text before the first column heading/, 'sites.tray.note.beforeFirstHeading'],
  [/^No column keyword in the heading "(.+)"\.$/, 'sites.tray.note.noKeyword'],
  [/^Pictures in the job "(.+)"/, 'sites.tray.note.jobPictures'],
  [/^Text for "(.+)"; the site's "(.+)" already has text\.$/, 'sites.tray.note.columnHasText'],
  [/^A lottery wish; the SMS site already has a lottery/, 'sites.tray.note.lotteryExists'],
  [/^Colour wish "(.+)"/, 'sites.tray.note.colour'],
  [/^From the removed column "(.+)"/, 'sites.tray.note.removedColumn'],
  [/^Removed from "(.+)"/, 'sites.tray.note.removedItem'],
  [/^(.+) is a photographed page: /, 'sites.tray.note.page'],
  [/^The document's title/, 'sites.tray.note.title'],
];

export function trayNote(entry: UnsortedEntry, t: TFunction): string {
  const note = entry.note ?? '';
  for (const [pattern, key] of PATTERNS) {
    const match = pattern.exec(note);
    if (match) return t(key, { a: match[1] ?? '', b: match[2] ?? '' });
  }
  if (!note) return '';
  return t('sites.tray.note.other');
}
