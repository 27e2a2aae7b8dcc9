-- Rows the platform sent that fail their wire schema (shared/platform-api/tables.ts; a site's
-- content also the site model's): never stored in their table, listed here for the sync centre
-- with a stable code — the latest refusal per row, until a valid version of the row arrives.
CREATE TABLE sync_refused_row (
  tbl TEXT NOT NULL,
  row_id TEXT NOT NULL,
  version INTEGER,
  code TEXT NOT NULL,
  -- JSON array of "path: problem" lines.
  problems_json TEXT NOT NULL,
  -- The row as received, cut at 64 KiB.
  row_text TEXT NOT NULL,
  received_at TEXT NOT NULL,
  PRIMARY KEY (tbl, row_id)
) WITHOUT ROWID;
