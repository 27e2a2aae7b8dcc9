/**
 * Push (SYNC.md §3.6): the outbox in op order, ≤ 200 ops / 1 MB per request, each op exactly once.
 * Ops are marked sent (immutable) before the request; the response is applied in one transaction
 * with the acked watermark. 409 op_gap resends from the op the platform expects; 409
 * client_state_mismatch registers a new clientId and renumbers what is not acked.
 */
import {
  MAX_PUSH_BYTES,
  MAX_PUSH_OPS,
  pushResponseSchema,
  SCHEMA_VERSION,
  SYNCED_TABLES,
  type ErrorBody,
  type PushOp,
  type PushResponse,
} from '../../../../shared/platform-api';
import type { WritableDB } from '../../infra/db/handles';
import { storedFields } from './adapters';
import { applyResult } from './apply';
import { recordConflict } from './db/conflicts';
import type { OutboxOp } from './db/outbox';
import { hasWireSeq, markSent, nextBatch, requeueAckedFrom, settleOp } from './db/queue';
import { getNumber, setState } from './db/state';
import type { SyncStepEnv } from './env';
import { ProtocolFailure } from './errors';
import { startResync } from './pull';
import { ensureClientId, registerClient } from './registration';

export interface PushStats {
  pushed: number;
  conflicts: number;
  rejected: number;
}

export interface PushEnv extends SyncStepEnv {
  /** Called after each applied response (status events, progress). */
  onProgress?: (stats: PushStats) => void;
}

const KNOWN_TABLES = new Set<string>(SYNCED_TABLES);

export function toWireOp(op: OutboxOp): PushOp {
  return {
    opSeq: op.wire_seq!,
    mutationId: op.mutation_id,
    tbl: op.tbl as PushOp['tbl'],
    rowId: op.row_id,
    kind: op.kind,
    ...(op.name ? { name: op.name } : {}),
    patch: storedFields(op.patch_json),
    baseVersion: op.base_version,
    clientTime: op.created_at,
  };
}

/** An op for a table the platform does not sync can never be sent: it is settled here, visibly. */
function settleUnsendable(db: WritableDB, env: PushEnv, op: OutboxOp): void {
  const at = env.now().toISOString();
  settleOp(db, op.op_seq, 'rejected', at, 'unknown_table');
  recordConflict(db, {
    id: env.newId(),
    tbl: op.tbl,
    rowId: op.row_id,
    opSeq: op.op_seq,
    kind: 'invalid',
    at,
    detail: {
      op: {
        kind: op.kind,
        name: op.name,
        patch: storedFields(op.patch_json),
        baseVersion: op.base_version,
        mutationId: op.mutation_id,
        createdAt: op.created_at,
      },
      code: 'unknown_table',
      message: `The platform does not sync "${op.tbl}".`,
    },
  });
}

/** The batch to send now: up to the first op that cannot be sent (which is settled on its own). */
async function sendable(env: PushEnv): Promise<OutboxOp[]> {
  for (;;) {
    const batch = nextBatch(env.db, MAX_PUSH_OPS, MAX_PUSH_BYTES - 4096);
    const stop = batch.findIndex((op) => !KNOWN_TABLES.has(op.tbl));
    if (stop !== 0) return stop < 0 ? batch : batch.slice(0, stop);
    await env.writes.write((db) => settleUnsendable(db, env, batch[0]!));
  }
}

/** Marks the batch sent and numbers it on the wire, in one transaction. */
function markBatchSent(db: WritableDB, batch: OutboxOp[]): OutboxOp[] {
  const lastWireSeq = getNumber(db, 'last_wire_seq');
  const sent = markSent(db, batch, lastWireSeq);
  setState(db, 'last_wire_seq', Math.max(lastWireSeq, ...sent.map((op) => op.wire_seq!)));
  return sent;
}

function handleConflictStatus(db: WritableDB, body: ErrorBody | undefined, firstWire: number): 'resend' | 'reregister' {
  if (body?.code === 'op_gap' && body.expectedOpSeq !== undefined && body.expectedOpSeq < firstWire) {
    // The platform lost ops it had acked (restored from a backup): send them again, unchanged.
    for (let seq = body.expectedOpSeq; seq < firstWire; seq++) if (!hasWireSeq(db, seq)) return 'reregister';
    requeueAckedFrom(db, body.expectedOpSeq);
    startResync(db); // its seqs after the restore point are being reused: the cursor means nothing now
    return 'resend';
  }
  if (body?.code === 'client_state_mismatch' || body?.code === 'op_gap') return 'reregister';
  throw new ProtocolFailure(body?.code ?? 'http_409', body?.message ?? 'The platform refused the push with 409.', 409, body);
}

/** Pushes until the outbox is empty; `stats` is filled as it goes (so a failure midway still reports what was done). */
export async function push(env: PushEnv, stats: PushStats = { pushed: 0, conflicts: 0, rejected: 0 }): Promise<PushStats> {
  let stalls = 0;
  for (;;) {
    const clientId = await ensureClientId(env);
    const batch = await sendable(env);
    if (batch.length === 0) return stats;
    const sent = await env.writes.write((db) => markBatchSent(db, batch));
    const response = await env.client.raw('/sync/v1/push', {
      body: { schemaVersion: SCHEMA_VERSION, clientId, ops: sent.map(toWireOp) },
      accept: [409],
    });
    if (response.status === 409) {
      const body = response.json<ErrorBody>();
      const action = await env.writes.write((db) => handleConflictStatus(db, body, sent[0]!.wire_seq!));
      if (action === 'reregister') await registerClient(env);
      if (++stalls > 5)
        throw new ProtocolFailure('push_stalled', 'The platform keeps refusing the push (409); sync stopped to avoid a loop.');
      continue;
    }
    const parsed = pushResponseSchema.safeParse(response.json());
    if (!parsed.success) throw new ProtocolFailure('bad_response', `The push answer does not match the contract: ${parsed.error.message}`);
    const settled = await env.writes.write((db) => applyPushResponse(db, env, sent, parsed.data, stats));
    env.onProgress?.(stats);
    if (settled === 0 && ++stalls > 5) throw new ProtocolFailure('push_stalled', 'The platform answers the push without settling any op.');
  }
}

function applyPushResponse(db: WritableDB, env: PushEnv, sent: OutboxOp[], response: PushResponse, stats: PushStats): number {
  const ctx = { db, adapters: env.adapters, now: env.now, newId: env.newId, ...(env.touched ? { touched: env.touched } : {}) };
  const byWire = new Map(sent.map((op) => [op.wire_seq!, op]));
  const before = getNumber(db, 'acked_watermark');
  let settled = 0;
  for (const result of response.results) {
    const op = byWire.get(result.opSeq);
    if (!op) continue;
    const outcome = applyResult(ctx, op, result);
    settled++;
    if (outcome === 'acked') stats.pushed++;
    else if (outcome === 'conflict') stats.conflicts++;
    else stats.rejected++;
  }
  setState(db, 'acked_watermark', response.lastAppliedOpSeq);
  // The platform went back in time (restored from a backup): what it lost goes again.
  if (response.lastAppliedOpSeq < before) {
    requeueAckedFrom(db, response.lastAppliedOpSeq + 1);
    startResync(db);
  }
  return settled;
}
