/** The portals' search for signed-in staff: `GET /portal/v1/search?q=&limit=` (shared/platform-api/portal.ts). */
import type { OpenAPIHono } from '@hono/zod-openapi';
import { PORTAL_SEARCH_MAX, type PortalSearchResponse } from '../../../shared/platform-api/portal';
import type { AuthEnv } from '../auth/middleware';
import type { PlatformContext } from '../context';
import { searchPublished } from '../search/search';

export function portalRoutes(app: OpenAPIHono<AuthEnv>, ctx: PlatformContext): void {
  app.get('/portal/v1/search', async (c) => {
    const limit = Number(c.req.query('limit') ?? 10);
    const result = await searchPublished(ctx.database.db, (c.req.query('q') ?? '').slice(0, 500), Number.isInteger(limit) ? Math.min(Math.max(limit, 1), PORTAL_SEARCH_MAX) : 10, ctx.clock.now().toISOString());
    const body: PortalSearchResponse = {
      query: result.query,
      problem: result.problem,
      results: result.hits.map((h) => ({ enterpriseId: h.enterpriseId, name: h.name, industry: h.industry, url: h.url, score: h.score })),
    };
    return c.json(body);
  });
}
