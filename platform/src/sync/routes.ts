/** /sync/v1: device registration, push and pull. */
import { OpenAPIHono, createRoute } from '@hono/zod-openapi';
import {
  pullRequestSchema,
  pullResponseSchema,
  pushRequestSchema,
  pushResponseSchema,
  registerClientRequestSchema,
  registerClientResponseSchema,
} from '../../../shared/platform-api/sync';
import type { AuthEnv } from '../auth/middleware';
import { isoNow, type PlatformContext } from '../context';
import { unavailable } from '../http/errors';
import { WorkLimiter } from '../http/workLimiter';
import { bearer, bodyErrors, json, jsonBody } from '../http/openapi';
import { checkSchemaVersion, registerClient } from './clients';
import type { PullService } from './pull';
import type { PushService } from './push';

const tags = ['sync'];

const registerRoute = createRoute({
  method: 'post',
  path: '/sync/v1/clients',
  tags,
  security: bearer,
  summary: 'Register a device for the signed-in user',
  request: jsonBody(registerClientRequestSchema),
  responses: { 201: { description: 'The new clientId', ...json(registerClientResponseSchema) }, ...bodyErrors(401, 426) },
});

const pushRoute = createRoute({
  method: 'post',
  path: '/sync/v1/push',
  tags,
  security: bearer,
  summary: 'Apply the device op log, each op exactly once',
  request: jsonBody(pushRequestSchema),
  responses: { 200: { description: 'Per-op results', ...json(pushResponseSchema) }, ...bodyErrors(401, 409, 426, 503) },
});

const pullRoute = createRoute({
  method: 'post',
  path: '/sync/v1/pull',
  tags,
  security: bearer,
  summary: 'Changes after the cursor, in server-seq order',
  request: jsonBody(pullRequestSchema),
  responses: { 200: { description: 'A page of changes', ...json(pullResponseSchema) }, ...bodyErrors(401, 410, 426, 503) },
});

export function syncRoutes(app: OpenAPIHono<AuthEnv>, ctx: PlatformContext, push: PushService, pull: PullService): void {
  app.openapi(registerRoute, async (c) => {
    const { schemaVersion, deviceName } = c.req.valid('json');
    checkSchemaVersion(ctx, schemaVersion);
    const clientId = await registerClient(ctx, c.get('user'), deviceName);
    return c.json({ clientId, serverTime: isoNow(ctx) }, 201);
  });
  const work = new WorkLimiter(ctx.config.syncWorkers, ctx.config.syncQueue, () => unavailable());
  app.openapi(pushRoute, async (c) => c.json(await work.run(() => push.push(c.get('user'), c.req.valid('json'))), 200));
  app.openapi(pullRoute, async (c) => c.json(await work.run(() => pull.pull(c.get('user'), c.req.valid('json'))), 200));
}
