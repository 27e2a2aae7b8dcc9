/**
 * The `service_order` table as the sync engine sees it. Orders are created on this device and
 * reach the platform as `order.submit.v1` commands; their platform side (status, BOSS opening,
 * failure) comes back by pull as `ServiceOrderWireRow`s, parsed before anything is stored. An
 * order submitted from another device is rebuilt here from the snapshot it was submitted with.
 */
import { serviceOrderRowSchema, type ServiceOrderWireRow } from '../../../../shared/platform-api';
import { baseColumns, parseWith, serverCopyOf, type Fields, type ServerBase, type SyncAdapter } from '../sync/adapters';
import {
  deleteOrder,
  findOrder,
  insertPulledOrder,
  markOrderServerDeleted,
  orderIdsOfEnterprise,
  syncedOrderIds,
  updateOrderPlatformSide,
  type OrderPlatformColumns,
} from './repository';

const jsonOrNull = (value: unknown) => (value === null || value === undefined ? null : JSON.stringify(value));

/** The snapshot is the submitting device's `order.submit.v1` args, opaque to the protocol: its fields are read as far as they are there. */
const snapshotText = (snapshot: Fields, key: string, fallback: string): string =>
  typeof snapshot[key] === 'string' ? snapshot[key] : fallback;

function platformColumns(id: string, row: ServiceOrderWireRow, base: ServerBase | null): OrderPlatformColumns {
  return {
    id,
    platform_status: row.status,
    opening_json: jsonOrNull(row.opening),
    failure_json: jsonOrNull(row.failure),
    processed_at: row.processedAt,
    ...baseColumns(base),
  };
}

export const serviceOrderSyncAdapter: SyncAdapter<ServiceOrderWireRow> = {
  tbl: 'service_order',
  parse: parseWith(serviceOrderRowSchema),
  load(db, id) {
    const row = findOrder(db, id);
    return row && serverCopyOf({ id, status: row.status }, row);
  },
  save(db, id, row, base) {
    const platform = platformColumns(id, row, base);
    if (findOrder(db, id)) {
      updateOrderPlatformSide(db, platform);
      return;
    }
    const snapshot = row.snapshot;
    insertPulledOrder(db, {
      ...platform,
      enterprise_id: row.enterpriseId,
      kind: row.kind,
      plan_code: row.planCode,
      previous_plan_code: row.previousPlanCode,
      request_date: snapshotText(snapshot, 'requestDate', row.effectiveDate),
      effective_date: row.effectiveDate,
      quote_json: JSON.stringify(snapshot.quote ?? null),
      catalog_version: typeof snapshot.catalogVersion === 'number' ? snapshot.catalogVersion : 0,
      signer_name: row.signerName || null,
      created_by: snapshotText(snapshot, 'createdBy', row.submittedBy),
      created_at: snapshotText(snapshot, 'createdAt', row.createdAt),
      signed_at: typeof snapshot.signedAt === 'string' && snapshot.signedAt ? snapshot.signedAt : null,
      submitted_at: row.submittedAt || null,
    });
  },
  markServerDeleted: (db, id) => markOrderServerDeleted(db, id),
  remove: (db, id) => deleteOrder(db, id),
  syncedIds: (db) => syncedOrderIds(db),
  idsOfEnterprise: (db, enterpriseId) => orderIdsOfEnterprise(db, enterpriseId),
};
