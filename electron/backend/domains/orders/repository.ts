/** SQL for service orders: the only place that knows the `service_order` table. */
import type Database from 'better-sqlite3';
import type { Quote } from '../../../../shared/domain/billing';
import { orderNumber, type AuditEntry, type Order, type OrderKind, type OrderStatus } from '../../../../shared/domain/order';
import { perDatabase } from '../../infra/db/perDatabase';

export interface OrderRow {
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
}

export type NewOrderRow = Pick<
  OrderRow,
  'id' | 'enterprise_id' | 'kind' | 'plan_code' | 'previous_plan_code' | 'request_date' | 'effective_date' | 'quote_json' | 'catalog_version' | 'created_by' | 'created_at'
>;

export const orderStatements = perDatabase((db: Database.Database) => ({
  byId: db.prepare<[string], OrderRow>('SELECT * FROM service_order WHERE id = ?'),
  forEnterprise: db.prepare<[string], OrderRow>('SELECT * FROM service_order WHERE enterprise_id = ? ORDER BY created_at DESC, id DESC'),
  /** Orders that count towards the enterprise's plan, in the order they were signed. */
  signedForEnterprise: db.prepare<[string], OrderRow>(
    `SELECT * FROM service_order WHERE enterprise_id = ? AND status IN ('signed', 'submitted') ORDER BY signed_at, created_at, id`,
  ),
  insert: db.prepare<[NewOrderRow]>(
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
}));

export function toOrder(row: OrderRow, audit: AuditEntry[]): Order {
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
    quote: JSON.parse(row.quote_json) as Quote,
    catalogVersion: row.catalog_version,
    ...(row.signer_name ? { signerName: row.signer_name } : {}),
    ...(row.signature_sha256 ? { signatureSha256: row.signature_sha256 } : {}),
    ...(row.document_id ? { documentId: row.document_id } : {}),
    createdBy: row.created_by,
    createdAt: row.created_at,
    ...(row.signed_at ? { signedAt: row.signed_at } : {}),
    ...(row.submitted_at ? { submittedAt: row.submitted_at } : {}),
    audit,
  };
}
