/** 动力100 VPMN rosters: import, list, rules and edits of an enterprise's group members. */
import { z } from 'zod';
import { mutation, query, steppedMutation } from './contract';
import { columnMappingSchema, importPreviewSchema, refusedRowSchema, rosterMemberSchema } from '../domain/roster';
import { shortNumberRulesSchema } from '../domain/shortNumbers';

/** An uploaded roster file (browser mode) as base64: 20 MB of file at most. */
export const MAX_ROSTER_BASE64_CHARS = 28_000_000;
export const MAX_PASTE_CHARS = 5_000_000;

export const rosterSourceSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('file'),
    name: z.string().trim().min(1).max(255),
    base64: z.string().min(1).max(MAX_ROSTER_BASE64_CHARS, { message: 'roster.file_too_large' }),
  }),
  /** A file on this machine (desktop app, CLI). */
  z.object({ kind: z.literal('path'), path: z.string().min(1).max(4096) }),
  /** Cells pasted from a spreadsheet. */
  z.object({ kind: z.literal('paste'), text: z.string().min(1).max(MAX_PASTE_CHARS, { message: 'roster.paste_too_large' }) }),
]);
export type RosterSourceInput = z.infer<typeof rosterSourceSchema>;

export const rosterImportInputSchema = z.object({
  enterpriseId: z.string().min(1),
  source: rosterSourceSchema,
  /** The sheet to read (default: the one whose header names most roster fields). */
  sheet: z.string().max(100).optional(),
  /** The manager's column mapping; absent: recognised from the header. */
  mapping: columnMappingSchema.optional(),
  /** The group's first short-number digit, saved with its rules. */
  firstDigit: z
    .string()
    .regex(/^[2-9]$/, { message: 'short_number.first_digit' })
    .optional(),
  /** The file is the whole roster: members it does not list are removed. */
  replace: z.boolean().default(false),
});

export const importResultSchema = z.object({
  added: z.number().int(),
  changed: z.number().int(),
  removed: z.number().int(),
  refused: z.array(refusedRowSchema),
  members: z.number().int(),
});

export const rosterOrderSummarySchema = z.object({
  id: z.string(),
  createdAt: z.string(),
  createdBy: z.string(),
  /** sending: not yet accepted by the platform; refused: the platform rejected the whole order. */
  status: z.enum(['sending', 'submitted', 'completed', 'failed', 'refused']),
  changes: z.number().int(),
  confirmed: z.number().int(),
  sentBack: z.number().int(),
  failure: z.object({ code: z.string(), message: z.string() }).nullable(),
});

export const rosterViewSchema = z.object({
  members: z.array(rosterMemberSchema),
  /** The group's VPMN number, once the platform opened it. */
  groupNumber: z.string().nullable(),
  orders: z.array(rosterOrderSummarySchema),
  rules: shortNumberRulesSchema,
  counts: z.object({
    members: z.number().int(),
    draft: z.number().int(),
    pending: z.number().int(),
    conflict: z.number().int(),
    notChinaMobile: z.number().int(),
  }),
});

const editableMemberSchema = z.object({
  name: z.string().trim().min(1, { message: 'roster.name_missing' }).max(50),
  mobile: z.string().min(1, { message: 'roster.mobile_missing' }).max(30),
  department: z.string().trim().max(50).default(''),
  title: z.string().trim().max(50).default(''),
  email: z
    .union([z.literal(''), z.email({ message: 'roster.email_invalid' }).max(100)])
    .nullable()
    .default(null),
  shortNumber: z
    .string()
    .regex(/^\d{6}$/, { message: 'short_number.length' })
    .nullable()
    .default(null),
  extension: z
    .union([z.literal(''), z.string().regex(/^\d{2,8}$/, { message: 'roster.extension_invalid' })])
    .nullable()
    .default(null),
  cardConsent: z.boolean().default(false),
  /** Confirms a number whose prefix is another operator's moved to China Mobile (携号转网). */
  portedIn: z.boolean().default(false),
});

export const rosterApi = {
  'roster.list': query(z.object({ enterpriseId: z.string().min(1) }), rosterViewSchema, {
    reads: ['roster_member', 'roster_order', 'sync'],
  }),
  /** What an import would do; nothing is saved. (The file travels in the input: callers do not cache it.) */
  'roster.previewImport': query(rosterImportInputSchema, importPreviewSchema, { reads: [] }),
  /** Reads the file without holding the write queue, then writes the plan in one transaction. */
  'roster.import': steppedMutation(rosterImportInputSchema, importResultSchema),
  'roster.setRules': mutation(
    z.object({ enterpriseId: z.string().min(1), rules: shortNumberRulesSchema, renumber: z.boolean().default(false) }),
    rosterViewSchema,
  ),
  'roster.addMember': mutation(z.object({ enterpriseId: z.string().min(1), fields: editableMemberSchema }), rosterMemberSchema),
  'roster.updateMember': mutation(z.object({ id: z.string().min(1), fields: editableMemberSchema }), rosterMemberSchema),
  'roster.removeMember': mutation(
    z.object({ id: z.string().min(1) }),
    z.object({ id: z.string(), removed: z.enum(['deleted', 'marked']) }),
  ),
  /** Sends every change not yet submitted (or sent back) to the platform in roster orders. */
  'roster.submit': mutation(
    z.object({ enterpriseId: z.string().min(1) }),
    z.object({ orders: z.number().int(), changes: z.number().int() }),
  ),
  /** Undoes this device's unsubmitted change of a member (or forgets a member it added). */
  'roster.discardChange': mutation(
    z.object({ id: z.string().min(1) }),
    z.object({ id: z.string(), member: rosterMemberSchema.nullable() }),
  ),
};
