/**
 * POST /sync/v1/pull (SYNC.md §3.3): rows and scope exits after the cursor's seq, in seq order, all
 * read in one snapshot together with the server seq, so no row committed during paging is skipped.
 */
import { sql } from 'kysely';
import { DEFAULT_PULL_LIMIT, type Change, type PullRequest, type PullResponse } from '../../../shared/platform-api/sync';
import { SYNCED_TABLES, type SyncedTable } from '../../../shared/platform-api/tables';
import { latestVersion } from '../catalog/catalog';
import { isoNow, type PlatformContext } from '../context';
import { readTx, type Tx } from '../db/database';
import { scopesHash, scopesOf, type Principal } from '../scopes';
import { checkSchemaVersion } from './clients';
import { decodeCursor, encodeCursor, resyncRequired, type Cursor } from './cursor';
import { currentSeq } from './rows';

interface Window {
  from: number;
  upTo: number;
  /** Bootstrap: tombstones and exits at or below it are left out (the device has nothing to delete). */
  snap: number | undefined;
  scopes: string[] | null;
  limit: number;
}

async function rowChanges(trx: Tx, tbl: SyncedTable, w: Window): Promise<Change[]> {
  if (w.scopes?.length === 0) return [];
  let q = trx
    .selectFrom(tbl as 'enterprise')
    .select(['id', 'version', 'last_seq', 'deleted', 'data', 'created_at', 'updated_at'])
    .where('last_seq', '>', w.from)
    .where('last_seq', '<=', w.upTo);
  if (w.scopes) q = q.where('scope_id', 'in', w.scopes);
  const snap = w.snap;
  if (snap !== undefined) q = q.where((eb) => eb.or([eb('deleted', '=', 0), eb('last_seq', '>', snap)]));
  const rows = await q
    .orderBy('last_seq')
    .limit(w.limit + 1)
    .execute();
  return rows.map((r) => {
    const head = { tbl, id: r.id, seq: Number(r.last_seq), version: Number(r.version) };
    if (r.deleted) return { ...head, deleted: true as const };
    const data = JSON.parse(r.data) as Record<string, unknown>;
    return { ...head, row: { id: r.id, ...data, createdAt: r.created_at, updatedAt: r.updated_at } };
  });
}

/** Exits from the user's scopes, except for rows the user still sees (they come as puts at a later seq). */
async function exitChanges(trx: Tx, tbl: SyncedTable, w: Window): Promise<Change[]> {
  if (!w.scopes || w.scopes.length === 0) return [];
  const scopes = w.scopes;
  let q = trx
    .selectFrom('scope_exit')
    .select(['seq', 'row_id'])
    .where('tbl', '=', tbl)
    .where('scope_id', 'in', scopes)
    .where('seq', '>', Math.max(w.from, w.snap ?? 0))
    .where('seq', '<=', w.upTo)
    .where(
      sql<boolean>`NOT EXISTS (SELECT 1 FROM ${sql.table(tbl)} t WHERE t.id = scope_exit.row_id AND t.scope_id IN (${sql.join(scopes)}))`,
    );
  q = q.orderBy('seq').limit(w.limit + 1);
  return (await q.execute()).map((e) => ({ tbl, id: e.row_id, seq: Number(e.seq), scopeExit: true as const }));
}

export class PullService {
  constructor(private readonly ctx: PlatformContext) {}

  async pull(user: Principal, req: PullRequest): Promise<PullResponse> {
    checkSchemaVersion(this.ctx, req.schemaVersion);
    const hash = scopesHash(user);
    const cursor = req.cursor ? decodeCursor(req.cursor) : undefined;
    return readTx(this.ctx.database, async (trx) => {
      const meta = await currentSeq(trx);
      if (cursor) checkCursor(cursor, hash, meta);
      const w: Window = {
        from: cursor?.seq ?? 0,
        upTo: meta.seq,
        snap: cursor ? cursor.snap : meta.seq,
        scopes: scopesOf(user),
        limit: req.limit ?? DEFAULT_PULL_LIMIT,
      };
      const all: Change[] = [];
      for (const tbl of SYNCED_TABLES) all.push(...(await rowChanges(trx, tbl, w)), ...(await exitChanges(trx, tbl, w)));
      all.sort((a, b) => a.seq - b.seq);
      const hasMore = all.length > w.limit;
      const changes = all.slice(0, w.limit);
      const next: Cursor = hasMore
        ? { v: 1, seq: changes[changes.length - 1]!.seq, h: hash, ...(w.snap !== undefined ? { snap: w.snap } : {}) }
        : { v: 1, seq: w.upTo, h: hash };
      return {
        changes,
        cursor: encodeCursor(next),
        hasMore,
        serverSeq: meta.seq,
        snapshotSeq: w.snap ?? null,
        lastAppliedOpSeq: await lastApplied(trx, user, req.clientId),
        catalogVersion: await latestVersion(trx),
        serverTime: isoNow(this.ctx),
      };
    });
  }
}

function checkCursor(cursor: Cursor, hash: string, meta: { seq: number; minRetainedSeq: number }): void {
  if (cursor.h !== hash) throw resyncRequired('scopes_changed', 'Your regions changed; pull from scratch.');
  if (cursor.seq > meta.seq) throw resyncRequired('cursor_ahead', 'The platform was restored to an earlier state; pull from scratch.');
  // A bootstrap page cursor is as fresh as its snapshot: tombstones up to `snap` are not needed.
  if (Math.max(cursor.seq, cursor.snap ?? 0) < meta.minRetainedSeq)
    throw resyncRequired('stale_cursor', 'The cursor is older than the history the platform keeps; pull from scratch.');
}

async function lastApplied(trx: Tx, user: Principal, clientId: string): Promise<number | null> {
  const row = await trx
    .selectFrom('sync_client')
    .select(['user_id', 'last_applied_op_seq'])
    .where('client_id', '=', clientId)
    .executeTakeFirst();
  return row && row.user_id === user.id ? Number(row.last_applied_op_seq) : null;
}
