/**
 * The BOSS opening result the platform writes onto a service order once it "opens" the enterprise
 * (brief: group code, second-level domain when asked, SMS service-code extension, maintenance account).
 */
import { z } from 'zod';

/** The operator's domain under which second-level site domains are assigned (a sample value). */
export const OPERATOR_SITE_DOMAIN = 'ec.example.com';
/** The unified SMS service code the enterprise's extension digits are appended to (a sample value). */
export const UNIFIED_SMS_CODE = '10658000';

/** A DNS label: lowercase letters, digits and inner hyphens, 3–40 characters. */
export const domainLabelSchema = z.string().regex(/^[a-z0-9](?:[a-z0-9-]{1,38})[a-z0-9]$/, { message: 'domain_label.invalid' });

export const openingResultSchema = z.object({
  /** 集团编码, e.g. "JT531" + 7 digits; unique. */
  groupCode: z.string(),
  /** Present when the order asked for a second-level domain (`secondLevelDomain` in the submit args). */
  domain: z.object({ label: z.string(), fqdn: z.string() }).nullable(),
  /** The enterprise's SMS site: consumers text `full` (= unifiedCode + extension). */
  smsServiceCode: z.object({ unifiedCode: z.string(), extension: z.string(), full: z.string() }),
  /** The maintenance account handed to the enterprise's contact. */
  maintenanceAccount: z.object({ login: z.string(), initialPassword: z.string() }),
  status: z.literal('opened'),
  openedAt: z.string(),
});
export type OpeningResult = z.infer<typeof openingResultSchema>;
