/**
 * Rows the platform sent that failed their wire schema: never stored in their table, listed here
 * (the latest refusal per row) for the sync centre, until a valid version of the row arrives.
 */
import type { ReadableDB, WritableDB } from '../../../infra/db/handles';
import { perDatabase } from '../../../infra/db/perDatabase';

/** The stable code of a refused row. */
export const ROW_INVALID = 'row_invalid';

const MAX_ROW_TEXT = 64 * 1024;

export interface RefusedRow {
  tbl: string;
  rowId: string;
  version: number | null;
  code: string;
  problems: string[];
  receivedAt: string;
}

interface RefusedRecord {
  tbl: string;
  row_id: string;
  version: number | null;
  code: string;
  problems_json: string;
  row_text: string;
  received_at: string;
}

const reads = perDatabase((db: ReadableDB) => ({
  list: db.prepare<[number], Omit<RefusedRecord, 'row_text'>>(
    'SELECT tbl, row_id, version, code, problems_json, received_at FROM sync_refused_row ORDER BY received_at DESC, tbl, row_id LIMIT ?',
  ),
  count: db.prepare<[], { n: number }>('SELECT count(*) AS n FROM sync_refused_row'),
  keys: db.prepare<[], { tbl: string; row_id: string }>('SELECT tbl, row_id FROM sync_refused_row'),
}));

const writes = perDatabase((db: WritableDB) => ({
  record: db.prepare(
    `INSERT INTO sync_refused_row (tbl, row_id, version, code, problems_json, row_text, received_at) VALUES (@tbl, @rowId, @version, @code, @problems, @rowText, @receivedAt)
     ON CONFLICT(tbl, row_id) DO UPDATE SET version = excluded.version, code = excluded.code, problems_json = excluded.problems_json,
       row_text = excluded.row_text, received_at = excluded.received_at`,
  ),
  clear: db.prepare('DELETE FROM sync_refused_row WHERE tbl = ? AND row_id = ?'),
}));

export function recordRefusedRow(
  db: WritableDB,
  refused: { tbl: string; rowId: string; version: number | null; problems: string[]; row: unknown; at: Date },
): void {
  let rowText: string;
  try {
    rowText = JSON.stringify(refused.row) ?? 'null';
  } catch {
    rowText = String(refused.row);
  }
  writes(db).record.run({
    tbl: refused.tbl,
    rowId: refused.rowId,
    version: refused.version,
    code: ROW_INVALID,
    problems: JSON.stringify(refused.problems),
    rowText: rowText.slice(0, MAX_ROW_TEXT),
    receivedAt: refused.at.toISOString(),
  });
}

/** A valid version of the row arrived: it is no longer refused. */
export const clearRefusedRow = (db: WritableDB, tbl: string, rowId: string) => void writes(db).clear.run(tbl, rowId);

export const countRefusedRows = (db: ReadableDB): number => reads(db).count.get()!.n;
/** The refused rows as `tbl\u0000id` keys (usually none), for a page of changes applied in one go. */
export const refusedRowKeys = (db: ReadableDB): Set<string> =>
  new Set(
    reads(db)
      .keys.all()
      .map((r) => `${r.tbl}\u0000${r.row_id}`),
  );

export function refusedRows(db: ReadableDB, limit: number): RefusedRow[] {
  return reads(db)
    .list.all(limit)
    .map((r) => ({
      tbl: r.tbl,
      rowId: r.row_id,
      version: r.version,
      code: r.code,
      problems: JSON.parse(r.problems_json) as string[],
      receivedAt: r.received_at,
    }));
}
