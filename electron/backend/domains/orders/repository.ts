/** SQL for service orders: the only place that knows the `service_order` table. */
import type { Quote } from '../../../../shared/domain/billing';
import { PORTAL_PROMOTION_CODE, promotionEndDate } from '../../../../shared/domain/catalog';
import {
  orderNumber,
  PLATFORM_ORDER_STATUSES,
  type AuditEntry,
  type Order,
  type OrderKind,
  type OrderStatus,
  type PlatformOrderStatus,
} from '../../../../shared/domain/order';
import type { ReadableDB, WritableDB } from '../../infra/db/handles';
import { perDatabase } from '../../infra/db/perDatabase';

/** A `service_order` row as SQLite holds it. */
export interface OrderRecord {
  id: string;
  enterprise_id: string;
  kind: OrderKind;
  plan_code: string;
  previous_plan_code: string | null;
  request_date: string;
  effective_date: string;
  status: OrderStatus;
  quote_json: string;
  catalog_version: number;
  signer_name: string | null;
  signature_sha256: string | null;
  document_id: string | null;
  created_by: string;
  created_at: string;
  signed_at: string | null;
  submitted_at: string | null;
  /** The platform's side (SYNC.md §3.2): its status, the BOSS opening result or failure, the server row. */
  platform_status: string | null;
  opening_json: string | null;
  failure_json: string | null;
  processed_at: string | null;
  base_version: number | null;
  base_json: string | null;
  server_deleted: number;
}

export type NewOrderRecord = Pick<
  OrderRecord,
  | 'id'
  | 'enterprise_id'
  | 'kind'
  | 'plan_code'
  | 'previous_plan_code'
  | 'request_date'
  | 'effective_date'
  | 'quote_json'
  | 'catalog_version'
  | 'created_by'
  | 'created_at'
>;

/** What the platform says about an order (columns the sync adapter sets). */
export type OrderPlatformColumns = Pick<
  OrderRecord,
  'id' | 'platform_status' | 'opening_json' | 'failure_json' | 'processed_at' | 'base_version' | 'base_json'
>;

/** An order submitted from another device, rebuilt from its snapshot. */
export type PulledOrderColumns = OrderPlatformColumns &
  Pick<
    OrderRecord,
    | 'enterprise_id'
    | 'kind'
    | 'plan_code'
    | 'previous_plan_code'
    | 'request_date'
    | 'effective_date'
    | 'quote_json'
    | 'catalog_version'
    | 'signer_name'
    | 'created_by'
    | 'created_at'
    | 'signed_at'
    | 'submitted_at'
  >;

/** A promotion order opens nothing: the plan steps (what the enterprise has) leave it out. */
const NOT_PROMOTION = `plan_code != '${PORTAL_PROMOTION_CODE}'`;

const reads = perDatabase((db: ReadableDB) => ({
  byId: db.prepare<[string], OrderRecord>('SELECT * FROM service_order WHERE id = ?'),
  forEnterprise: db.prepare<[string], OrderRecord>('SELECT * FROM service_order WHERE enterprise_id = ? ORDER BY created_at DESC, id DESC'),
  /** Orders that count towards the enterprise's plan, in the order they were signed. */
  signedForEnterprise: db.prepare<[string], OrderRecord>(
    `SELECT * FROM service_order WHERE enterprise_id = ? AND status IN ('signed', 'submitted') AND ${NOT_PROMOTION} ORDER BY signed_at, created_at, id`,
  ),
  idsOfEnterprise: db.prepare<[string], string>('SELECT id FROM service_order WHERE enterprise_id = ?').pluck(),
  synced: db.prepare<[], string>('SELECT id FROM service_order WHERE base_version IS NOT NULL').pluck(),
}));

const writes = perDatabase((db: WritableDB) => ({
  insertDraft: db.prepare<[NewOrderRecord]>(
    `INSERT INTO service_order (id, enterprise_id, kind, plan_code, previous_plan_code, request_date, effective_date, status,
       quote_json, catalog_version, created_by, created_at)
     VALUES (@id, @enterprise_id, @kind, @plan_code, @previous_plan_code, @request_date, @effective_date, 'draft',
       @quote_json, @catalog_version, @created_by, @created_at)`,
  ),
  markSigned: db.prepare<[{ id: string; signer_name: string; signature_sha256: string; document_id: string; signed_at: string }]>(
    `UPDATE service_order SET status = 'signed', signer_name = @signer_name, signature_sha256 = @signature_sha256,
       document_id = @document_id, signed_at = @signed_at
     WHERE id = @id AND status = 'draft'`,
  ),
  markSubmitted: db.prepare<[{ id: string; submitted_at: string }]>(
    `UPDATE service_order SET status = 'submitted', submitted_at = @submitted_at WHERE id = @id AND status = 'signed'`,
  ),
  deleteDraft: db.prepare<[string]>(`DELETE FROM service_order WHERE id = ? AND status = 'draft'`),
  updatePlatform: db.prepare<[OrderPlatformColumns]>(
    `UPDATE service_order SET platform_status = @platform_status, opening_json = @opening_json, failure_json = @failure_json,
       processed_at = @processed_at, base_version = @base_version, base_json = @base_json, server_deleted = 0 WHERE id = @id`,
  ),
  insertPulled: db.prepare<[PulledOrderColumns]>(
    `INSERT INTO service_order (id, enterprise_id, kind, plan_code, previous_plan_code, request_date, effective_date, status, quote_json,
       catalog_version, signer_name, created_by, created_at, signed_at, submitted_at, platform_status, opening_json, failure_json,
       processed_at, base_version, base_json)
     VALUES (@id, @enterprise_id, @kind, @plan_code, @previous_plan_code, @request_date, @effective_date, 'submitted', @quote_json,
       @catalog_version, @signer_name, @created_by, @created_at, @signed_at, @submitted_at, @platform_status, @opening_json, @failure_json,
       @processed_at, @base_version, @base_json)`,
  ),
  markDeleted: db.prepare('UPDATE service_order SET server_deleted = 1 WHERE id = ?'),
  remove: db.prepare('DELETE FROM service_order WHERE id = ?'),
}));

export const findOrder = (db: ReadableDB, id: string): OrderRecord | undefined => reads(db).byId.get(id);
export const ordersOfEnterprise = (db: ReadableDB, enterpriseId: string): OrderRecord[] => reads(db).forEnterprise.all(enterpriseId);
export const signedOrdersOfEnterprise = (db: ReadableDB, enterpriseId: string): OrderRecord[] =>
  reads(db).signedForEnterprise.all(enterpriseId);

export type SignedPlanRecord = Pick<OrderRecord, 'enterprise_id' | 'kind' | 'plan_code'>;

/** The plan steps of signed orders (of these enterprises, or all), per enterprise in the order they were signed. */
export function signedOrderPlans(db: ReadableDB, enterpriseIds?: string[]): SignedPlanRecord[] {
  if (enterpriseIds?.length === 0) return [];
  const only = enterpriseIds ? `AND enterprise_id IN (${enterpriseIds.map(() => '?').join(',')})` : '';
  return db
    .prepare<string[], SignedPlanRecord>(
      `SELECT enterprise_id, kind, plan_code FROM service_order WHERE status IN ('signed', 'submitted') AND ${NOT_PROMOTION} ${only} ORDER BY enterprise_id, signed_at, created_at, id`,
    )
    .all(...(enterpriseIds ?? []));
}

export const insertDraftOrder = (db: WritableDB, order: NewOrderRecord) => void writes(db).insertDraft.run(order);
export const markOrderSigned = (
  db: WritableDB,
  signed: { id: string; signer_name: string; signature_sha256: string; document_id: string; signed_at: string },
) => void writes(db).markSigned.run(signed);
export const markOrderSubmitted = (db: WritableDB, id: string, submittedAt: string) =>
  void writes(db).markSubmitted.run({ id, submitted_at: submittedAt });
export const deleteDraftOrder = (db: WritableDB, id: string) => void writes(db).deleteDraft.run(id);

/* ---------- the sync adapter's side (syncAdapter.ts) ---------- */

export const updateOrderPlatformSide = (db: WritableDB, columns: OrderPlatformColumns) => void writes(db).updatePlatform.run(columns);
export const insertPulledOrder = (db: WritableDB, columns: PulledOrderColumns) => void writes(db).insertPulled.run(columns);
export const markOrderServerDeleted = (db: WritableDB, id: string) => void writes(db).markDeleted.run(id);
export const deleteOrder = (db: WritableDB, id: string) => void writes(db).remove.run(id);
export const syncedOrderIds = (db: ReadableDB): string[] => reads(db).synced.all();
export const orderIdsOfEnterprise = (db: ReadableDB, enterpriseId: string): string[] => reads(db).idsOfEnterprise.all(enterpriseId);

export const quoteOf = (row: OrderRecord): Quote => JSON.parse(row.quote_json) as Quote;

const isPlatformStatus = (s: string | null): s is PlatformOrderStatus =>
  (PLATFORM_ORDER_STATUSES as readonly (string | null)[]).includes(s);

export function toOrder(row: OrderRecord, audit: AuditEntry[]): Order {
  return {
    id: row.id,
    number: orderNumber(row.id, row.created_at),
    enterpriseId: row.enterprise_id,
    kind: row.kind,
    planCode: row.plan_code,
    ...(row.previous_plan_code ? { previousPlanCode: row.previous_plan_code } : {}),
    requestDate: row.request_date,
    effectiveDate: row.effective_date,
    status: row.status,
    ...(isPlatformStatus(row.platform_status) ? { platformStatus: row.platform_status } : {}),
    quote: quoteOf(row),
    catalogVersion: row.catalog_version,
    ...(row.signer_name ? { signerName: row.signer_name } : {}),
    ...(row.signature_sha256 ? { signatureSha256: row.signature_sha256 } : {}),
    ...(row.document_id ? { documentId: row.document_id } : {}),
    createdBy: row.created_by,
    createdAt: row.created_at,
    ...(row.signed_at ? { signedAt: row.signed_at } : {}),
    ...(row.submitted_at ? { submittedAt: row.submitted_at } : {}),
    ...(row.plan_code === PORTAL_PROMOTION_CODE ? { promotion: promotionDates(row.effective_date, quoteOf(row).months.length) } : {}),
    audit,
  };
}

/** A promotion's quote has one month per month it runs. */
const promotionDates = (startDate: string, months: number) => ({ months, startDate, endDate: promotionEndDate(startDate, months) });
