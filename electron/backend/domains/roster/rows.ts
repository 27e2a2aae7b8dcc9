/**
 * Roster rows → members to import, or refusals that say which row and why. Values are cleaned as
 * people type them (full-width digits, spaces in names, +86 and hyphens in numbers); a number that
 * is not a mainland mobile, not China Mobile's (VPMN takes only those), or already given on an
 * earlier row is refused — never silently dropped.
 */
import { CARRIER_NAMES } from '../../../../shared/domain/carriers';
import { checkMemberMobile } from '../../../../shared/domain/memberMobile';
import type { ColumnMapping, RefusedRow, RosterField } from '../../../../shared/domain/roster';
import { FORMULA_WITHOUT_VALUE, type SheetRow } from './rosterFile';

export interface RowMember {
  row: number;
  /** The sheet the row is on, when several sheets are imported together. */
  sheet?: string;
  name: string;
  mobile: string;
  department: string;
  title: string;
  /** Empty when the file gives none (the member keeps theirs or gets one by the rules). */
  shortNumber: string;
  extension: string | null;
  email: string | null;
  /** Which fields the file gave a value for (an empty cell never blanks what the roster has). */
  given: Set<RosterField>;
  /** Cleaning notes: a dropped extension or e-mail address. */
  notes: string[];
}

export interface RowReading {
  members: RowMember[];
  refused: RefusedRow[];
}

const SPACE_BETWEEN_HANZI = /(?<=[\u3400-\u9fff])\s+(?=[\u3400-\u9fff])/g;
/** "王  伟" (padded to line up with three-character names) → "王伟"; Latin names keep one space. */
export const cleanName = (raw: string): string =>
  raw.normalize('NFKC').trim().replace(SPACE_BETWEEN_HANZI, '').replace(/\s+/g, ' ').slice(0, 50);

/** "李秀英（经理）": a title written after the name in brackets. */
const NAME_WITH_TITLE = /^([\u3400-\u9fff·]{2,6})\s*\(([^()]{1,20})\)$/;
function splitNameTitle(name: string): { name: string; title?: string } {
  const found = NAME_WITH_TITLE.exec(name);
  return found ? { name: found[1]!, title: found[2]!.trim() } : { name };
}

const cleanText = (raw: string, max: number) => raw.normalize('NFKC').trim().replace(/\s+/g, ' ').slice(0, max);

/** "鲁中机械/销售部;鲁中机械/客服部" (WeCom's export: paths, several departments) → "销售部". */
const cleanDepartment = (raw: string) => cleanText(raw.split(/[;；]/)[0]!.split('/').at(-1)!, 50);

/** A mobile written among other things in one cell ("手机：182…", "150 0633 1003 / 0533-2281234"): the first one. */
const MOBILE_IN_TEXT = /(?<![\d])(?:\+?86[\s-]?)?(1[3-9]\d(?:[\s-]?\d){8})(?!\d)/;
export function mobileInText(text: string): string | undefined {
  const found = MOBILE_IN_TEXT.exec(text.normalize('NFKC'));
  return found ? found[1]!.replace(/[\s-]/g, '') : undefined;
}

/** A totals line under the table ("合计", "共 32 人"). */
const TOTALS = /^(合计|总计|小计|共计|共\s*\d+\s*人)/;
const digitsOnly = (raw: string) => raw.normalize('NFKC').replace(/[\s-]/g, '');

const REFUSAL_TEXT = {
  'roster.name_missing': 'The row has a mobile number but no name.',
  'roster.mobile_missing': 'The row has no mobile number.',
  'roster.mobile_scientific':
    'The mobile number was saved by Excel as a rounded number (like 1.38001E+10), so its last digits are lost: format the column as text, type the numbers again and import once more.',
  'roster.mobile_invalid': 'This is not a mainland mobile number.',
  'roster.formula_without_value':
    'The cell holds a formula without a saved result: open the file in Excel or WPS, save it and import it again.',
} as const;

export function readRows(rows: SheetRow[], mapping: ColumnMapping): RowReading {
  const members: RowMember[] = [];
  const refused: RefusedRow[] = [];
  const firstRowOf = new Map<string, number>();
  const cell = (row: SheetRow, field: RosterField) => {
    const column = mapping[field];
    return column === null ? '' : (row.cells[column] ?? '');
  };

  for (const row of rows) {
    const raw = Object.fromEntries(
      (['name', 'mobile', 'department', 'title', 'shortNumber', 'extension', 'email'] as const).map((f) => [f, cell(row, f)]),
    ) as Record<RosterField, string>;
    if (Object.values(raw).every((v) => !v.trim())) continue;
    const written = raw.name === FORMULA_WITHOUT_VALUE ? { name: '' } : splitNameTitle(cleanName(raw.name));
    const name = written.name;
    if (written.title && !raw.title.trim()) raw.title = written.title;
    const place = { row: row.number, ...(row.sheet ? { sheet: row.sheet } : {}) };
    const refuse = (code: RefusedRow['code'], message: string, extra: Partial<RefusedRow> = {}) =>
      void refused.push({ ...place, code, message, ...(name ? { name } : {}), ...extra });

    if ([raw.name, raw.mobile].includes(FORMULA_WITHOUT_VALUE)) {
      refuse('roster.formula_without_value', REFUSAL_TEXT['roster.formula_without_value']);
      continue;
    }
    const typed = checkMemberMobile(raw.mobile);
    const inside = typed.problem && typed.problem !== 'scientific' ? mobileInText(raw.mobile) : undefined;
    const mobile = inside ? checkMemberMobile(inside) : typed;
    if (!name && !raw.mobile.trim()) continue; // a note or subtotal line beside the table
    if (mobile.problem && row.cells.some((c) => TOTALS.test(c.trim()))) continue;
    if (mobile.problem === 'missing') {
      refuse('roster.mobile_missing', REFUSAL_TEXT['roster.mobile_missing']);
      continue;
    }
    if (mobile.problem) {
      refuse(
        mobile.problem === 'scientific' ? 'roster.mobile_scientific' : 'roster.mobile_invalid',
        REFUSAL_TEXT[mobile.problem === 'scientific' ? 'roster.mobile_scientific' : 'roster.mobile_invalid'],
        { mobile: raw.mobile.trim() },
      );
      continue;
    }
    if (!name) {
      refuse('roster.name_missing', REFUSAL_TEXT['roster.name_missing'], { mobile: mobile.normalized });
      continue;
    }
    const earlier = firstRowOf.get(mobile.normalized);
    if (earlier !== undefined) {
      refuse('roster.duplicate_in_file', `The mobile ${mobile.normalized} is already on row ${earlier}.`, {
        mobile: mobile.normalized,
        sameAsRow: earlier,
      });
      continue;
    }
    firstRowOf.set(mobile.normalized, row.number);
    if (!mobile.chinaMobile) {
      const carrier = mobile.carrier ? CARRIER_NAMES[mobile.carrier] : undefined;
      refuse(
        'roster.not_china_mobile',
        `VPMN takes China Mobile numbers only; ${mobile.normalized} belongs to ${carrier ?? 'another operator'}'s range (a number moved to China Mobile can be added by hand).`,
        {
          mobile: mobile.normalized,
          ...(carrier ? { carrier } : {}),
        },
      );
      continue;
    }

    const notes: string[] = [];
    const extensionDigits = digitsOnly(raw.extension);
    const extension = /^\d{2,8}$/.test(extensionDigits) ? extensionDigits : null;
    if (extensionDigits && !extension) notes.push('roster.note.extension_dropped');
    const emailText = raw.email.normalize('NFKC').trim();
    const email = /^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(emailText) && emailText.length <= 100 ? emailText : null;
    if (emailText && !email) notes.push('roster.note.email_dropped');
    const given = new Set<RosterField>(
      (Object.keys(raw) as RosterField[]).filter((f) => raw[f].trim() && raw[f] !== FORMULA_WITHOUT_VALUE),
    );
    if (!extension) given.delete('extension');
    if (!email) given.delete('email');
    members.push({
      ...place,
      name,
      mobile: mobile.normalized,
      department: cleanDepartment(raw.department),
      title: cleanText(raw.title, 50),
      shortNumber: digitsOnly(raw.shortNumber),
      extension,
      email,
      given,
      notes,
    });
  }
  return { members, refused };
}
