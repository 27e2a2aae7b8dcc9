/** An enterprise's SMS usage in a month and what the month is billed (issue 11 item 5). */
import { z } from 'zod';
import { query } from './contract';
import { ISO_MONTH } from '../domain/dates';

export const smsUsageSchema = z.object({
  month: z.string(),
  /** Parts the platform submitted for the enterprise (the free welcome SMS left out). */
  smsSent: z.number().int(),
  smsIncluded: z.number().int(),
  smsOverage: z.number().int(),
  functionFeeFen: z.number().int(),
  smsFeeFen: z.number().int(),
  totalFeeFen: z.number().int(),
});
export type SmsUsage = z.infer<typeof smsUsageSchema>;

export const smsUsageMonthsSchema = z
  .object({
    openDate: z.string(),
    /** The cancellation's date when the service was cancelled: its month is the last billed. */
    endDate: z.string().nullable(),
    /** The months whose usage can be asked, newest first. */
    months: z.array(z.string()),
  })
  .nullable();
export type SmsUsageMonths = z.infer<typeof smsUsageMonthsSchema>;

export const smsUsageApi = {
  'sms.usage': query(
    z.object({ enterpriseId: z.string().min(1), month: z.string().regex(ISO_MONTH, { message: 'validation.month' }) }),
    smsUsageSchema,
    { reads: ['sms_usage', 'service_order', 'catalog'] },
  ),
  /** The enterprise's service period (null: never opened) and the months of it to show. */
  'sms.usageMonths': query(z.object({ enterpriseId: z.string().min(1) }), smsUsageMonthsSchema, { reads: ['service_order', 'catalog'] }),
};
