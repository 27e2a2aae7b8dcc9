/**
 * The `enterprise` table as the sync engine sees it: rows on the wire are `EnterpriseWireRow`
 * (shared/platform-api/tables.ts), parsed before anything is stored, and map to the columns of
 * repository.ts.
 */
import type { EnterpriseFields, LicenceDetails } from '../../../../shared/domain/enterprise';
import { enterpriseRowSchema, type EnterpriseWireRow } from '../../../../shared/platform-api';
import { baseColumns, localCopyOf, parseWith, type Fields, type ServerBase, type SyncAdapter } from '../sync/adapters';
import {
  deleteEnterprise,
  editableColumns,
  findEnterprise,
  licenceOf,
  markEnterpriseServerDeleted,
  syncedEnterpriseIds,
  upsertSyncedEnterprise,
  type EnterpriseRecord,
  type SyncedEnterpriseColumns,
} from './repository';

/** The synced field groups of an enterprise a person edits (SYNC.md §3.5: region and contact merge as units). */
export function enterpriseWireFields(fields: EnterpriseFields): Fields {
  return {
    name: fields.name,
    creditCode: fields.creditCode,
    industrySection: fields.industrySection,
    industryDivision: fields.industryDivision ?? null,
    region: fields.region,
    address: fields.address,
    contact: { name: fields.contact.name, mobile: fields.contact.mobile, email: fields.contact.email || null },
    manager: fields.manager,
    channel: fields.channel,
    note: fields.note || null,
    licence: fields.licence ? licenceWire(fields.licence) : null,
    licencePhotoSha256: fields.licencePhotoSha256 ?? null,
  };
}

const licenceWire = (d: LicenceDetails) => ({
  type: d.type ?? null,
  legalRepresentative: d.legalRepresentative ?? null,
  registeredCapital: d.registeredCapital ?? null,
  establishedOn: d.establishedOn ?? null,
  businessScope: d.businessScope ?? null,
});

export function enterpriseWireRowOf(row: EnterpriseRecord): EnterpriseWireRow {
  return {
    id: row.id,
    name: row.name,
    creditCode: row.credit_code,
    industrySection: row.industry_section,
    industryDivision: row.industry_division,
    region: { province: row.province, city: row.city, district: row.district },
    address: row.address,
    contact: { name: row.contact_name, mobile: row.contact_mobile, email: row.contact_email },
    manager: row.manager,
    channel: row.channel,
    note: row.note,
    licence: licenceOf(row) ? licenceWire(licenceOf(row)!) : null,
    licencePhotoSha256: row.licence_photo_sha256,
    status: row.platform_status ?? 'registered',
    groupCode: row.group_code,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function columnsOf(id: string, row: EnterpriseWireRow, updatedAt: string, base: ServerBase | null): SyncedEnterpriseColumns {
  return {
    id,
    ...editableColumns(row),
    group_code: row.groupCode || null,
    platform_status: row.status,
    created_at: row.createdAt,
    updated_at: updatedAt,
    ...baseColumns(base),
  };
}

export const enterpriseSyncAdapter: SyncAdapter<EnterpriseWireRow> = {
  tbl: 'enterprise',
  parse: parseWith(enterpriseRowSchema),
  load(db, id) {
    const row = findEnterprise(db, id);
    return row && localCopyOf(enterpriseWireRowOf(row), row);
  },
  save(db, id, row, base, unacked) {
    // While this device's own edits are unacked, the list keeps them where the person left them.
    const updatedAt = (unacked ? findEnterprise(db, id)?.updated_at : undefined) ?? row.updatedAt;
    upsertSyncedEnterprise(db, columnsOf(id, row, updatedAt, base));
  },
  markServerDeleted: (db, id, version) => markEnterpriseServerDeleted(db, id, version),
  remove: (db, id) => deleteEnterprise(db, id),
  syncedIds: (db) => syncedEnterpriseIds(db),
};
