/**
 * Visit statistics (issue 10 item 4): PV and UV per site, channel and China day, in `site_visit_day`
 * rows (synced). A visitor is unique by a hash of (site, channel, address, user agent) salted per day;
 * the hashes of a day are deleted once it is over, so no raw hit is kept. Counts gather in memory for
 * at most `flushMs` and are written in one transaction; uniqueness is decided by the database (the
 * hash's primary key), so two processes count a visitor once.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { PlatformContext } from '../context';
import { isoNow } from '../context';
import { inWriteTx, insertRow, loadRow, updateRow } from '../sync/rows';
import type { PageChannel } from './channels';

/** The China date (UTC+8) of an instant. */
export const chinaDay = (at: Date): string => new Date(at.getTime() + 8 * 3600_000).toISOString().slice(0, 10);

/** One site's page views on one channel and day, gathered in memory until the next flush. */
interface Tally {
  siteId: string;
  enterpriseId: string;
  channel: PageChannel;
  day: string;
  pv: number;
  /** address + user agent of each visitor seen since the last flush. */
  visitors: Set<string>;
}

export class VisitCounter {
  private pending = new Map<string, Tally>();
  private timer: NodeJS.Timeout | undefined;
  private flushing: Promise<void> = Promise.resolve();
  /** The China day of the current instant, kept until that day ends. */
  private today = { day: '', endsAt: -Infinity };

  constructor(
    private readonly ctx: PlatformContext,
    private readonly flushMs = 500,
  ) {}

  record(site: { siteId: string; enterpriseId: string }, channel: PageChannel, address: string, userAgent: string): void {
    const day = this.dayNow();
    const key = `${site.siteId}\n${channel}\n${day}`;
    let tally = this.pending.get(key);
    if (!tally) {
      tally = { siteId: site.siteId, enterpriseId: site.enterpriseId, channel, day, pv: 0, visitors: new Set() };
      this.pending.set(key, tally);
    }
    tally.pv++;
    tally.visitors.add(`${address}\n${userAgent}`);
    this.timer ??= setTimeout(() => void this.flush(), this.flushMs);
  }

  /** Writes what was counted so far (tests call it before reading the counts). */
  flush(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    const tallies = [...this.pending.values()];
    this.pending = new Map();
    this.flushing = this.flushing
      .then(() => (tallies.length ? this.write(tallies) : undefined))
      .catch((err: Error) => this.ctx.log(`visits: ${err.stack ?? String(err)}`));
    return this.flushing;
  }

  private dayNow(): string {
    const now = this.ctx.clock.now().getTime();
    if (now >= this.today.endsAt || now < this.today.endsAt - 86_400_000) {
      const day = chinaDay(new Date(now));
      this.today = { day, endsAt: Date.parse(`${day}T00:00:00+08:00`) + 86_400_000 };
    }
    return this.today.day;
  }

  private async write(tallies: Tally[]): Promise<void> {
    await inWriteTx(this.ctx.database, async (w) => {
      const at = isoNow(this.ctx);
      const by = { clientId: null, at };
      for (const hit of tallies) {
        const id = `${hit.siteId}:${hit.day}:${hit.channel}`;
        const salt = await saltOf(w.trx, hit.day);
        let uv = 0;
        for (const visitor of hit.visitors) {
          const hash = createHash('sha256').update(salt).update(`${hit.siteId}\n${hit.channel}\n${visitor}`).digest('base64url');
          const inserted = await w.trx
            .insertInto('visit_seen')
            .values({ day: hit.day, hash })
            .onConflict((oc) => oc.doNothing())
            .executeTakeFirst();
          if (Number(inserted.numInsertedOrUpdatedRows ?? 0n) > 0) uv++;
        }
        const row = await loadRow(w, 'site_visit_day', id);
        if (row) updateRow(w, row, { changes: { pv: (row.data.pv as number) + hit.pv, uv: (row.data.uv as number) + uv } }, by);
        else {
          const site = await loadRow(w, 'site_publication', hit.siteId);
          insertRow(
            w,
            'site_visit_day',
            id,
            site?.scopeId ?? '',
            { siteId: hit.siteId, enterpriseId: hit.enterpriseId, date: hit.day, channel: hit.channel, pv: hit.pv, uv },
            by,
          );
        }
      }
      // Yesterday's visitors are no longer needed to tell today's apart.
      const today = chinaDay(this.ctx.clock.now());
      await w.trx.deleteFrom('visit_seen').where('day', '<', today).execute();
      await w.trx.deleteFrom('visit_salt').where('day', '<', today).execute();
    });
  }

  async close(): Promise<void> {
    await this.flush();
  }
}

async function saltOf(trx: import('../db/database').Tx, day: string): Promise<string> {
  await trx
    .insertInto('visit_salt')
    .values({ day, salt: randomBytes(16).toString('hex') })
    .onConflict((oc) => oc.doNothing())
    .execute();
  return (await trx.selectFrom('visit_salt').select('salt').where('day', '=', day).executeTakeFirstOrThrow()).salt;
}
