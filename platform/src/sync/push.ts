/**
 * POST /sync/v1/push (SYNC.md §3.4): the per-device op log, applied exactly once and in order.
 * A request is one transaction: the ops' effects, their seqs, applied_op and last_applied_op_seq
 * commit together, so a kill at any moment loses nothing and a retry replays stored results.
 */
import { MAX_PATCH_DEPTH, type OpResult, type PushOp, type PushRequest, type PushResponse } from '../../../shared/platform-api/sync';
import { SYNCED_TABLES, type SyncedTable } from '../../../shared/platform-api/tables';
import { normalizeCreditCode } from '../../../shared/domain/creditCode';
import type { ControlledTransaction } from 'kysely';
import type { PlatformContext } from '../context';
import { isoNow } from '../context';
import type { Tx } from '../db/database';
import type { DB } from '../db/schema';
import { HttpError, unavailable } from '../http/errors';
import { nestedDeeperThan } from '../http/limits';
import { inScope, type Principal } from '../scopes';
import { canonicalJson, sha256Hex } from './canonical';
import { KeyedMutex } from './deviceLock';
import { applyRowOp, type OpContext } from './ops';
import { runCommand } from './commands';
import { beforePublishing, publishingOf } from '../sites/publication';
import { Rejection } from './rejection';
import { currentSeq, loadRow, lockRows, readStoredCodes, toWire } from './rows';
import { LOCK_ORDER, commitWrites, keep, mark, newWriter, undo, type Writer } from './writer';
import { isTransient } from './transient';
import { checkSchemaVersion, ownClient } from './clients';

type Trx = ControlledTransaction<DB>;
type OpSavepoint = ControlledTransaction<DB, ['op']>;

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
    canonicalJson({
      tbl: op.tbl,
      rowId: op.rowId,
      kind: op.kind,
      name: op.name ?? null,
      patch: tooDeep(op) ? { tooDeep: true } : op.patch,
      baseVersion: op.baseVersion ?? null,
    }),
  );

const mismatch = () =>
  new HttpError(409, 'client_state_mismatch', 'This opSeq was applied with another mutation: register a new clientId.', {
    reason: 'mutation_mismatch',
  });

type AppliedOpRow = DB['applied_op'];

/** What a push needs to know up front, read in a few queries instead of some per op. */
interface Known {
  /** This device's stored results, by opSeq (replays). */
  prior: Map<number, AppliedOpRow>;
  /** Mutations applied before under any clientId (re-registered devices), by mutationId; grows as ops apply. */
  earlier: Map<string, AppliedOpRow>;
}

export class PushService {
  private readonly lock = new KeyedMutex();

  constructor(
    private readonly ctx: PlatformContext,
    private readonly hooks: PushHooks,
  ) {}

  async push(user: Principal, req: PushRequest): Promise<PushResponse> {
    checkSchemaVersion(this.ctx, req.schemaVersion);
    return this.lock.run(req.clientId, async () => {
      await beforePublishing(this.ctx.database.db, publishingOf(this.ctx.config), req.ops, isoNow(this.ctx));
      const { results, last, serverSeq, stop } = await this.applyAll(user, req);
      if (results.some((r) => r.status === 'applied' && r.row && (r.row as { status?: string }).status === 'submitted'))
        this.hooks.orderSubmitted();
      if (stop) throw stop;
      return {
        lastAppliedOpSeq: last,
        serverSeq: serverSeq ?? (await currentSeq(this.ctx.database.db)).seq,
        results,
        serverTime: isoNow(this.ctx),
      };
    });
  }

  /**
   * One transaction per request, a savepoint per op (SYNC.md §3.4: one fsync per request instead of
   * per op). A kill before COMMIT loses the whole request, which the device resends unchanged — still
   * exactly once. An op that cannot go on (gap, mismatch, transient failure) ends the request there;
   * the ops before it are committed. The rows the ops name are locked up front, in id order; seqs
   * and the applied_op rows are written at the end, so sync_meta is locked only for the commit.
   */
  private async applyAll(
    user: Principal,
    req: PushRequest,
  ): Promise<{ results: OpResult[]; last: number; serverSeq?: number; stop?: HttpError }> {
    const { database } = this.ctx;
    const trx = await database.db.startTransaction().execute();
    const w = newWriter(trx, database.dialect);
    const results: OpResult[] = [];
    const applied: { row: AppliedOpRow; result: OpResult }[] = [];
    let last = 0;
    let stop: HttpError | undefined;
    try {
      let q = trx.selectFrom('sync_client').select(['user_id', 'last_applied_op_seq']).where('client_id', '=', req.clientId);
      if (database.dialect === 'postgres') q = q.forUpdate();
      last = ownClient(await q.executeTakeFirst(), user).last_applied_op_seq;
      const before = last;
      const ops = [...req.ops].sort((a, b) => a.opSeq - b.opSeq);
      const known = await this.prefetch(w, req.clientId, ops, last);
      for (const op of ops) {
        if (op.opSeq > last + 1) {
          stop = new HttpError(409, 'op_gap', `Expected opSeq ${last + 1}, got ${op.opSeq}.`, {
            expectedOpSeq: last + 1,
            lastAppliedOpSeq: last,
          });
          break;
        }
        const step = opStep(w, trx);
        try {
          if (op.opSeq <= last) results.push(await this.replay(w, user, op, known));
          else {
            const record = await this.applyNew(w, step.undo, user, req.clientId, op, known);
            results.push(record.result);
            applied.push(record);
          }
          await step.keep();
          last = Math.max(last, op.opSeq);
        } catch (err) {
          await step.undo();
          if (err instanceof HttpError) stop = err;
          else if (isTransient(err)) stop = unavailable(undefined, { lastAppliedOpSeq: last });
          else throw err;
          break;
        }
      }
      if (last > before)
        await trx.updateTable('sync_client').set({ last_applied_op_seq: last }).where('client_id', '=', req.clientId).execute();
      const real = await commitWrites(w);
      for (const r of results) if (r.seq !== undefined) r.seq = real(r.seq);
      if (applied.length)
        await trx
          .insertInto('applied_op')
          .values(applied.map(({ row, result }) => ({ ...row, result_json: storedResult(result) })))
          .execute();
      await trx.commit().execute();
      for (const done of w.afterCommit) done();
      return { results, last, serverSeq: w.seqs.lastAssigned(), ...(stop ? { stop } : {}) };
    } catch (err) {
      await trx
        .rollback()
        .execute()
        .catch(() => undefined);
      if (isTransient(err)) throw unavailable();
      throw err;
    }
  }

  /** Stored results and earlier mutations in two queries, every row the ops name locked, and the credit codes they set. */
  private async prefetch(w: Writer, clientId: string, ops: PushOp[], last: number): Promise<Known> {
    const replays = ops.filter((op) => op.opSeq <= last).map((op) => op.opSeq);
    const fresh = ops.filter((op) => op.opSeq > last).map((op) => op.mutationId);
    const prior = replays.length
      ? await w.trx.selectFrom('applied_op').selectAll().where('client_id', '=', clientId).where('op_seq', 'in', replays).execute()
      : [];
    const earlier = fresh.length
      ? await w.trx.selectFrom('applied_op').selectAll().where('mutation_id', 'in', fresh).where('is_replay', '=', 0).execute()
      : [];
    await lockNamedRows(w, ops);
    await readStoredCodes(
      w,
      ops.flatMap((op) =>
        op.tbl === 'enterprise' && typeof op.patch.creditCode === 'string' ? [normalizeCreditCode(op.patch.creditCode)] : [],
      ),
    );
    return { prior: new Map(prior.map((r) => [Number(r.op_seq), r])), earlier: new Map(earlier.map((r) => [r.mutation_id, r])) };
  }

  /** An op at or below lastAppliedOpSeq: the same mutation gets its stored result back, anything else is a copied device. */
  private async replay(w: Writer, user: Principal, op: PushOp, known: Known): Promise<OpResult> {
    const prior = known.prior.get(op.opSeq);
    if (!prior) return { opSeq: op.opSeq, status: 'duplicate', ...(await currentRow(w, user, op)) };
    if (prior.mutation_id !== op.mutationId || prior.fingerprint !== fingerprintOf(op)) throw mismatch();
    return duplicateOf(JSON.parse(prior.result_json) as OpResult, op.opSeq, await currentRow(w, user, op));
  }

  private async applyNew(
    w: Writer,
    undoOp: () => Promise<void>,
    user: Principal,
    clientId: string,
    op: PushOp,
    known: Known,
  ): Promise<{ result: OpResult; row: AppliedOpRow }> {
    const fingerprint = fingerprintOf(op);
    const at = isoNow(this.ctx);
    // The same mutation sent earlier under another clientId of this user (the device re-registered).
    const earlier = known.earlier.get(op.mutationId);
    let result: OpResult;
    if (earlier && earlier.fingerprint === fingerprint && (await ownsClient(w.trx, user.id, earlier.client_id))) {
      result = duplicateOf(JSON.parse(earlier.result_json) as OpResult, op.opSeq, await currentRow(w, user, op));
    } else if (earlier) {
      result = rejected(op.opSeq, new Rejection('mutation_reused', 'This mutationId was already used for another op.'));
    } else {
      result = await this.effect(undoOp, { ...w, user, clientId, at }, op);
    }
    const row: AppliedOpRow = {
      client_id: clientId,
      op_seq: op.opSeq,
      mutation_id: op.mutationId,
      fingerprint,
      is_replay: earlier ? 1 : 0,
      result_json: '',
      applied_at: at,
    };
    if (!earlier) known.earlier.set(op.mutationId, { ...row, result_json: JSON.stringify(result) });
    return { result, row };
  }

  /** The op's effect; a permanent failure undoes it (back to the op's savepoint) and becomes the result. */
  private async effect(undoOp: () => Promise<void>, oc: OpContext, op: PushOp): Promise<OpResult> {
    try {
      await this.ctx.faults.beforeOp?.(op);
      if (tooDeep(op)) throw new Rejection('invalid', `patch: nested more than ${MAX_PATCH_DEPTH} levels deep.`);
      return op.kind === 'command' ? await runCommand(oc, op, publishingOf(this.ctx.config)) : await applyRowOp(oc, op);
    } catch (err) {
      if (isTransient(err)) throw err;
      await undoOp();
      if (err instanceof Rejection) return rejected(op.opSeq, err);
      // A bug must not wedge the device's queue (SYNC-PRIOR-ART §2.4): consume the op, report it, log it.
      this.ctx.log(`push: op ${op.mutationId} failed: ${(err as Error).stack ?? String(err)}`);
      return rejected(op.opSeq, new Rejection('internal', 'The platform could not apply this op.'));
    }
  }
}

/**
 * One op's work in the push's transaction. Most ops only change what the writer keeps; an op that
 * makes the writer flush gets a savepoint first, so undoing it can also roll the database back.
 */
function opStep(w: Writer, trx: Trx): { undo(): Promise<void>; keep(): Promise<void> } {
  const start = mark(w);
  let savepoint: OpSavepoint | undefined;
  w.beforeFlush = async () => {
    savepoint ??= await trx.savepoint('op').execute();
  };
  return {
    async undo() {
      if (savepoint) await savepoint.rollbackToSavepoint('op').execute();
      undo(w, start);
    },
    async keep() {
      if (savepoint) await savepoint.releaseSavepoint('op').execute();
      keep(w);
    },
  };
}

/** The rows the ops write or check (their own, and the enterprise a site or an order belongs to), locked in a fixed order. */
async function lockNamedRows(w: Writer, ops: PushOp[]): Promise<void> {
  const ids = new Map<SyncedTable, string[]>(SYNCED_TABLES.map((tbl) => [tbl, []]));
  for (const op of ops) {
    ids.get(op.tbl)!.push(op.rowId);
    const enterpriseId = op.patch.enterpriseId;
    if (op.tbl !== 'enterprise' && typeof enterpriseId === 'string') ids.get('enterprise')!.push(enterpriseId);
  }
  for (const tbl of LOCK_ORDER) await lockRows(w, tbl, ids.get(tbl)!);
}

/** An op's result as stored in applied_op (for replays): without the row, which a replay reads afresh. */
function storedResult(result: OpResult): string {
  const { row: _row, ...stored } = result;
  return JSON.stringify(stored);
}

const rejected = (opSeq: number, err: Rejection): OpResult => ({
  opSeq,
  status: 'rejected',
  code: err.code,
  retryable: false,
  message: err.message,
});

function duplicateOf(stored: OpResult, opSeq: number, current: Partial<OpResult>): OpResult {
  const originalStatus = stored.status === 'duplicate' ? stored.originalStatus : stored.status;
  return { ...stored, ...current, opSeq, status: 'duplicate', ...(originalStatus ? { originalStatus } : {}) };
}

/** The row as it is now, when the user may still see it: a replay hands back the freshest state. */
async function currentRow(w: Writer, user: Principal, op: PushOp): Promise<Partial<OpResult>> {
  const row = await loadRow(w, op.tbl, op.rowId);
  if (!row || !inScope(user, row.scopeId)) return {};
  return { row: toWire(row), version: row.version, seq: row.lastSeq, ...(row.deleted ? { deleted: true } : {}) };
}

async function ownsClient(trx: Tx, userId: string, clientId: string): Promise<boolean> {
  const r = await trx.selectFrom('sync_client').select('user_id').where('client_id', '=', clientId).executeTakeFirst();
  return r?.user_id === userId;
}
