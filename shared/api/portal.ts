/** The portals' search (issue 13 item 5): asked of the platform for a signed-in user (`ecw portal search`). */
import { z } from 'zod';
import { query } from './contract';
import { memberReportSchema, PORTAL_SEARCH_MAX, portalSearchHitSchema } from '../platform-api/portal';

export const portalApi = {
  /** Published enterprises matching `query`, best first; nothing read locally, so nothing cached. */
  'portal.search': query(
    z.object({ query: z.string().max(500), limit: z.number().int().min(1).max(PORTAL_SEARCH_MAX).default(10) }),
    z.array(portalSearchHitSchema),
    { reads: [] },
  ),
  /**
   * How many portal members follow an enterprise or its industry (`month` YYYY-MM, default this month),
   * from the synced `member_report` table; `asOf` = this device's last successful sync (null: never).
   */
  'portal.memberReport': query(
    z.object({
      enterpriseId: z.string().min(1).max(64),
      month: z
        .string()
        .regex(/^\d{4}-(0[1-9]|1[0-2])$/)
        .optional(),
    }),
    memberReportSchema.extend({ asOf: z.string().nullable() }),
    { reads: ['member_report', 'sync'] },
  ),
};
