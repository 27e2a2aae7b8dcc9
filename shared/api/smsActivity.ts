/** An enterprise's SMS site activity (issue 11 item 4): the lottery's draw log with seeds, the survey tallies. */
import { z } from 'zod';
import { query } from './contract';
import { smsActivityRowSchema } from '../platform-api';

export const smsActivitySchema = smsActivityRowSchema
  .pick({ draws: true, drawCount: true, surveys: true })
  .extend({ updatedAt: z.string().nullable() });
export type SmsActivity = z.infer<typeof smsActivitySchema>;

export const smsActivityApi = {
  'sms.activity': query(z.object({ enterpriseId: z.string().min(1) }), smsActivitySchema, { reads: ['sms_activity'] }),
};
