/**
 * Login and refresh. Refresh tokens are random, stored as their sha256, and rotate: each works once.
 * Presenting a used one again means it leaked, so the whole family (that login's session) is revoked.
 */
import { createHash } from 'node:crypto';
import type { Session } from '../../../shared/platform-api/auth';
import { newId, randomToken } from '../clock';
import type { PlatformContext } from '../context';
import { HttpError } from '../http/errors';
import type { Principal } from '../scopes';
import { DUMMY_HASH, verifyPassword } from './passwords';
import { LoginLimiter } from './rateLimit';
import { signAccessToken } from './tokens';
import { toPrincipal, toStaffUser, userById, userByLogin } from './users';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

export class Sessions {
  private readonly limiter: LoginLimiter;

  constructor(private readonly ctx: PlatformContext) {
    this.limiter = new LoginLimiter(ctx.config.loginMaxFailures, ctx.config.loginWindowMs);
  }

  async login(login: string, password: string, ip: string): Promise<Session> {
    const key = `${login.toLowerCase()}|${ip}`;
    const nowMs = this.ctx.clock.now().getTime();
    const wait = this.limiter.retryAfterMs(key, nowMs);
    if (wait > 0)
      throw new HttpError(429, 'rate_limited', 'Too many failed sign-ins; try again later.', {}, { 'Retry-After': String(Math.ceil(wait / 1000)) });
    const row = await userByLogin(this.ctx.database.db, login);
    const ok = await verifyPassword(password, row?.password_hash ?? DUMMY_HASH);
    if (!row || !ok) {
      this.limiter.fail(key, nowMs);
      throw new HttpError(401, 'invalid_credentials', 'Wrong user name or password.');
    }
    this.limiter.succeed(key);
    return this.issue(toPrincipal(row), newId(this.ctx.clock));
  }

  async refresh(refreshToken: string): Promise<Session> {
    const db = this.ctx.database.db;
    const now = this.ctx.clock.now().toISOString();
    const invalid = new HttpError(401, 'invalid_refresh_token', 'The refresh token is not valid; sign in again.');
    const row = await db.selectFrom('refresh_token').selectAll().where('token_hash', '=', sha256(refreshToken)).executeTakeFirst();
    if (!row || row.revoked || row.expires_at <= now) throw invalid;
    // Mark used with a conditional update so two concurrent refreshes cannot both succeed.
    const used = await db
      .updateTable('refresh_token')
      .set({ used_at: now })
      .where('token_hash', '=', row.token_hash)
      .where('used_at', 'is', null)
      .executeTakeFirst();
    if (Number(used.numUpdatedRows) !== 1) {
      await db.updateTable('refresh_token').set({ revoked: 1 }).where('family_id', '=', row.family_id).execute();
      throw invalid;
    }
    const user = await userById(db, row.user_id);
    if (!user) throw invalid;
    return this.issue(toPrincipal(user), row.family_id);
  }

  async logout(refreshToken: string): Promise<void> {
    const db = this.ctx.database.db;
    const row = await db.selectFrom('refresh_token').select('family_id').where('token_hash', '=', sha256(refreshToken)).executeTakeFirst();
    if (row) await db.updateTable('refresh_token').set({ revoked: 1 }).where('family_id', '=', row.family_id).execute();
  }

  private async issue(user: Principal, familyId: string): Promise<Session> {
    const { clock, config, database } = this.ctx;
    const nowMs = clock.now().getTime();
    const accessExp = Math.floor((nowMs + config.accessTtlMs) / 1000);
    const refreshToken = randomToken();
    const refreshExpiresAt = new Date(nowMs + config.refreshTtlMs).toISOString();
    await database.db
      .insertInto('refresh_token')
      .values({
        token_hash: sha256(refreshToken),
        user_id: user.id,
        family_id: familyId,
        expires_at: refreshExpiresAt,
        used_at: null,
        revoked: 0,
        created_at: new Date(nowMs).toISOString(),
      })
      .execute();
    return {
      accessToken: signAccessToken({ sub: user.id, sid: familyId, iat: Math.floor(nowMs / 1000), exp: accessExp }, config.tokenSecret),
      accessExpiresAt: new Date(accessExp * 1000).toISOString(),
      refreshToken,
      refreshExpiresAt,
      user: toStaffUser(user),
    };
  }
}
