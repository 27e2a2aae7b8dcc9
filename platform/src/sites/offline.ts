/**
 * A cancelled enterprise's sites go offline by themselves at `offlineAt` (the end of the last billed
 * month): the public listener answers the "stopped" page from that instant on (it compares the time
 * itself), and this sweep turns each such `site_publication` row to status `offline` so the desktop
 * sees it. Any process may sweep; the row is locked, so a site goes offline once.
 */
import type { PlatformContext } from '../context';
import { isoNow } from '../context';
import { inWriteTx, loadRow, updateRow } from '../sync/rows';

/** Marks every site past its offline date `offline`; returns how many changed. */
export async function takeOfflineDue(ctx: PlatformContext): Promise<number> {
  const now = isoNow(ctx);
  const { db } = ctx.database;
  const past = await db.selectFrom('site_host').select('site_id').distinct().where('offline_at', '<=', now).execute();
  if (past.length === 0) return 0;
  // Read first, so sites already offline cost no write transaction on every sweep.
  const rows = await db
    .selectFrom('site_publication')
    .select(['id', 'data'])
    .where(
      'id',
      'in',
      past.map((p) => p.site_id),
    )
    .execute();
  const due = rows.filter((r) => (JSON.parse(r.data) as { status?: string }).status !== 'offline').map((r) => r.id);
  if (due.length === 0) return 0;
  return inWriteTx(ctx.database, async (w) => {
    let changed = 0;
    for (const siteId of due) {
      const row = await loadRow(w, 'site_publication', siteId);
      if (!row || row.data.status === 'offline' || row.data.offlineAt === null || (row.data.offlineAt as string) > now) continue;
      updateRow(w, row, { changes: { status: 'offline' } }, { clientId: null, at: now });
      changed++;
    }
    return changed;
  });
}

/** Runs the sweep every `everyMs` until stopped. */
export function sweepOfflineSites(ctx: PlatformContext, everyMs: number): { stop(): void } {
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    takeOfflineDue(ctx)
      .catch((err: Error) => ctx.log(`offline sweep: ${err.stack ?? String(err)}`))
      .finally(() => (running = false));
  }, everyMs);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
