/** The enterprise form's values: what the user typed (the schema's input), before normalizing. */
import type { Enterprise, EnterpriseInput } from '../../../../../shared/domain/enterprise';
import type { Operator } from '../../../../../shared/api/system';

export const LICENCE_DETAILS = ['type', 'legalRepresentative', 'registeredCapital', 'establishedOn', 'businessScope'] as const;
export type LicenceDetailValues = Record<(typeof LICENCE_DETAILS)[number], string>;

export type EnterpriseFormValues = EnterpriseInput & {
  industryDivision: string;
  contact: EnterpriseInput['contact'] & { email: string };
  note: string;
  licence: LicenceDetailValues;
};

const licenceValues = (d: Partial<LicenceDetailValues> = {}): LicenceDetailValues =>
  Object.fromEntries(LICENCE_DETAILS.map((k) => [k, d[k] ?? ''])) as LicenceDetailValues;

export function emptyValues(operator: Operator | null): EnterpriseFormValues {
  return {
    name: '',
    creditCode: '',
    industrySection: '',
    industryDivision: '',
    region: { province: '', city: '', district: '' },
    address: '',
    contact: { name: '', mobile: '', email: '' },
    manager: operator?.name ?? '',
    channel: operator?.channel ?? 'customer_manager',
    note: '',
    licence: licenceValues(),
  };
}

export function valuesOf(e: Enterprise): EnterpriseFormValues {
  return {
    name: e.name,
    creditCode: e.creditCode,
    industrySection: e.industrySection,
    industryDivision: e.industryDivision ?? '',
    region: { ...e.region },
    address: e.address,
    contact: { name: e.contact.name, mobile: e.contact.mobile, email: e.contact.email ?? '' },
    manager: e.manager,
    channel: e.channel,
    note: e.note ?? '',
    licence: licenceValues(e.licence),
    ...(e.licencePhotoSha256 ? { licencePhotoSha256: e.licencePhotoSha256 } : {}),
  };
}

/** A stored draft over the defaults: a draft from an older form version still fills what it can. */
export function withDraft(base: EnterpriseFormValues, draft: unknown): EnterpriseFormValues {
  if (!draft || typeof draft !== 'object') return base;
  const d = draft as Partial<EnterpriseFormValues>;
  return {
    ...base,
    ...d,
    region: { ...base.region, ...(d.region ?? {}) },
    contact: { ...base.contact, ...(d.contact ?? {}) },
    licence: licenceValues({ ...base.licence, ...(d.licence ?? {}) }),
  };
}

/** The form's field paths in the order a user meets them (focus goes to the first bad one). */
export const FIELD_ORDER = [
  'name',
  'creditCode',
  'industrySection',
  'industryDivision',
  'region',
  'address',
  'licence.type',
  'licence.legalRepresentative',
  'licence.registeredCapital',
  'licence.establishedOn',
  'licence.businessScope',
  'contact.name',
  'contact.mobile',
  'contact.email',
  'manager',
  'channel',
  'note',
] as const;
export type FieldPath = (typeof FIELD_ORDER)[number];

/** `region.district` → `region`: the backend names sub-fields that the form shows as one control. */
export function formFieldOf(path: string): FieldPath | null {
  const match = FIELD_ORDER.find((f) => path === f || path.startsWith(`${f}.`));
  return match ?? null;
}
