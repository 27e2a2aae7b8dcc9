/**
 * Where each synced table lives on the device. Every adapter speaks the wire shape of its rows
 * (shared/platform-api/tables.ts) and maps it to its local table; the merge logic in apply.ts
 * never sees SQL columns. Tables without a domain table of their own live in `sync_row`.
 */
import type Database from 'better-sqlite3';
import type { SyncedTable } from '../../../../shared/platform-api';
import { perDatabase } from '../../infra/db/perDatabase';
import type { EnterpriseRow } from '../enterprises/repository';

export type Fields = Record<string, unknown>;

export interface LocalCopy {
  /** The row as the device shows it (server base + this device's unacked edits), wire shape. */
  fields: Fields;
  baseVersion: number | null;
  baseJson: Fields | null;
  serverDeleted: boolean;
}

export interface LocalTable {
  tbl: SyncedTable;
  load(db: Database.Database, id: string): LocalCopy | undefined;
  /** Writes the shown fields and the server base (a full server row) of one row. */
  save(db: Database.Database, id: string, fields: Fields, base: { version: number; row: Fields } | null, unacked: boolean): void;
  /** A tombstone arrived while this device still has unacked edits of the row. */
  markServerDeleted(db: Database.Database, id: string, version: number | undefined): void;
  remove(db: Database.Database, id: string): void;
  /** Ids of rows that came from the server (base_version set). */
  syncedIds(db: Database.Database): string[];
  /**
   * For the resync sweep, optional (a fast SQL version of what sync/apply.ts otherwise computes from
   * syncedIds): synced rows not received in this resync (resync_seen), and how many synced rows there are.
   */
  unseen?(db: Database.Database): { ids: string[]; total: number };
  /** Rows that belong to this one and leave with it (scope exit). */
  children(db: Database.Database, id: string): { tbl: SyncedTable; id: string }[];
}

const parse = (json: string | null): Fields | null => (json === null ? null : (JSON.parse(json) as Fields));
const str = (value: unknown, fallback = ''): string => (typeof value === 'string' ? value : fallback);
const strOrNull = (value: unknown): string | null => (typeof value === 'string' && value !== '' ? value : null);
const obj = (value: unknown): Fields => (value && typeof value === 'object' ? (value as Fields) : {});

/* ---------- enterprise ---------- */

/** The enterprise table as the sync engine reads it: the repository's row plus the sync columns. */
type EnterpriseColumns = EnterpriseRow & {
  platform_status: string | null;
  base_json: string | null;
  server_deleted: number;
};

export function enterpriseFieldsOf(row: EnterpriseColumns): Fields {
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
    status: row.platform_status ?? 'registered',
    groupCode: row.group_code,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function enterpriseColumnsOf(id: string, f: Fields, keepUpdatedAt: string | undefined): Omit<EnterpriseColumns, 'base_version' | 'base_json' | 'server_deleted'> {
  const region = obj(f.region);
  const contact = obj(f.contact);
  return {
    id,
    name: str(f.name),
    credit_code: str(f.creditCode),
    industry_section: str(f.industrySection),
    industry_division: strOrNull(f.industryDivision),
    province: str(region.province),
    city: str(region.city),
    district: str(region.district),
    address: str(f.address),
    contact_name: str(contact.name),
    contact_mobile: str(contact.mobile),
    contact_email: strOrNull(contact.email),
    manager: str(f.manager),
    channel: str(f.channel, 'customer_manager'),
    note: strOrNull(f.note),
    group_code: strOrNull(f.groupCode),
    platform_status: strOrNull(f.status),
    created_at: str(f.createdAt),
    updated_at: keepUpdatedAt ?? str(f.updatedAt),
  };
}

const enterpriseStatements = perDatabase((db: Database.Database) => ({
  byId: db.prepare<[string], EnterpriseColumns>('SELECT * FROM enterprise WHERE id = ?'),
  upsert: db.prepare(
    `INSERT INTO enterprise (id, name, credit_code, industry_section, industry_division, province, city, district, address,
       contact_name, contact_mobile, contact_email, manager, channel, note, group_code, platform_status, created_at, updated_at,
       base_version, base_json, server_deleted)
     VALUES (@id, @name, @credit_code, @industry_section, @industry_division, @province, @city, @district, @address,
       @contact_name, @contact_mobile, @contact_email, @manager, @channel, @note, @group_code, @platform_status, @created_at, @updated_at,
       @base_version, @base_json, 0)
     ON CONFLICT(id) DO UPDATE SET name = excluded.name, credit_code = excluded.credit_code, industry_section = excluded.industry_section,
       industry_division = excluded.industry_division, province = excluded.province, city = excluded.city, district = excluded.district,
       address = excluded.address, contact_name = excluded.contact_name, contact_mobile = excluded.contact_mobile,
       contact_email = excluded.contact_email, manager = excluded.manager, channel = excluded.channel, note = excluded.note,
       group_code = excluded.group_code, platform_status = excluded.platform_status, created_at = excluded.created_at,
       updated_at = excluded.updated_at, base_version = excluded.base_version, base_json = excluded.base_json, server_deleted = 0`,
  ),
  markDeleted: db.prepare('UPDATE enterprise SET server_deleted = 1, base_version = coalesce(?, base_version) WHERE id = ?'),
  remove: db.prepare('DELETE FROM enterprise WHERE id = ?'),
  synced: db.prepare<[], { id: string }>('SELECT id FROM enterprise WHERE base_version IS NOT NULL'),
  unseen: db.prepare<[], { id: string }>(
    `SELECT id FROM enterprise WHERE base_version IS NOT NULL AND NOT EXISTS (SELECT 1 FROM resync_seen WHERE tbl = 'enterprise' AND row_id = enterprise.id)`,
  ),
  count: db.prepare<[], { n: number }>('SELECT count(*) AS n FROM enterprise WHERE base_version IS NOT NULL'),
  orders: db.prepare<[string], { id: string }>('SELECT id FROM service_order WHERE enterprise_id = ?'),
  rows: db.prepare<[string], { tbl: string; id: string }>('SELECT tbl, id FROM sync_row WHERE parent_id = ?'),
}));

export const enterpriseTable: LocalTable = {
  tbl: 'enterprise',
  load(db, id) {
    const row = enterpriseStatements(db).byId.get(id);
    if (!row) return undefined;
    return { fields: enterpriseFieldsOf(row), baseVersion: row.base_version, baseJson: parse(row.base_json), serverDeleted: row.server_deleted === 1 };
  },
  save(db, id, fields, base, unacked) {
    const s = enterpriseStatements(db);
    const keepUpdatedAt = unacked ? s.byId.get(id)?.updated_at : undefined;
    s.upsert.run({ ...enterpriseColumnsOf(id, fields, keepUpdatedAt), base_version: base?.version ?? null, base_json: base ? JSON.stringify(base.row) : null });
  },
  markServerDeleted: (db, id, version) => void enterpriseStatements(db).markDeleted.run(version ?? null, id),
  remove: (db, id) => void enterpriseStatements(db).remove.run(id),
  syncedIds: (db) => enterpriseStatements(db).synced.all().map((r) => r.id),
  unseen: (db) => ({ ids: enterpriseStatements(db).unseen.all().map((r) => r.id), total: enterpriseStatements(db).count.get()!.n }),
  children: (db, id) => [
    ...enterpriseStatements(db).orders.all(id).map((r) => ({ tbl: 'service_order' as const, id: r.id })),
    ...enterpriseStatements(db).rows.all(id).map((r) => ({ tbl: r.tbl as SyncedTable, id: r.id })),
  ],
};

/* ---------- service_order: created on the device, its platform side arrives by pull ---------- */

interface OrderColumns {
  id: string;
  status: string;
  platform_status: string | null;
  base_version: number | null;
  base_json: string | null;
  server_deleted: number;
}

const orderStatements = perDatabase((db: Database.Database) => ({
  byId: db.prepare<[string], OrderColumns>('SELECT id, status, platform_status, base_version, base_json, server_deleted FROM service_order WHERE id = ?'),
  updatePlatform: db.prepare(
    `UPDATE service_order SET platform_status = @platform_status, opening_json = @opening_json, failure_json = @failure_json,
       processed_at = @processed_at, base_version = @base_version, base_json = @base_json, server_deleted = 0 WHERE id = @id`,
  ),
  insert: db.prepare(
    `INSERT INTO service_order (id, enterprise_id, kind, plan_code, previous_plan_code, request_date, effective_date, status, quote_json,
       catalog_version, signer_name, created_by, created_at, signed_at, submitted_at, platform_status, opening_json, failure_json,
       processed_at, base_version, base_json)
     VALUES (@id, @enterprise_id, @kind, @plan_code, @previous_plan_code, @request_date, @effective_date, 'submitted', @quote_json,
       @catalog_version, @signer_name, @created_by, @created_at, @signed_at, @submitted_at, @platform_status, @opening_json, @failure_json,
       @processed_at, @base_version, @base_json)`,
  ),
  markDeleted: db.prepare('UPDATE service_order SET server_deleted = 1 WHERE id = ?'),
  remove: db.prepare('DELETE FROM service_order WHERE id = ?'),
  synced: db.prepare<[], { id: string }>('SELECT id FROM service_order WHERE base_version IS NOT NULL'),
  unseen: db.prepare<[], { id: string }>(
    `SELECT id FROM service_order WHERE base_version IS NOT NULL AND NOT EXISTS (SELECT 1 FROM resync_seen WHERE tbl = 'service_order' AND row_id = service_order.id)`,
  ),
  count: db.prepare<[], { n: number }>('SELECT count(*) AS n FROM service_order WHERE base_version IS NOT NULL'),
}));

const jsonOrNull = (value: unknown) => (value === null || value === undefined ? null : JSON.stringify(value));

export const serviceOrderTable: LocalTable = {
  tbl: 'service_order',
  load(db, id) {
    const row = orderStatements(db).byId.get(id);
    if (!row) return undefined;
    const baseJson = parse(row.base_json);
    return { fields: baseJson ?? { id, status: row.status }, baseVersion: row.base_version, baseJson, serverDeleted: row.server_deleted === 1 };
  },
  save(db, id, fields, base) {
    const s = orderStatements(db);
    const platform = {
      id,
      platform_status: strOrNull(fields.status),
      opening_json: jsonOrNull(fields.opening),
      failure_json: jsonOrNull(fields.failure),
      processed_at: strOrNull(fields.processedAt),
      base_version: base?.version ?? null,
      base_json: base ? JSON.stringify(base.row) : null,
    };
    if (s.byId.get(id)) {
      s.updatePlatform.run(platform);
      return;
    }
    // An order submitted from another device: rebuilt from the snapshot it was submitted with.
    const snap = obj(fields.snapshot);
    s.insert.run({
      ...platform,
      enterprise_id: str(fields.enterpriseId),
      kind: str(fields.kind, 'open'),
      plan_code: str(fields.planCode),
      previous_plan_code: strOrNull(fields.previousPlanCode),
      request_date: str(snap.requestDate, str(fields.effectiveDate)),
      effective_date: str(fields.effectiveDate),
      quote_json: JSON.stringify(snap.quote ?? null),
      catalog_version: typeof snap.catalogVersion === 'number' ? snap.catalogVersion : 0,
      signer_name: strOrNull(fields.signerName),
      created_by: str(snap.createdBy, str(fields.submittedBy)),
      created_at: str(snap.createdAt, str(fields.createdAt)),
      signed_at: strOrNull(snap.signedAt),
      submitted_at: strOrNull(fields.submittedAt),
    });
  },
  markServerDeleted: (db, id) => void orderStatements(db).markDeleted.run(id),
  remove: (db, id) => void orderStatements(db).remove.run(id),
  syncedIds: (db) => orderStatements(db).synced.all().map((r) => r.id),
  unseen: (db) => ({ ids: orderStatements(db).unseen.all().map((r) => r.id), total: orderStatements(db).count.get()!.n }),
  children: () => [],
};

/* ---------- generic mirror (sync_row) ---------- */

interface MirrorRow {
  row_json: string;
  base_version: number | null;
  base_json: string | null;
  server_deleted: number;
}

const mirrorStatements = perDatabase((db: Database.Database) => ({
  byId: db.prepare<[string, string], MirrorRow>('SELECT row_json, base_version, base_json, server_deleted FROM sync_row WHERE tbl = ? AND id = ?'),
  upsert: db.prepare(
    `INSERT INTO sync_row (tbl, id, parent_id, row_json, base_version, base_json, server_deleted) VALUES (?, ?, ?, ?, ?, ?, 0)
     ON CONFLICT(tbl, id) DO UPDATE SET parent_id = excluded.parent_id, row_json = excluded.row_json,
       base_version = excluded.base_version, base_json = excluded.base_json, server_deleted = 0`,
  ),
  markDeleted: db.prepare('UPDATE sync_row SET server_deleted = 1 WHERE tbl = ? AND id = ?'),
  remove: db.prepare('DELETE FROM sync_row WHERE tbl = ? AND id = ?'),
  synced: db.prepare<[string], { id: string }>('SELECT id FROM sync_row WHERE tbl = ? AND base_version IS NOT NULL'),
  unseen: db.prepare<{ tbl: string }, { id: string }>(
    `SELECT id FROM sync_row WHERE tbl = @tbl AND base_version IS NOT NULL AND NOT EXISTS (SELECT 1 FROM resync_seen WHERE tbl = @tbl AND row_id = sync_row.id)`,
  ),
  count: db.prepare<[string], { n: number }>('SELECT count(*) AS n FROM sync_row WHERE tbl = ? AND base_version IS NOT NULL'),
}));

export function mirrorTable(tbl: SyncedTable): LocalTable {
  return {
    tbl,
    load(db, id) {
      const row = mirrorStatements(db).byId.get(tbl, id);
      if (!row) return undefined;
      return { fields: JSON.parse(row.row_json) as Fields, baseVersion: row.base_version, baseJson: parse(row.base_json), serverDeleted: row.server_deleted === 1 };
    },
    save(db, id, fields, base) {
      mirrorStatements(db).upsert.run(tbl, id, strOrNull(fields.enterpriseId), JSON.stringify(fields), base?.version ?? null, base ? JSON.stringify(base.row) : null);
    },
    markServerDeleted: (db, id) => void mirrorStatements(db).markDeleted.run(tbl, id),
    remove: (db, id) => void mirrorStatements(db).remove.run(tbl, id),
    syncedIds: (db) => mirrorStatements(db).synced.all(tbl).map((r) => r.id),
    unseen: (db) => ({ ids: mirrorStatements(db).unseen.all({ tbl }).map((r) => r.id), total: mirrorStatements(db).count.get(tbl)!.n }),
    children: () => [],
  };
}

const registry = new Map<SyncedTable, LocalTable>([
  ['enterprise', enterpriseTable],
  ['service_order', serviceOrderTable],
  ['subscription', mirrorTable('subscription')],
  ['site', mirrorTable('site')],
]);

/** A domain module that stores a synced table itself (the site builder) plugs its adapter in here. */
export function registerLocalTable(table: LocalTable): void {
  registry.set(table.tbl, table);
}

export function localTable(tbl: string): LocalTable | undefined {
  return registry.get(tbl as SyncedTable);
}

export const localTables = (): LocalTable[] => [...registry.values()];
