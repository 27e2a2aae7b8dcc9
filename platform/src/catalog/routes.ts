/** GET /catalog/v1: the latest catalog, unless the desktop already has it. */
import { OpenAPIHono, createRoute } from '@hono/zod-openapi';
import { catalogQuerySchema, catalogResponseSchema } from '../../../shared/platform-api/catalog';
import type { AuthEnv } from '../auth/middleware';
import type { PlatformContext } from '../context';
import { bearer, errors, json } from '../http/openapi';
import { latestCatalog } from './catalog';

const catalogRoute = createRoute({
  method: 'get',
  path: '/catalog/v1',
  tags: ['catalog'],
  security: bearer,
  summary: 'The latest catalog version',
  request: { query: catalogQuerySchema },
  responses: {
    200: { description: 'The version, and the catalog when newer than `since`', ...json(catalogResponseSchema) },
    ...errors(400, 401),
  },
});

export function catalogRoutes(app: OpenAPIHono<AuthEnv>, ctx: PlatformContext): void {
  app.openapi(catalogRoute, async (c) => {
    const { since } = c.req.valid('query');
    const catalog = await latestCatalog(ctx.database.db);
    return c.json({ version: catalog.version, catalog: since !== undefined && since >= catalog.version ? null : catalog }, 200);
  });
}
