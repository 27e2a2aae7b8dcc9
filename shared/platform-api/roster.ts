/**
 * VPMN rosters on the wire (动力100). A device never writes members field by field: it submits
 * `roster.submit.v1` commands — roster orders of additions, changes and removals — and the
 * platform's BOSS simulation opens them, assigning the group's VPMN number and confirming each
 * member's short number or sending the change back as a conflict (the number taken meanwhile, the
 * mobile in another group). `roster_order` rows carry each order and its results; `roster_member`
 * rows are the members as the platform confirmed them. Both are written by the platform only.
 */
import { z } from 'zod';
import { idSchema } from './common';

/** Changes per order: an order's command stays well under a push's 1 MB. */
export const MAX_ROSTER_CHANGES = 1000;

const memberFields = {
  name: z.string().trim().min(1).max(50),
  mobile: z.string().regex(/^1\d{10}$/),
  department: z.string().max(50),
  title: z.string().max(50),
  email: z.string().max(100).nullable(),
  shortNumber: z.string().regex(/^\d{6}$/),
  extension: z
    .string()
    .regex(/^\d{2,8}$/)
    .nullable(),
  /** The customer manager confirmed the number moved to China Mobile although its prefix is another operator's. */
  portedIn: z.boolean(),
};

export const rosterChangeSchema = z.discriminatedUnion('action', [
  z.object({ action: z.literal('add'), memberId: idSchema, ...memberFields }),
  z.object({ action: z.literal('update'), memberId: idSchema, ...memberFields }),
  z.object({ action: z.literal('remove'), memberId: idSchema }),
]);
export type RosterChange = z.infer<typeof rosterChangeSchema>;

export const rosterSubmitArgsSchema = z
  .object({ id: idSchema, enterpriseId: idSchema, changes: z.array(rosterChangeSchema).min(1).max(MAX_ROSTER_CHANGES) })
  .refine((a) => new Set(a.changes.map((c) => c.memberId)).size === a.changes.length, {
    message: 'roster.member_twice',
    path: ['changes'],
  });
export type RosterSubmitArgs = z.infer<typeof rosterSubmitArgsSchema>;

/** Why the BOSS sent a change back. */
export const ROSTER_CONFLICT_CODES = [
  'short_number_taken',
  'short_number_invalid',
  'in_other_group',
  'not_china_mobile',
  'already_member',
  'not_member',
] as const;
export type RosterConflictCode = (typeof ROSTER_CONFLICT_CODES)[number];

export const rosterChangeResultSchema = z.object({
  memberId: z.string(),
  action: z.enum(['add', 'update', 'remove']),
  status: z.enum(['confirmed', 'conflict']),
  code: z.enum(ROSTER_CONFLICT_CODES).optional(),
  message: z.string().optional(),
  /** short_number_taken: who has the number. */
  heldBy: z.string().optional(),
});
export type RosterChangeResult = z.infer<typeof rosterChangeResultSchema>;

/** submitted → completed (each change confirmed or sent back) | failed (the whole order, e.g. no VPMN plan). */
export const ROSTER_ORDER_STATUSES = ['submitted', 'completed', 'failed'] as const;

export const rosterOrderRowSchema = z.object({
  id: z.string(),
  enterpriseId: z.string(),
  status: z.enum(ROSTER_ORDER_STATUSES),
  changes: z.array(rosterChangeSchema),
  results: z.array(rosterChangeResultSchema).nullable(),
  /** The group's VPMN number, once the BOSS opened the group. */
  groupNumber: z.string().nullable(),
  failure: z.object({ code: z.string(), message: z.string() }).nullable(),
  submittedAt: z.string(),
  submittedBy: z.string(),
  processedAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type RosterOrderWireRow = z.infer<typeof rosterOrderRowSchema>;

export const rosterMemberRowSchema = z.object({
  id: z.string(),
  enterpriseId: z.string(),
  ...memberFields,
  groupNumber: z.string(),
  /** The roster order that last changed the member. */
  lastOrderId: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type RosterMemberWireRow = z.infer<typeof rosterMemberRowSchema>;

/* ---------- POST /vpmn/v1/lookup: which of these mobiles another group holds ---------- */

/** Mobiles per lookup: a request stays under the platform's 64 KiB body limit. */
export const MAX_LOOKUP_MOBILES = 4000;

export const memberLookupRequestSchema = z.object({
  /** The group asking: its own members are not "in another group". */
  enterpriseId: idSchema,
  mobiles: z.array(z.string().regex(/^1\d{10}$/)).max(MAX_LOOKUP_MOBILES),
});
/** Only the numbers, never which enterprise holds them. */
export const memberLookupResponseSchema = z.object({ inOtherGroup: z.array(z.string()) });
