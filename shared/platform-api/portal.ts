/** `GET /portal/v1/search?q=&limit=`: the portals' search for signed-in staff (the CLI's `ecw portal search`). */
import { z } from 'zod';
import type { MemberReportWireRow } from './tables';

export const PORTAL_SEARCH_MAX = 50;

export const portalSearchHitSchema = z.object({
  enterpriseId: z.string(),
  name: z.string(),
  /** GB/T 4754 section code (门类). */
  industry: z.string(),
  /** The site's WEB address. */
  url: z.string(),
  /** Match quality (name 100 … pinyin initials 50) plus popularity as a fraction below 1. */
  score: z.number(),
});
export type PortalSearchHit = z.infer<typeof portalSearchHitSchema>;

export const portalSearchResponseSchema = z.object({
  /** The query as searched (normalized, cut to 40 characters). */
  query: z.string(),
  /** Why nothing was searched: no searchable characters, or a single one. */
  problem: z.enum(['empty', 'too_short']).nullable(),
  results: z.array(portalSearchHitSchema),
});
export type PortalSearchResponse = z.infer<typeof portalSearchResponseSchema>;

/**
 * The portal members who follow an enterprise in a month (issue 13 item 4): what the desktop shows and
 * exports from its synced `member_report` row, and what `GET /portal/v1/member-report?enterpriseId=&month=` answers.
 */
export const memberReportSchema = z.object({
  enterpriseId: z.string(),
  /** `YYYY-MM` (China time) that `newThisMonth` counts. */
  month: z.string().regex(/^\d{4}-\d{2}$/),
  /** Members following the enterprise itself or its industry section, each once. */
  followers: z.number().int().min(0),
  followingEnterprise: z.number().int().min(0),
  followingIndustry: z.number().int().min(0),
  newThisMonth: z.number().int().min(0),
  /** Followers who texted TD (no more digests). */
  optedOut: z.number().int().min(0),
  byRegion: z.array(z.object({ province: z.string(), city: z.string(), members: z.number().int().min(0) })).max(500),
});
export type MemberReport = z.infer<typeof memberReportSchema>;

/** The report of `month` (`YYYY-MM`) from an enterprise's `member_report` row: its newcomers are those who joined that month. */
export function memberReportOfMonth(row: Omit<MemberReportWireRow, 'id' | 'createdAt' | 'updatedAt'>, month: string): MemberReport {
  return {
    enterpriseId: row.enterpriseId,
    month,
    followers: row.followers,
    followingEnterprise: row.followingEnterprise,
    followingIndustry: row.followingIndustry,
    newThisMonth: row.joinedByMonth.find((m) => m.month === month)?.members ?? 0,
    optedOut: row.optedOut,
    byRegion: row.byRegion,
  };
}
