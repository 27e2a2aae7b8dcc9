/** A site on the platform (issue 10): its publication as the platform last reported it, and its visit statistics. */
import { z } from 'zod';
import { mutation, query } from './contract';
import { SITE_PUBLICATION_STATUSES, VISIT_CHANNELS } from '../platform-api/tables';

export const publicationSchema = z.object({
  siteId: z.string(),
  /** The revision on this device, and the one the customer signed off (if any). */
  localRevision: z.number().int(),
  signedOffRevision: z.number().int().nullable(),
  /** null until the platform has reported on the site (never sent, or not synced yet). */
  status: z.enum(SITE_PUBLICATION_STATUSES).nullable(),
  liveRevision: z.number().int().nullable(),
  publishedAt: z.string().nullable(),
  requestedRevision: z.number().int().nullable(),
  failure: z.object({ code: z.string(), message: z.string() }).nullable(),
  host: z.string().nullable(),
  urls: z.object({ web: z.string(), wap: z.string() }).nullable(),
  revisions: z.array(z.object({ revision: z.number().int(), publishedAt: z.string() })),
  offlineAt: z.string().nullable(),
  /** A publish request waiting in this device's outbox (sent at the next sync). */
  pendingRevision: z.number().int().nullable(),
  /** The local revision is not the live one (edited since, or never published). */
  differsFromLive: z.boolean(),
});
export type Publication = z.infer<typeof publicationSchema>;

export const visitDaySchema = z.object({ date: z.string(), channel: z.enum(VISIT_CHANNELS), pv: z.number().int(), uv: z.number().int() });
export type VisitDay = z.infer<typeof visitDaySchema>;

export const STATS_MAX_DAYS = 400;

export const publishingApi = {
  'sites.publication': query(z.object({ siteId: z.string().min(1) }), publicationSchema, { reads: ['site', 'site_publication', 'sync'] }),
  /** Asks the platform to make an earlier kept revision live again (a command, sent at the next sync). */
  'sites.rollback': mutation(
    z.object({ siteId: z.string().min(1), revision: z.number().int().positive() }),
    z.object({ siteId: z.string(), revision: z.number().int() }),
  ),
  /**
   * Asks the platform to publish this device's revision without a customer sign-off, with the reason
   * (administrators only: platform/README.md, "Publication policy"; the platform refuses anyone else).
   */
  'sites.publishUnsigned': mutation(
    z.object({ siteId: z.string().min(1), reason: z.string().trim().min(4).max(500) }),
    z.object({ siteId: z.string(), revision: z.number().int() }),
  ),
  /** Per day and channel, oldest first: the last `days` days up to today (China time), of a site or of all an enterprise's sites. */
  'sites.visitStats': query(
    z.union([
      z.object({ siteId: z.string().min(1), days: z.number().int().min(1).max(STATS_MAX_DAYS).default(30) }),
      z.object({ enterpriseId: z.string().min(1), days: z.number().int().min(1).max(STATS_MAX_DAYS).default(30) }),
    ]),
    z.object({ days: z.array(visitDaySchema) }),
    { reads: ['site_visit_day'] },
  ),
};
