/** Administrator endpoints of the reference platform (/admin/…): the SMS outbox, BOSS processing, users. */
import { z } from 'zod';
import { STAFF_ROLES, staffRegionSchema, staffUserSchema } from './auth';

export const smsOutboxEntrySchema = z.object({
  id: z.string(),
  mobile: z.string(),
  text: z.string(),
  enterpriseId: z.string(),
  orderId: z.string(),
  /** welcome: the maintenance account and password (no customer text); opening_notice: the opening, naming the enterprise. */
  kind: z.enum(['welcome', 'opening_notice']),
  status: z.enum(['queued', 'sent']),
  createdAt: z.string(),
});
export type SmsOutboxEntry = z.infer<typeof smsOutboxEntrySchema>;
export const smsOutboxResponseSchema = z.object({ messages: z.array(smsOutboxEntrySchema) });

/** POST /admin/boss/process: open every submitted order now (otherwise the platform does it after a delay). */
export const bossProcessResponseSchema = z.object({ processed: z.array(z.object({ orderId: z.string(), status: z.string() })) });

export const createUserRequestSchema = z.object({
  login: z.string().trim().min(2).max(64),
  name: z.string().trim().min(1).max(50),
  password: z.string().min(8).max(200),
  role: z.enum(STAFF_ROLES),
  region: staffRegionSchema,
});
export const updateUserRequestSchema = z
  .object({ role: z.enum(STAFF_ROLES).optional(), region: staffRegionSchema.optional() })
  .refine((change) => change.role !== undefined || change.region !== undefined, { message: 'Give the role or the region to change.' });
export const userResponseSchema = staffUserSchema;

/** POST /admin/compact: drop tombstones and scope exits below a seq; older cursors then get 410. */
export const compactRequestSchema = z.object({ belowSeq: z.number().int().min(0) });
export const compactResponseSchema = z.object({ minRetainedSeq: z.number().int(), removed: z.number().int() });
