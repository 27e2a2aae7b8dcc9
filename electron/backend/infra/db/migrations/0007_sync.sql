-- Sync (SYNC.md §3.2, §3.6): what the platform sends back about enterprises and orders, a local
-- mirror for synced tables without a domain table of their own, resync bookkeeping, history.

-- The op's number on the wire (opSeq): assigned when it is first sent, contiguous per clientId,
-- renumbered only when the device registers a new clientId (SYNC.md §3.3, 409 client_state_mismatch).
ALTER TABLE outbox ADD COLUMN wire_seq INTEGER;
CREATE INDEX outbox_wire_seq ON outbox(wire_seq);

-- Server-owned: registered | opening | opened | cancelled (group_code already exists).
ALTER TABLE enterprise ADD COLUMN platform_status TEXT;

-- The platform's side of a submitted order: submitted | opened | completed | failed, the BOSS
-- opening result (group code, domain, SMS code, maintenance account) and a failure message.
ALTER TABLE service_order ADD COLUMN platform_status TEXT;
ALTER TABLE service_order ADD COLUMN opening_json TEXT;
ALTER TABLE service_order ADD COLUMN failure_json TEXT;
ALTER TABLE service_order ADD COLUMN processed_at TEXT;

-- Two devices may create the same enterprise offline; until a person merges them (duplicate_key
-- conflict) both rows must exist locally. New duplicates are still refused by the service.
DROP INDEX enterprise_credit_code;
CREATE INDEX enterprise_credit_code ON enterprise(credit_code);

-- Synced rows of tables the desktop keeps no domain table for (subscriptions; sites until the
-- site builder stores its own): the server row as JSON plus the usual sync columns.
CREATE TABLE sync_row (
  tbl TEXT NOT NULL,
  id TEXT NOT NULL,
  parent_id TEXT,
  row_json TEXT NOT NULL,
  base_version INTEGER,
  base_json TEXT,
  server_deleted INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (tbl, id)
) WITHOUT ROWID;
CREATE INDEX sync_row_parent ON sync_row(parent_id);

-- Rows received during a full resync; synced rows not listed here are swept when it completes.
CREATE TABLE resync_seen (
  tbl TEXT NOT NULL,
  row_id TEXT NOT NULL,
  PRIMARY KEY (tbl, row_id)
) WITHOUT ROWID;

CREATE TABLE sync_history (
  id TEXT PRIMARY KEY,
  started_at TEXT NOT NULL,
  finished_at TEXT NOT NULL,
  trigger TEXT NOT NULL,
  outcome TEXT NOT NULL,
  pushed INTEGER NOT NULL DEFAULT 0,
  pulled INTEGER NOT NULL DEFAULT 0,
  conflicts INTEGER NOT NULL DEFAULT 0,
  uploaded_bytes INTEGER NOT NULL DEFAULT 0,
  error_code TEXT,
  error_message TEXT
);
CREATE INDEX sync_history_started ON sync_history(started_at DESC);

CREATE INDEX conflict_open ON conflict(resolved_at, created_at);
CREATE INDEX conflict_row ON conflict(tbl, row_id);
CREATE INDEX asset_state ON asset(state);
