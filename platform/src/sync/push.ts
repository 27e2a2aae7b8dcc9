/**
 * POST /sync/v1/push (SYNC.md §3.4): the per-device op log, applied exactly once and in order.
 * Each op runs in its own transaction: idempotency check, authorization, effect, seq allocation,
 * applied_op and last_applied_op_seq all commit together, so a kill at any moment loses nothing
 * and a retry replays stored results.
 */
import { MAX_PATCH_DEPTH, type OpResult, type PushOp, type PushRequest, type PushResponse } from '../../../shared/platform-api/sync';
import type { ControlledTransaction } from 'kysely';
import type { PlatformContext } from '../context';
import { isoNow } from '../context';
import type { DB } from '../db/schema';
import { HttpError, unavailable } from '../http/errors';
import { nestedDeeperThan } from '../http/limits';
import { inScope, type Principal } from '../scopes';
import { canonicalJson, sha256Hex } from './canonical';
import { KeyedMutex } from './deviceLock';
import { applyRowOp, type OpContext } from './ops';
import { submitOrder } from './orders';
import { Rejection } from './rejection';
import { currentSeq, loadRow, toWire } from './rows';
import { isTransient } from './transient';
import { checkSchemaVersion, requireClient } from './clients';

type Trx = ControlledTransaction<DB, ['op']>;

export interface PushHooks {
  /** Called after an `order.submit.v1` committed a new order. */
  orderSubmitted(): void;
}

const tooDeep = (op: PushOp) => nestedDeeperThan(op.patch, MAX_PATCH_DEPTH);

/**
 * What identifies an op's content; opSeq and mutationId are compared separately, clientTime is display
 * only. A patch too deep to walk safely (it is rejected) is stood in for by a marker.
 */
export const fingerprintOf = (op: PushOp): string =>
  sha256Hex(
    canonicalJson({ tbl: op.tbl, rowId: op.rowId, kind: op.kind, name: op.name ?? null, patch: tooDeep(op) ? { tooDeep: true } : op.patch, baseVersion: op.baseVersion ?? null }),
  );


const mismatch = () =>
  new HttpError(409, 'client_state_mismatch', 'This opSeq was applied with another mutation: register a new clientId.', { reason: 'mutation_mismatch' });

export class PushService {
  private readonly lock = new KeyedMutex();

  constructor(
    private readonly ctx: PlatformContext,
    private readonly hooks: PushHooks,
  ) {}

  async push(user: Principal, req: PushRequest): Promise<PushResponse> {
    checkSchemaVersion(this.ctx, req.schemaVersion);
    return this.lock.run(req.clientId, async () => {
      await requireClient(this.ctx, user, req.clientId);
      const { results, last, stop } = await this.applyAll(user, req);
      if (results.some((r) => r.status === 'applied' && r.row && (r.row as { status?: string }).status === 'submitted')) this.hooks.orderSubmitted();
      if (stop) throw stop;
      const { seq } = await this.ctx.database.db.transaction().execute((trx) => currentSeq(trx));
      return { lastAppliedOpSeq: last, serverSeq: seq, results, serverTime: isoNow(this.ctx) };
    });
  }

  /**
   * One transaction per request, a savepoint per op (SYNC.md §3.4: one fsync per request instead of
   * per op). A kill before COMMIT loses the whole request, which the device resends unchanged — still
   * exactly once. An op that cannot go on (gap, mismatch, transient failure) ends the request there;
   * the ops before it are committed.
   */
  private async applyAll(user: Principal, req: PushRequest): Promise<{ results: OpResult[]; last: number; stop?: HttpError }> {
    const { database } = this.ctx;
    const trx = await database.db.startTransaction().execute();
    const results: OpResult[] = [];
    let last = 0;
    let stop: HttpError | undefined;
    try {
      let q = trx.selectFrom('sync_client').select('last_applied_op_seq').where('client_id', '=', req.clientId);
      if (database.dialect === 'postgres') q = q.forUpdate();
      last = Number((await q.executeTakeFirstOrThrow()).last_applied_op_seq);
      const before = last;
      for (const op of [...req.ops].sort((a, b) => a.opSeq - b.opSeq)) {
        if (op.opSeq > last + 1) {
          stop = new HttpError(409, 'op_gap', `Expected opSeq ${last + 1}, got ${op.opSeq}.`, { expectedOpSeq: last + 1, lastAppliedOpSeq: last });
          break;
        }
        const sp = await trx.savepoint('op').execute();
        try {
          results.push(op.opSeq <= last ? await this.replay(sp, user, req.clientId, op) : await this.applyNew(sp, user, req.clientId, op));
          await sp.releaseSavepoint('op').execute();
          last = Math.max(last, op.opSeq);
        } catch (err) {
          await sp.rollbackToSavepoint('op').execute();
          if (err instanceof HttpError) stop = err;
          else if (isTransient(err)) stop = unavailable(undefined, { lastAppliedOpSeq: last });
          else throw err;
          break;
        }
      }
      if (last > before) await trx.updateTable('sync_client').set({ last_applied_op_seq: last }).where('client_id', '=', req.clientId).execute();
      await trx.commit().execute();
      return { results, last, ...(stop ? { stop } : {}) };
    } catch (err) {
      await trx.rollback().execute().catch(() => undefined);
      if (isTransient(err)) throw unavailable();
      throw err;
    }
  }

  /** An op at or below lastAppliedOpSeq: the same mutation gets its stored result back, anything else is a copied device. */
  private async replay(trx: Trx, user: Principal, clientId: string, op: PushOp): Promise<OpResult> {
    const prior = await trx.selectFrom('applied_op').selectAll().where('client_id', '=', clientId).where('op_seq', '=', op.opSeq).executeTakeFirst();
    if (!prior) return { opSeq: op.opSeq, status: 'duplicate', ...(await currentRow(trx, user, op)) };
    if (prior.mutation_id !== op.mutationId || prior.fingerprint !== fingerprintOf(op)) throw mismatch();
    return duplicateOf(JSON.parse(prior.result_json) as OpResult, op.opSeq, await currentRow(trx, user, op));
  }

  private async applyNew(trx: Trx, user: Principal, clientId: string, op: PushOp): Promise<OpResult> {
    const fingerprint = fingerprintOf(op);
    const at = isoNow(this.ctx);
    // The same mutation sent earlier under another clientId of this user (the device re-registered).
    const earlier = await trx.selectFrom('applied_op').selectAll().where('mutation_id', '=', op.mutationId).where('is_replay', '=', 0).executeTakeFirst();
    let result: OpResult;
    if (earlier && earlier.fingerprint === fingerprint && (await ownsClient(trx, user.id, earlier.client_id))) {
      result = duplicateOf(JSON.parse(earlier.result_json) as OpResult, op.opSeq, await currentRow(trx, user, op));
    } else if (earlier) {
      result = rejected(op.opSeq, new Rejection('mutation_reused', 'This mutationId was already used for another op.'));
    } else {
      result = await this.effect(trx, { trx, user, clientId, at }, op);
    }
    const { row: _row, ...stored } = result;
    await trx
      .insertInto('applied_op')
      .values({
        client_id: clientId, op_seq: op.opSeq, mutation_id: op.mutationId, fingerprint,
        is_replay: earlier ? 1 : 0, result_json: JSON.stringify(stored), applied_at: at,
      })
      .execute();
    return result;
  }

  /** The op's effect; a permanent failure undoes it (back to the op's savepoint) and becomes the result. */
  private async effect(trx: Trx, oc: OpContext, op: PushOp): Promise<OpResult> {
    try {
      await this.ctx.faults.beforeOp?.(op);
      if (tooDeep(op)) throw new Rejection('invalid', `patch: nested more than ${MAX_PATCH_DEPTH} levels deep.`);
      return op.kind === 'command' ? await submitOrder(oc, op) : await applyRowOp(oc, op);
    } catch (err) {
      if (isTransient(err)) throw err;
      await trx.rollbackToSavepoint('op').execute();
      if (err instanceof Rejection) return rejected(op.opSeq, err);
      // A bug must not wedge the device's queue (SYNC-PRIOR-ART §2.4): consume the op, report it, log it.
      this.ctx.log(`push: op ${op.mutationId} failed: ${(err as Error).stack ?? String(err)}`);
      return rejected(op.opSeq, new Rejection('internal', 'The platform could not apply this op.'));
    }
  }
}

const rejected = (opSeq: number, err: Rejection): OpResult => ({ opSeq, status: 'rejected', code: err.code, retryable: false, message: err.message });

function duplicateOf(stored: OpResult, opSeq: number, current: Partial<OpResult>): OpResult {
  const originalStatus = stored.status === 'duplicate' ? stored.originalStatus : stored.status;
  return { ...stored, ...current, opSeq, status: 'duplicate', ...(originalStatus ? { originalStatus } : {}) };
}

/** The row as it is now, when the user may still see it: a replay hands back the freshest state. */
async function currentRow(trx: Trx, user: Principal, op: PushOp): Promise<Partial<OpResult>> {
  const row = await loadRow(trx, op.tbl, op.rowId);
  if (!row || !inScope(user, row.scopeId)) return {};
  return { row: toWire(row), version: row.version, seq: row.lastSeq, ...(row.deleted ? { deleted: true } : {}) };
}

async function ownsClient(trx: Trx, userId: string, clientId: string): Promise<boolean> {
  const r = await trx.selectFrom('sync_client').select('user_id').where('client_id', '=', clientId).executeTakeFirst();
  return r?.user_id === userId;
}
