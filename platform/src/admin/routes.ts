/** /admin: the reference platform's operator tools (administrators only). */
import { OpenAPIHono, createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import {
  bossProcessResponseSchema,
  compactRequestSchema,
  compactResponseSchema,
  createUserRequestSchema,
  smsOutboxResponseSchema,
  updateUserRequestSchema,
  userResponseSchema,
  type SmsOutboxEntry,
} from '../../../shared/platform-api/admin';
import { catalogResponseSchema, publishCatalogRequestSchema } from '../../../shared/platform-api/catalog';
import { requireRole, type AuthEnv } from '../auth/middleware';
import { createUser, toPrincipal, toStaffUser, updateUser, userByLogin } from '../auth/users';
import type { Boss } from '../boss/opening';
import { publishCatalog } from '../catalog/catalog';
import { isoNow, type PlatformContext } from '../context';
import { HttpError, notFound } from '../http/errors';
import { bearer, bodyErrors, errors, json, jsonBody } from '../http/openapi';
import { compactHistory } from '../sync/compact';

const tags = ['admin'];
const security = bearer;

const outboxRoute = createRoute({
  method: 'get',
  path: '/admin/sms-outbox',
  tags,
  security,
  summary: 'Queued SMS (welcome messages), newest first',
  request: { query: z.object({ mobile: z.string().optional() }) },
  responses: { 200: { description: 'Messages', ...json(smsOutboxResponseSchema) }, ...errors(401, 403) },
});
const processRoute = createRoute({
  method: 'post',
  path: '/admin/boss/process',
  tags,
  security,
  summary: 'Open every submitted order now',
  responses: { 200: { description: 'Processed orders', ...json(bossProcessResponseSchema) }, ...errors(401, 403) },
});
const publishRoute = createRoute({
  method: 'post',
  path: '/admin/catalog',
  tags,
  security,
  summary: 'Publish a new catalog version',
  request: jsonBody(publishCatalogRequestSchema),
  responses: { 201: { description: 'The published version', ...json(catalogResponseSchema) }, ...bodyErrors(401, 403) },
});
const createUserRoute = createRoute({
  method: 'post',
  path: '/admin/users',
  tags,
  security,
  summary: 'Create a staff account',
  request: jsonBody(createUserRequestSchema),
  responses: { 201: { description: 'The user', ...json(userResponseSchema) }, ...bodyErrors(401, 403, 409) },
});
const updateUserRoute = createRoute({
  method: 'patch',
  path: '/admin/users/{login}',
  tags,
  security,
  summary: "Change a user's role or region (their devices then resync)",
  request: { params: z.object({ login: z.string().min(1) }), ...jsonBody(updateUserRequestSchema) },
  responses: { 200: { description: 'The user', ...json(userResponseSchema) }, ...bodyErrors(401, 403, 404) },
});
const compactRoute = createRoute({
  method: 'post',
  path: '/admin/compact',
  tags,
  security,
  summary: 'Drop tombstones and scope exits below a seq',
  request: jsonBody(compactRequestSchema),
  responses: { 200: { description: 'The new retention floor', ...json(compactResponseSchema) }, ...bodyErrors(401, 403) },
});

export function adminRoutes(app: OpenAPIHono<AuthEnv>, ctx: PlatformContext, boss: Boss): void {
  const db = ctx.database.db;
  app.use('/admin/*', requireRole('administrator'));

  app.openapi(outboxRoute, async (c) => {
    const { mobile } = c.req.valid('query');
    let q = db.selectFrom('sms_outbox').selectAll().orderBy('created_at', 'desc').orderBy('id', 'desc');
    if (mobile) q = q.where('mobile', '=', mobile);
    const rows = await q.limit(1000).execute();
    const messages = rows.map((r): SmsOutboxEntry => ({
      id: r.id,
      mobile: r.mobile,
      text: r.text,
      enterpriseId: r.enterprise_id,
      orderId: r.order_id,
      kind: r.kind as SmsOutboxEntry['kind'],
      status: r.status as SmsOutboxEntry['status'],
      createdAt: r.created_at,
    }));
    return c.json({ messages }, 200);
  });

  app.openapi(processRoute, async (c) => c.json({ processed: await boss.processDue(0) }, 200));

  app.openapi(publishRoute, async (c) => {
    const catalog = await publishCatalog(db, c.req.valid('json').plans, c.get('user').login, isoNow(ctx));
    return c.json({ version: catalog.version, catalog }, 201);
  });

  app.openapi(createUserRoute, async (c) => {
    const body = c.req.valid('json');
    if (await userByLogin(db, body.login)) throw new HttpError(409, 'invalid_request', `The login ${body.login} is taken.`);
    return c.json(toStaffUser(await createUser(db, body, isoNow(ctx))), 201);
  });

  app.openapi(updateUserRoute, async (c) => {
    const row = await updateUser(db, c.req.valid('param').login, c.req.valid('json'));
    if (!row) throw notFound('No such user.');
    return c.json(toStaffUser(toPrincipal(row)), 200);
  });

  app.openapi(compactRoute, async (c) => c.json(await compactHistory(ctx, c.req.valid('json').belowSeq), 200));
}
