/**
 * Sign-in sessions. Each sign-in opens a session (staff_session) that every authenticated request
 * checks, so signing out or a revocation ends its access tokens at once. Refresh tokens are random,
 * stored as their sha256, and rotate: each works once, and each refresh is one generation further.
 * Presenting a used one again means it leaked and ends the session — except a retry whose answer was
 * lost: within `refreshGraceMs`, and while the client has used nothing newer, it gets a new token
 * (OAuth 2.1 §4.3.1 allows such a grace period) and the one it never received is revoked.
 */
import { createHash } from 'node:crypto';
import type { Session } from '../../../shared/platform-api/auth';
import { newId, randomToken } from '../clock';
import type { PlatformContext } from '../context';
import { HttpError } from '../http/errors';
import type { Principal } from '../scopes';
import { PerKeyLimiter, WorkLimiter } from '../http/workLimiter';
import { LoginThrottle } from './loginThrottle';
import { DUMMY_HASH, verifyPassword } from './passwords';
import { signAccessToken, type AccessClaims } from './tokens';
import { toPrincipal, toStaffUser, userById, userByLogin } from './users';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

const rateLimited = (waitMs: number) =>
  new HttpError(
    429,
    'rate_limited',
    'Too many sign-ins; try again later.',
    {},
    { 'Retry-After': String(Math.max(1, Math.ceil(waitMs / 1000))) },
  );

const invalidRefresh = () => new HttpError(401, 'invalid_refresh_token', 'The refresh token is not valid; sign in again.');

export class Sessions {
  private readonly throttle: LoginThrottle;
  /** Password checks cost ~50 ms of CPU each: a few at once per process, and per address fewer still. */
  private readonly passwordChecks: WorkLimiter;
  private readonly perAddress: PerKeyLimiter;

  constructor(private readonly ctx: PlatformContext) {
    this.throttle = new LoginThrottle(ctx);
    this.passwordChecks = new WorkLimiter(ctx.config.loginConcurrentChecks, ctx.config.loginQueuedChecks, () => rateLimited(1000));
    this.perAddress = new PerKeyLimiter(ctx.config.loginConcurrentChecksPerAddress, () => rateLimited(1000));
  }

  private get db() {
    return this.ctx.database.db;
  }

  private now(): string {
    return this.ctx.clock.now().toISOString();
  }

  login(login: string, password: string, address: string): Promise<Session> {
    return this.perAddress.run(address, async () => {
      const row = await userByLogin(this.db, login);
      const wait = await this.throttle.waitMs(login, address, row?.id);
      if (wait > 0) throw rateLimited(wait);
      const ok = await this.passwordChecks.run(() => verifyPassword(password, row?.password_hash ?? DUMMY_HASH));
      if (!row || !ok) {
        await this.throttle.recordFailure(login, address);
        throw new HttpError(401, 'invalid_credentials', 'Wrong user name or password.');
      }
      const sessionId = newId(this.ctx.clock);
      await this.db
        .insertInto('staff_session')
        .values({ id: sessionId, user_id: row.id, address, created_at: this.now(), revoked_at: null, seen_generation: 1 })
        .execute();
      return this.issue(toPrincipal(row), sessionId, 1);
    });
  }

  async refresh(refreshToken: string): Promise<Session> {
    const now = this.now();
    const token = await this.db
      .selectFrom('refresh_token as r')
      .innerJoin('staff_session as s', 's.id', 'r.family_id')
      .select([
        'r.token_hash',
        'r.user_id',
        'r.family_id',
        'r.expires_at',
        'r.used_at',
        'r.revoked',
        'r.generation',
        's.revoked_at',
        's.seen_generation',
      ])
      .where('r.token_hash', '=', sha256(refreshToken))
      .executeTakeFirst();
    if (!token || token.revoked || token.revoked_at || token.expires_at <= now) throw invalidRefresh();
    const user = await userById(this.db, token.user_id);
    if (!user) throw invalidRefresh();
    const generation = Number(token.generation);
    if (await this.markUsed(token.token_hash, now)) {
      await this.markSeen(token.family_id, generation);
      return this.issue(toPrincipal(user), token.family_id, generation + 1);
    }
    // Used before (or just now, by a concurrent request): a lost answer being retried, or a stolen copy.
    const usedMs = Date.parse(token.used_at ?? now);
    const retry = this.ctx.clock.now().getTime() - usedMs <= this.ctx.config.refreshGraceMs && Number(token.seen_generation) <= generation;
    if (!retry) {
      await this.end(token.family_id);
      throw invalidRefresh();
    }
    await this.db
      .updateTable('refresh_token')
      .set({ revoked: 1 })
      .where('family_id', '=', token.family_id)
      .where('generation', '>', generation)
      .where('used_at', 'is', null)
      .execute();
    return this.issue(toPrincipal(user), token.family_id, generation + 1);
  }

  async logout(refreshToken: string): Promise<void> {
    const row = await this.db
      .selectFrom('refresh_token')
      .select('family_id')
      .where('token_hash', '=', sha256(refreshToken))
      .executeTakeFirst();
    if (row) await this.end(row.family_id);
  }

  /** The user of a verified access token while its session is live (roles and regions from the database, never the token). */
  async principalOf(claims: AccessClaims): Promise<Principal | undefined> {
    const row = await this.db
      .selectFrom('staff_session as s')
      .innerJoin('staff_user as u', 'u.id', 's.user_id')
      .selectAll('u')
      .select('s.seen_generation')
      .where('s.id', '=', claims.sid)
      .where('s.user_id', '=', claims.sub)
      .where('s.revoked_at', 'is', null)
      .executeTakeFirst();
    if (!row) return undefined;
    const generation = claims.gen ?? 1;
    if (generation > Number(row.seen_generation)) await this.markSeen(claims.sid, generation);
    return toPrincipal(row);
  }

  /** Marks a refresh token used; false when it already was (a conditional update, so two refreshes cannot both win). */
  private async markUsed(tokenHash: string, now: string): Promise<boolean> {
    const used = await this.db
      .updateTable('refresh_token')
      .set({ used_at: now })
      .where('token_hash', '=', tokenHash)
      .where('used_at', 'is', null)
      .executeTakeFirst();
    return Number(used.numUpdatedRows) === 1;
  }

  /** The client has shown it holds this generation's tokens: a later reuse of an older refresh token is theft. */
  private async markSeen(sessionId: string, generation: number): Promise<void> {
    await this.db
      .updateTable('staff_session')
      .set({ seen_generation: generation })
      .where('id', '=', sessionId)
      .where('seen_generation', '<', generation)
      .execute();
  }

  private async end(sessionId: string): Promise<void> {
    await this.db
      .updateTable('staff_session')
      .set({ revoked_at: this.now() })
      .where('id', '=', sessionId)
      .where('revoked_at', 'is', null)
      .execute();
  }

  private async issue(user: Principal, sessionId: string, generation: number): Promise<Session> {
    const { clock, config } = this.ctx;
    const nowMs = clock.now().getTime();
    const accessExp = Math.floor((nowMs + config.accessTtlMs) / 1000);
    const refreshToken = randomToken();
    const refreshExpiresAt = new Date(nowMs + config.refreshTtlMs).toISOString();
    await this.db
      .insertInto('refresh_token')
      .values({
        token_hash: sha256(refreshToken),
        user_id: user.id,
        family_id: sessionId,
        expires_at: refreshExpiresAt,
        used_at: null,
        revoked: 0,
        created_at: new Date(nowMs).toISOString(),
        generation,
      })
      .execute();
    return {
      accessToken: signAccessToken(
        { sub: user.id, sid: sessionId, gen: generation, iat: Math.floor(nowMs / 1000), exp: accessExp },
        config.tokenSecret,
      ),
      accessExpiresAt: new Date(accessExp * 1000).toISOString(),
      refreshToken,
      refreshExpiresAt,
      user: toStaffUser(user),
    };
  }
}
