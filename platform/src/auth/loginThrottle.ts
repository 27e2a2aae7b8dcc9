/**
 * Failed sign-ins, counted in the database (login_throttle) so every platform process on it shares
 * them and a restart keeps them:
 *  - per account: `loginMaxFailures` free failures, then each attempt waits a doubling back-off after
 *    the last failure (1 s, 2 s, 4 s … up to `loginMaxBackoffMs`). An address the account signed in
 *    from within KNOWN_ADDRESS_MS skips it, so slowing an account down does not lock its owner out;
 *  - per address: `loginMaxFailuresPerAddress` free failures over all accounts, then the same back-off;
 *  - platform-wide: once `loginGlobalMaxFailures` failures fall in one window, accounts back off from
 *    their first failure.
 * Per-account and per-address counts are forgotten after `loginWindowMs` without a failure; the
 * platform-wide count starts over every `loginWindowMs`. Unknown login names are counted like real
 * ones (so a 429 does not tell which accounts exist) and pruned with the rest.
 */
import { sql } from 'kysely';
import type { PlatformContext } from '../context';
import type { Tx } from '../db/database';

const KNOWN_ADDRESS_MS = 30 * 24 * 3600_000;
const PRUNE_EVERY_MS = 60_000;
const GLOBAL = 'global';

const accountKey = (login: string) => `account:${login.toLowerCase()}`;
const addressKey = (address: string) => `address:${address}`;

interface Count {
  failures: number;
  lastFailureMs: number;
}

/** One more failure under each key; a count starts over once its `startsOverBy` time is older than `cutoff`. */
function countFailure(trx: Tx, keys: string[], startsOverBy: 'last_failure_at' | 'window_started_at', now: string, cutoff: string) {
  const stale = sql`${sql.ref(`login_throttle.${startsOverBy}`)} < ${cutoff}`;
  return trx
    .insertInto('login_throttle')
    .values(keys.map((key) => ({ key, failures: 1, window_started_at: now, last_failure_at: now })))
    .onConflict((oc) =>
      oc.column('key').doUpdateSet({
        failures: sql`CASE WHEN ${stale} THEN 1 ELSE login_throttle.failures + 1 END`,
        window_started_at: sql`CASE WHEN ${stale} THEN ${now} ELSE login_throttle.window_started_at END`,
        last_failure_at: now,
      }),
    )
    .execute();
}

export class LoginThrottle {
  private prunedAtMs = 0;

  constructor(private readonly ctx: PlatformContext) {}

  private get db() {
    return this.ctx.database.db;
  }

  /** Milliseconds before a sign-in to `login` from `address` may be checked; 0 = now. */
  async waitMs(login: string, address: string, userId: string | undefined): Promise<number> {
    const { config } = this.ctx;
    const nowMs = this.ctx.clock.now().getTime();
    const counts = await this.counts([accountKey(login), addressKey(address), GLOBAL], nowMs);
    const underAttack = (counts.get(GLOBAL)?.failures ?? 0) >= config.loginGlobalMaxFailures;
    const addressWait = this.backoffLeft(counts.get(addressKey(address)), config.loginMaxFailuresPerAddress, nowMs);
    let accountWait = this.backoffLeft(counts.get(accountKey(login)), underAttack ? 0 : config.loginMaxFailures, nowMs);
    if (accountWait > 0 && userId && (await this.knownAddress(userId, address, nowMs))) accountWait = 0;
    return Math.max(addressWait, accountWait);
  }

  async recordFailure(login: string, address: string): Promise<void> {
    const nowMs = this.ctx.clock.now().getTime();
    const now = new Date(nowMs).toISOString();
    const cutoff = new Date(nowMs - this.ctx.config.loginWindowMs).toISOString();
    await this.db.transaction().execute(async (trx) => {
      // Account and address: counting starts over after a quiet window. Platform-wide: in fixed
      // windows, or a steady trickle of failures would never let the count fall.
      await countFailure(trx, [accountKey(login), addressKey(address)], 'last_failure_at', now, cutoff);
      await countFailure(trx, [GLOBAL], 'window_started_at', now, cutoff);
    });
    if (nowMs - this.prunedAtMs >= PRUNE_EVERY_MS) {
      this.prunedAtMs = nowMs;
      await this.db.deleteFrom('login_throttle').where('last_failure_at', '<', cutoff).execute();
    }
  }

  /** The live counts of these keys (expired ones left out). */
  private async counts(keys: string[], nowMs: number): Promise<Map<string, Count>> {
    const rows = await this.db.selectFrom('login_throttle').selectAll().where('key', 'in', keys).execute();
    const cutoffMs = nowMs - this.ctx.config.loginWindowMs;
    const live = new Map<string, Count>();
    for (const r of rows) {
      const lastFailureMs = Date.parse(r.last_failure_at);
      const startMs = r.key === GLOBAL ? Date.parse(r.window_started_at) : lastFailureMs;
      if (startMs >= cutoffMs) live.set(r.key, { failures: Number(r.failures), lastFailureMs });
    }
    return live;
  }

  private backoffLeft(count: Count | undefined, free: number, nowMs: number): number {
    if (!count || count.failures < free) return 0;
    const backoff = Math.min(1000 * 2 ** (count.failures - free), this.ctx.config.loginMaxBackoffMs);
    return Math.max(0, count.lastFailureMs + backoff - nowMs);
  }

  private async knownAddress(userId: string, address: string, nowMs: number): Promise<boolean> {
    const since = new Date(nowMs - KNOWN_ADDRESS_MS).toISOString();
    const row = await this.db
      .selectFrom('staff_session')
      .select('id')
      .where('user_id', '=', userId)
      .where('address', '=', address)
      .where('created_at', '>=', since)
      .limit(1)
      .executeTakeFirst();
    return row !== undefined;
  }
}
