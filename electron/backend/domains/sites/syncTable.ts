/**
 * The `site` table as the sync engine sees it (electron/backend/domains/sync/tables.ts): rows on the wire
 * are { enterpriseId, name, content, images }; pulled sites land in our own table, so the editor
 * shows them like any other.
 */
import type Database from 'better-sqlite3';
import { perDatabase } from '../../infra/db/perDatabase';
import { registerLocalTable, type Fields, type LocalTable } from '../sync/tables';
import { imagesOfContent, siteStatements, type SiteRow } from './repository';
import type { SiteContent } from '../../../../shared/sites/model';

const statements = perDatabase((db: Database.Database) => ({
  upsert: db.prepare(
    `INSERT INTO site (id, enterprise_id, content_json, revision, created_at, updated_at, base_version, base_json, server_deleted)
     VALUES (@id, @enterprise_id, @content_json, 1, @created_at, @updated_at, @base_version, @base_json, 0)
     ON CONFLICT(id) DO UPDATE SET content_json = excluded.content_json, revision = site.revision + 1, updated_at = excluded.updated_at,
       base_version = excluded.base_version, base_json = excluded.base_json, server_deleted = 0`,
  ),
  markDeleted: db.prepare('UPDATE site SET server_deleted = 1 WHERE id = ?'),
  remove: db.prepare('DELETE FROM site WHERE id = ?'),
  synced: db.prepare<[], { id: string }>('SELECT id FROM site WHERE base_version IS NOT NULL'),
}));

function fieldsOf(row: SiteRow): Fields {
  const content = JSON.parse(row.content_json) as SiteContent;
  return { id: row.id, enterpriseId: row.enterprise_id, name: content.profile?.name ?? '', content, images: imagesOfContent(content), createdAt: row.created_at, updatedAt: row.updated_at };
}

export const siteLocalTable: LocalTable = {
  tbl: 'site',
  load(db, id) {
    const row = siteStatements(db).byId.get(id);
    if (!row) return undefined;
    return { fields: fieldsOf(row), baseVersion: row.base_version, baseJson: row.base_json ? (JSON.parse(row.base_json) as Fields) : null, serverDeleted: row.server_deleted === 1 };
  },
  save(db, id, fields, base) {
    const now = new Date().toISOString();
    statements(db).upsert.run({
      id,
      enterprise_id: String(fields.enterpriseId ?? ''),
      content_json: JSON.stringify(fields.content ?? {}),
      created_at: typeof fields.createdAt === 'string' ? fields.createdAt : now,
      updated_at: typeof fields.updatedAt === 'string' ? fields.updatedAt : now,
      base_version: base?.version ?? null,
      base_json: base ? JSON.stringify(base.row) : null,
    });
  },
  markServerDeleted: (db, id) => void statements(db).markDeleted.run(id),
  remove: (db, id) => void statements(db).remove.run(id),
  syncedIds: (db) => statements(db).synced.all().map((r) => r.id),
  children: () => [],
};

registerLocalTable(siteLocalTable);
