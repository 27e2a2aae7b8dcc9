/** What the platform reported about an enterprise and its orders (BOSS opening results). */
import type { Output } from '../../../../shared/api';
import { openingResultSchema } from '../../../../shared/platform-api';
import { notFound } from '../../app/errors';
import type { ReadableDB } from '../../infra/db/handles';
import { findEnterprise } from '../enterprises/repository';
import { ordersOfEnterprise } from '../orders/repository';

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
        failure: o.failure_json ? (JSON.parse(o.failure_json) as { code: string; message: string }) : null,
        processedAt: o.processed_at,
      };
    }),
  };
}
