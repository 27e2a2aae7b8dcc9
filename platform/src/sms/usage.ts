/**
 * SMS metering (issue 11 item 5): every part the link submitted and the gateway accepted counts
 * against its enterprise in the China month the MT was stored; the welcome SMS at opening is free.
 * The counts are rolled up from sms_mt_part into `sms_usage` rows (synced to the desktop, which
 * bills them with shared/domain/billing.ts) every `intervalMs`: the count is recomputed, never
 * incremented, so two platform processes doing it agree.
 */
import { sql } from 'kysely';
import { isoNow, type PlatformContext } from '../context';
import { inWriteTx, insertRow, loadRow, updateRow } from '../sync/rows';

const CHINA_OFFSET_MS = 8 * 3600_000;

/** The China month (UTC+8) of an instant, `YYYY-MM`. */
export const chinaMonth = (at: Date): string => new Date(at.getTime() + CHINA_OFFSET_MS).toISOString().slice(0, 7);

/** The instants a China month starts and ends (ISO, UTC). */
export function monthBounds(month: string): { from: string; to: string } {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const from = new Date(Date.UTC(y, m - 1, 1) - CHINA_OFFSET_MS);
  const to = new Date(Date.UTC(y, m, 1) - CHINA_OFFSET_MS);
  return { from: from.toISOString(), to: to.toISOString() };
}

/** Parts counted: accepted by the gateway (delivered or not); queued and refused parts are not sent. */
const COUNTED_STATES = ['accepted', 'delivered', 'undelivered'];

/** Counted parts per enterprise in a China month. */
export async function countParts(ctx: PlatformContext, month: string): Promise<Map<string, number>> {
  const { from, to } = monthBounds(month);
  const rows = await ctx.database.db
    .selectFrom('sms_mt as m')
    .innerJoin('sms_mt_part as p', 'p.mt_id', 'm.id')
    .select(['m.enterprise_id', sql<number | string>`count(*)`.as('parts')])
    .where('m.enterprise_id', 'is not', null)
    .where('m.purpose', '!=', 'welcome')
    .where('m.created_at', '>=', from)
    .where('m.created_at', '<', to)
    .where('p.state', 'in', COUNTED_STATES)
    .groupBy('m.enterprise_id')
    .execute();
  return new Map(rows.map((r) => [r.enterprise_id!, Number(r.parts)]));
}

export class UsageMeter {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> = Promise.resolve();

  constructor(
    private readonly ctx: PlatformContext,
    private readonly intervalMs = 10_000,
  ) {}

  start(): void {
    this.timer = setInterval(
      () => void this.refresh().catch((err: Error) => this.ctx.log(`sms usage: ${err.stack ?? String(err)}`)),
      this.intervalMs,
    );
    this.timer.unref();
  }

  stop(): void {
    clearInterval(this.timer);
  }

  /** Brings the `sms_usage` rows of this month and the last up to date (the last month's late answers still count). */
  refresh(): Promise<void> {
    const run = this.running.then(async () => {
      const now = this.ctx.clock.now();
      const current = chinaMonth(now);
      const previous = chinaMonth(new Date(Date.parse(monthBounds(current).from) - 1));
      for (const month of [previous, current]) await this.refreshMonth(month);
    });
    this.running = run.catch(() => undefined);
    return run;
  }

  private async refreshMonth(month: string): Promise<void> {
    const counts = await countParts(this.ctx, month);
    if (counts.size === 0) return;
    await inWriteTx(this.ctx.database, async (w) => {
      const by = { clientId: null, at: isoNow(this.ctx) };
      // The enterprises' scopes, read without locking them (only sms_usage rows are written).
      const scopes = new Map(
        (
          await w.trx
            .selectFrom('enterprise')
            .select(['id', 'scope_id'])
            .where('id', 'in', [...counts.keys()])
            .execute()
        ).map((e) => [e.id, e.scope_id]),
      );
      // In id order, like every writer of synced rows (no two transactions wait on each other in a cycle).
      for (const [enterpriseId, smsSent] of [...counts].sort(([a], [b]) => a.localeCompare(b))) {
        const id = `${enterpriseId}:${month}`;
        const row = await loadRow(w, 'sms_usage', id);
        const scopeId = scopes.get(enterpriseId);
        if (row && row.data.smsSent !== smsSent) updateRow(w, row, { changes: { smsSent } }, by);
        else if (!row && scopeId !== undefined) insertRow(w, 'sms_usage', id, scopeId, { enterpriseId, month, smsSent }, by);
      }
    });
  }
}
