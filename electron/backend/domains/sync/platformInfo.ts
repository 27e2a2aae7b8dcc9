/** What the platform reported about an enterprise and its orders (BOSS opening results). */
import type { Output } from '../../../../shared/api';
import { openingResultSchema } from '../../../../shared/platform-api';
import { notFound } from '../../app/errors';
import type { ReadableDB } from '../../infra/db/handles';
import { findEnterprise } from '../enterprises/repository';
import { ordersOfEnterprise } from '../orders/repository';
import { openConflictsForRow } from './db/conflicts';

type Failure = { code: string; message: string };

/** Why the platform did not go on with an order: BOSS failed it, or it refused the submission outright (a rejected command). */
function failureOf(db: ReadableDB, order: { id: string; failure_json: string | null }): Failure | null {
  if (order.failure_json) return JSON.parse(order.failure_json) as Failure;
  const refusal = openConflictsForRow(db, 'service_order', order.id)[0]; // an order is a command: its only conflicts are refusals
  if (!refusal) return null;
  const detail = JSON.parse(refusal.detail_json) as { code?: string; message?: string };
  return { code: detail.code ?? 'rejected', message: detail.message ?? '' };
}

export function platformInfo(db: ReadableDB, enterpriseId: string): Output<'sync.platformInfo'> {
  const enterprise = findEnterprise(db, enterpriseId);
  if (!enterprise) throw notFound('enterprise', enterpriseId);
  return {
    status: enterprise.platform_status,
    groupCode: enterprise.group_code,
    orders: ordersOfEnterprise(db, enterpriseId).map((o) => {
      const opening = o.opening_json ? openingResultSchema.safeParse(JSON.parse(o.opening_json)) : null;
      return {
        orderId: o.id,
        kind: o.kind,
        planCode: o.plan_code,
        platformStatus: o.platform_status,
        opening: opening?.success
          ? {
              groupCode: opening.data.groupCode,
              domain: opening.data.domain,
              smsServiceCode: opening.data.smsServiceCode,
              maintenanceAccount: opening.data.maintenanceAccount,
              openedAt: opening.data.openedAt,
            }
          : null,
        failure: failureOf(db, o),
        processedAt: o.processed_at,
      };
    }),
  };
}
