/**
 * POST /vpmn/v1/lookup: which of a roster's mobiles are members of another enterprise's VPMN group,
 * so an import can flag them before anything is submitted. It answers numbers only — never which
 * enterprise holds them — and the BOSS checks again when it opens an order.
 */
import { OpenAPIHono, createRoute } from '@hono/zod-openapi';
import { memberLookupRequestSchema, memberLookupResponseSchema } from '../../../shared/platform-api/roster';
import type { AuthEnv } from '../auth/middleware';
import type { PlatformContext } from '../context';
import { bearer, bodyErrors, json, jsonBody } from '../http/openapi';

const lookupRoute = createRoute({
  method: 'post',
  path: '/vpmn/v1/lookup',
  tags: ['vpmn'],
  security: bearer,
  summary: "Which mobiles another enterprise's VPMN group holds",
  request: jsonBody(memberLookupRequestSchema),
  responses: { 200: { description: 'The mobiles held by another group', ...json(memberLookupResponseSchema) }, ...bodyErrors(401) },
});

const CHUNK = 500;

export function vpmnRoutes(app: OpenAPIHono<AuthEnv>, ctx: PlatformContext): void {
  app.openapi(lookupRoute, async (c) => {
    const { enterpriseId, mobiles } = c.req.valid('json');
    const wanted = [...new Set(mobiles)];
    const held: string[] = [];
    for (let at = 0; at < wanted.length; at += CHUNK) {
      const rows = await ctx.database.db
        .selectFrom('vpmn_mobile')
        .select('mobile')
        .where('mobile', 'in', wanted.slice(at, at + CHUNK))
        .where('enterprise_id', '<>', enterpriseId)
        .execute();
      held.push(...rows.map((r) => r.mobile));
    }
    return c.json({ inOtherGroup: held.sort() }, 200);
  });
}
