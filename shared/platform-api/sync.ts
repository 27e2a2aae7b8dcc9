/** Sync messages (SYNC.md §3.3): device registration, push of the per-device op log, pull by server seq. */
import { z } from 'zod';
import { idSchema, schemaVersionSchema } from './common';
import { SYNCED_TABLES } from './tables';

export const MAX_PUSH_OPS = 200;
export const MAX_PUSH_BYTES = 1_048_576;
/** How deep an op's patch may nest objects and arrays; a deeper op is rejected (`invalid`) on its own. */
export const MAX_PATCH_DEPTH = 100;
export const DEFAULT_PULL_LIMIT = 500;
export const MAX_PULL_LIMIT = 1000;

/* ---------- POST /sync/v1/clients ---------- */

export const registerClientRequestSchema = z.object({
  schemaVersion: schemaVersionSchema,
  /** Shown to administrators only ("王经理的笔记本"). */
  deviceName: z.string().max(100).optional(),
});
export const registerClientResponseSchema = z.object({ clientId: z.string(), serverTime: z.string() });

/* ---------- POST /sync/v1/push ---------- */

export const OP_KINDS = ['create', 'update', 'delete', 'command'] as const;
export type OpKind = (typeof OP_KINDS)[number];

export const pushOpSchema = z.object({
  /** Device-monotonic, gap-free, starting at 1 per clientId. */
  opSeq: z.number().int().positive(),
  /** UUID of the op; a retry resends the same opSeq + mutationId + content. */
  mutationId: idSchema,
  tbl: z.enum(SYNCED_TABLES),
  rowId: idSchema,
  kind: z.enum(OP_KINDS),
  /** Commands only, e.g. `order.submit.v1`. */
  name: z.string().max(100).nullish(),
  /** Changed fields only, absolute values (create: all fields; delete: {}; command: the args). */
  patch: z.record(z.string(), z.unknown()),
  /** The server version the edit derives from; null = derives from this client's own create (or none). */
  baseVersion: z.number().int().min(0).nullish(),
  /** Device clock, display only: the server never orders or decides by it. */
  clientTime: z.string().max(40).nullish(),
});
export type PushOp = z.infer<typeof pushOpSchema>;

export const pushRequestSchema = z.object({
  schemaVersion: schemaVersionSchema,
  clientId: idSchema,
  ops: z.array(pushOpSchema).max(MAX_PUSH_OPS),
});
export type PushRequest = z.infer<typeof pushRequestSchema>;

/** The conflicts the platform reports for an op; the desktop's list adds rejections (shared/api/sync.ts `ConflictKind`). */
export const SERVER_CONFLICT_KINDS = ['field', 'update_vs_delete', 'delete_vs_update', 'duplicate_key'] as const;

/** Per-op permanent failures: the op is consumed (it will never apply) and reported. */
export const REJECT_CODES = [
  'invalid', // the patch or args failed validation (`message` says which field)
  'forbidden', // role or regional scope does not allow it (incl. moving a row out of one's regions)
  'not_found', // update/delete of a row the server never had
  'already_exists', // create with an id the server already holds (from another op)
  'unknown_command',
  'enterprise_not_found', // a site or order for an enterprise the server does not have (or deleted)
  'plan_not_available', // plan missing from, or withdrawn in, the current catalog
  'subscription_exists', // open order while the enterprise already has an opening/active subscription
  'no_active_subscription', // change/cancel without an active subscription
  'same_plan', // change to the plan already active
  'order_mismatch', // command rowId differs from args.id, or a resubmitted order id with other contents
  'has_active_subscription', // delete of an enterprise with an opening/active subscription
  'mutation_reused', // the mutationId was already used for a different op
  'no_vpmn_subscription', // a roster order for an enterprise whose opening/active plan has no VPMN
  'promotion_start_past', // a promotion (门户首页推荐) whose start date is before the platform's China day
  'internal', // the platform failed on this op in a way a retry cannot fix (a bug); reported, never retried
] as const;
export type RejectCode = (typeof REJECT_CODES)[number];

const fieldConflictSchema = z.object({ mine: z.unknown(), theirs: z.unknown() });

export const opResultSchema = z.object({
  opSeq: z.number().int(),
  status: z.enum(['applied', 'merged', 'duplicate', 'conflict', 'rejected']),
  /** The row's version after the op (absent when the row does not exist on the server). */
  version: z.number().int().optional(),
  /** The seq of the row's latest write. */
  seq: z.number().int().optional(),
  /** The full server row after the op; null for a tombstone. Absent on rejections of unseen rows. */
  row: z.record(z.string(), z.unknown()).nullable().optional(),
  deleted: z.boolean().optional(),
  /** merged/conflict: fields others changed since baseVersion that the op did not touch (taken from the server). */
  autoMerged: z.array(z.string()).optional(),
  /** conflict */
  kind: z.enum(SERVER_CONFLICT_KINDS).optional(),
  /** conflict kind=field: per field (or group) both values; the server value is kept. */
  fields: z.record(z.string(), fieldConflictSchema).optional(),
  /** conflict kind=duplicate_key: the row holding the natural key. */
  existingId: z.string().optional(),
  /** site ops: image hashes not uploaded yet (accepted anyway; publishing waits for them). */
  missingBlobs: z.array(z.string()).optional(),
  /** rejected: one of REJECT_CODES (a string, so a newer platform's code does not break an older desktop). */
  code: z
    .string()
    .optional()
    .describe(`rejected: why, one of ${REJECT_CODES.join(' | ')}`),
  retryable: z.literal(false).optional(),
  message: z.string().optional(),
  /** duplicate: the status the op got when it was first applied. */
  originalStatus: z.enum(['applied', 'merged', 'conflict', 'rejected']).optional(),
});
export type OpResult = z.infer<typeof opResultSchema>;

export const pushResponseSchema = z.object({
  lastAppliedOpSeq: z.number().int(),
  serverSeq: z.number().int(),
  results: z.array(opResultSchema),
  serverTime: z.string(),
});
export type PushResponse = z.infer<typeof pushResponseSchema>;

/* ---------- POST /sync/v1/pull ---------- */

export const pullRequestSchema = z.object({
  schemaVersion: schemaVersionSchema,
  clientId: idSchema,
  /** Opaque; absent or null = bootstrap from scratch. */
  cursor: z.string().max(500).nullish(),
  limit: z.number().int().min(1).max(MAX_PULL_LIMIT).optional(),
});
export type PullRequest = z.infer<typeof pullRequestSchema>;

/** One of: a row put (`row`), a tombstone (`deleted`), or the row leaving the user's scope (`scopeExit`). */
export const changeSchema = z.object({
  tbl: z.enum(SYNCED_TABLES),
  id: z.string(),
  seq: z.number().int(),
  version: z.number().int().optional(),
  row: z.record(z.string(), z.unknown()).optional(),
  deleted: z.literal(true).optional(),
  scopeExit: z.literal(true).optional(),
});
export type Change = z.infer<typeof changeSchema>;

export const pullResponseSchema = z.object({
  changes: z.array(changeSchema),
  /** Save it with the page, in the same transaction. */
  cursor: z.string(),
  hasMore: z.boolean(),
  serverSeq: z.number().int(),
  /** Non-null on every page of a bootstrap (no cursor yet): the seq the bootstrap snapshot is complete at. */
  snapshotSeq: z.number().int().nullable(),
  /** This client's last applied opSeq (null when the client is not registered to this user). */
  lastAppliedOpSeq: z.number().int().nullable(),
  /** The latest catalog version: GET /catalog/v1 when it is above the one the desktop holds. */
  catalogVersion: z.number().int(),
  serverTime: z.string(),
});
export type PullResponse = z.infer<typeof pullResponseSchema>;
