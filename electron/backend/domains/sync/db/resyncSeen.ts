/** Full resync bookkeeping (SYNC.md §3.6): the rows received during a resync; synced rows not among them are swept at its end. */
import type { ReadableDB, WritableDB } from '../../../infra/db/handles';
import { perDatabase } from '../../../infra/db/perDatabase';

const reads = perDatabase((db: ReadableDB) => ({
  ofTable: db.prepare<[string], string>('SELECT row_id FROM resync_seen WHERE tbl = ?').pluck(),
}));

const writes = perDatabase((db: WritableDB) => ({
  mark: db.prepare('INSERT OR IGNORE INTO resync_seen (tbl, row_id) VALUES (?, ?)'),
  clear: db.prepare('DELETE FROM resync_seen'),
}));

export const markSeen = (db: WritableDB, tbl: string, id: string) => void writes(db).mark.run(tbl, id);
export const clearSeen = (db: WritableDB) => void writes(db).clear.run();
export const seenIds = (db: ReadableDB, tbl: string): Set<string> => new Set(reads(db).ofTable.all(tbl));
