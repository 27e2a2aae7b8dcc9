/** The enterprise (集团客户) record: its schema is shared by the form, the backend and the platform. */
import { z } from 'zod';
import { checkCreditCode, normalizeCreditCode } from './creditCode';
import { checkMobile, normalizeMobile } from './mobile';
import { industrySection, isIndustryDivisionOf } from './industry';
import { isKnownRegion } from './regions';

/** Sales channels from the brief, as stable codes (the UI shows 客户经理, 营业厅, 10086-8, 代理商). */
export const SALES_CHANNELS = ['customer_manager', 'business_hall', 'hotline_10086_8', 'agent'] as const;
export type SalesChannel = (typeof SALES_CHANNELS)[number];

/* Issue messages are i18n keys under `validation.` — the UI translates them, the backend returns them as codes. */

const creditCode = z
  .string({ error: 'credit_code.empty' })
  .transform(normalizeCreditCode)
  .superRefine((value, ctx) => {
    const check = checkCreditCode(value);
    if (!check.valid) ctx.addIssue({ code: 'custom', message: check.error!.code, params: { expectedCheck: check.error!.expectedCheck } });
  });

const mobile = z
  .string({ error: 'mobile.empty' })
  .transform(normalizeMobile)
  .refine((value) => checkMobile(value).valid, { message: 'mobile.invalid' });

const requiredText = (min: number, max: number, key: string) =>
  z
    .string({ error: `${key}.required` })
    .trim()
    .min(min, { message: min <= 1 ? `${key}.required` : `${key}.too_short` })
    .max(max, { message: `${key}.too_long` });

export const regionSchema = z
  .object({
    province: requiredText(1, 30, 'region.province'),
    city: requiredText(1, 30, 'region.city'),
    district: requiredText(1, 30, 'region.district'),
  })
  .refine((r) => isKnownRegion(r.province, r.city, r.district), { message: 'region.unknown', path: ['district'] });

export const contactSchema = z.object({
  name: requiredText(1, 50, 'contact.name'),
  mobile,
  email: z.union([z.literal(''), z.email({ message: 'contact.email.invalid' })]).optional(),
});

const optionalText = (max: number, key: string) =>
  z
    .string()
    .trim()
    .max(max, { message: `${key}.too_long` })
    .optional()
    .transform((v) => v || undefined);

/** What the 营业执照 says beyond name, credit code and address (issue 12): read from the photo or typed, each part optional. */
export const licenceDetailsSchema = z
  .object({
    /** 类型, e.g. 有限责任公司（自然人投资或控股）. */
    type: optionalText(100, 'licence.type'),
    legalRepresentative: optionalText(50, 'licence.legal_representative'),
    /** As printed: 500万元整. */
    registeredCapital: optionalText(50, 'licence.registered_capital'),
    /** ISO date (成立日期). */
    establishedOn: z
      .union([z.literal(''), z.iso.date({ message: 'licence.established_on.invalid' })])
      .optional()
      .transform((v) => v || undefined),
    businessScope: optionalText(2000, 'licence.business_scope'),
  })
  .transform((d) => {
    const known = Object.entries(d).filter(([, v]) => v);
    return known.length ? (Object.fromEntries(known) as LicenceDetails) : undefined;
  });

export interface LicenceDetails {
  type?: string;
  legalRepresentative?: string;
  registeredCapital?: string;
  establishedOn?: string;
  businessScope?: string;
}

/** A stored file's content address. */
const sha256 = z.string().regex(/^[0-9a-f]{64}$/, { message: 'licence.photo_invalid' });

export const enterpriseInputSchema = z
  .object({
    name: requiredText(2, 100, 'enterprise.name'),
    creditCode,
    industrySection: z.string({ error: 'industry.required' }).refine((c) => Boolean(industrySection(c)), { message: 'industry.required' }),
    industryDivision: z.string().optional(),
    region: regionSchema,
    address: requiredText(4, 200, 'address'),
    contact: contactSchema,
    manager: requiredText(1, 50, 'manager'),
    channel: z.enum(SALES_CHANNELS, { error: 'channel.required' }),
    note: z.string().trim().max(500, { message: 'note.too_long' }).optional(),
    licence: licenceDetailsSchema.optional(),
    /** The licence photo (or PDF scan) `licence.read` kept, linked to the enterprise and kept with its documents; left out, a stored one stays. */
    licencePhotoSha256: sha256.optional(),
  })
  .superRefine((e, ctx) => {
    if (e.industryDivision && !isIndustryDivisionOf(e.industrySection, e.industryDivision))
      ctx.addIssue({ code: 'custom', path: ['industryDivision'], message: 'industry.division_mismatch' });
  });

export type EnterpriseInput = z.input<typeof enterpriseInputSchema>;
export type EnterpriseFields = z.output<typeof enterpriseInputSchema>;

export const enterpriseSchema = z.object({
  id: z.string(),
  name: z.string(),
  creditCode: z.string(),
  industrySection: z.string(),
  industryDivision: z.string().optional(),
  region: z.object({ province: z.string(), city: z.string(), district: z.string() }),
  address: z.string(),
  contact: z.object({ name: z.string(), mobile: z.string(), email: z.string().optional() }),
  manager: z.string(),
  channel: z.enum(SALES_CHANNELS),
  note: z.string().optional(),
  licence: z
    .object({
      type: z.string().optional(),
      legalRepresentative: z.string().optional(),
      registeredCapital: z.string().optional(),
      establishedOn: z.string().optional(),
      businessScope: z.string().optional(),
    })
    .optional(),
  /** The licence photo or scan (an asset): `files.licencePhoto` serves it. */
  licencePhotoSha256: z.string().optional(),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** Filled by the platform once the enterprise is opened in BOSS (sync issue). */
  groupCode: z.string().optional(),
});
export type Enterprise = z.infer<typeof enterpriseSchema>;

/** A row of the enterprise list: just what the virtualized table shows. */
export const enterpriseListRowSchema = enterpriseSchema
  .pick({
    id: true,
    name: true,
    creditCode: true,
    industrySection: true,
    manager: true,
    channel: true,
    updatedAt: true,
  })
  .extend({
    contactName: z.string(),
    contactMobile: z.string(),
    city: z.string(),
    district: z.string(),
    /** The platform's status (registered, opening, opened, cancelled); null while the platform does not have it. */
    status: z.string().nullable(),
    /** The plan its signed orders opened (or changed to), null when none is active. */
    planCode: z.string().nullable(),
    /** Kept on this computer only: the platform refused it from this account (another region's manager must register it). */
    localDraft: z.boolean().optional(),
  });
export type EnterpriseListRow = z.infer<typeof enterpriseListRowSchema>;
