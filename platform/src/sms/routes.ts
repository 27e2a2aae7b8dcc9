/** /admin/sms: send an MT through the CMPP link, follow it, read the MO inbox and the link's state (administrators only). */
import { OpenAPIHono, createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import { SI_ACTIONS } from '../../../shared/sites/push/si';
import { requireRole, type AuthEnv } from '../auth/middleware';
import { HttpError, notFound } from '../http/errors';
import { bearer, bodyErrors, errors, json, jsonBody } from '../http/openapi';
import type { SmsGateway } from './gateway';
import { SmsInputError } from './mt';

const tags = ['sms'];
const security = bearer;

const mtRequestSchema = z.object({
  to: z.string().max(32),
  text: z.string().max(20_000).optional(),
  wapPush: z
    .object({
      href: z.string().max(512),
      text: z.string().max(500),
      siId: z.string().max(64).optional(),
      action: z.enum(SI_ACTIONS).optional(),
      created: z.string().optional(),
      expires: z.string().optional(),
    })
    .optional(),
  extension: z.string().max(12).optional(),
  enterpriseId: z.string().max(64).optional(),
});
const enqueuedSchema = z.object({ id: z.string(), parts: z.number().int() });
const mtStatusSchema = z.object({
  id: z.string(),
  to: z.string(),
  extension: z.string(),
  kind: z.string(),
  parts: z.number().int(),
  createdAt: z.string(),
  state: z.enum(['queued', 'submitted', 'delivered', 'undelivered', 'failed']),
  partStates: z.array(
    z.object({
      partNo: z.number().int(),
      state: z.string(),
      result: z.number().int().nullable(),
      msgId: z.string().nullable(),
      duplicate: z.boolean(),
      reportStat: z.string().nullable(),
    }),
  ),
});
const moSchema = z.object({
  id: z.string(),
  mobile: z.string(),
  destId: z.string(),
  serviceId: z.string(),
  text: z.string(),
  receivedAt: z.string(),
  partIds: z.array(z.string()),
});
const linkStatusSchema = z.object({
  state: z.enum(['stopped', 'connecting', 'connected', 'waiting']),
  connectedSince: z.string().nullable(),
  lastError: z.string().nullable(),
  inflight: z.number().int(),
  waiting: z.number().int(),
  unrecorded: z.number().int(),
  queued: z.number().int(),
  counters: z.record(z.string(), z.number()),
});

const sendRoute = createRoute({
  method: 'post',
  path: '/admin/sms/mt',
  tags,
  security,
  summary: 'Store an MT (text or WAP Push SI); the CMPP link sends it',
  request: jsonBody(mtRequestSchema),
  responses: { 202: { description: 'Stored; parts = SUBMITs it takes', ...json(enqueuedSchema) }, ...bodyErrors(401, 403) },
});
const mtRoute = createRoute({
  method: 'get',
  path: '/admin/sms/mt/{id}',
  tags,
  security,
  summary: 'An MT and the state of each part (queued, accepted, delivered …)',
  request: { params: z.object({ id: z.string() }) },
  responses: { 200: { description: 'The MT', ...json(mtStatusSchema) }, ...errors(401, 403, 404) },
});
const inboxRoute = createRoute({
  method: 'get',
  path: '/admin/sms/mo',
  tags,
  security,
  summary: 'MO messages not yet handled, oldest first',
  responses: { 200: { description: 'Messages', ...json(z.object({ messages: z.array(moSchema) })) }, ...errors(401, 403) },
});
const linkRoute = createRoute({
  method: 'get',
  path: '/admin/sms/link',
  tags,
  security,
  summary: 'The CMPP link: state, window, counters',
  responses: { 200: { description: 'The link', ...json(linkStatusSchema) }, ...errors(401, 403) },
});

export function smsRoutes(app: OpenAPIHono<AuthEnv>, sms: SmsGateway): void {
  app.use('/admin/sms/*', requireRole('administrator'));

  app.openapi(sendRoute, async (c) => {
    try {
      const [stored] = await sms.enqueue([c.req.valid('json')]);
      return c.json(stored!, 202);
    } catch (err) {
      if (err instanceof SmsInputError)
        throw new HttpError(400, 'invalid_request', err.message, { issues: [{ path: err.field, message: err.code }] });
      throw err;
    }
  });

  app.openapi(mtRoute, async (c) => {
    const status = await sms.mt(c.req.valid('param').id);
    if (!status) throw notFound('No such MT.');
    return c.json(status, 200);
  });

  app.openapi(inboxRoute, async (c) => c.json({ messages: await sms.inbox() }, 200));

  app.openapi(linkRoute, async (c) => c.json(await sms.status(), 200));
}
