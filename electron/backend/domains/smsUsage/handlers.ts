import { defineHandlers } from '../../app/handlerTypes';
import { smsUsage, smsUsageMonths } from './service';

/** SMS usage against the plan (issue 11 item 5). */
export const smsUsageHandlers = defineHandlers({
  'sms.usage': ({ enterpriseId, month }, ctx) => smsUsage(ctx, enterpriseId, month),
  'sms.usageMonths': ({ enterpriseId }, ctx) => smsUsageMonths(ctx, enterpriseId),
});
