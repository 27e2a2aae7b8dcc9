/**
 * Pull (SYNC.md §3.6): pages in the platform's commit order, each applied in one transaction with
 * the cursor it ends at, so a crash re-applies at most one page. No cursor = bootstrap; 410 =
 * full resync: pull from scratch, then sweep rows the platform no longer sends — unless the sweep
 * would delete too much (> 200 rows, or > 30 % of them), which stops and asks a person.
 */
import type Database from 'better-sqlite3';
import { DEFAULT_PULL_LIMIT, pullResponseSchema, SCHEMA_VERSION, type ErrorBody, type PullResponse } from '../../../../shared/platform-api';
import { applyChange, clearSeen, sweepCandidates, unackedRowSet, type ApplyContext } from './apply';
import { ProtocolFailure } from './errors';
import type { PlatformClient } from './platform';
import { ensureClientId } from './registration';
import { queueRemoteImages } from './downloads';
import { requeueAckedFrom } from './queue';
import { getJson, getNumber, getState, setJson, setState } from './state';
import { localTable, localTables } from './tables';

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

export interface PullEnv extends ApplyContext {
  client: PlatformClient;
  /** Where pictures referenced by pulled rows are looked for (and queued for download when absent). */
  dataDir?: string;
  limit?: number;
  onProgress?: (stats: PullStats) => void;
  /** How long each write transaction took (benchmarks: the UI waits at most this long). */
  onTransaction?: (ms: number, rows: number) => void;
}

/** The mass-delete guard (Joplin #883/#4223): more than 200 rows, or more than 30 % (and at least 5). */
export const guardTrips = (candidates: number, total: number) => candidates > 200 || (candidates >= 5 && candidates > 0.3 * total);

/** Forget the cursor and pull everything again (410, or the platform was found to have gone back in time). */
export function startResync(db: Database.Database): void {
  db.transaction(() => {
    clearSeen(db);
    setState(db, 'cursor', null);
    setState(db, 'resync', '1');
  }).immediate();
}

/** Rows per write transaction: short enough that the UI's own writes never wait long (SYNC.md §3.2). */
const CHUNK_ROWS = 100;

/**
 * A page is applied in transactions of ≤ 100 rows, yielding between them; the cursor is saved with
 * the last one. A crash in between re-applies the page's first rows on the next pull, which is
 * harmless: applying a row is idempotent, and the cursor never passes a row that was not applied.
 */
async function applyPage(env: PullEnv, page: PullResponse, resync: boolean): Promise<number> {
  let applied = 0;
  for (let start = 0; start === 0 || start < page.changes.length; start += CHUNK_ROWS) {
    const last = start + CHUNK_ROWS >= page.changes.length;
    const started = performance.now();
    env.db.transaction(() => {
      const chunkEnv = { ...env, unackedRows: unackedRowSet(env.db) };
      for (const change of page.changes.slice(start, start + CHUNK_ROWS)) {
        if (applyChange(chunkEnv, change, resync)) applied++;
        if (env.dataDir && change.row) queueRemoteImages(env.db, env.dataDir, change.row, env.now());
      }
      if (last) setState(env.db, 'cursor', page.cursor);
    }).immediate();
    env.onTransaction?.(performance.now() - started, Math.min(CHUNK_ROWS, page.changes.length - start));
    if (!last) await new Promise((resolve) => setImmediate(resolve));
  }
  return applied;
}

/** After the last page of a resync: delete what the platform no longer has, or stop and ask. */
function finishResync(env: PullEnv): ResyncGuard | undefined {
  const { db } = env;
  const started = performance.now();
  const guard = db.transaction(() => {
    const { candidates, total } = sweepCandidates(db, localTables());
    let guard: ResyncGuard | undefined;
    if (guardTrips(candidates.length, total)) {
      guard = { rows: candidates.map((c) => ({ ...c, baseVersion: localTable(c.tbl)?.load(db, c.id)?.baseVersion ?? null })), total };
      setJson(db, 'resync_guard', guard);
    } else {
      for (const c of candidates) localTable(c.tbl)?.remove(db, c.id);
    }
    clearSeen(db);
    setState(db, 'resync', null);
    setState(db, 'bootstrap_complete', '1');
    return guard;
  }).immediate();
  env.onTransaction?.(performance.now() - started, 0);
  return guard;
}

/** The person's answer to the guard: delete the rows the platform no longer has, or keep them. */
export function resolveResyncGuard(db: Database.Database, action: 'delete' | 'keep'): number {
  return db.transaction(() => {
    const guard = getJson<ResyncGuard>(db, 'resync_guard');
    let removed = 0;
    if (guard && action === 'delete') {
      for (const row of guard.rows) {
        const table = localTable(row.tbl);
        const local = table?.load(db, row.id);
        // Only rows nothing touched since (no newer version arrived, no new edit).
        if (!table || !local || local.baseVersion !== row.baseVersion) continue;
        if (db.prepare(`SELECT 1 FROM outbox WHERE tbl = ? AND row_id = ? AND status IN ('pending', 'sent')`).get(row.tbl, row.id)) continue;
        table.remove(db, row.id);
        removed++;
      }
    }
    setState(db, 'resync_guard', null);
    return removed;
  }).immediate();
}

export async function pull(env: PullEnv, stats: PullStats = { pulled: 0, pages: 0, resynced: false }): Promise<PullStats> {
  const { db, client } = env;
  let restarts = 0;
  for (;;) {
    const clientId = await ensureClientId(db, client);
    const cursor = getState(db, 'cursor') ?? null;
    if (cursor === null && getState(db, 'resync') !== '1') startResync(db); // bootstrap: same bookkeeping
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
      startResync(db);
      stats.resynced = true;
      continue;
    }
    const parsed = pullResponseSchema.safeParse(response.json());
    if (!parsed.success) throw new ProtocolFailure('bad_response', `The pull answer does not match the contract: ${parsed.error.message}`);
    const page = parsed.data;
    if (page.lastAppliedOpSeq !== null && page.lastAppliedOpSeq < getNumber(db, 'acked_watermark') && !resync) {
      // The platform lost ops it had acknowledged (restored from a backup): resend them, and
      // trust nothing this cursor says — the seqs after the restore point are being reused.
      requeueAckedFrom(db, page.lastAppliedOpSeq + 1);
      setState(db, 'acked_watermark', page.lastAppliedOpSeq);
      startResync(db);
      stats.resynced = true;
      continue;
    }
    stats.pulled += await applyPage(env, page, resync);
    stats.pages++;
    stats.catalogVersion = page.catalogVersion;
    env.onProgress?.(stats);
    if (page.hasMore) continue;
    if (resync) {
      const guard = finishResync(env);
      if (guard) stats.guard = guard;
    }
    return stats;
  }
}
