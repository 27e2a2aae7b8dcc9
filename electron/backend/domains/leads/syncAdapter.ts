/**
 * The `lead` table as the sync engine sees it: created by the platform when a visitor posts a
 * message or an order request, pulled here; this device sends only `handled` updates.
 */
import { leadRowSchema, type LeadWireRow } from '../../../../shared/platform-api';
import { baseColumns, localCopyOf, parseWith, type SyncAdapter } from '../sync/adapters';
import { deleteLead, findLead, leadIdsOfEnterprise, markLeadServerDeleted, syncedLeadIds, upsertSyncedLead, type LeadRecord } from './repository';

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

export const leadSyncAdapter: SyncAdapter<LeadWireRow> = {
  tbl: 'lead',
  parse: parseWith(leadRowSchema),
  load(db, id) {
    const row = findLead(db, id);
    return row && localCopyOf(leadWireRowOf(row), row);
  },
  save(db, id, row, base) {
    upsertSyncedLead(db, {
      id,
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
      ...baseColumns(base),
    });
  },
  markServerDeleted: (db, id, version) => markLeadServerDeleted(db, id, version),
  remove: (db, id) => deleteLead(db, id),
  syncedIds: (db) => syncedLeadIds(db),
  idsOfEnterprise: (db, enterpriseId) => leadIdsOfEnterprise(db, enterpriseId),
};
