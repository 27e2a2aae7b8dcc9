/** SQL for `sync_row`: synced rows of tables the desktop keeps no domain table for (subscriptions). */
import type { ReadableDB, WritableDB } from '../../../infra/db/handles';
import { perDatabase } from '../../../infra/db/perDatabase';

export interface MirrorRecord {
  row_json: string;
  base_version: number | null;
  base_json: string | null;
  server_deleted: number;
}

const reads = perDatabase((db: ReadableDB) => ({
  byId: db.prepare<[string, string], MirrorRecord>(
    'SELECT row_json, base_version, base_json, server_deleted FROM sync_row WHERE tbl = ? AND id = ?',
  ),
  synced: db.prepare<[string], string>('SELECT id FROM sync_row WHERE tbl = ? AND base_version IS NOT NULL').pluck(),
  ofParent: db.prepare<[string, string], string>('SELECT id FROM sync_row WHERE tbl = ? AND parent_id = ?').pluck(),
}));

const writes = perDatabase((db: WritableDB) => ({
  upsert: db.prepare(
    `INSERT INTO sync_row (tbl, id, parent_id, row_json, base_version, base_json, server_deleted) VALUES (?, ?, ?, ?, ?, ?, 0)
     ON CONFLICT(tbl, id) DO UPDATE SET parent_id = excluded.parent_id, row_json = excluded.row_json,
       base_version = excluded.base_version, base_json = excluded.base_json, server_deleted = 0`,
  ),
  markDeleted: db.prepare('UPDATE sync_row SET server_deleted = 1 WHERE tbl = ? AND id = ?'),
  remove: db.prepare('DELETE FROM sync_row WHERE tbl = ? AND id = ?'),
}));

export const findMirrored = (db: ReadableDB, tbl: string, id: string): MirrorRecord | undefined => reads(db).byId.get(tbl, id);
export const mirroredIds = (db: ReadableDB, tbl: string): string[] => reads(db).synced.all(tbl);
export const mirroredIdsOfParent = (db: ReadableDB, tbl: string, parentId: string): string[] => reads(db).ofParent.all(tbl, parentId);

export function saveMirrored(
  db: WritableDB,
  row: { tbl: string; id: string; parentId: string | null; rowJson: string; baseVersion: number | null; baseJson: string | null },
): void {
  writes(db).upsert.run(row.tbl, row.id, row.parentId, row.rowJson, row.baseVersion, row.baseJson);
}

export const markMirroredServerDeleted = (db: WritableDB, tbl: string, id: string) => void writes(db).markDeleted.run(tbl, id);
export const deleteMirrored = (db: WritableDB, tbl: string, id: string) => void writes(db).remove.run(tbl, id);
