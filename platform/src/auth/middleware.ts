/**
 * Bearer-token authentication: on every request the token's session must still be live and the user
 * is loaded from the database (roles and regions are never taken from the token).
 */
import type { MiddlewareHandler } from 'hono';
import type { StaffRole } from '../../../shared/platform-api/auth';
import type { PlatformContext } from '../context';
import { HttpError, forbidden } from '../http/errors';
import type { Principal } from '../scopes';
import type { Sessions } from './sessions';
import { verifyAccessToken } from './tokens';

export type AuthEnv = { Variables: { user: Principal } };

export function requireUser(ctx: PlatformContext, sessions: Sessions): MiddlewareHandler<AuthEnv> {
  return async (c, next) => {
    const header = c.req.header('authorization') ?? '';
    const token = /^Bearer (.+)$/i.exec(header)?.[1];
    if (!token) throw new HttpError(401, 'unauthorized', 'Sign in first (Authorization: Bearer <accessToken>).');
    const result = verifyAccessToken(token, ctx.config.tokenSecret, ctx.clock.now().getTime());
    if (!result.ok)
      throw result.expired
        ? new HttpError(401, 'token_expired', 'The access token expired; refresh it.')
        : new HttpError(401, 'unauthorized', 'The access token is not valid.');
    const user = await sessions.principalOf(result.claims);
    if (!user) throw new HttpError(401, 'unauthorized', 'The session has ended (signed out or revoked); sign in again.');
    c.set('user', user);
    await next();
  };
}

export function requireRole(...roles: StaffRole[]): MiddlewareHandler<AuthEnv> {
  return async (c, next) => {
    if (!roles.includes(c.get('user').role)) throw forbidden();
    await next();
  };
}
