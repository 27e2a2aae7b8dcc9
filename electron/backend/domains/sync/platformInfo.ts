/** What the platform reported about an enterprise and its orders (BOSS opening results). */
import type Database from 'better-sqlite3';
import { openingResultSchema } from '../../../../shared/platform-api';
import { notFound } from '../../app/errors';

interface OrderPlatformRow {
  id: string;
  kind: string;
  plan_code: string;
  platform_status: string | null;
  opening_json: string | null;
  failure_json: string | null;
  processed_at: string | null;
}

export function platformInfo(db: Database.Database, enterpriseId: string) {
  const enterprise = db
    .prepare<[string], { platform_status: string | null; group_code: string | null }>('SELECT platform_status, group_code FROM enterprise WHERE id = ?')
    .get(enterpriseId);
  if (!enterprise) throw notFound('enterprise', enterpriseId);
  const orders = db
    .prepare<[string], OrderPlatformRow>(
      `SELECT id, kind, plan_code, platform_status, opening_json, failure_json, processed_at FROM service_order
       WHERE enterprise_id = ? ORDER BY created_at DESC`,
    )
    .all(enterpriseId);
  return {
    status: enterprise.platform_status,
    groupCode: enterprise.group_code,
    orders: orders.map((o) => {
      const opening = o.opening_json ? openingResultSchema.safeParse(JSON.parse(o.opening_json)) : null;
      return {
        orderId: o.id,
        kind: o.kind,
        planCode: o.plan_code,
        platformStatus: o.platform_status,
        opening: opening?.success
          ? { groupCode: opening.data.groupCode, domain: opening.data.domain, smsServiceCode: opening.data.smsServiceCode, maintenanceAccount: opening.data.maintenanceAccount, openedAt: opening.data.openedAt }
          : null,
        failure: o.failure_json ? (JSON.parse(o.failure_json) as { code: string; message: string }) : null,
        processedAt: o.processed_at,
      };
    }),
  };
}
