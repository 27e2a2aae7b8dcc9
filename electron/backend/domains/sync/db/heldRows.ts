/**
 * Local drafts: records made here that the platform refused from this account and that the person
 * kept on this computer (migration 0017). The unit of work sends nothing about them; deleting one
 * ends its hold.
 */
import type { ReadableDB, WritableDB } from '../../../infra/db/handles';
import { perDatabase } from '../../../infra/db/perDatabase';

const reads = perDatabase((db: ReadableDB) => ({
  one: db.prepare<[string, string], number>('SELECT 1 FROM sync_held_row WHERE tbl = ? AND row_id = ?').pluck(),
  ofTable: db.prepare<[string], string>('SELECT row_id FROM sync_held_row WHERE tbl = ?').pluck(),
}));

const writes = perDatabase((db: WritableDB) => ({
  hold: db.prepare<[string, string, string, string]>(
    'INSERT OR REPLACE INTO sync_held_row (tbl, row_id, reason, held_at) VALUES (?, ?, ?, ?)',
  ),
  release: db.prepare<[string, string]>('DELETE FROM sync_held_row WHERE tbl = ? AND row_id = ?'),
}));

export const holdRow = (db: WritableDB, tbl: string, rowId: string, reason: string, at: string) =>
  void writes(db).hold.run(tbl, rowId, reason, at);
export const releaseRow = (db: WritableDB, tbl: string, rowId: string) => void writes(db).release.run(tbl, rowId);
export const isHeldRow = (db: ReadableDB, tbl: string, rowId: string): boolean => reads(db).one.get(tbl, rowId) !== undefined;
/** The ids of a table's local drafts (few: each is a record someone chose to keep). */
export const heldRowIds = (db: ReadableDB, tbl: string): Set<string> => new Set(reads(db).ofTable.all(tbl));
