/** Service orders (业务受理单): open a plan, change it, cancel it — each signed by the customer. */
import { z } from 'zod';
import type { Quote } from './billing';
import { MAX_PROMOTION_MONTHS } from './catalog';
import { chinaDate, isRealDate } from './dates';

export const ORDER_KINDS = ['open', 'change', 'cancel'] as const;
export type OrderKind = (typeof ORDER_KINDS)[number];
export const ORDER_STATUSES = ['draft', 'signed', 'submitted'] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];
/** What the platform did with a submitted order: submitted → opened (open orders) | completed (change, cancel) | failed. */
export const PLATFORM_ORDER_STATUSES = ['submitted', 'opened', 'completed', 'failed'] as const;
export type PlatformOrderStatus = (typeof PLATFORM_ORDER_STATUSES)[number];

export const isoDateSchema = z.string().refine(isRealDate, { message: 'date.invalid' });

const quoteMonthSchema = z.object({
  month: z.string(),
  planCode: z.string(),
  planName: z.string(),
  rule: z.enum(['first_full', 'first_half', 'regular', 'cancellation']),
  functionFeeFen: z.number().int(),
  smsSent: z.number().int(),
  smsIncluded: z.number().int(),
  smsOverage: z.number().int(),
  smsRateFen: z.number().int(),
  smsFeeFen: z.number().int(),
  totalFeeFen: z.number().int(),
});

export const quoteSchema: z.ZodType<Quote> = z.object({
  plan: z.object({
    code: z.string(),
    name: z.string(),
    monthlyFeeFen: z.number().int(),
    smsIncluded: z.number().int(),
    smsRateFen: z.number().int(),
  }),
  openDate: z.string(),
  cancelDate: z.string().optional(),
  firstMonth: z.object({ rule: z.enum(['first_full', 'first_half']), feeFen: z.number().int() }),
  months: z.array(quoteMonthSchema),
  totalFeeFen: z.number().int(),
  usesSampleRates: z.boolean(),
});

export const auditEntrySchema = z.object({
  at: z.string(),
  actor: z.string(),
  action: z.string(),
  detail: z.record(z.string(), z.unknown()).optional(),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;

export const orderSchema = z.object({
  id: z.string(),
  /** The number printed on the 业务受理单 (see `orderNumber`). */
  number: z.string(),
  enterpriseId: z.string(),
  kind: z.enum(ORDER_KINDS),
  planCode: z.string(),
  previousPlanCode: z.string().optional(),
  /** The day the order was taken (the customer's request). */
  requestDate: z.string(),
  /** open: the opening date; change: the first of the next month; cancel: the cancellation date. */
  effectiveDate: z.string(),
  status: z.enum(ORDER_STATUSES),
  /** The platform's status, as last synced (absent until a sync brought one). */
  platformStatus: z.enum(PLATFORM_ORDER_STATUSES).optional(),
  quote: quoteSchema,
  catalogVersion: z.number().int(),
  signerName: z.string().optional(),
  signatureSha256: z.string().optional(),
  documentId: z.string().optional(),
  createdBy: z.string(),
  createdAt: z.string(),
  signedAt: z.string().optional(),
  submittedAt: z.string().optional(),
  /** A promotion (门户首页推荐): its months and the days it shows, from `startDate` up to, not including, `endDate`. */
  promotion: z.object({ months: z.number().int(), startDate: z.string(), endDate: z.string() }).optional(),
  audit: z.array(auditEntrySchema),
});
export type Order = z.infer<typeof orderSchema>;

export const newOrderInputSchema = z.object({
  enterpriseId: z.string().min(1),
  kind: z.enum(ORDER_KINDS),
  /** Required for open and change; a cancel applies to the current plan. */
  planCode: z.string().optional(),
  date: isoDateSchema,
  /** For an open order of a promotion (门户首页推荐): how many months it runs from `date` (default 1). */
  promotionMonths: z
    .number()
    .int({ message: 'promotion.months' })
    .min(1, { message: 'promotion.months' })
    .max(MAX_PROMOTION_MONTHS, { message: 'promotion.months' })
    .optional(),
});
export type NewOrderInput = z.infer<typeof newOrderInputSchema>;

/**
 * The human-readable number of an order: `YS` + the China date it was taken + the last six
 * characters of its UUIDv7 id (its random part), e.g. `YS20261116-3F9A2C`.
 */
export function orderNumber(id: string, createdAt: string): string {
  return `YS${chinaDate(new Date(createdAt)).replaceAll('-', '')}-${id.slice(-6).toUpperCase()}`;
}

/** What each order kind is called on screen and on paper. */
export const ORDER_KIND_LABELS: Record<OrderKind, string> = { open: '开户', change: '变更套餐', cancel: '销户' };
