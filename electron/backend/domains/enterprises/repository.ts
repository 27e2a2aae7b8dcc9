/** SQL for enterprises: the only place that knows their table. */
import type Database from 'better-sqlite3';
import type { Enterprise, EnterpriseFields, EnterpriseListRow, SalesChannel } from '../../../../shared/domain/enterprise';

export interface EnterpriseRow {
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
  channel: string;
  note: string | null;
  group_code: string | null;
  created_at: string;
  updated_at: string;
  base_version: number | null;
}

export function toEnterprise(row: EnterpriseRow): Enterprise {
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
    channel: row.channel as SalesChannel,
    ...(row.note ? { note: row.note } : {}),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    ...(row.group_code ? { groupCode: row.group_code } : {}),
  };
}

/** The synced field groups of an enterprise (SYNC.md §3.5: region and contact merge as units). */
export function syncFieldsOf(fields: EnterpriseFields): Record<string, unknown> {
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
  };
}

const columnsOf = (fields: EnterpriseFields) => ({
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
});

export function enterpriseStatements(db: Database.Database) {
  return {
    byId: db.prepare<[string], EnterpriseRow>('SELECT * FROM enterprise WHERE id = ?'),
    byCreditCode: db.prepare<[string], { id: string; name: string }>('SELECT id, name FROM enterprise WHERE credit_code = ?'),
    insert: db.prepare(
      `INSERT INTO enterprise (id, name, credit_code, industry_section, industry_division, province, city, district, address,
         contact_name, contact_mobile, contact_email, manager, channel, note, created_at, updated_at)
       VALUES (@id, @name, @credit_code, @industry_section, @industry_division, @province, @city, @district, @address,
         @contact_name, @contact_mobile, @contact_email, @manager, @channel, @note, @created_at, @updated_at)`,
    ),
    update: db.prepare(
      `UPDATE enterprise SET name = @name, credit_code = @credit_code, industry_section = @industry_section,
         industry_division = @industry_division, province = @province, city = @city, district = @district, address = @address,
         contact_name = @contact_name, contact_mobile = @contact_mobile, contact_email = @contact_email, manager = @manager,
         channel = @channel, note = @note, updated_at = @updated_at
       WHERE id = @id`,
    ),
  };
}

export const insertParams = (id: string, fields: EnterpriseFields, at: string) => ({ id, ...columnsOf(fields), created_at: at, updated_at: at });
export const updateParams = (id: string, fields: EnterpriseFields, at: string) => ({ id, ...columnsOf(fields), updated_at: at });

/** The unfiltered list, newest first, straight from the index on updated_at (no search index needed). */
export function newestPage(db: Database.Database, offset: number, limit: number): { total: number; ids: string[] } {
  const total = db.prepare<[], { n: number }>('SELECT count(*) AS n FROM enterprise WHERE server_deleted = 0').get()!.n;
  const ids = db
    .prepare<[number, number], string>('SELECT id FROM enterprise WHERE server_deleted = 0 ORDER BY updated_at DESC, id DESC LIMIT ? OFFSET ?')
    .pluck()
    .all(limit, offset);
  return { total, ids };
}

export function listRows(db: Database.Database, ids: string[]): EnterpriseListRow[] {
  if (ids.length === 0) return [];
  const rows = db
    .prepare<string[], EnterpriseRow>(`SELECT * FROM enterprise WHERE id IN (${ids.map(() => '?').join(',')})`)
    .all(...ids);
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.flatMap((id) => {
    const r = byId.get(id);
    return r
      ? [{
          id: r.id, name: r.name, creditCode: r.credit_code, industrySection: r.industry_section, manager: r.manager,
          channel: r.channel as SalesChannel, updatedAt: r.updated_at, contactName: r.contact_name,
          contactMobile: r.contact_mobile, city: r.city, district: r.district,
        }]
      : [];
  });
}
