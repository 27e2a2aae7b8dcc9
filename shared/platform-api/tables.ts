/**
 * The synced tables and the shape of their rows on the wire (SYNC.md §3.1, §3.5).
 *
 * A row's top-level keys are its "fields"; an object-valued field (region, contact, content) is a
 * field group that merges as a unit. Clients write `enterprise` and `site` with create/update/delete
 * ops and `service_order` with commands, `site_publication` with the `site.publish.v1` / `site.rollback.v1`
 * commands and `lead` with updates of `handled` only; `subscription`, `site_visit_day`, `member_report`, leads' creation and
 * the server-owned fields are written by the platform only and reach the desktop through pull.
 */
import { z } from 'zod';
import { MAX_PROMOTION_MONTHS } from '../domain/catalog';
import { checkCreditCode, normalizeCreditCode } from '../domain/creditCode';
import { SALES_CHANNELS } from '../domain/enterprise';
import { industrySection } from '../domain/industry';
import { checkMobile, normalizeMobile } from '../domain/mobile';
import { isKnownRegion } from '../domain/regions';
import { orderSchema, PLATFORM_ORDER_STATUSES } from '../domain/order';
import { idSchema, sha256Schema } from './common';
import { domainLabelSchema, openingResultSchema } from './opening';
import { rosterMemberRowSchema, rosterOrderRowSchema, rosterSubmitArgsSchema } from './roster';

export const SYNCED_TABLES = [
  'enterprise',
  'service_order',
  'subscription',
  'site',
  'site_publication',
  'lead',
  'site_visit_day',
  'sms_usage',
  'roster_order',
  'roster_member',
  'sms_activity',
  'member_report',
] as const;
export type SyncedTable = (typeof SYNCED_TABLES)[number];

/* ---------- enterprise ---------- */

const text = (min: number, max: number) => z.string().trim().min(min).max(max);

const creditCodeField = z
  .string()
  .transform(normalizeCreditCode)
  .refine((v) => checkCreditCode(v).valid, { message: 'credit_code.invalid' });

const regionField = z
  .object({ province: text(1, 30), city: text(1, 30), district: text(1, 30) })
  .strict()
  .refine((r) => isKnownRegion(r.province, r.city, r.district), { message: 'region.unknown' });

const contactField = z
  .object({
    name: text(1, 50),
    mobile: z
      .string()
      .transform(normalizeMobile)
      .refine((m) => checkMobile(m).valid, { message: 'mobile.invalid' }),
    email: z
      .union([z.literal(''), z.email(), z.null()])
      .optional()
      .transform((e) => e || null),
  })
  .strict();

const optionalWireText = (max: number) => z.string().trim().min(1).max(max).nullable();

/** The 营业执照's details (issue 12): one group, merged as a unit; null when none are known. */
const licenceField = z
  .object({
    type: optionalWireText(100),
    legalRepresentative: optionalWireText(50),
    registeredCapital: optionalWireText(50),
    establishedOn: z.iso.date().nullable(),
    businessScope: optionalWireText(2000),
  })
  .strict()
  .nullable();

/** What a client may set on an enterprise, each field validated on its own (a patch carries any subset). */
export const enterpriseFieldSchemas = {
  name: text(2, 100),
  creditCode: creditCodeField,
  industrySection: z.string().refine((c) => Boolean(industrySection(c)), { message: 'industry.unknown' }),
  industryDivision: z.string().max(10).nullable(),
  region: regionField,
  address: text(4, 200),
  contact: contactField,
  manager: text(1, 50),
  channel: z.enum(SALES_CHANNELS),
  note: z.string().trim().max(500).nullable(),
  licence: licenceField,
  /** The licence photo or scan, an uploaded blob. */
  licencePhotoSha256: sha256Schema.nullable(),
};

export const enterpriseCreateSchema = z
  .object({
    ...enterpriseFieldSchemas,
    industryDivision: enterpriseFieldSchemas.industryDivision.optional(),
    note: enterpriseFieldSchemas.note.optional(),
    licence: enterpriseFieldSchemas.licence.optional(),
    licencePhotoSha256: enterpriseFieldSchemas.licencePhotoSha256.optional(),
  })
  .strict();
export const enterprisePatchSchema = z.object(enterpriseFieldSchemas).partial().strict();

export const ENTERPRISE_STATUSES = ['registered', 'opening', 'opened', 'cancelled'] as const;
export type EnterpriseStatus = (typeof ENTERPRISE_STATUSES)[number];

export const enterpriseRowSchema = z.object({
  id: z.string(),
  name: z.string(),
  creditCode: z.string(),
  industrySection: z.string(),
  industryDivision: z.string().nullable(),
  region: z.object({ province: z.string(), city: z.string(), district: z.string() }),
  address: z.string(),
  contact: z.object({ name: z.string(), mobile: z.string(), email: z.string().nullable() }),
  manager: z.string(),
  channel: z.enum(SALES_CHANNELS),
  note: z.string().nullable(),
  /** Absent from rows stored before issue 12's licence fields. */
  licence: z
    .object({
      type: z.string().nullable(),
      legalRepresentative: z.string().nullable(),
      registeredCapital: z.string().nullable(),
      establishedOn: z.string().nullable(),
      businessScope: z.string().nullable(),
    })
    .nullable()
    .default(null),
  licencePhotoSha256: sha256Schema.nullable().default(null),
  /** Server-owned: set by the platform (BOSS opening), never by a client op. */
  status: z.enum(ENTERPRISE_STATUSES),
  groupCode: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type EnterpriseWireRow = z.infer<typeof enterpriseRowSchema>;

/* ---------- site (content document; shared/sites/model.ts defines `content`) ---------- */

export const siteFieldSchemas = {
  enterpriseId: idSchema,
  name: text(1, 100),
  /** The site's content document, opaque to the protocol; merges as one unit. */
  content: z.record(z.string(), z.unknown()),
  /** sha256 of every image the content references (uploaded through /assets/v1). */
  images: z.array(sha256Schema).max(2000),
};
export const siteCreateSchema = z.object(siteFieldSchemas).strict();
export const sitePatchSchema = z.object(siteFieldSchemas).omit({ enterpriseId: true }).partial().strict();

export const siteRowSchema = z.object({
  id: z.string(),
  enterpriseId: z.string(),
  name: z.string(),
  content: z.record(z.string(), z.unknown()),
  images: z.array(z.string()),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type SiteWireRow = z.infer<typeof siteRowSchema>;

/* ---------- service orders (commands) and subscriptions (platform-owned) ---------- */

/**
 * `order.submit.v1` args: the signed order snapshot (shared/domain/order.ts `Order`), plus an optional
 * request for a second-level domain. The platform checks only what it acts on and keeps the rest as
 * sent, so a field added to the desktop's order does not break older or newer platforms.
 */
const order = orderSchema.shape;
export const orderSubmitArgsSchema = z.looseObject({
  id: order.id,
  number: z.string().optional(),
  enterpriseId: order.enterpriseId,
  kind: order.kind,
  planCode: order.planCode,
  effectiveDate: order.effectiveDate,
  status: z.enum(['signed', 'submitted']),
  signerName: z.string().min(1),
  signedAt: z.string().min(1),
  secondLevelDomain: z.object({ label: domainLabelSchema.optional() }).optional(),
  /** For a promotion plan (catalog family `promotion`): how many months it runs from `effectiveDate`. */
  promotionMonths: z.number().int().min(1).max(MAX_PROMOTION_MONTHS).optional(),
});
export type OrderSubmitArgs = z.infer<typeof orderSubmitArgsSchema>;

export const SERVICE_ORDER_STATUSES = PLATFORM_ORDER_STATUSES;

export const serviceOrderRowSchema = z.object({
  id: z.string(),
  enterpriseId: z.string(),
  /** The number printed on the 业务受理单, when the snapshot had one. */
  number: z.string().nullable(),
  kind: z.enum(['open', 'change', 'cancel']),
  planCode: z.string(),
  previousPlanCode: z.string().nullable(),
  effectiveDate: z.string(),
  status: z.enum(SERVICE_ORDER_STATUSES),
  signerName: z.string(),
  submittedAt: z.string(),
  submittedBy: z.string(),
  /** The args of the accepted `order.submit.v1`, as sent. */
  snapshot: z.record(z.string(), z.unknown()),
  /** Open orders, once opened. */
  opening: openingResultSchema.nullable(),
  failure: z.object({ code: z.string(), message: z.string() }).nullable(),
  processedAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type ServiceOrderWireRow = z.infer<typeof serviceOrderRowSchema>;

export const SUBSCRIPTION_STATUSES = ['opening', 'active', 'cancelled'] as const;

export const subscriptionRowSchema = z.object({
  id: z.string(),
  enterpriseId: z.string(),
  planCode: z.string(),
  status: z.enum(SUBSCRIPTION_STATUSES),
  startDate: z.string(),
  endDate: z.string().nullable(),
  /** The order that opened it and the latest order applied to it. */
  openOrderId: z.string(),
  lastOrderId: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type SubscriptionWireRow = z.infer<typeof subscriptionRowSchema>;

/* ---------- site publication (commands), leads and visit statistics (platform-owned) ---------- */

/** The sign-off the published content carries: who signed, when, and the sha256 of the signed document. */
export const siteSignoffSchema = z
  .object({ signerName: text(1, 50), signedAt: z.string().min(1).max(40), documentSha256: sha256Schema })
  .strict();
export type SiteSignoff = z.infer<typeof siteSignoffSchema>;

/**
 * `site.publish.v1` args (`tbl: 'site_publication'`, `rowId` = the site id): the exact content the
 * customer signed. The platform keeps every accepted revision and publishes the newest once the
 * enterprise's opening order is opened. `signoff: null` only for a role the policy allows
 * (platform/README.md, "Publication policy").
 */
export const sitePublishArgsSchema = z
  .object({
    siteId: idSchema,
    enterpriseId: idSchema,
    revision: z.number().int().positive(),
    content: z.record(z.string(), z.unknown()),
    images: z.array(sha256Schema).max(2000),
    signoff: siteSignoffSchema.nullable(),
    /** Why a revision goes live without a sign-off (required then; kept with the revision). */
    unsignedReason: z.string().trim().min(4).max(500).optional(),
  })
  .strict();
export type SitePublishArgs = z.infer<typeof sitePublishArgsSchema>;

/** `site.rollback.v1` args: make an earlier kept revision live again. */
export const siteRollbackArgsSchema = z.object({ siteId: idSchema, revision: z.number().int().positive() }).strict();
export type SiteRollbackArgs = z.infer<typeof siteRollbackArgsSchema>;

export const SITE_PUBLICATION_STATUSES = ['waiting_opening', 'live', 'failed', 'offline'] as const;
export type SitePublicationStatus = (typeof SITE_PUBLICATION_STATUSES)[number];

/** Why a requested revision was not published (the live one, if any, stays live). */
export const PUBLICATION_FAILURE_CODES = [
  'invalid_content', // the content does not parse as a site document
  'compile_failed', // the shared compiler refused it
  'dtd_invalid', // an XHTML-MP or WML page fails its DTD
  'wml_deck_too_large', // a compiled WML deck is over the deck size limit
  'label_reserved', // the assigned label is one the platform keeps for its own hosts (www, wap …)
  'missing_assets', // an image the content names was never uploaded
  'offline', // the subscription was cancelled and the site went offline
] as const;

export const sitePublicationRowSchema = z.object({
  id: z.string(),
  enterpriseId: z.string(),
  status: z.enum(SITE_PUBLICATION_STATUSES),
  liveRevision: z.number().int().nullable(),
  publishedAt: z.string().nullable(),
  /** The newest revision submitted with `site.publish.v1` (live, waiting or failed). */
  requestedRevision: z.number().int().nullable(),
  failure: z.object({ code: z.string(), message: z.string(), details: z.unknown().optional() }).nullable(),
  /** The host name the public listener answers for this site (own domain's A-label or `label.sitesDomain`). */
  host: z.string().nullable(),
  urls: z.object({ web: z.string(), wap: z.string() }).nullable(),
  /** Every revision that went live at least once, oldest first: the ones `site.rollback.v1` may name. */
  revisions: z.array(z.object({ revision: z.number().int(), publishedAt: z.string() })),
  /** Cancellation: when the site goes (or went) offline — the end of the last billed month. */
  offlineAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type SitePublicationWireRow = z.infer<typeof sitePublicationRowSchema>;

export const LEAD_CHANNELS = ['web', 'wap2', 'wap1', 'sms'] as const;
export type LeadChannel = (typeof LEAD_CHANNELS)[number];
export const LEAD_KINDS = ['message', 'order'] as const;

/** A visitor's message (留言) or order request (订单), created by the platform. The desktop may set only `handled`. */
export const leadFieldSchemas = { handled: z.boolean() };
export const leadPatchSchema = z.object(leadFieldSchemas).strict();

export const leadRowSchema = z.object({
  id: z.string(),
  enterpriseId: z.string(),
  siteId: z.string().nullable(),
  channel: z.enum(LEAD_CHANNELS),
  kind: z.enum(LEAD_KINDS),
  name: z.string(),
  contact: z.string(),
  /** As the visitor typed it: plain text, escaped wherever it is shown. */
  text: z.string(),
  receivedAt: z.string(),
  handled: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type LeadWireRow = z.infer<typeof leadRowSchema>;

export const VISIT_CHANNELS = ['web', 'wap2', 'wap1'] as const;
export type VisitChannel = (typeof VISIT_CHANNELS)[number];

/** Rolling per-day aggregates; id = `${siteId}:${date}:${channel}`. Days older than ~400 days may be pruned. */
export const siteVisitDayRowSchema = z.object({
  id: z.string(),
  siteId: z.string(),
  enterpriseId: z.string(),
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  channel: z.enum(VISIT_CHANNELS),
  pv: z.number().int().min(0),
  uv: z.number().int().min(0),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type SiteVisitDayWireRow = z.infer<typeof siteVisitDayRowSchema>;

/**
 * An enterprise's SMS sent in a China month (issue 11 item 5): the parts the CMPP link submitted and
 * the gateway accepted, the free welcome SMS left out; id = `${enterpriseId}:${month}`. The bill
 * (shared/domain/billing.ts) takes `smsSent` as the month's count.
 */
export const smsUsageRowSchema = z.object({
  id: z.string(),
  enterpriseId: z.string(),
  month: z.string().regex(/^\d{4}-\d{2}$/),
  smsSent: z.number().int().min(0),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type SmsUsageWireRow = z.infer<typeof smsUsageRowSchema>;

/** The most draws an `sms_activity` row carries (the newest); `drawCount` counts them all. */
export const SMS_ACTIVITY_MAX_DRAWS = 200;

/**
 * An enterprise's SMS site activity (issue 11 item 4), id = the enterprise's: the newest draws of its
 * lottery, each with the seed that decided it (anyone can recompute the roll, lottery.ts) and the
 * number masked (138****0001), and the tallies of its survey per question. The platform rewrites the
 * row in the transaction of every draw and answer.
 */
export const smsActivityRowSchema = z.object({
  id: z.string(),
  enterpriseId: z.string(),
  draws: z
    .array(
      z.object({
        at: z.string(),
        mobile: z.string().max(20),
        prize: z.string().max(200).nullable(),
        seed: z.string().max(64),
        roll: z.number().int().min(0).max(9999),
      }),
    )
    .max(SMS_ACTIVITY_MAX_DRAWS),
  drawCount: z.number().int().min(0),
  surveys: z
    .array(
      z.object({
        question: z.string().max(1000),
        options: z.array(z.object({ label: z.string().max(200), count: z.number().int().min(0) })).max(100),
      }),
    )
    .max(50),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type SmsActivityWireRow = z.infer<typeof smsActivityRowSchema>;

/** Months a `member_report` row counts joins for (ten years; the oldest drop off). */
export const MEMBER_REPORT_MAX_MONTHS = 120;

/**
 * The portal members who follow an enterprise (issue 13 item 4), id = the enterprise's: those
 * following it or its industry section, each once, with their regions and the China month each
 * joined in (so any month's newcomers are counted on the desktop, offline, without a new row at
 * each month's turn). The platform rewrites the row in the transaction of every join, subscription
 * change and opt-out that touches it, and when the enterprise's site is (re)indexed for the portal.
 */
export const memberReportRowSchema = z.object({
  id: z.string(),
  enterpriseId: z.string(),
  followers: z.number().int().min(0),
  followingEnterprise: z.number().int().min(0),
  followingIndustry: z.number().int().min(0),
  /** Followers who texted TD (no more digests). */
  optedOut: z.number().int().min(0),
  byRegion: z.array(z.object({ province: z.string().max(30), city: z.string().max(30), members: z.number().int().min(0) })).max(500),
  /** Followers by the China month they joined in (`YYYY-MM`), oldest first. */
  joinedByMonth: z
    .array(z.object({ month: z.string().regex(/^\d{4}-\d{2}$/), members: z.number().int().min(0) }))
    .max(MEMBER_REPORT_MAX_MONTHS),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type MemberReportWireRow = z.infer<typeof memberReportRowSchema>;

export const COMMANDS = {
  'order.submit.v1': { tbl: 'service_order', args: orderSubmitArgsSchema },
  'site.publish.v1': { tbl: 'site_publication', args: sitePublishArgsSchema },
  'site.rollback.v1': { tbl: 'site_publication', args: siteRollbackArgsSchema },
  /** A VPMN roster order (roster.ts). */
  'roster.submit.v1': { tbl: 'roster_order', args: rosterSubmitArgsSchema },
} as const;
export type CommandName = keyof typeof COMMANDS;

/* ---------- merge rules per table ---------- */

export interface TableRules {
  /** Fields a client op may set (create and update). */
  writable: readonly string[];
  /** Settable on create only. */
  createOnly: readonly string[];
  /** Object-valued fields that merge as a unit (SYNC.md §3.5 field groups). */
  groups: readonly string[];
  /** Conflict on any concurrent change; the desktop shows them side by side. */
  longText: readonly string[];
}

export const TABLE_RULES: Record<SyncedTable, TableRules> = {
  enterprise: {
    writable: Object.keys(enterpriseFieldSchemas),
    createOnly: [],
    groups: ['region', 'contact'],
    longText: ['note'],
  },
  site: { writable: Object.keys(siteFieldSchemas), createOnly: ['enterpriseId'], groups: ['content', 'images'], longText: ['content'] },
  service_order: { writable: [], createOnly: [], groups: ['snapshot', 'opening', 'failure'], longText: [] },
  subscription: { writable: [], createOnly: [], groups: [], longText: [] },
  roster_order: { writable: [], createOnly: [], groups: ['changes', 'results', 'failure'], longText: [] },
  roster_member: { writable: [], createOnly: [], groups: [], longText: [] },
  site_publication: { writable: [], createOnly: [], groups: ['failure', 'urls', 'revisions'], longText: [] },
  lead: { writable: Object.keys(leadFieldSchemas), createOnly: [], groups: [], longText: [] },
  site_visit_day: { writable: [], createOnly: [], groups: [], longText: [] },
  sms_usage: { writable: [], createOnly: [], groups: [], longText: [] },
  sms_activity: { writable: [], createOnly: [], groups: [], longText: [] },
  member_report: { writable: [], createOnly: [], groups: [], longText: [] },
};

export const rowSchemas = {
  enterprise: enterpriseRowSchema,
  site: siteRowSchema,
  service_order: serviceOrderRowSchema,
  subscription: subscriptionRowSchema,
  roster_order: rosterOrderRowSchema,
  roster_member: rosterMemberRowSchema,
  site_publication: sitePublicationRowSchema,
  lead: leadRowSchema,
  site_visit_day: siteVisitDayRowSchema,
  sms_usage: smsUsageRowSchema,
  sms_activity: smsActivityRowSchema,
  member_report: memberReportRowSchema,
} satisfies Record<SyncedTable, z.ZodType>;
