/** Bearer-token authentication: loads the user from the database on every request (roles and regions are never taken from the token). */
import type { MiddlewareHandler } from 'hono';
import type { StaffRole } from '../../../shared/platform-api/auth';
import type { PlatformContext } from '../context';
import { HttpError, forbidden } from '../http/errors';
import type { Principal } from '../scopes';
import { verifyAccessToken } from './tokens';
import { toPrincipal, userById } from './users';

export type AuthEnv = { Variables: { user: Principal } };

export function requireUser(ctx: PlatformContext): MiddlewareHandler<AuthEnv> {
  return async (c, next) => {
    const header = c.req.header('authorization') ?? '';
    const token = /^Bearer (.+)$/i.exec(header)?.[1];
    if (!token) throw new HttpError(401, 'unauthorized', 'Sign in first (Authorization: Bearer <accessToken>).');
    const result = verifyAccessToken(token, ctx.config.tokenSecret, ctx.clock.now().getTime());
    if (!result.ok)
      throw result.expired
        ? new HttpError(401, 'token_expired', 'The access token expired; refresh it.')
        : new HttpError(401, 'unauthorized', 'The access token is not valid.');
    const row = await userById(ctx.database.db, result.claims.sub);
    if (!row) throw new HttpError(401, 'unauthorized', 'The account no longer exists.');
    c.set('user', toPrincipal(row));
    await next();
  };
}

export function requireRole(...roles: StaffRole[]): MiddlewareHandler<AuthEnv> {
  return async (c, next) => {
    if (!roles.includes(c.get('user').role)) throw forbidden();
    await next();
  };
}
