/** An enterprise's SMS draw log and survey tallies, as last pulled (empty until the platform reported any). */
import type { SmsActivity } from '../../../../shared/api/smsActivity';
import type { ReadContext } from '../../app/context';
import { smsActivityWireRowOf } from './syncAdapter';
import { smsActivityOfEnterprise } from './repository';

export function smsActivity(ctx: ReadContext, enterpriseId: string): SmsActivity {
  const row = smsActivityOfEnterprise(ctx.db, enterpriseId);
  if (!row) return { draws: [], drawCount: 0, surveys: [], updatedAt: null };
  const { draws, drawCount, surveys, updatedAt } = smsActivityWireRowOf(row);
  return { draws, drawCount, surveys, updatedAt };
}
