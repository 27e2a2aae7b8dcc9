/**
 * The `lead` table as the sync engine sees it: created by the platform when a visitor posts a
 * message or an order request, pulled here; this device sends only `handled` updates.
 */
import { leadRowSchema, type LeadWireRow } from '../../../../shared/platform-api';
import { platformTableAdapter } from '../sync/adapters';
import {
  deleteLead,
  findLead,
  leadIdsOfEnterprise,
  markLeadServerDeleted,
  syncedLeadIds,
  upsertSyncedLead,
  type LeadRecord,
} from './repository';

export function leadWireRowOf(row: LeadRecord): LeadWireRow {
  return {
    id: row.id,
    enterpriseId: row.enterprise_id,
    siteId: row.site_id,
    channel: row.channel as LeadWireRow['channel'],
    kind: row.kind as LeadWireRow['kind'],
    name: row.name,
    contact: row.contact,
    text: row.text,
    receivedAt: row.received_at,
    handled: row.handled === 1,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export const leadSyncAdapter = platformTableAdapter({
  tbl: 'lead',
  schema: leadRowSchema,
  wireRowOf: leadWireRowOf,
  columnsOf: (row: LeadWireRow) => ({
    enterprise_id: row.enterpriseId,
    site_id: row.siteId,
    channel: row.channel,
    kind: row.kind,
    name: row.name,
    contact: row.contact,
    text: row.text,
    received_at: row.receivedAt,
    handled: row.handled ? 1 : 0,
    created_at: row.createdAt,
    updated_at: row.updatedAt,
  }),
  find: findLead,
  upsert: upsertSyncedLead,
  markServerDeleted: markLeadServerDeleted,
  remove: deleteLead,
  syncedIds: syncedLeadIds,
  idsOfEnterprise: leadIdsOfEnterprise,
});
