/** SQL for sites: the only place that knows the `site` table. */
import type Database from 'better-sqlite3';
import type { IntakeState } from '../../../../shared/api/sites';
import { imagesIn, type SiteContent } from '../../../../shared/sites/model';
import { perDatabase } from '../../infra/db/perDatabase';

export interface SiteRow {
  id: string;
  enterprise_id: string;
  content_json: string;
  revision: number;
  intake_json: string;
  signed_off_revision: number | null;
  created_at: string;
  updated_at: string;
  base_version: number | null;
  base_json: string | null;
  server_deleted: number;
}

export const siteStatements = perDatabase((db: Database.Database) => ({
  byId: db.prepare<[string], SiteRow>('SELECT * FROM site WHERE id = ?'),
  /** What changes with every write of a site's content, without reading the document itself. */
  stampById: db.prepare<[string], Pick<SiteRow, 'revision' | 'updated_at' | 'server_deleted'>>('SELECT revision, updated_at, server_deleted FROM site WHERE id = ?'),
  /** The enterprise's site; should two have arrived from other devices, the first made. */
  byEnterprise: db.prepare<[string], SiteRow>('SELECT * FROM site WHERE enterprise_id = ? AND server_deleted = 0 ORDER BY created_at, id LIMIT 1'),
  insert: db.prepare(
    `INSERT INTO site (id, enterprise_id, content_json, revision, intake_json, created_at, updated_at)
     VALUES (@id, @enterprise_id, @content_json, 1, @intake_json, @created_at, @updated_at)`,
  ),
  update: db.prepare<[{ id: string; content_json: string; intake_json: string; updated_at: string }]>(
    'UPDATE site SET content_json = @content_json, intake_json = @intake_json, revision = revision + 1, updated_at = @updated_at WHERE id = @id',
  ),
  markSignedOff: db.prepare<[number, string]>('UPDATE site SET signed_off_revision = ? WHERE id = ?'),
}));

export const parseContent = (row: SiteRow): SiteContent => JSON.parse(row.content_json) as SiteContent;
export const parseIntake = (row: SiteRow): IntakeState => JSON.parse(row.intake_json) as IntakeState;

/** Every picture the content shows (logo, item images, images inside rich text, tray), sorted and unique. */
export function imagesOfContent(content: SiteContent): string[] {
  const hashes = new Set<string>();
  const add = (sha256: string | undefined) => sha256 && hashes.add(sha256);
  add(content.profile.logo?.sha256);
  for (const column of content.columns) {
    imagesIn(column.body).forEach((i) => add(i.sha256));
    for (const item of column.items) {
      if (item.kind === 'article' || item.kind === 'product') item.images.forEach((i) => add(i.sha256));
      if (item.kind === 'staff') add(item.photo?.sha256);
      const text = item.kind === 'article' ? item.body : item.kind === 'product' ? item.description : item.kind === 'job' ? item.requirements : item.kind === 'post' ? item.text : [];
      imagesIn(text).forEach((i) => add(i.sha256));
    }
  }
  for (const entry of content.unsorted) {
    entry.images.forEach((i) => add(i.sha256));
    imagesIn(entry.blocks).forEach((i) => add(i.sha256));
  }
  return [...hashes].sort();
}

/** The site's fields on the wire (shared/platform-api/tables.ts siteFieldSchemas). */
export function syncFieldsOf(enterpriseId: string, content: SiteContent): Record<string, unknown> {
  return { enterpriseId, name: content.profile.name, content, images: imagesOfContent(content) };
}
