/**
 * History compaction: tombstones and scope exits below a seq are dropped and min_retained_seq raised,
 * so a device whose cursor is older must resync (410 stale_cursor) instead of missing a delete.
 */
import { SYNCED_TABLES } from '../../../shared/platform-api/tables';
import type { PlatformContext } from '../context';
import { writeTx } from '../db/database';
import { currentSeq } from './rows';

export function compactHistory(ctx: PlatformContext, belowSeq: number): Promise<{ minRetainedSeq: number; removed: number }> {
  return writeTx(ctx.database, async (trx) => {
    const meta = await currentSeq(trx);
    const below = Math.min(belowSeq, meta.seq);
    if (below <= meta.minRetainedSeq) return { minRetainedSeq: meta.minRetainedSeq, removed: 0 };
    let removed = 0;
    for (const tbl of SYNCED_TABLES) {
      const r = await trx
        .deleteFrom(tbl as 'enterprise')
        .where('deleted', '=', 1)
        .where('last_seq', '<', below)
        .executeTakeFirst();
      removed += Number(r.numDeletedRows);
    }
    await trx.deleteFrom('site_image').where('site_id', 'not in', trx.selectFrom('site').select('id')).execute();
    const exits = await trx.deleteFrom('scope_exit').where('seq', '<', below).executeTakeFirst();
    removed += Number(exits.numDeletedRows);
    await trx.updateTable('sync_meta').set({ min_retained_seq: below }).where('id', '=', 1).execute();
    return { minRetainedSeq: below, removed };
  });
}
