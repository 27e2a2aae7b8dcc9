/** Platform sign-in and sync procedures (issue 4): the sync centre, the status indicator, the CLI. */
import { z } from 'zod';
import { SERVER_CONFLICT_KINDS } from '../platform-api/sync';
import { mutation, query, steppedMutation } from './contract';

export const syncStateSchema = z.enum([
  /** Never signed in, or the session ended: sign in to sync (local work continues). */
  'signed_out',
  /** The platform cannot be reached; retrying with backoff. */
  'offline',
  'syncing',
  'up_to_date',
  /** The platform answered with a transient error (5xx, 429); retrying with backoff. */
  'retrying',
  /** A person must act: see `attention`. */
  'needs_attention',
]);
export type SyncState = z.infer<typeof syncStateSchema>;

export const attentionSchema = z.enum([
  'conflicts',
  /** 426: this app is older than the platform accepts; the queue is kept until the update. */
  'upgrade_required',
  /** A full resync would delete many rows: confirm or keep them (`sync.resolveResyncGuard`). */
  'resync_guard',
  'sign_in',
  /** No progress after 20 attempts or an hour. */
  'stuck',
  'failed_uploads',
  /** The platform refused a request in a way the app does not expect (details in lastError). */
  'protocol',
]);

export const accountSchema = z.object({
  server: z.string(),
  login: z.string(),
  name: z.string(),
  role: z.string(),
  region: z.object({ province: z.string().nullable(), city: z.string().nullable() }),
});
export type SyncAccount = z.infer<typeof accountSchema>;

export const syncStatusSchema = z.object({
  state: syncStateSchema,
  /** Tokens are held (the device can sync without asking for the password). */
  signedIn: z.boolean(),
  /** The last account used on this device (kept after sign-out, to pre-fill the form). */
  account: accountSchema.nullable(),
  pendingOps: z.number().int(),
  pendingUploads: z.number().int(),
  failedUploads: z.number().int(),
  conflicts: z.number().int(),
  /** Rows the platform sent that failed their schema: never stored, listed by `sync.refusedRows`. */
  refusedRows: z.number().int(),
  lastSyncAt: z.string().nullable(),
  lastError: z.object({ code: z.string(), message: z.string() }).nullable(),
  attention: z.array(attentionSchema),
  /** When the next automatic attempt is due (ms from now), if one is scheduled. */
  nextAttemptInMs: z.number().int().nullable(),
  progress: z.object({ phase: z.enum(['push', 'pull', 'upload']), done: z.number().int(), total: z.number().int().nullable() }).nullable(),
  /** The pictures on their way to the platform now, with the bytes sent so far (as they leave the machine). */
  uploading: z.array(z.object({ sha256: z.string(), size: z.number().int(), sentBytes: z.number().int() })),
  /** Set while the mass-delete guard waits for a decision: how many of how many synced rows would go. */
  resyncGuard: z.object({ rows: z.number().int(), total: z.number().int() }).nullable(),
  /** Where the tokens are kept: the OS keychain (Electron) or a file only the user can read. */
  tokenStore: z.enum(['keychain', 'file']),
});
export type SyncStatus = z.infer<typeof syncStatusSchema>;

export const syncReportSchema = z.object({
  pushed: z.number().int(),
  pulled: z.number().int(),
  conflicts: z.number().int(),
  uploadedBytes: z.number().int(),
  pending: z.number().int(),
  outcome: z.enum(['ok', 'signed_out', 'offline', 'retrying', 'needs_attention']),
  error: z.object({ code: z.string(), message: z.string() }).optional(),
});
export type SyncReport = z.infer<typeof syncReportSchema>;

export const queuedOpSchema = z.object({
  opSeq: z.number().int(),
  tbl: z.string(),
  rowId: z.string(),
  kind: z.enum(['create', 'update', 'delete', 'command']),
  name: z.string().nullable(),
  /** The row's display name (enterprise name …) when the device has it. */
  label: z.string().nullable(),
  fields: z.array(z.string()),
  status: z.enum(['pending', 'sent']),
  attempts: z.number().int(),
  createdAt: z.string(),
});

export const uploadSchema = z.object({
  sha256: z.string(),
  size: z.number().int(),
  mime: z.string(),
  state: z.string(),
  uploadedBytes: z.number().int(),
  attempts: z.number().int(),
  lastError: z.string().nullable(),
});

export const historyEntrySchema = z.object({
  id: z.string(),
  startedAt: z.string(),
  finishedAt: z.string(),
  trigger: z.string(),
  outcome: z.string(),
  pushed: z.number().int(),
  pulled: z.number().int(),
  conflicts: z.number().int(),
  uploadedBytes: z.number().int(),
  error: z.object({ code: z.string(), message: z.string() }).nullable(),
});

/** What the conflict list holds: the platform's conflicts and the ops it rejected (by the reason the person can act on). */
export const CONFLICT_KINDS = [...SERVER_CONFLICT_KINDS, 'forbidden', 'invalid', 'rejected'] as const;
export type ConflictKind = (typeof CONFLICT_KINDS)[number];
export const conflictKindSchema = z.enum(CONFLICT_KINDS);

export const conflictSchema = z.object({
  id: z.string(),
  tbl: z.string(),
  rowId: z.string(),
  label: z.string().nullable(),
  kind: conflictKindSchema,
  /** What this device's op did: a `create` is a record made here that the platform never had. */
  opKind: z.enum(['create', 'update', 'delete', 'command']),
  /** kind=field: per field (or group) the two values and the one both started from. */
  fields: z.array(z.object({ field: z.string(), mine: z.unknown(), theirs: z.unknown(), base: z.unknown().optional() })),
  /** What this device sent. */
  mine: z.record(z.string(), z.unknown()),
  /** The platform's row, when it has one. */
  theirs: z.record(z.string(), z.unknown()).nullable(),
  code: z.string().nullable(),
  message: z.string().nullable(),
  existingId: z.string().nullable(),
  /** What "mine" does for this kind: re-apply my values, delete anyway, merge into the existing row, retry. */
  /** keep: only for a refused record this device made (forbidden create): kept here as a local draft, never sent. */
  actions: z.array(z.enum(['mine', 'theirs', 'edit', 'keep', 'export'])),
  createdAt: z.string(),
});
export type SyncConflict = z.infer<typeof conflictSchema>;

/** A row the platform sent that failed its wire schema (the latest refusal per row). */
export const refusedRowSchema = z.object({
  tbl: z.string(),
  rowId: z.string(),
  version: z.number().int().nullable(),
  /** Stable: `row_invalid`. */
  code: z.string(),
  /** What is wrong, one "path: problem" line each (at most 20). */
  problems: z.array(z.string()),
  receivedAt: z.string(),
});

export const platformInfoSchema = z.object({
  /** registered | opening | opened | cancelled, once the platform has the enterprise. */
  status: z.string().nullable(),
  groupCode: z.string().nullable(),
  orders: z.array(
    z.object({
      orderId: z.string(),
      kind: z.string(),
      planCode: z.string(),
      platformStatus: z.string().nullable(),
      opening: z
        .object({
          groupCode: z.string(),
          domain: z.object({ label: z.string(), fqdn: z.string() }).nullable(),
          smsServiceCode: z.object({ unifiedCode: z.string(), extension: z.string(), full: z.string() }),
          maintenanceAccount: z.object({ login: z.string(), initialPassword: z.string() }),
          openedAt: z.string(),
        })
        .nullable(),
      failure: z.object({ code: z.string(), message: z.string() }).nullable(),
      processedAt: z.string().nullable(),
    }),
  ),
});

/** Every local change of a synced record queues an op: the queue and the status' counts move with these. */
const QUEUE_MOVES = ['sync', 'enterprise', 'service_order', 'subscription', 'site', 'document', 'asset'] as const;

export const syncApi = {
  /** Online sign-in; without network, an offline sign-in against the verifier kept from the last online one. */
  'sync.signIn': steppedMutation(
    z.object({ server: z.string().trim().min(1).max(300), user: z.string().trim().min(1).max(64), password: z.string().min(1).max(200) }),
    z.object({ mode: z.enum(['online', 'offline']), account: accountSchema }),
  ),
  /** Ends the platform session and forgets the tokens; the queue and local data stay. */
  'sync.signOut': steppedMutation(z.object({}), z.object({ signedOut: z.boolean() })),
  'sync.status': query(z.object({}), syncStatusSchema, { reads: QUEUE_MOVES }),
  /**
   * One sync cycle now (push, pull, uploads), waiting for it. Its network time never holds the
   * write queue: only each step's short transaction waits its turn among the user's edits.
   */
  'sync.now': steppedMutation(z.object({}), syncReportSchema),
  /** The UI saw the network come back (or the app resume / gain focus): try soon. `offline` marks it offline. */
  'sync.nudge': query(z.object({ reason: z.enum(['online', 'offline', 'resume', 'focus']) }), z.object({}), { reads: [] }),
  'sync.queue': query(
    z.object({ limit: z.number().int().min(1).max(1000).default(200) }),
    z.object({ total: z.number().int(), ops: z.array(queuedOpSchema) }),
    { reads: QUEUE_MOVES },
  ),
  'sync.uploads': query(z.object({}), z.array(uploadSchema), { reads: ['sync', 'asset', 'site'] }),
  /** A failed upload back in the queue. */
  'sync.retryUpload': mutation(z.object({ sha256: z.string().regex(/^[0-9a-f]{64}$/) }), z.object({ queued: z.boolean() })),
  'sync.history': query(z.object({ limit: z.number().int().min(1).max(500).default(50) }), z.array(historyEntrySchema), {
    reads: ['sync'],
  }),
  'sync.conflicts': query(z.object({ tbl: z.string().optional(), rowId: z.string().optional() }), z.array(conflictSchema), {
    reads: ['sync'],
  }),
  /**
   * mine: apply my values again on top of the platform's current row (field), delete anyway
   * (delete_vs_update), merge my record into the existing one (duplicate_key), retry (rejections);
   * theirs: keep the platform's version and drop mine; edit: send `values` (field → value);
   * keep: a refused new record stays on this device as a local draft, and nothing about it is sent.
   */
  'sync.resolveConflict': mutation(
    z.object({
      id: z.string().min(1),
      resolution: z.enum(['mine', 'theirs', 'edit', 'keep']),
      values: z.record(z.string(), z.unknown()).optional(),
    }),
    z.object({ resolved: z.boolean() }),
  ),
  /** My side of a conflict as JSON, to keep or send to someone (forbidden changes to rows now out of scope). */
  'sync.exportConflict': query(z.object({ id: z.string().min(1) }), z.object({ fileName: z.string(), json: z.string() }), {
    reads: ['sync'],
  }),
  /** Several conflicts resolved the same way at once, in one unit of work (the sync centre's "全部放弃", "全部留作本机草稿"). */
  'sync.resolveConflicts': mutation(
    z.object({ ids: z.array(z.string().min(1)).min(1).max(500), resolution: z.enum(['theirs', 'keep']) }),
    z.object({ resolved: z.number().int() }),
  ),
  /** My side of several conflicts in one JSON file ("全部导出"). */
  'sync.exportConflicts': query(
    z.object({ ids: z.array(z.string().min(1)).min(1).max(500) }),
    z.object({ fileName: z.string(), json: z.string() }),
    { reads: ['sync'] },
  ),
  /** The mass-delete guard stopped a resync sweep: delete the rows the platform no longer has, or keep them. */
  'sync.resolveResyncGuard': mutation(z.object({ action: z.enum(['delete', 'keep']) }), z.object({ removed: z.number().int() })),
  /** Rows the platform sent that this device refused (malformed), newest first. */
  'sync.refusedRows': query(z.object({ limit: z.number().int().min(1).max(500).default(100) }), z.array(refusedRowSchema), {
    reads: ['sync'],
  }),
  /** What the platform says about an enterprise: status, group code, and per order the BOSS opening result. */
  'sync.platformInfo': query(z.object({ enterpriseId: z.string().min(1) }), platformInfoSchema, {
    reads: ['enterprise', 'service_order', 'subscription', 'sync'],
  }),
};
