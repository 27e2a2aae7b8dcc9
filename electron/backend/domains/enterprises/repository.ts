/** SQL for enterprises: the only place that knows the `enterprise` table (and its change counter). */
import type { Enterprise, EnterpriseFields, EnterpriseListRow, LicenceDetails, SalesChannel } from '../../../../shared/domain/enterprise';
import type { EnterpriseStatus } from '../../../../shared/platform-api';
import type { ReadableDB, WritableDB } from '../../infra/db/handles';
import { perDatabase } from '../../infra/db/perDatabase';

/** An `enterprise` row as SQLite holds it. */
export interface EnterpriseRecord {
  id: string;
  name: string;
  credit_code: string;
  industry_section: string;
  industry_division: string | null;
  province: string;
  city: string;
  district: string;
  address: string;
  contact_name: string;
  contact_mobile: string;
  contact_email: string | null;
  manager: string;
  channel: SalesChannel;
  note: string | null;
  /** The licence's details (migration 0016). */
  licence_type: string | null;
  legal_representative: string | null;
  registered_capital: string | null;
  established_on: string | null;
  business_scope: string | null;
  licence_photo_sha256: string | null;
  group_code: string | null;
  created_at: string;
  updated_at: string;
  /** Sync columns (SYNC.md §3.2): the platform's status, the server version and row last received. */
  platform_status: EnterpriseStatus | null;
  base_version: number | null;
  base_json: string | null;
  server_deleted: number;
}

/** The licence's details as the record holds them: only what is known. */
export function licenceOf(row: EnterpriseRecord): LicenceDetails | undefined {
  const details = {
    type: row.licence_type ?? undefined,
    legalRepresentative: row.legal_representative ?? undefined,
    registeredCapital: row.registered_capital ?? undefined,
    establishedOn: row.established_on ?? undefined,
    businessScope: row.business_scope ?? undefined,
  };
  const known = Object.entries(details).filter(([, v]) => v !== undefined);
  return known.length ? (Object.fromEntries(known) as LicenceDetails) : undefined;
}

/** Every column a synced row sets (the sync bookkeeping flags aside). */
export type SyncedEnterpriseColumns = Omit<EnterpriseRecord, 'server_deleted'>;

export function toEnterprise(row: EnterpriseRecord): Enterprise {
  return {
    id: row.id,
    name: row.name,
    creditCode: row.credit_code,
    industrySection: row.industry_section,
    ...(row.industry_division ? { industryDivision: row.industry_division } : {}),
    region: { province: row.province, city: row.city, district: row.district },
    address: row.address,
    contact: { name: row.contact_name, mobile: row.contact_mobile, ...(row.contact_email ? { email: row.contact_email } : {}) },
    manager: row.manager,
    channel: row.channel,
    ...(row.note ? { note: row.note } : {}),
    ...(licenceOf(row) ? { licence: licenceOf(row) } : {}),
    ...(row.licence_photo_sha256 ? { licencePhotoSha256: row.licence_photo_sha256 } : {}),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    ...(row.group_code ? { groupCode: row.group_code } : {}),
  };
}

/** What a person edits of an enterprise, as the form sends it or as a synced row carries it. */
export type EditableEnterpriseFields = Omit<
  EnterpriseFields,
  'industryDivision' | 'note' | 'contact' | 'licence' | 'licencePhotoSha256'
> & {
  industryDivision?: string | null;
  note?: string | null;
  licence?: { [K in keyof LicenceDetails]?: string | null } | null;
  licencePhotoSha256?: string | null;
  contact: { name: string; mobile: string; email?: string | null };
};

/** The columns of the fields a person edits. */
export const editableColumns = (fields: EditableEnterpriseFields) => ({
  name: fields.name,
  credit_code: fields.creditCode,
  industry_section: fields.industrySection,
  industry_division: fields.industryDivision || null,
  province: fields.region.province,
  city: fields.region.city,
  district: fields.region.district,
  address: fields.address,
  contact_name: fields.contact.name,
  contact_mobile: fields.contact.mobile,
  contact_email: fields.contact.email || null,
  manager: fields.manager,
  channel: fields.channel,
  note: fields.note || null,
  licence_type: fields.licence?.type || null,
  legal_representative: fields.licence?.legalRepresentative || null,
  registered_capital: fields.licence?.registeredCapital || null,
  established_on: fields.licence?.establishedOn || null,
  business_scope: fields.licence?.businessScope || null,
  licence_photo_sha256: fields.licencePhotoSha256 || null,
});

const LICENCE_COLUMN_LIST = [
  'licence_type',
  'legal_representative',
  'registered_capital',
  'established_on',
  'business_scope',
  'licence_photo_sha256',
] as const;
const LICENCE_COLUMNS = LICENCE_COLUMN_LIST.join(', ');
const LICENCE_PARAMS = LICENCE_COLUMN_LIST.map((c) => `@${c}`).join(', ');

const reads = perDatabase((db: ReadableDB) => ({
  byId: db.prepare<[string], EnterpriseRecord>('SELECT * FROM enterprise WHERE id = ?'),
  byCreditCode: db.prepare<[string], { id: string; name: string }>('SELECT id, name FROM enterprise WHERE credit_code = ?'),
  count: db.prepare<[], { n: number }>('SELECT count(*) AS n FROM enterprise WHERE server_deleted = 0'),
  newest: db
    .prepare<[number, number], string>(
      'SELECT id FROM enterprise WHERE server_deleted = 0 ORDER BY updated_at DESC, id DESC LIMIT ? OFFSET ?',
    )
    .pluck(),
  searchEntries: db.prepare<[], SearchEntryRecord>(
    `SELECT id, updated_at, created_at, name, credit_code, contact_mobile, contact_name, province, city, district, platform_status
     FROM enterprise WHERE server_deleted = 0 ORDER BY updated_at DESC, id DESC`,
  ),
  changeCount: db.prepare<[], { n: number }>("SELECT n FROM change_counter WHERE tbl = 'enterprise'"),
  orderChangeCount: db.prepare<[], number>("SELECT n FROM change_counter WHERE tbl = 'service_order'").pluck(),
  synced: db.prepare<[], string>('SELECT id FROM enterprise WHERE base_version IS NOT NULL').pluck(),
}));

const writes = perDatabase((db: WritableDB) => ({
  insert: db.prepare(
    `INSERT INTO enterprise (id, name, credit_code, industry_section, industry_division, province, city, district, address,
       contact_name, contact_mobile, contact_email, manager, channel, note, ${LICENCE_COLUMNS}, created_at, updated_at)
     VALUES (@id, @name, @credit_code, @industry_section, @industry_division, @province, @city, @district, @address,
       @contact_name, @contact_mobile, @contact_email, @manager, @channel, @note, ${LICENCE_PARAMS}, @created_at, @updated_at)`,
  ),
  update: db.prepare(
    `UPDATE enterprise SET name = @name, credit_code = @credit_code, industry_section = @industry_section,
       industry_division = @industry_division, province = @province, city = @city, district = @district, address = @address,
       contact_name = @contact_name, contact_mobile = @contact_mobile, contact_email = @contact_email, manager = @manager,
       channel = @channel, note = @note, ${LICENCE_COLUMN_LIST.map((c) => `${c} = @${c}`).join(', ')}, updated_at = @updated_at
     WHERE id = @id`,
  ),
  upsertSynced: db.prepare<[SyncedEnterpriseColumns]>(
    `INSERT INTO enterprise (id, name, credit_code, industry_section, industry_division, province, city, district, address,
       contact_name, contact_mobile, contact_email, manager, channel, note, ${LICENCE_COLUMNS}, group_code, platform_status, created_at, updated_at,
       base_version, base_json, server_deleted)
     VALUES (@id, @name, @credit_code, @industry_section, @industry_division, @province, @city, @district, @address,
       @contact_name, @contact_mobile, @contact_email, @manager, @channel, @note, ${LICENCE_PARAMS}, @group_code, @platform_status, @created_at, @updated_at,
       @base_version, @base_json, 0)
     ON CONFLICT(id) DO UPDATE SET name = excluded.name, credit_code = excluded.credit_code, industry_section = excluded.industry_section,
       industry_division = excluded.industry_division, province = excluded.province, city = excluded.city, district = excluded.district,
       address = excluded.address, contact_name = excluded.contact_name, contact_mobile = excluded.contact_mobile,
       contact_email = excluded.contact_email, manager = excluded.manager, channel = excluded.channel, note = excluded.note,
       ${LICENCE_COLUMN_LIST.map((c) => `${c} = excluded.${c}`).join(', ')},
       group_code = excluded.group_code, platform_status = excluded.platform_status, created_at = excluded.created_at,
       updated_at = excluded.updated_at, base_version = excluded.base_version, base_json = excluded.base_json, server_deleted = 0`,
  ),
  markDeleted: db.prepare('UPDATE enterprise SET server_deleted = 1, base_version = coalesce(?, base_version) WHERE id = ?'),
  remove: db.prepare('DELETE FROM enterprise WHERE id = ?'),
}));

export const findEnterprise = (db: ReadableDB, id: string): EnterpriseRecord | undefined => reads(db).byId.get(id);
export const creditCodeHolder = (db: ReadableDB, creditCode: string): { id: string; name: string } | undefined =>
  reads(db).byCreditCode.get(creditCode);

export function insertEnterprise(db: WritableDB, id: string, fields: EnterpriseFields, at: string): void {
  writes(db).insert.run({ id, ...editableColumns(fields), created_at: at, updated_at: at });
}

export function updateEnterpriseFields(db: WritableDB, id: string, fields: EnterpriseFields, at: string): void {
  writes(db).update.run({ id, ...editableColumns(fields), updated_at: at });
}

/** The unfiltered list, newest first, straight from the index on updated_at (no search index needed). */
export function newestEnterprises(db: ReadableDB, offset: number, limit: number): { total: number; ids: string[] } {
  return { total: reads(db).count.get()!.n, ids: reads(db).newest.all(limit, offset) };
}

/** The list's rows of these enterprises, in this order (the plan is the orders domain's to say). */
export function enterpriseListRows(db: ReadableDB, ids: string[]): Omit<EnterpriseListRow, 'planCode'>[] {
  if (ids.length === 0) return [];
  const rows = db.prepare<string[], EnterpriseRecord>(`SELECT * FROM enterprise WHERE id IN (${ids.map(() => '?').join(',')})`).all(...ids);
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.flatMap((id) => {
    const r = byId.get(id);
    return r
      ? [
          {
            id: r.id,
            name: r.name,
            creditCode: r.credit_code,
            industrySection: r.industry_section,
            manager: r.manager,
            channel: r.channel,
            updatedAt: r.updated_at,
            contactName: r.contact_name,
            contactMobile: r.contact_mobile,
            city: r.city,
            district: r.district,
            status: r.platform_status,
          },
        ]
      : [];
  });
}

/** What the search index reads of an enterprise: what is searched, filtered and sorted on. */
export type SearchEntryRecord = Pick<
  EnterpriseRecord,
  | 'id'
  | 'updated_at'
  | 'created_at'
  | 'name'
  | 'credit_code'
  | 'contact_mobile'
  | 'contact_name'
  | 'province'
  | 'city'
  | 'district'
  | 'platform_status'
>;

/** Every enterprise as the search index holds it, newest first. */
export const searchEntries = (db: ReadableDB): SearchEntryRecord[] => reads(db).searchEntries.all();

/** Moves on every write to the table, from any connection or process (migration 0004's triggers). */
export const enterpriseChangeCount = (db: ReadableDB): number => reads(db).changeCount.get()?.n ?? 0;
/** The same for service orders (migration 0016), kept with the counters this domain owns. */
export const orderChangeCount = (db: ReadableDB): number => reads(db).orderChangeCount.get() ?? 0;

/* ---------- the sync adapter's side (syncAdapter.ts) ---------- */

export const upsertSyncedEnterprise = (db: WritableDB, columns: SyncedEnterpriseColumns) => void writes(db).upsertSynced.run(columns);
export const markEnterpriseServerDeleted = (db: WritableDB, id: string, version: number | undefined) =>
  void writes(db).markDeleted.run(version ?? null, id);
export const deleteEnterprise = (db: WritableDB, id: string) => void writes(db).remove.run(id);
export const syncedEnterpriseIds = (db: ReadableDB): string[] => reads(db).synced.all();
