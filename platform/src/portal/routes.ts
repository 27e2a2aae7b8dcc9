/** The portals' search for signed-in staff: `GET /portal/v1/search?q=&limit=` (shared/platform-api/portal.ts). */
import type { OpenAPIHono } from '@hono/zod-openapi';
import { PORTAL_SEARCH_MAX, type PortalSearchResponse } from '../../../shared/platform-api/portal';
import type { AuthEnv } from '../auth/middleware';
import type { PlatformContext } from '../context';
import { searchPublished } from '../search/search';
import { HttpError } from '../http/errors';
import { inScope } from '../scopes';
import { chinaMonth } from '../../../shared/domain/dates';
import { memberReportOfMonth } from '../../../shared/platform-api/portal';
import { memberReportsOf } from './memberReport';

export function portalRoutes(app: OpenAPIHono<AuthEnv>, ctx: PlatformContext): void {
  app.get('/portal/v1/search', async (c) => {
    const limit = Number(c.req.query('limit') ?? 10);
    const result = await searchPublished(
      ctx.database.db,
      (c.req.query('q') ?? '').slice(0, 500),
      Number.isInteger(limit) ? Math.min(Math.max(limit, 1), PORTAL_SEARCH_MAX) : 10,
      ctx.clock.now().toISOString(),
    );
    const body: PortalSearchResponse = {
      query: result.query,
      problem: result.problem,
      results: result.hits.map((h) => ({ enterpriseId: h.enterpriseId, name: h.name, industry: h.industry, url: h.url, score: h.score })),
    };
    return c.json(body);
  });

  /** The member report of one enterprise the user may see (`month` = YYYY-MM, default this month in China time), counted now. */
  app.get('/portal/v1/member-report', async (c) => {
    const enterpriseId = (c.req.query('enterpriseId') ?? '').slice(0, 64);
    const month = c.req.query('month') ?? chinaMonth(ctx.clock.now());
    if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(month)) throw new HttpError(400, 'invalid_request', 'month is YYYY-MM.');
    const enterprise = await ctx.database.db
      .selectFrom('enterprise')
      .select('scope_id')
      .where('id', '=', enterpriseId)
      .where('deleted', '=', 0)
      .executeTakeFirst();
    if (!enterprise || !inScope(c.get('user'), enterprise.scope_id))
      throw new HttpError(404, 'not_found', `No enterprise ${enterpriseId} in your region.`);
    const report = (await memberReportsOf(ctx.database.db, [enterpriseId])).get(enterpriseId);
    if (!report) throw new HttpError(404, 'not_found', `Enterprise ${enterpriseId} has no site on the portal.`);
    return c.json(memberReportOfMonth({ enterpriseId, ...report }, month));
  });
}
