/** /auth/v1: sign in, refresh, sign out, who am I. */
import { OpenAPIHono, createRoute } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { loginRequestSchema, refreshRequestSchema, sessionSchema, staffUserSchema } from '../../../shared/platform-api/auth';
import { bearer, bodyErrors, errors, json, jsonBody } from '../http/openapi';
import type { AuthEnv } from './middleware';
import type { Sessions } from './sessions';
import { toStaffUser } from './users';

const tags = ['auth'];

const loginRoute = createRoute({
  method: 'post',
  path: '/auth/v1/login',
  tags,
  summary: 'Sign in with user name and password',
  request: jsonBody(loginRequestSchema),
  responses: { 200: { description: 'A new session', ...json(sessionSchema) }, ...bodyErrors(401, 429) },
});
const refreshRoute = createRoute({
  method: 'post',
  path: '/auth/v1/refresh',
  tags,
  summary: 'Trade a refresh token (once) for a new session',
  request: jsonBody(refreshRequestSchema),
  responses: { 200: { description: 'A new session', ...json(sessionSchema) }, ...bodyErrors(401) },
});
const logoutRoute = createRoute({
  method: 'post',
  path: '/auth/v1/logout',
  tags,
  summary: 'End the session of a refresh token',
  request: jsonBody(refreshRequestSchema),
  responses: { 204: { description: 'Signed out' }, ...bodyErrors() },
});
export const meRoute = createRoute({
  method: 'get',
  path: '/auth/v1/me',
  tags,
  security: bearer,
  summary: 'The signed-in user',
  responses: { 200: { description: 'The user', ...json(staffUserSchema) }, ...errors(401) },
});

/** The peer address under @hono/node-server; in-process requests count as one local peer. */
function clientIp(c: Context): string {
  const env = c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined;
  return env?.incoming?.socket?.remoteAddress ?? 'local';
}

/** Public routes (no token). */
export function authRoutes(app: OpenAPIHono, sessions: Sessions): void {
  app.openapi(loginRoute, async (c) => {
    const { user, password } = c.req.valid('json');
    return c.json(await sessions.login(user, password, clientIp(c)), 200);
  });
  app.openapi(refreshRoute, async (c) => c.json(await sessions.refresh(c.req.valid('json').refreshToken), 200));
  app.openapi(logoutRoute, async (c) => {
    await sessions.logout(c.req.valid('json').refreshToken);
    return c.body(null, 204);
  });
}

export function meRoutes(app: OpenAPIHono<AuthEnv>): void {
  app.openapi(meRoute, (c) => c.json(toStaffUser(c.get('user')), 200));
}
