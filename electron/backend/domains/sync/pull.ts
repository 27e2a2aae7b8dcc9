/**
 * Pull (SYNC.md §3.6): pages in the platform's commit order, each applied in short write
 * transactions with the cursor it ends at, so a crash re-applies at most one page. No cursor =
 * bootstrap; 410 = full resync: pull from scratch, then sweep rows the platform no longer sends —
 * unless the sweep would delete too much (> 200 rows, or > 30 % of them), which stops and asks a person.
 */
import { DEFAULT_PULL_LIMIT, pullResponseSchema, SCHEMA_VERSION, type ErrorBody, type PullResponse } from '../../../../shared/platform-api';
import type { WritableDB } from '../../infra/db/handles';
import type { SyncAdapters } from './adapters';
import { applyChange, sweepCandidates, type ApplyContext } from './apply';
import { hasUnacked, requeueAckedFrom, unackedRowKeys } from './db/queue';
import { refusedRowKeys } from './db/refusedRows';
import { clearSeen } from './db/resyncSeen';
import { getJson, getNumber, getState, setJson, setState } from './db/state';
import { queueRemoteImages } from './downloads';
import type { SyncStepEnv } from './env';
import { ProtocolFailure } from './errors';
import { ensureClientId } from './registration';

export interface PullStats {
  pulled: number;
  pages: number;
  resynced: boolean;
  /** Set when the resync sweep was stopped by the mass-delete guard. */
  guard?: ResyncGuard;
  catalogVersion?: number;
}

export interface ResyncGuard {
  rows: { tbl: string; id: string; baseVersion: number | null }[];
  total: number;
}

export interface PullEnv extends SyncStepEnv {
  limit?: number;
  onProgress?: (stats: PullStats) => void;
  /** How long each write transaction took (benchmarks: the UI waits at most this long). */
  onTransaction?: (ms: number, rows: number) => void;
}

/** The mass-delete guard (Joplin #883/#4223): more than 200 rows, or more than 30 % (and at least 5). */
export const guardTrips = (candidates: number, total: number) => candidates > 200 || (candidates >= 5 && candidates > 0.3 * total);

/** Forget the cursor and pull everything again (410, or the platform was found to have gone back in time). */
export function startResync(db: WritableDB): void {
  clearSeen(db);
  setState(db, 'cursor', null);
  setState(db, 'resync', '1');
}

/** Rows per write transaction: short enough that the UI's own writes never wait long (SYNC.md §3.2). */
const CHUNK_ROWS = 100;

/**
 * A page is applied in transactions of ≤ 100 rows, each taking its turn in the write queue; the
 * cursor is saved with the last one. A crash in between re-applies the page's first rows on the
 * next pull, which is harmless: applying a row is idempotent, and the cursor never passes a row
 * that was not applied.
 */
async function applyPage(env: PullEnv, page: PullResponse, resync: boolean): Promise<number> {
  let applied = 0;
  for (let start = 0; start === 0 || start < page.changes.length; start += CHUNK_ROWS) {
    const last = start + CHUNK_ROWS >= page.changes.length;
    const chunk = page.changes.slice(start, start + CHUNK_ROWS);
    await env.writes.write((db) => {
      const started = performance.now();
      const ctx: ApplyContext = {
        db,
        adapters: env.adapters,
        now: env.now,
        newId: env.newId,
        unackedRows: unackedRowKeys(db),
        refusedRows: refusedRowKeys(db),
        ...(env.touched ? { touched: env.touched } : {}),
      };
      for (const change of chunk) {
        if (applyChange(ctx, change, resync)) {
          applied++;
          if (change.row) queueRemoteImages(db, env.dataDir, change.row, env.now());
        }
      }
      if (last) setState(db, 'cursor', page.cursor);
      env.onTransaction?.(performance.now() - started, chunk.length);
    });
    // Let the event loop read what arrived meanwhile (a save), so it queues before the next chunk.
    if (!last) await new Promise((resolve) => setImmediate(resolve));
  }
  return applied;
}

/** After the last page of a resync: delete what the platform no longer has, or stop and ask. */
function finishResync(db: WritableDB, adapters: SyncAdapters): ResyncGuard | undefined {
  const { candidates, total } = sweepCandidates(db, adapters);
  let guard: ResyncGuard | undefined;
  if (guardTrips(candidates.length, total)) {
    guard = { rows: candidates.map((c) => ({ ...c, baseVersion: adapters.get(c.tbl)?.load(db, c.id)?.baseVersion ?? null })), total };
    setJson(db, 'resync_guard', guard);
  } else {
    for (const c of candidates) adapters.get(c.tbl)?.remove(db, c.id);
  }
  clearSeen(db);
  setState(db, 'resync', null);
  setState(db, 'bootstrap_complete', '1');
  return guard;
}

/** The person's answer to the guard: delete the rows the platform no longer has, or keep them. */
export function resolveResyncGuard(db: WritableDB, adapters: SyncAdapters, action: 'delete' | 'keep'): number {
  const guard = getJson<ResyncGuard>(db, 'resync_guard');
  let removed = 0;
  if (guard && action === 'delete') {
    for (const row of guard.rows) {
      const adapter = adapters.get(row.tbl);
      const local = adapter?.load(db, row.id);
      // Only rows nothing touched since (no newer version arrived, no new edit).
      if (!adapter || !local || local.baseVersion !== row.baseVersion || hasUnacked(db, row.tbl, row.id)) continue;
      adapter.remove(db, row.id);
      removed++;
    }
  }
  setState(db, 'resync_guard', null);
  return removed;
}

export async function pull(env: PullEnv, stats: PullStats = { pulled: 0, pages: 0, resynced: false }): Promise<PullStats> {
  const { db, client } = env;
  let restarts = 0;
  for (;;) {
    const clientId = await ensureClientId(env);
    const cursor = getState(db, 'cursor') ?? null;
    if (cursor === null && getState(db, 'resync') !== '1') await env.writes.write(startResync); // bootstrap: same bookkeeping
    const resync = getState(db, 'resync') === '1';
    const response = await client.raw('/sync/v1/pull', {
      body: { schemaVersion: SCHEMA_VERSION, clientId, cursor, limit: env.limit ?? DEFAULT_PULL_LIMIT },
      accept: [410],
    });
    if (response.status === 410) {
      if (cursor === null || ++restarts > 2) {
        const body = response.json<ErrorBody>();
        throw new ProtocolFailure(body.code, `The platform asks for a resync of a resync: ${body.message}`, 410, body);
      }
      await env.writes.write(startResync);
      stats.resynced = true;
      continue;
    }
    const parsed = pullResponseSchema.safeParse(response.json());
    if (!parsed.success) throw new ProtocolFailure('bad_response', `The pull answer does not match the contract: ${parsed.error.message}`);
    const page = parsed.data;
    if (page.lastAppliedOpSeq !== null && page.lastAppliedOpSeq < getNumber(db, 'acked_watermark') && !resync) {
      // The platform lost ops it had acknowledged (restored from a backup): resend them, and
      // trust nothing this cursor says — the seqs after the restore point are being reused.
      const lastApplied = page.lastAppliedOpSeq;
      await env.writes.write((db) => {
        requeueAckedFrom(db, lastApplied + 1);
        setState(db, 'acked_watermark', lastApplied);
        startResync(db);
      });
      stats.resynced = true;
      continue;
    }
    stats.pulled += await applyPage(env, page, resync);
    stats.pages++;
    stats.catalogVersion = page.catalogVersion;
    env.onProgress?.(stats);
    if (page.hasMore) continue;
    if (resync) {
      const started = performance.now();
      const guard = await env.writes.write((db) => finishResync(db, env.adapters));
      env.onTransaction?.(performance.now() - started, 0);
      if (guard) stats.guard = guard;
    }
    return stats;
  }
}
