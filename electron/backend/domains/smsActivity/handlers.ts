import { defineHandlers } from '../../app/handlerTypes';
import { smsActivity } from './service';

/** The SMS site's draw log and survey tallies (issue 11 item 4). */
export const smsActivityHandlers = defineHandlers({
  'sms.activity': ({ enterpriseId }, ctx) => smsActivity(ctx, enterpriseId),
});
