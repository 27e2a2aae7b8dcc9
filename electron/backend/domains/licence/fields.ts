/**
 * The fields of a 营业执照 from its OCR rows, for both layouts (2015: one column; 2019: two columns,
 * so a row may hold two labels). Labels are found with the spaces the licence puts between their
 * characters removed; a value runs from its label to the next label on the row. A field that was
 * not found, was read with low confidence or does not look like its kind is named in `uncertain`.
 */
import { readCreditCode, findCreditCode, type CreditCodeReading } from '../../../../shared/domain/creditCodeReading';
import type { OcrRow } from '../../infra/ocr/layout';
import { checkAddress } from './address';

export const LICENCE_FIELDS = [
  'name',
  'creditCode',
  'type',
  'legalRepresentative',
  'registeredCapital',
  'establishedOn',
  'address',
  'businessScope',
] as const;
export type LicenceField = (typeof LICENCE_FIELDS)[number];

export interface LicenceReading {
  name: string | null;
  creditCode: string | null;
  creditCodeValid: boolean;
  /** When the code fails its check: the positions OCR may have confused and the corrections that pass. */
  creditCodeReading: CreditCodeReading | null;
  type: string | null;
  legalRepresentative: string | null;
  registeredCapital: string | null;
  /** ISO date. */
  establishedOn: string | null;
  address: string | null;
  /** 经营范围, as far as its row goes (a long scope wraps; the rest is typed). Not every layout prints it: never uncertain for being absent. */
  businessScope: string | null;
  uncertain: LicenceField[];
}

/** Printed labels → fields (longest first, so 主要经营场所 wins over 经营场所). Labels of fields not read mark where a value ends. */
const LABELS: [string, LicenceField | null][] = [
  ['统一社会信用代码', 'creditCode'],
  ['执行事务合伙人', 'legalRepresentative'],
  ['主要经营场所', 'address'],
  ['法定代表人', 'legalRepresentative'],
  ['经营场所', 'address'],
  ['注册资本', 'registeredCapital'],
  ['出资额', 'registeredCapital'],
  ['成立日期', 'establishedOn'],
  ['注册日期', 'establishedOn'],
  ['营业期限', null],
  ['合伙期限', null],
  ['经营范围', 'businessScope'],
  ['登记机关', null],
  ['负责人', 'legalRepresentative'],
  ['经营者', 'legalRepresentative'],
  ['投资人', 'legalRepresentative'],
  ['名称', 'name'],
  ['类型', 'type'],
  ['住所', 'address'],
];
const LABEL_PATTERN = new RegExp(LABELS.map(([label]) => label).join('|'), 'g');
const FIELD_OF = new Map(LABELS);

/** Below this mean confidence a row's values are not presented as certain. */
const SURE_SCORE = 0.9;

const LOOKS_RIGHT: Partial<Record<LicenceField, RegExp>> = {
  name: /^[\p{Script=Han}（）()·A-Za-z0-9]{4,60}$/u,
  type: /^[\p{Script=Han}（）()·]{2,40}$/u,
  legalRepresentative: /^[\p{Script=Han}·]{2,10}$/u,
  registeredCapital: /^(人民币)?[\d.,，壹贰叁肆伍陆柒捌玖拾佰仟万亿零]+(万|亿)?元?(人民币)?整?$/u,
  address: /^[\p{Script=Han}\dA-Za-z（）()\-—#号、，,.·]{6,120}$/u,
};

function isoDate(text: string): string | null {
  const m = text.match(/(\d{4})年(\d{1,2})月(\d{1,2})日/);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCMonth() !== mo - 1 || y < 1949 || y > 2100) return null;
  return `${y}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** Each label's value on each row, with the row's confidence. */
function labelledValues(rows: OcrRow[]): Map<LicenceField, { value: string; score: number }> {
  const found = new Map<LicenceField, { value: string; score: number }>();
  for (const row of rows) {
    const text = row.text
      .normalize('NFKC')
      .replace(/\s+/g, '')
      .replace(/[()]/g, (c) => (c === '(' ? '（' : '）'));
    const marks = [...text.matchAll(LABEL_PATTERN)];
    marks.forEach((mark, i) => {
      const field = FIELD_OF.get(mark[0]);
      if (!field || found.has(field)) return;
      const value = text.slice(mark.index + mark[0].length, marks[i + 1]?.index ?? text.length).replace(/^[:：]/, '');
      if (value) found.set(field, { value, score: row.score });
    });
  }
  return found;
}

export function licenceFields(rows: OcrRow[]): LicenceReading {
  const values = labelledValues(rows);
  const uncertain = new Set<LicenceField>();
  const take = (field: LicenceField): string | null => {
    const found = values.get(field);
    const pattern = LOOKS_RIGHT[field];
    if (!found || found.score < SURE_SCORE || (pattern && !pattern.test(found.value))) uncertain.add(field);
    return found?.value ?? null;
  };
  const name = take('name');
  const type = take('type');
  const legalRepresentative = take('legalRepresentative');
  const registeredCapital = take('registeredCapital');
  const read = take('address');
  const checked = read ? checkAddress(read) : undefined;
  if (checked && !checked.sure) uncertain.add('address');
  const address = checked?.address ?? null;
  const dateText = take('establishedOn');
  const establishedOn = dateText ? isoDate(dateText) : null;
  if (!establishedOn) uncertain.add('establishedOn');

  const scope = values.get('businessScope');
  if (scope && scope.score < SURE_SCORE) uncertain.add('businessScope');

  const codeText = values.get('creditCode')?.value ?? rows.map((r) => r.text).find((t) => findCreditCode(t));
  const raw = codeText ? findCreditCode(codeText) : undefined;
  const creditCodeReading = raw ? readCreditCode(raw) : null;
  if (!creditCodeReading?.valid) uncertain.add('creditCode');
  return {
    name,
    creditCode: creditCodeReading?.code ?? null,
    creditCodeValid: creditCodeReading?.valid ?? false,
    creditCodeReading,
    type,
    legalRepresentative,
    registeredCapital,
    establishedOn,
    address,
    // Read as NFKC: a scope's list punctuation goes back to the full-width marks printed.
    businessScope: scope ? scope.value.replace(/[;,:]/g, (c) => ({ ';': '；', ',': '，', ':': '：' })[c]!) : null,
    uncertain: LICENCE_FIELDS.filter((f) => uncertain.has(f)),
  };
}
